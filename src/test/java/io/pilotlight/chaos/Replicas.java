package io.pilotlight.chaos;

import io.fabric8.kubernetes.api.model.ServiceAccountBuilder;
import io.fabric8.kubernetes.api.model.authentication.TokenRequestBuilder;
import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBindingBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.pilotlight.testsupport.OperatorAsServiceAccount;
import io.pilotlight.testsupport.OperatorProcess;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * Two replicas of the operator on its own cluster (the standby), as a Deployment with
 * {@code replicas: 2} runs them: the same packaged jar and configuration, leader election on with
 * JOSDK's durations (Pilotlight sets none: lease 15 s, renew deadline 10 s, retry every 2 s), each
 * with its own Pod name (the Lease identity) and, unlike a Deployment, its own ServiceAccount, so that
 * the audit log ({@link WriteLog}) tells their writes apart. The ServiceAccounts are bound to
 * cluster-admin, as the admin kubeconfig of the single-replica kill points is: what is tested here is
 * who writes when, not RBAC (InstallIT runs deploy/'s).
 */
final class Replicas implements AutoCloseable {

    static final String LEASE = "pilotlight-operator";
    /** JOSDK's retry period of the election (LeaderElectionConfiguration.RETRY_PERIOD_DEFAULT_VALUE). */
    static final Duration RETRY = Duration.ofSeconds(2);

    private final KubernetesClient standby;
    private final String namespace;
    private final List<OperatorProcess> processes = new ArrayList<>();
    private final List<String> bindings = new ArrayList<>();

    /**
     * @param names the replicas' names, each a ServiceAccount in {@code namespace} and the suffix of its Pod name
     */
    Replicas(KubernetesClient standby, String namespace, String runLabel, String trusted, Path logDir, List<String> names) {
        this.standby = standby;
        this.namespace = namespace;
        for (String name : names) {
            standby.resource(new ServiceAccountBuilder().withNewMetadata().withName(name).withNamespace(namespace).endMetadata().build())
                    .serverSideApply();
            String binding = namespace + "-" + name;
            standby.resource(new ClusterRoleBindingBuilder().withNewMetadata().withName(binding).endMetadata().withNewRoleRef()
                    .withApiGroup("rbac.authorization.k8s.io").withKind("ClusterRole").withName("cluster-admin").endRoleRef()
                    .addNewSubject().withKind("ServiceAccount").withName(name).withNamespace(namespace).endSubject().build())
                    .serverSideApply();
            bindings.add(binding);
            String token = standby.serviceAccounts().inNamespace(namespace).withName(name)
                    .tokenRequest(new TokenRequestBuilder().withNewSpec().withExpirationSeconds(7200L).endSpec().build())
                    .getStatus().getToken();
            Path kubeconfig = logDir.resolve(name + ".kubeconfig");
            try {
                Files.createDirectories(logDir);
                Files.writeString(kubeconfig, OperatorAsServiceAccount.kubeconfig(standby, token));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            processes.add(new OperatorProcess(kubeconfig, namespace, runLabel, trusted, logDir, "pilotlight-operator-" + name));
        }
    }

    OperatorProcess get(int i) {
        return processes.get(i);
    }

    List<OperatorProcess> all() {
        return List.copyOf(processes);
    }

    /** The authenticated user of a replica, as the audit log names it. */
    String user(OperatorProcess replica) {
        return "system:serviceaccount:" + namespace + ":" + replica.identity().substring("pilotlight-operator-".length());
    }

    Lease lease() {
        return standby.leases().inNamespace(namespace).withName(LEASE).get();
    }

    /** Who holds the Lease now, or null. */
    String holder() {
        Lease lease = lease();
        return lease == null || lease.getSpec() == null ? null : lease.getSpec().getHolderIdentity();
    }

    Duration leaseDuration() {
        return Duration.ofSeconds(lease().getSpec().getLeaseDurationSeconds());
    }

    /**
     * Makes the Lease unrenewable for its holder: another identity takes it, freshly renewed, as a
     * replica that saw it expire would. The holder's next renewal finds it held by someone else.
     */
    void steal(String intruder) {
        // The holder renews every retry period: a renewal between our read and our write is a 409, read again.
        for (int attempt = 1;; attempt++) {
            ZonedDateTime now = ZonedDateTime.now(ZoneOffset.UTC);
            try {
                standby.leases().inNamespace(namespace).withName(LEASE).edit(l -> {
                    l.getSpec().setHolderIdentity(intruder);
                    l.getSpec().setAcquireTime(now);
                    l.getSpec().setRenewTime(now);
                    l.getSpec().setLeaseTransitions(l.getSpec().getLeaseTransitions() == null ? 1 : l.getSpec().getLeaseTransitions() + 1);
                    return l;
                });
                return;
            } catch (KubernetesClientException e) {
                if (e.getCode() != 409 || attempt == 10) {
                    throw e;
                }
            }
        }
    }

    /** Every line every replica wrote, for the credential check. */
    String allLogs() {
        StringBuilder out = new StringBuilder();
        processes.forEach(p -> out.append(p.allLogs()));
        return out.toString();
    }

    String logTails(int lines) {
        StringBuilder out = new StringBuilder();
        processes.forEach(p -> out.append(p.logTail(lines)).append('\n'));
        return out.toString();
    }

    /** Stops the replicas this object started and removes their bindings (the ServiceAccounts go with the namespace). */
    @Override
    public void close() {
        processes.forEach(OperatorProcess::close);
        bindings.forEach(b -> standby.rbac().clusterRoleBindings().withName(b).delete());
    }
}
