package io.pilotlight.failover.actions;

import io.pilotlight.api.v1alpha1.failover.FailoverType;
import io.pilotlight.api.v1alpha1.plan.ActionSpec;
import io.pilotlight.api.v1alpha1.plan.ApprovalPolicy;
import io.pilotlight.failover.run.FailoverRun;
import io.pilotlight.failover.run.StepOutcome;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;

/**
 * An approval action: passes once the Failover's {@value #ANNOTATION} annotation names it (a
 * comma-separated list, for several). An annotation does not change the Failover's generation, so
 * the step looks again every few seconds rather than waiting for an event.
 */
public final class ApprovalGate {

    public static final String ANNOTATION = "pilotlight.io/approve";
    static final Duration LOOK_AGAIN = Duration.ofSeconds(3);

    private ApprovalGate() {
    }

    static StepOutcome run(FailoverRun run, ActionSpec action) {
        ApprovalPolicy policy = run.plan().getSpec().getFailover().getApprovals();
        if (policy == ApprovalPolicy.SKIP_FOR_UNPLANNED && run.type() == FailoverType.UNPLANNED) {
            return StepOutcome.skipped("approval " + action.getName() + " skipped: an Unplanned failover, and spec.failover.approvals is SkipForUnplanned");
        }
        if (approved(run.failover().getMetadata().getAnnotations(), action.getName())) {
            return StepOutcome.done("approved (annotation " + ANNOTATION + ")");
        }
        String what = action.getApproval().getMessage() == null ? "" : " (" + action.getApproval().getMessage() + ")";
        return StepOutcome.waiting("waiting for approval " + action.getName() + what + "; approve with: kubectl annotate failover "
                + run.failover().getMetadata().getName() + " -n " + run.failover().getMetadata().getNamespace() + " --overwrite "
                + ANNOTATION + "=" + action.getName(), LOOK_AGAIN);
    }

    public static boolean approved(Map<String, String> annotations, String action) {
        String value = annotations == null ? null : annotations.get(ANNOTATION);
        return value != null && Arrays.stream(value.split(",")).map(String::trim).anyMatch(action::equals);
    }
}
