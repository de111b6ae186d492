package io.pilotlight.failover.steps;

import io.pilotlight.api.v1alpha1.failover.FailoverPhase;
import io.pilotlight.failover.run.FailoverRun;
import io.pilotlight.failover.run.PhasedStep;
import io.pilotlight.failover.run.StepOutcome;
import io.pilotlight.status.Conditions;
import io.pilotlight.sync.SyncEngine;
import io.pilotlight.sync.SyncReport;
import io.pilotlight.util.GoDurations;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.time.Instant;

/**
 * Planned failover (a failback too), after the quiesce: asks the sync for a full pass and waits until
 * one that started after the quiesce has completed, so the site taking over holds everything the site
 * left held when it stopped serving (RPO 0 for configuration). The sync runs from the active site, so
 * on a failback this carries back to the primary what was changed, created or deleted on the standby.
 */
@Singleton
public class FinalSyncStep extends PhasedStep {

    public static final String NAME = "FinalSync";

    private final SyncEngine engine;

    public FinalSyncStep(SyncEngine engine) {
        super(NAME, FailoverPhase.FINAL_SYNC);
        this.engine = engine;
    }

    @Override
    public Duration deadline(FailoverRun run) {
        return GoDurations.parse(run.plan().getSpec().getFailover().getReadinessTimeout());
    }

    @Override
    public StepOutcome run(FailoverRun run) {
        SyncReport report = engine.report(run.plan());
        if (report.phase() == SyncReport.Phase.NOT_RUNNING) {
            return StepOutcome.skipped("no sync runs for this plan (sync " + report.mode()
                    + "); " + run.siteName(run.toRole()) + " has what the last sync or restore gave it");
        }
        if (report.phase() == SyncReport.Phase.REFUSED) {
            return StepOutcome.skipped("the plan's sync does not run: " + report.refusal() + "; " + run.siteName(run.toRole())
                    + " has what the last sync or restore gave it");
        }
        Instant started = run.step(NAME).map(s -> Instant.parse(s.getStartedAt())).orElse(run.now());
        if (report.lastFullSync() != null && report.lastFullSync().isAfter(started) && report.failureCount() == 0) {
            return StepOutcome.done("full pass completed at " + Conditions.timestamp(report.lastFullSync()) + ": "
                    + report.objectsInSync() + " object(s) in sync, " + report.conflictCount() + " conflict(s)");
        }
        engine.resync(run.plan());
        String to = run.siteName(run.toRole());
        String why = report.sourceProblem() != null ? "; " + run.siteName(run.fromRole()) + ": " + report.sourceProblem()
                : report.targetProblem() != null ? "; " + to + ": " + report.targetProblem()
                        : report.failureCount() > 0 ? "; " + report.failureCount() + " object(s) refused by " + to : "";
        return StepOutcome.waiting("waiting for a full sync pass that started after the quiesce" + why, Duration.ofSeconds(1));
    }
}
