package io.pilotlight.plan;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.pilotlight.api.v1alpha1.DisasterRecoveryPlan;
import io.pilotlight.api.v1alpha1.plan.KubeconfigSecretRef;
import io.pilotlight.api.v1alpha1.plan.SiteSpec;
import io.pilotlight.clusters.SiteClients;
import io.pilotlight.clusters.SiteConfigException;
import jakarta.enterprise.context.ApplicationScoped;

/** The clients of a plan's two sites, held in {@link SiteClients} under the plan's name. */
@ApplicationScoped
public class PlanSites {

    private final SiteClients clients;

    public PlanSites(SiteClients clients) {
        this.clients = clients;
    }

    public KubernetesClient primary(DisasterRecoveryPlan plan) throws SiteConfigException {
        return acquire(plan, "primary", plan.getSpec().getPrimary());
    }

    public KubernetesClient standby(DisasterRecoveryPlan plan) throws SiteConfigException {
        return acquire(plan, "standby", plan.getSpec().getStandby());
    }

    /**
     * The primary's client for cleaning up: when the plan's namespace is being deleted its Secret
     * may already be gone, but the client built from it is still cached.
     */
    public KubernetesClient primaryForCleanup(DisasterRecoveryPlan plan) throws SiteConfigException {
        try {
            return primary(plan);
        } catch (SiteConfigException e) {
            return clients.held(user(plan, "primary")).orElseThrow(() -> e);
        }
    }

    public void release(DisasterRecoveryPlan plan) {
        clients.release(user(plan, ""));
    }

    private KubernetesClient acquire(DisasterRecoveryPlan plan, String role, SiteSpec site) throws SiteConfigException {
        KubeconfigSecretRef ref = site.getKubeconfigSecretRef();
        try {
            return clients.acquire(user(plan, role), plan.getMetadata().getNamespace(), ref == null ? null : ref.getName(),
                    ref == null ? null : ref.getKey());
        } catch (SiteConfigException e) {
            throw new SiteConfigException(e.reason(), "spec." + role + ".kubeconfigSecretRef: " + e.getMessage());
        }
    }

    private static String user(DisasterRecoveryPlan plan, String role) {
        return plan.getMetadata().getNamespace() + "/" + plan.getMetadata().getName() + "/" + role;
    }
}
