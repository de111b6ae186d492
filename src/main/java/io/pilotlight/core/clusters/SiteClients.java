package io.pilotlight.core.clusters;

import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.pilotlight.api.v1alpha1.DisasterRecoveryPlan;
import io.pilotlight.api.v1alpha1.Reasons;
import io.pilotlight.api.v1alpha1.plan.KubeconfigSecretRef;
import io.pilotlight.api.v1alpha1.plan.SiteSpec;
import io.pilotlight.config.OperatorSettings;
import io.pilotlight.util.Hashes;
import io.pilotlight.util.RemoteErrors;
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
 * Kubernetes clients for the plans, so that a plan's author never borrows the operator's rights
 * (SECURITY.md):
 * <ul>
 * <li>its <b>identity</b> in the operator's cluster: the operator itself for a trusted namespace,
 * otherwise its ServiceAccount, impersonated, so that the API server checks every read and write
 * (a site without kubeconfigSecretRef, the Secrets and traffic objects the plan names) against
 * what that ServiceAccount may do;</li>
 * <li>a <b>remote site</b>: the inline credentials of the kubeconfig Secret the plan names, read
 * with the plan's identity and parsed by {@link KubeconfigParser}.</li>
 * </ul>
 * Clients are cached, rebuilt when a Secret's content changes and closed when no plan uses them.
 */
@ApplicationScoped
public class SiteClients {

    private static final Logger LOG = Logger.getLogger(SiteClients.class);
    /** The role under which a plan holds its identity's client. */
    public static final String IDENTITY = "identity";

    private final KubernetesClient operator;
    private final OperatorSettings.Security security;
    private final Map<String, Entry> byKey = new HashMap<>();
    /** user (plan and role) -> the cache key it holds, so a changed reference releases the old client. */
    private final Map<String, String> heldBy = new HashMap<>();

    public SiteClients(KubernetesClient operator, OperatorSettings settings) {
        this.operator = operator;
        this.security = settings.security();
    }

    private record Entry(String fingerprint, KubernetesClient client, Set<String> users) {
    }

    /**
     * The plan's identity in the operator's cluster.
     *
     * @throws SiteConfigException {@code ServiceAccountRequired} when the plan names no ServiceAccount and
     *         neither a trusted namespace nor a default one applies
     */
    public synchronized KubernetesClient identity(DisasterRecoveryPlan plan) throws SiteConfigException {
        String namespace = plan.getMetadata().getNamespace();
        String user = user(plan, IDENTITY);
        if (security.trusts(namespace)) {
            releaseHeld(user);
            return operator;
        }
        String serviceAccount = Optional.ofNullable(plan.getSpec().getServiceAccountName()).or(security::defaultServiceAccount)
                .orElseThrow(() -> new SiteConfigException(Reasons.SERVICE_ACCOUNT_REQUIRED, "spec.serviceAccountName is required: "
                        + "namespace " + namespace + " is not one the operator trusts, so the plan acts in the operator's cluster "
                        + "as a ServiceAccount of its own namespace (see SECURITY.md)"));
        String username = "system:serviceaccount:" + namespace + ":" + serviceAccount;
        return hold(user, "impersonate:" + username, username, () -> {
            // The user alone, as Flux does: impersonating groups too would need a grant on every group name.
            Config config = new ConfigBuilder(operator.getConfiguration()).withImpersonateUsername(username).build();
            return new KubernetesClientBuilder().withConfig(config).build();
        });
    }

    /** The client of one site of a plan: its identity when the site has no kubeconfigSecretRef. */
    public synchronized KubernetesClient site(DisasterRecoveryPlan plan, String role, SiteSpec site) throws SiteConfigException {
        KubernetesClient identity = identity(plan);
        KubeconfigSecretRef ref = site.getKubeconfigSecretRef();
        String user = user(plan, role);
        if (ref == null) {
            releaseHeld(user);
            return identity;
        }
        String namespace = plan.getMetadata().getNamespace();
        String kubeconfig = readKubeconfig(identity, namespace, ref.getName(), ref.getKey());
        boolean insecure = Boolean.TRUE.equals(site.getAllowInsecureTLS());
        String fingerprint = Hashes.sha256Hex(kubeconfig + "|" + insecure, 32);
        return hold(user, "secret:" + namespace + "/" + ref.getName() + "/" + ref.getKey(), fingerprint, () -> {
            try {
                return remote(kubeconfig, insecure);
            } catch (SiteConfigException e) {
                throw new SiteConfigException(e.reason(), "key '" + ref.getKey() + "' of Secret " + namespace + "/" + ref.getName()
                        + " is not a valid kubeconfig: " + e.getMessage());
            }
        });
    }

    /** The client a user already holds, if any: lets a deleted plan clean up after its Secret is gone. */
    public synchronized Optional<KubernetesClient> held(DisasterRecoveryPlan plan, String role) {
        String cacheKey = heldBy.get(user(plan, role));
        return Optional.ofNullable(cacheKey == null ? null : byKey.get(cacheKey)).map(Entry::client);
    }

    /** Frees every client the plan holds (a deleted plan). */
    public synchronized void release(DisasterRecoveryPlan plan) {
        String prefix = user(plan, "");
        heldBy.keySet().stream().filter(u -> u.startsWith(prefix)).toList().forEach(this::releaseHeld);
    }

    /** How many clients other than the operator's own are open: for tests and metrics. */
    public synchronized int openClients() {
        return byKey.size();
    }

    @PreDestroy
    synchronized void closeAll() {
        byKey.values().forEach(e -> e.client().close());
        byKey.clear();
        heldBy.clear();
    }

    private interface ClientFactory {
        KubernetesClient build() throws SiteConfigException;
    }

    private KubernetesClient hold(String user, String cacheKey, String fingerprint, ClientFactory factory) throws SiteConfigException {
        Entry entry = byKey.get(cacheKey);
        if (entry == null || !entry.fingerprint().equals(fingerprint)) {
            KubernetesClient client = factory.build();
            Set<String> users = entry == null ? new HashSet<>() : entry.users();
            if (entry != null) {
                LOG.infof("%s changed: rebuilding its client", cacheKey);
                entry.client().close();
            }
            entry = new Entry(fingerprint, client, users);
            byKey.put(cacheKey, entry);
        }
        if (!cacheKey.equals(heldBy.get(user))) {
            releaseHeld(user);
            heldBy.put(user, cacheKey);
        }
        entry.users().add(user);
        return entry.client();
    }

    private void releaseHeld(String user) {
        String cacheKey = heldBy.remove(user);
        if (cacheKey == null) {
            return;
        }
        Entry entry = byKey.get(cacheKey);
        if (entry != null && entry.users().remove(user) && entry.users().isEmpty()) {
            entry.client().close();
            byKey.remove(cacheKey);
        }
    }

    private static String readKubeconfig(KubernetesClient identity, String namespace, String secretName, String key)
            throws SiteConfigException {
        Secret secret;
        try {
            secret = identity.secrets().inNamespace(namespace).withName(secretName).get();
        } catch (KubernetesClientException e) {
            throw new SiteConfigException(Reasons.API_ERROR, "cannot read Secret " + namespace + "/" + secretName + ": "
                    + RemoteErrors.describe(e));
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

    private static KubernetesClient remote(String kubeconfig, boolean allowInsecure) throws SiteConfigException {
        Config config = KubeconfigParser.parse(kubeconfig, allowInsecure);
        // A site that is down must not hold a reconcile for long: fail fast, retry on the next pass.
        config.setConnectionTimeout(5_000);
        config.setRequestTimeout(15_000);
        config.setRequestRetryBackoffLimit(1);
        return new KubernetesClientBuilder().withConfig(config).build();
    }

    private static String user(DisasterRecoveryPlan plan, String role) {
        return plan.getMetadata().getNamespace() + "/" + plan.getMetadata().getName() + "/" + role;
    }
}
