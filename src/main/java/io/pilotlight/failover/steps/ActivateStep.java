package io.pilotlight.failover.steps;

import io.pilotlight.api.v1alpha1.Reasons;
import io.pilotlight.api.v1alpha1.failover.FailoverDirection;
import io.pilotlight.api.v1alpha1.failover.FailoverPhase;
import io.pilotlight.core.PlanSiteState;
import io.pilotlight.failover.run.FailoverRun;
import io.pilotlight.failover.run.PhasedStep;
import io.pilotlight.failover.run.StepOutcome;
import io.pilotlight.status.EventRecorder;
import jakarta.inject.Singleton;

/**
 * Makes the target the plan's active site and releases the plan. A failback also lifts the fence;
 * after a failover to the standby the primary stays fenced (Quiesce or Fence recorded it) until then,
 * and the sync re-protects it: it becomes the parked copy of the standby.
 */
@Singleton
public class ActivateStep extends PhasedStep {

    public static final String NAME = "Activate";

    private final PlanSiteState siteState;
    private final EventRecorder events;

    public ActivateStep(PlanSiteState siteState, EventRecorder events) {
        super(NAME, FailoverPhase.SWITCHING_TRAFFIC);
        this.siteState = siteState;
        this.events = events;
    }

    @Override
    public StepOutcome run(FailoverRun run) {
        String target = run.siteName(run.toRole());
        boolean failback = run.direction() == FailoverDirection.TO_PRIMARY;
        PlanSiteState.Activation activation = siteState.activate(run.plan(), run.failover().getMetadata().getName(), target, failback);
        // Run again after it released the plan (its status patch lost): the target serves, which is what it does.
        if (activation == PlanSiteState.Activation.ALREADY_ACTIVE) {
            return StepOutcome.done(target + " is the plan's active site already");
        }
        if (activation == PlanSiteState.Activation.NOT_HELD) {
            return StepOutcome.failed(Reasons.CONFLICT, "the plan is no longer held by this Failover (status.activeFailover of plan "
                    + run.plan().getMetadata().getName() + " names another one or none), so its active site was not changed");
        }
        events.normal(run.plan(), Reasons.FAILED_OVER, "the " + run.toRole() + " site " + target + " serves now (Failover "
                + run.failover().getMetadata().getName() + ")");
        String left = run.siteName(run.fromRole());
        return StepOutcome.done(target + " is the plan's active site" + (failback
                ? "; the fence is lifted and the sync starts again from " + target + " to " + left
                : "; " + left + " stays fenced (kept parked whenever it answers) and is re-protected: the sync goes "
                        + target + " → " + left + " until a failback"));
    }
}
