package io.pilotlight.plan;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.pilotlight.api.v1alpha1.DisasterRecoveryPlan;
import io.pilotlight.core.PlanSites;
import io.pilotlight.core.clusters.SiteConfigException;
import io.pilotlight.status.ConditionResult;
import io.pilotlight.traffic.TrafficGrants;
import io.pilotlight.traffic.TrafficSwitchException;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

/**
 * What a plan must pass before the operator acts for it at all (SECURITY.md): an identity to act as
 * in the operator's cluster, and a grant for a traffic object in another namespace.
 */
@ApplicationScoped
public class TrustGate {

    private final PlanSites sites;
    private final KubernetesClient operator;

    public TrustGate(PlanSites sites, KubernetesClient operator) {
        this.sites = sites;
        this.operator = operator;
    }

    /** Why the plan is refused, as its Ready condition; empty when it may go on. */
    public Optional<ConditionResult> refusal(DisasterRecoveryPlan plan) {
        try {
            sites.identity(plan);
        } catch (SiteConfigException e) {
            return Optional.of(ConditionResult.isFalse(e.reason(), e.getMessage()));
        }
        return TrafficGrants.refusal(plan, operator).map(why -> ConditionResult.isFalse(TrafficSwitchException.NOT_ALLOWED, why));
    }
}
