package io.pilotlight.plan;

import io.pilotlight.api.v1alpha1.ConditionTypes;
import io.pilotlight.api.v1alpha1.DisasterRecoveryPlan;
import io.pilotlight.api.v1alpha1.Failover;
import io.pilotlight.api.v1alpha1.Reasons;
import io.pilotlight.api.v1alpha1.plan.DrillPolicySpec;
import io.pilotlight.api.v1alpha1.plan.DrillRun;
import io.pilotlight.api.v1alpha1.plan.DrillStatus;
import io.pilotlight.core.ActiveFailovers;
import io.pilotlight.status.Conditions;
import io.pilotlight.status.EventRecorder;
import io.pilotlight.util.GoDurations;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Collection;
import java.util.Objects;
import java.util.Optional;

/**
 * The drill part of a plan's pass: the last drill and the predicted RTO in {@code status.drill}, an
 * event when a drill ends, the DrillSucceeded condition (when the plan schedules or checks drills),
 * the drill metrics, and the scheduled drills themselves ({@link DrillScheduler}) with their history
 * limit.
 */
@ApplicationScoped
public class DrillSection {

    private final DrillScheduler scheduler;
    private final EventRecorder events;
    private final DrillMetrics metrics;

    public DrillSection(DrillScheduler scheduler, EventRecorder events, DrillMetrics metrics) {
        this.scheduler = scheduler;
        this.events = events;
        this.metrics = metrics;
    }

    /** @param failovers the plan's Failovers, from its event source */
    void observe(DisasterRecoveryPlan plan, Collection<Failover> failovers, PlanStatusDraft draft) {
        DrillPolicySpec policy = policy(plan);
        DrillStatus before = plan.getStatus() == null ? null : plan.getStatus().getDrill();
        DrillStatus drill = draft.status().getDrill() == null ? new DrillStatus() : draft.status().getDrill();
        DrillRun last = DrillHistory.newest(failovers, f -> true).orElse(drill.getLast());
        drill.setLast(last);
        DrillRun succeeded = DrillHistory.newest(failovers, DrillHistory::completed).orElse(drill.getLastSucceeded());
        drill.setLastSucceeded(succeeded);
        drill.setPredictedRtoSeconds(succeeded == null ? null : succeeded.getRtoSeconds());
        announceEnd(plan, before == null ? null : before.getLast(), last);
        boolean configured = policy != null && (policy.getSchedule() != null || policy.getMaxAge() != null);
        if (policy != null && policy.getSchedule() != null) {
            scheduler.run(plan, policy, drill, draft);
            scheduler.prune(plan, failovers, policy.getHistoryLimit() == null ? 3 : policy.getHistoryLimit());
        } else {
            drill.setSchedule(null);
            drill.setNextRunAt(null);
        }
        DrillRun lastEnded = DrillHistory.ended(last) ? last
                : DrillHistory.newest(failovers, ActiveFailovers::ended).orElse(succeeded);
        if (configured) {
            draft.condition(ConditionTypes.DRILL_SUCCEEDED, DrillRules.condition(lastEnded,
                    DrillHistory.ended(last) || last == null ? null : last.getName(), policy.getMaxAge(), draft.now()));
        } else {
            draft.status().getConditions().removeIf(c -> ConditionTypes.DRILL_SUCCEEDED.equals(c.getType()));
        }
        boolean any = last != null || drill.getNextRunAt() != null;
        draft.status().setDrill(any ? drill : null);
        if (any || configured) {
            metrics.update(plan.getMetadata().getNamespace(), plan.getMetadata().getName(), values(lastEnded, drill, policy, draft));
        } else {
            metrics.remove(plan.getMetadata().getNamespace(), plan.getMetadata().getName());
        }
    }

    /** One event on the plan per drill that ends, whoever created it; none again after a restart. */
    private void announceEnd(DisasterRecoveryPlan plan, DrillRun before, DrillRun now) {
        if (!DrillHistory.ended(now) || before != null && Objects.equals(before.getName(), now.getName()) && DrillHistory.ended(before)) {
            return;
        }
        if ("Completed".equals(now.getResult())) {
            events.normal(plan, Reasons.DRILL_COMPLETED, "drill " + now.getName() + " completed"
                    + (now.getRtoSeconds() == null ? "" : ": RTO " + now.getRtoSeconds() + "s"));
        } else {
            events.warning(plan, Reasons.DRILL_FAILED, "drill " + now.getName() + " failed"
                    + (now.getMessage() == null ? "" : ": " + now.getMessage()));
        }
    }

    private static DrillMetrics.Values values(DrillRun lastEnded, DrillStatus drill, DrillPolicySpec policy, PlanStatusDraft draft) {
        double end = lastEnded == null || lastEnded.getCompletedAt() == null ? Double.NaN
                : Instant.parse(lastEnded.getCompletedAt()).getEpochSecond();
        double success = lastEnded == null ? Double.NaN : "Completed".equals(lastEnded.getResult()) ? 1 : 0;
        double rto = lastEnded == null || lastEnded.getRtoSeconds() == null ? Double.NaN : lastEnded.getRtoSeconds();
        double predicted = drill.getPredictedRtoSeconds() == null ? Double.NaN : drill.getPredictedRtoSeconds();
        double maxAge = policy == null || policy.getMaxAge() == null ? Double.NaN : GoDurations.parse(policy.getMaxAge()).toSeconds();
        Optional<Boolean> holds = draft.condition(ConditionTypes.DRILL_SUCCEEDED).map(c -> Conditions.isTrue(draft.conditions(),
                ConditionTypes.DRILL_SUCCEEDED));
        return new DrillMetrics.Values(end, success, rto, predicted, maxAge, holds.map(h -> h ? 1.0 : 0.0).orElse(Double.NaN));
    }

    private static DrillPolicySpec policy(DisasterRecoveryPlan plan) {
        return plan.getSpec().getFailover() == null ? null : plan.getSpec().getFailover().getDrill();
    }
}
