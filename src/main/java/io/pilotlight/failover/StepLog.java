package io.pilotlight.failover;

import io.pilotlight.api.v1alpha1.FailoverStatus;
import io.pilotlight.api.v1alpha1.Reasons;
import io.pilotlight.api.v1alpha1.failover.FailoverStep;
import io.pilotlight.api.v1alpha1.failover.StepState;
import io.pilotlight.failover.run.FailoverRun;
import io.pilotlight.failover.run.Step;
import io.pilotlight.failover.run.StepOutcome;
import io.pilotlight.status.Conditions;
import io.pilotlight.status.EventRecorder;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;

/** Records steps in {@code status.steps} and announces each start and end with an event. */
@ApplicationScoped
public class StepLog {

    static final int MESSAGE_MAX = 1024;

    private final EventRecorder events;

    public StepLog(EventRecorder events) {
        this.events = events;
    }

    /** The step's record, added (and announced) when the step starts now. */
    FailoverStep started(FailoverRun run, Step step) {
        return run.step(step.name()).orElseGet(() -> {
            FailoverStatus status = run.status();
            if (status.getSteps() == null) {
                status.setSteps(new ArrayList<>());
            }
            FailoverStep record = new FailoverStep();
            record.setName(step.name());
            record.setPhase(step.phase());
            record.setState(StepState.RUNNING);
            record.setStartedAt(Conditions.timestamp(run.now()));
            status.getSteps().add(record);
            run.status().setInFlight(null);
            events.normal(run.failover(), Reasons.STEP_STARTED, step.name() + " started");
            return record;
        });
    }

    void progress(FailoverStep record, String message) {
        record.setMessage(trim(message));
    }

    void finished(FailoverRun run, FailoverStep record, StepOutcome outcome) {
        record.setState(switch (outcome.result()) {
            case DONE -> StepState.SUCCEEDED;
            case SKIPPED -> StepState.SKIPPED;
            case FAILED -> StepState.FAILED;
            case WAITING -> StepState.RUNNING;
        });
        // When the step's call returned, not when this reconcile began: a step that does all its work in one
        // call (a Fence parking 100 workloads) would otherwise read 0 s.
        record.setFinishedAt(Conditions.timestamp(Instant.now()));
        record.setMessage(trim(outcome.message()));
        run.status().setInFlight(null);
        switch (outcome.result()) {
            case DONE -> events.normal(run.failover(), Reasons.STEP_SUCCEEDED, record.getName() + ": " + outcome.message());
            case SKIPPED -> events.normal(run.failover(), Reasons.STEP_SKIPPED, record.getName() + ": " + outcome.message());
            case FAILED -> events.warning(run.failover(), outcome.reason(), record.getName() + " failed: " + outcome.message());
            default -> {
            }
        }
    }

    static String trim(String message) {
        return message == null || message.length() <= MESSAGE_MAX ? message : message.substring(0, MESSAGE_MAX - 1) + "…";
    }
}
