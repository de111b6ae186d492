package io.pilotlight.clusters;

import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.pilotlight.api.v1alpha1.Reasons;
import io.pilotlight.util.Hashes;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jboss.logging.Logger;

/**
 * Kubernetes clients for the sites of the plans: one per kubeconfig Secret, cached, rebuilt when
 * the Secret's content changes and closed when no plan uses it any more. A site without a Secret
 * is the cluster the operator runs in.
 */
@ApplicationScoped
public class SiteClients {

    private static final Logger LOG = Logger.getLogger(SiteClients.class);

    private final KubernetesClient local;
    private final Map<String, Entry> bySecret = new HashMap<>();
    /** user (plan and role) -> the cache key it holds, so a changed reference releases the old client. */
    private final Map<String, String> heldBy = new HashMap<>();

    public SiteClients(KubernetesClient local) {
        this.local = local;
    }

    private record Entry(String fingerprint, KubernetesClient client, Set<String> users) {
    }

    /**
     * The client for one site of a plan.
     *
     * @param user who holds the client, e.g. {@code ns/plan/primary}; {@link #release} frees it
     * @param namespace the plan's namespace, where its kubeconfig Secret lives
     * @param secretName the Secret's name, or null for the operator's own cluster
     */
    public synchronized KubernetesClient acquire(String user, String namespace, String secretName, String key)
            throws SiteConfigException {
        if (secretName == null) {
            releaseHeld(user);
            return local;
        }
        String kubeconfig = readKubeconfig(namespace, secretName, key);
        String cacheKey = namespace + "/" + secretName + "/" + key;
        String fingerprint = Hashes.sha256Hex(kubeconfig, 32);
        Entry entry = bySecret.get(cacheKey);
        if (entry == null || !entry.fingerprint().equals(fingerprint)) {
            KubernetesClient client = build(kubeconfig, namespace, secretName, key);
            Set<String> users = entry == null ? new HashSet<>() : entry.users();
            if (entry != null) {
                LOG.infof("kubeconfig Secret %s/%s changed: rebuilding its client", namespace, secretName);
                entry.client().close();
            }
            entry = new Entry(fingerprint, client, users);
            bySecret.put(cacheKey, entry);
        }
        if (!cacheKey.equals(heldBy.get(user))) {
            releaseHeld(user);
            heldBy.put(user, cacheKey);
        }
        entry.users().add(user);
        return entry.client();
    }

    /** The client a user already holds, if any: lets a deleted plan clean up after its Secret is gone. */
    public synchronized Optional<KubernetesClient> held(String user) {
        String cacheKey = heldBy.get(user);
        return Optional.ofNullable(cacheKey == null ? null : bySecret.get(cacheKey)).map(Entry::client);
    }

    /** Frees every client held by users whose name starts with the prefix (a deleted plan). */
    public synchronized void release(String userPrefix) {
        heldBy.keySet().stream().filter(u -> u.startsWith(userPrefix)).toList().forEach(this::releaseHeld);
    }

    /** How many remote clients are open: for tests and metrics. */
    public synchronized int openClients() {
        return bySecret.size();
    }

    @PreDestroy
    synchronized void closeAll() {
        bySecret.values().forEach(e -> e.client().close());
        bySecret.clear();
        heldBy.clear();
    }

    private void releaseHeld(String user) {
        String cacheKey = heldBy.remove(user);
        if (cacheKey == null) {
            return;
        }
        Entry entry = bySecret.get(cacheKey);
        if (entry != null && entry.users().remove(user) && entry.users().isEmpty()) {
            entry.client().close();
            bySecret.remove(cacheKey);
        }
    }

    private String readKubeconfig(String namespace, String secretName, String key) throws SiteConfigException {
        Secret secret;
        try {
            secret = local.secrets().inNamespace(namespace).withName(secretName).get();
        } catch (KubernetesClientException e) {
            throw new SiteConfigException(Reasons.API_ERROR, "cannot read Secret " + namespace + "/" + secretName + ": HTTP " + e.getCode());
        }
        if (secret == null) {
            throw new SiteConfigException(Reasons.SECRET_NOT_FOUND, "Secret " + namespace + "/" + secretName + " does not exist");
        }
        String encoded = secret.getData() == null ? null : secret.getData().get(key);
        if (encoded == null) {
            throw new SiteConfigException(Reasons.SECRET_NOT_FOUND, "Secret " + namespace + "/" + secretName + " has no key '" + key
                    + "'; it has " + (secret.getData() == null ? "no keys" : secret.getData().keySet()));
        }
        return new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
    }

    private static KubernetesClient build(String kubeconfig, String namespace, String secretName, String key)
            throws SiteConfigException {
        Config config;
        try {
            config = Config.fromKubeconfig(kubeconfig);
        } catch (RuntimeException e) {
            // The parser's message may quote the file: never pass it on, it may hold credentials.
            throw new SiteConfigException(Reasons.INVALID_KUBECONFIG, "key '" + key + "' of Secret " + namespace + "/" + secretName
                    + " is not a valid kubeconfig (" + e.getClass().getSimpleName() + ")");
        }
        if (config.getMasterUrl() == null || config.getMasterUrl().isBlank()) {
            throw new SiteConfigException(Reasons.INVALID_KUBECONFIG, "the kubeconfig in Secret " + namespace + "/" + secretName + " names no server");
        }
        // A site that is down must not hold a reconcile for long: fail fast, retry on the next pass.
        config.setConnectionTimeout(5_000);
        config.setRequestTimeout(15_000);
        config.setRequestRetryBackoffLimit(1);
        return new KubernetesClientBuilder().withConfig(config).build();
    }
}
