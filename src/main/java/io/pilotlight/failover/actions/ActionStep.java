package io.pilotlight.failover.actions;

import io.pilotlight.api.v1alpha1.Reasons;
import io.pilotlight.api.v1alpha1.failover.FailoverPhase;
import io.pilotlight.api.v1alpha1.failover.FailoverStep;
import io.pilotlight.api.v1alpha1.plan.ActionFailurePolicy;
import io.pilotlight.api.v1alpha1.plan.ActionSpec;
import io.pilotlight.core.clusters.SiteConfigException;
import io.pilotlight.failover.run.FailoverRun;
import io.pilotlight.failover.run.Step;
import io.pilotlight.failover.run.StepOutcome;
import io.pilotlight.util.GoDurations;
import java.time.Duration;
import java.time.Instant;

/**
 * One action of the plan as a failover step, named {@code Action/<where>/<name>}. It keeps its own
 * timeout (not the registry's deadline) so that a timed-out action with {@code onFailure: Continue}
 * lets the failover go on, as a failed one does.
 */
public class ActionStep implements Step {

    static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(5);

    private final String name;
    private final ActionSpec action;
    private final ActionSite site;
    private final ActionSteps runners;

    ActionStep(String where, ActionSpec action, ActionSite site, ActionSteps runners) {
        this.name = "Action/" + where + "/" + action.getName();
        this.action = action;
        this.site = site;
        this.runners = runners;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public FailoverPhase phase() {
        return action.getApproval() != null ? FailoverPhase.WAITING_APPROVAL : FailoverPhase.RUNNING_ACTION;
    }

    public ActionSpec action() {
        return action;
    }

    @Override
    public StepOutcome run(FailoverRun run) throws SiteConfigException {
        StepOutcome outcome;
        if (action.getJob() != null) {
            outcome = runners.jobs().run(run, site, action, name);
        } else if (action.getHttpGet() != null) {
            outcome = runners.http().run(run, action);
        } else {
            outcome = ApprovalGate.run(run, action);
        }
        Duration timeout = timeout(action);
        if (outcome.result() == StepOutcome.Result.WAITING && timeout != null && !run.now().isBefore(started(run).plus(timeout))) {
            outcome = StepOutcome.failed(Reasons.DEADLINE_EXCEEDED, "did not finish within its timeout of "
                    + GoDurations.format(timeout) + ": " + outcome.message());
        }
        if (outcome.result() != StepOutcome.Result.FAILED) {
            return outcome;
        }
        String failed = "action " + action.getName() + " failed: " + outcome.message();
        if (action.getOnFailure() == ActionFailurePolicy.CONTINUE) {
            return StepOutcome.done(failed + "; onFailure is Continue, so the failover goes on");
        }
        return StepOutcome.failed(outcome.reason(), failed);
    }

    /** The action's own timeout; null for an approval without one (the Failover's timeout applies). */
    static Duration timeout(ActionSpec action) {
        if (action.getTimeout() != null) {
            return GoDurations.parse(action.getTimeout());
        }
        return action.getApproval() != null ? null : DEFAULT_TIMEOUT;
    }

    private Instant started(FailoverRun run) {
        return run.step(name).map(FailoverStep::getStartedAt).map(Instant::parse).orElse(run.now());
    }
}
