package io.pilotlight.failover;

import io.pilotlight.api.v1alpha1.Condition;
import io.pilotlight.api.v1alpha1.ConditionStatus;
import io.pilotlight.api.v1alpha1.ConditionTypes;
import io.pilotlight.api.v1alpha1.DisasterRecoveryPlan;
import io.pilotlight.api.v1alpha1.Failover;
import io.pilotlight.api.v1alpha1.FailoverStatus;
import io.pilotlight.api.v1alpha1.Reasons;
import io.pilotlight.api.v1alpha1.failover.FailoverPhase;
import io.pilotlight.api.v1alpha1.failover.StepState;
import io.pilotlight.api.v1alpha1.plan.SyncMode;
import io.pilotlight.core.PlanSiteState;
import io.pilotlight.failover.report.ReportConfigMap;
import io.pilotlight.failover.run.FailoverRun;
import io.pilotlight.failover.steps.FinalSyncStep;
import io.pilotlight.failover.steps.ReadinessWatches;
import io.pilotlight.status.Conditions;
import io.pilotlight.status.EventRecorder;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The start and the end of a Failover: phase, times, the measured RTO and RPO, the Progressing
 * condition, events and metrics, the release of the plan, the report ({@link ReportConfigMap}) and the
 * readiness watch ({@link ReadinessWatches}) when it ends.
 */
@ApplicationScoped
public class FailoverOutcome {

    private final EventRecorder events;
    private final PlanSiteState siteState;
    private final FailoverMetrics metrics;
    private final ReportConfigMap reports;
    private final ReadinessWatches readiness;

    public FailoverOutcome(EventRecorder events, PlanSiteState siteState, FailoverMetrics metrics, ReportConfigMap reports,
            ReadinessWatches readiness) {
        this.events = events;
        this.siteState = siteState;
        this.metrics = metrics;
        this.reports = reports;
        this.readiness = readiness;
    }

    void start(Failover failover, DisasterRecoveryPlan plan, Instant now) {
        FailoverStatus status = failover.getStatus() == null ? new FailoverStatus() : failover.getStatus();
        failover.setStatus(status);
        status.setPhase(FailoverPhase.PENDING);
        status.setStartedAt(Conditions.timestamp(now));
        status.setObservedGeneration(failover.getMetadata().getGeneration());
        if (plan != null) {
            FailoverRun run = new FailoverRun(failover, plan, null, now);
            status.setFromSite(run.siteName(run.fromRole()));
            status.setToSite(run.siteName(run.toRole()));
            status.setRpoSeconds(recoveryPointAge(plan, now));
        }
        condition(failover, ConditionStatus.TRUE, Reasons.STARTED, "the failover started", now);
        events.normal(failover, Reasons.STARTED, failover.getSpec().getType() + " failover of plan " + failover.getSpec().getPlanRef().getName()
                + (plan == null ? "" : " from " + status.getFromSite() + " to " + status.getToSite()) + " started");
    }

    void complete(FailoverRun run) {
        Failover failover = run.failover();
        FailoverStatus status = failover.getStatus();
        status.setPhase(FailoverPhase.COMPLETED);
        status.setCompletedAt(Conditions.timestamp(run.now()));
        status.setInFlight(null);
        status.setMessage(null);
        long rto = Duration.between(created(failover, run.now()), run.now()).toSeconds();
        status.setRtoSeconds(rto);
        if (run.stepEnded(FinalSyncStep.NAME, StepState.SUCCEEDED)) {
            status.setRpoSeconds(0L);
        }
        siteState.release(run.plan(), failover.getMetadata().getName());
        String summary = failover.getSpec().getType() + " failover to " + status.getToSite() + " completed in " + rto + "s"
                + (status.getRpoSeconds() == null ? "" : "; recovery point " + status.getRpoSeconds() + "s old");
        condition(failover, ConditionStatus.FALSE, Reasons.SUCCEEDED, summary, run.now());
        events.normal(failover, Reasons.SUCCEEDED, summary);
        metrics.ended(failover, true, rto);
        reports.record(failover, run.plan());
        readiness.stop(failover);
    }

    void fail(Failover failover, DisasterRecoveryPlan plan, String step, String reason, String message, Instant now) {
        FailoverStatus status = failover.getStatus();
        status.setPhase(FailoverPhase.FAILED);
        status.setCompletedAt(Conditions.timestamp(now));
        status.setInFlight(null);
        String text = (step == null ? "" : step + ": ") + message;
        status.setMessage(StepLog.trim(text));
        if (plan != null && !Reasons.CONFLICT.equals(reason)) {
            siteState.release(plan, failover.getMetadata().getName());
        }
        condition(failover, ConditionStatus.FALSE, reason, StepLog.trim(text), now);
        events.warning(failover, Reasons.FAILED, StepLog.trim(text));
        metrics.ended(failover, false, Duration.between(created(failover, now), now).toSeconds());
        reports.record(failover, plan);
        readiness.stop(failover);
    }

    /**
     * Age of the newest good copy of the data when the failover starts: the parked copy (on the standby,
     * or on the primary re-protected after a failover) when a Continuous sync was in sync (its lag,
     * rounded up), else its last full pass, else the newest Completed backup.
     */
    static Long recoveryPointAge(DisasterRecoveryPlan plan, Instant now) {
        var status = plan.getStatus();
        if (status == null) {
            return null;
        }
        var standby = status.getStandby();
        boolean continuous = plan.getSpec().syncMode() == SyncMode.CONTINUOUS;
        if (continuous && standby != null && Conditions.isTrue(status.getConditions(), ConditionTypes.STANDBY_IN_SYNC)) {
            long lag = standby.getSyncLagP99Millis() == null ? 0 : standby.getSyncLagP99Millis();
            return (lag + 999) / 1000;
        }
        if (standby != null && standby.getLastFullSync() != null) {
            return Math.max(0, Duration.between(Instant.parse(standby.getLastFullSync()), now).toSeconds());
        }
        if (status.getLastGoodBackup() != null && status.getLastGoodBackup().getCompletionTimestamp() != null) {
            return Math.max(0, Duration.between(Instant.parse(status.getLastGoodBackup().getCompletionTimestamp()), now).toSeconds());
        }
        return null;
    }

    private static Instant created(Failover failover, Instant otherwise) {
        String created = failover.getMetadata().getCreationTimestamp();
        return created == null ? otherwise : Instant.parse(created);
    }

    private static void condition(Failover failover, ConditionStatus status, String reason, String message, Instant now) {
        if (failover.getStatus().getConditions() == null) {
            failover.getStatus().setConditions(new ArrayList<>());
        }
        List<Condition> conditions = failover.getStatus().getConditions();
        Long generation = failover.getMetadata().getGeneration();
        Conditions.set(conditions, ConditionTypes.PROGRESSING, status, reason, message, generation, now);
        // kstatus (Flux, kpt) and Argo CD read Reconciling and Stalled, not Progressing: the same facts, in their words.
        Conditions.set(conditions, ConditionTypes.RECONCILING, status, reason, message, generation, now);
        boolean failed = status == ConditionStatus.FALSE && !Reasons.SUCCEEDED.equals(reason);
        Conditions.set(conditions, ConditionTypes.STALLED, failed ? ConditionStatus.TRUE : ConditionStatus.FALSE,
                failed ? reason : Reasons.AS_EXPECTED, failed ? message : "the failover has not failed", generation, now);
    }
}
