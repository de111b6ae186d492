package io.pilotlight.plan;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.pilotlight.api.v1alpha1.ConditionTypes;
import io.pilotlight.api.v1alpha1.DisasterRecoveryPlan;
import io.pilotlight.api.v1alpha1.Reasons;
import io.pilotlight.core.clusters.SiteHealth;
import io.pilotlight.status.ConditionResult;
import io.pilotlight.status.Conditions;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** StandbyCompatible: checked when the plan changes and every few minutes while both sites answer. */
@ApplicationScoped
public class CompatibilitySection {

    private final StandbyCompatibility check;
    private final CompatibilityCadence cadence;

    public CompatibilitySection(StandbyCompatibility check, CompatibilityCadence cadence) {
        this.check = check;
        this.cadence = cadence;
    }

    void observe(DisasterRecoveryPlan plan, PlanStatusDraft draft, KubernetesClient primary, SiteHealth primaryHealth,
            KubernetesClient standby, SiteHealth standbyHealth, List<String> namespaces) {
        if (!primaryHealth.reachable() || !standbyHealth.reachable() || namespaces == null) {
            if (Conditions.find(draft.conditions(), ConditionTypes.STANDBY_COMPATIBLE).isPresent()) {
                return; // keep the last verdict: it was true of the sites as they were
            }
            draft.condition(ConditionTypes.STANDBY_COMPATIBLE, ConditionResult.unknown(Reasons.SITE_UNREACHABLE,
                    "both sites must answer before the standby can be compared with the primary"));
            return;
        }
        String uid = plan.getMetadata().getUid();
        long generation = plan.getMetadata().getGeneration();
        // Also due when the status lacks the verdict: a pass that began from a copy of the plan older than
        // the last check's write would otherwise leave StandbyCompatible out (and Ready False) until the next check.
        if (!cadence.due(uid, generation, draft.now())
                && Conditions.find(draft.conditions(), ConditionTypes.STANDBY_COMPATIBLE).isPresent()) {
            return;
        }
        try {
            draft.condition(ConditionTypes.STANDBY_COMPATIBLE, check.check(primary, primaryHealth, standby, standbyHealth, namespaces));
            cadence.checked(uid, generation, draft.now());
        } catch (KubernetesClientException e) {
            draft.condition(ConditionTypes.STANDBY_COMPATIBLE, ConditionResult.unknown(Reasons.API_ERROR,
                    "comparing the sites failed: HTTP " + e.getCode()));
        }
    }

    void forget(DisasterRecoveryPlan plan) {
        cadence.forget(plan.getMetadata().getUid());
    }
}
