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
    private boolean lookSoon;

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

    /** A section waits for something that must be acted on at once when it comes (a fenced site answering again). */
    void lookSoon() {
        lookSoon = true;
    }

    boolean soon() {
        return lookSoon;
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

    boolean changed() {
        return !before.equals(Json.asJson(status));
    }
}
