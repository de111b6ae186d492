package io.pilotlight.plan;

import io.pilotlight.api.v1alpha1.Condition;
import io.pilotlight.api.v1alpha1.DisasterRecoveryPlan;
import io.pilotlight.api.v1alpha1.DisasterRecoveryPlanStatus;
import io.pilotlight.status.ConditionResult;
import io.pilotlight.status.Conditions;
import io.pilotlight.util.Json;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The status a reconcile is building, next to the one it started from: conditions are set through
 * {@link Conditions}, transitions are collected for Events, and {@link #changed()} tells whether a
 * status patch is needed at all.
 */
final class PlanStatusDraft {

    private final DisasterRecoveryPlan plan;
    private final String before;
    private final DisasterRecoveryPlanStatus status;
    private final List<Conditions.Transition> transitions = new ArrayList<>();
    private final Instant now;
    private Instant wakeAt;

    PlanStatusDraft(DisasterRecoveryPlan plan, Instant now) {
        this.plan = plan;
        this.now = now;
        DisasterRecoveryPlanStatus old = plan.getStatus() == null ? new DisasterRecoveryPlanStatus() : plan.getStatus();
        DisasterRecoveryPlanStatus copy = Json.unmarshal(Json.asJson(old), DisasterRecoveryPlanStatus.class);
        // The site state belongs to PlanSiteState (core.PlanStatusGateway): left out of this status patch, it is neither owned nor overwritten by it.
        copy.setActiveSite(null);
        copy.setFencedSite(null);
        copy.setActiveFailover(null);
        this.before = Json.asJson(copy);
        this.status = copy;
        status.setConditions(Conditions.copy(old.getConditions()));
        status.setObservedGeneration(plan.getMetadata().getGeneration());
    }

    void condition(String type, ConditionResult result) {
        Conditions.set(status.getConditions(), type, result.status(), result.reason(), result.message(),
                plan.getMetadata().getGeneration(), now).ifPresent(transitions::add);
    }

    Optional<Condition> condition(String type) {
        return Conditions.find(status.getConditions(), type);
    }

    List<Condition> conditions() {
        return status.getConditions();
    }

    DisasterRecoveryPlanStatus status() {
        return status;
    }

    List<Conditions.Transition> transitions() {
        return transitions;
    }

    Instant now() {
        return now;
    }

    /** Asks for the next pass no later than then (a scheduled drill's time, a fenced site's next probe); null asks nothing. */
    void wakeBy(Instant at) {
        if (at != null && (wakeAt == null || at.isBefore(wakeAt))) {
            wakeAt = at;
        }
    }

    Optional<Instant> wakeAt() {
        return Optional.ofNullable(wakeAt);
    }

    boolean changed() {
        return !before.equals(Json.asJson(status));
    }
}
