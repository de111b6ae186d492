package io.pilotlight.core;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.pilotlight.api.v1alpha1.DisasterRecoveryPlan;
import io.pilotlight.api.v1alpha1.DisasterRecoveryPlanStatus;
import io.pilotlight.status.StatusGateway;
import io.pilotlight.util.Json;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Every write of a plan's status. Two writers own disjoint fields:
 * <ul>
 * <li>the plan reconciler, which recomputes its part on every pass: applied without a
 * resourceVersion and cached for its next pass ({@link StatusGateway.Lock#MERGE});</li>
 * <li>Failovers (and the plan's pass, on their behalf), through {@link PlanSiteState}: the site
 * state ({@code activeSite}, {@code fencedSite}, {@code activeFailover}), a compare-and-set on the
 * version the caller holds, redone on a fresh read when another write came in between.</li>
 * </ul>
 */
@ApplicationScoped
public class PlanStatusGateway {

    /** As JOSDK's {@code PrimaryUpdateAndCacheUtils.DEFAULT_MAX_RETRY}. */
    static final int ATTEMPTS = 10;

    private final KubernetesClient client;

    public PlanStatusGateway(KubernetesClient client) {
        this.client = client;
    }

    /** A change of the site state; returns false when there is nothing to write. */
    @FunctionalInterface
    public interface Change {
        boolean apply(DisasterRecoveryPlanStatus status);
    }

    /** The plan reconciler's own status, which leaves the site state out (see {@code PlanStatusDraft}). */
    public void patch(DisasterRecoveryPlan plan, DisasterRecoveryPlanStatus status, Context<DisasterRecoveryPlan> context) {
        plan.setStatus(status);
        StatusGateway.apply(plan, StatusGateway.Lock.MERGE, context);
    }

    /**
     * Applies the change to the site state of the plan as the caller read it, and writes it with that
     * resourceVersion; on a conflict, reads the plan again and applies the change to that. The
     * caller's copy is left as it is.
     */
    void changeSiteState(DisasterRecoveryPlan plan, Change change) {
        DisasterRecoveryPlan current = copy(plan);
        for (int attempt = 1;; attempt++) {
            if (current == null) {
                return;
            }
            if (current.getStatus() == null) {
                current.setStatus(new DisasterRecoveryPlanStatus());
            }
            if (!change.apply(current.getStatus())) {
                return;
            }
            try {
                client.resource(current).updateStatus();
                return;
            } catch (KubernetesClientException e) {
                if (e.getCode() != 409 || attempt >= ATTEMPTS) {
                    throw e;
                }
            }
            current = client.resources(DisasterRecoveryPlan.class).inNamespace(plan.getMetadata().getNamespace())
                    .withName(plan.getMetadata().getName()).get();
        }
    }

    private static DisasterRecoveryPlan copy(DisasterRecoveryPlan plan) {
        return Json.unmarshal(Json.asJson(plan), DisasterRecoveryPlan.class);
    }
}
