package io.pilotlight.core;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.pilotlight.api.v1alpha1.DisasterRecoveryPlan;
import io.pilotlight.api.v1alpha1.Reasons;
import io.pilotlight.api.v1alpha1.plan.SiteSpec;
import io.pilotlight.core.clusters.SiteClients;
import io.pilotlight.core.clusters.SiteConfigException;
import jakarta.enterprise.context.ApplicationScoped;

/** The clients of a plan's two sites, held in {@link SiteClients} under the plan's name. */
@ApplicationScoped
public class PlanSites {

    private final SiteClients clients;

    public PlanSites(SiteClients clients) {
        this.clients = clients;
    }

    /** Who the plan acts as in the operator's cluster; see {@link SiteClients#identity}. */
    public KubernetesClient identity(DisasterRecoveryPlan plan) throws SiteConfigException {
        return clients.identity(plan);
    }

    public KubernetesClient primary(DisasterRecoveryPlan plan) throws SiteConfigException {
        return acquire(plan, "primary");
    }

    public KubernetesClient standby(DisasterRecoveryPlan plan) throws SiteConfigException {
        return acquire(plan, "standby");
    }

    /**
     * The primary's client for cleaning up: when the plan's namespace is being deleted its Secret
     * may already be gone, but the client built from it is still cached.
     */
    public KubernetesClient primaryForCleanup(DisasterRecoveryPlan plan) throws SiteConfigException {
        try {
            return primary(plan);
        } catch (SiteConfigException e) {
            String holder = plan.getSpec().getPrimary().getKubeconfigSecretRef() == null ? SiteClients.IDENTITY : "primary";
            return clients.held(plan, holder).orElseThrow(() -> e);
        }
    }

    public void release(DisasterRecoveryPlan plan) {
        clients.release(plan);
    }

    private KubernetesClient acquire(DisasterRecoveryPlan plan, String role) throws SiteConfigException {
        SiteSpec site = role.equals("primary") ? plan.getSpec().getPrimary() : plan.getSpec().getStandby();
        try {
            return clients.site(plan, role, site);
        } catch (SiteConfigException e) {
            if (e.reason().equals(Reasons.SERVICE_ACCOUNT_REQUIRED)) {
                throw e;
            }
            throw new SiteConfigException(e.reason(), "spec." + role + ".kubeconfigSecretRef: " + e.getMessage());
        }
    }
}
