package io.pilotlight.failover.steps;

import io.pilotlight.api.v1alpha1.failover.FailoverPhase;
import io.pilotlight.core.ActiveFailovers;
import io.pilotlight.failover.run.FailoverRun;
import io.pilotlight.failover.run.PhasedStep;
import io.pilotlight.failover.run.StepOutcome;
import io.pilotlight.sync.SyncEngine;
import jakarta.inject.Singleton;

/**
 * Stops the sync before anything is scaled up: it would park again what the failover resumes. The
 * plan leaves the sync alone while a Failover holds it, and restarts it, from the new active site, once
 * the Failover activated it.
 */
@Singleton
public class PauseSyncStep extends PhasedStep {

    public static final String NAME = ActiveFailovers.PAUSE_SYNC_STEP;

    private final SyncEngine engine;

    public PauseSyncStep(SyncEngine engine) {
        super(NAME, FailoverPhase.SCALING_UP);
        this.engine = engine;
    }

    @Override
    public StepOutcome run(FailoverRun run) {
        boolean running = engine.running(run.plan());
        engine.stop(run.plan());
        return running ? StepOutcome.done("sync stopped: it would park what the failover scales up")
                : StepOutcome.skipped("no sync was running");
    }
}
