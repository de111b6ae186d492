package io.pilotlight.plan;

import io.pilotlight.api.v1alpha1.Reasons;
import io.pilotlight.api.v1alpha1.plan.DrillRun;
import io.pilotlight.status.ConditionResult;
import io.pilotlight.util.GoDurations;
import java.time.Duration;
import java.time.Instant;

/** The DrillSucceeded condition, from the newest drill that ended. */
final class DrillRules {

    private DrillRules() {
    }

    /**
     * @param lastEnded the newest drill that ended, or null
     * @param running the name of a drill under way, or null
     * @param maxAge failover.drill.maxAge, or null not to check the age
     */
    static ConditionResult condition(DrillRun lastEnded, String running, String maxAge, Instant now) {
        if (lastEnded == null) {
            return ConditionResult.isFalse(Reasons.NO_DRILL_YET, running == null ? "no drill of this plan has run yet"
                    : "the first drill of this plan, " + running + ", is under way");
        }
        String name = "drill " + lastEnded.getName();
        if (!"Completed".equals(lastEnded.getResult())) {
            // The Failover's message starts with the step that failed.
            return ConditionResult.isFalse(Reasons.LAST_DRILL_FAILED, name + " failed"
                    + (lastEnded.getMessage() != null ? ": " + lastEnded.getMessage()
                            : lastEnded.getFailedStep() != null ? " at step " + lastEnded.getFailedStep() : ""));
        }
        Instant ended = lastEnded.getCompletedAt() == null ? now : Instant.parse(lastEnded.getCompletedAt());
        if (maxAge != null && Duration.between(ended, now).compareTo(GoDurations.parse(maxAge)) > 0) {
            return ConditionResult.isFalse(Reasons.DRILL_TOO_OLD, name + " completed at " + lastEnded.getCompletedAt()
                    + ", longer ago than failover.drill.maxAge (" + maxAge + ")");
        }
        return ConditionResult.isTrue(Reasons.LAST_DRILL_SUCCEEDED, name + " completed at " + lastEnded.getCompletedAt()
                + (lastEnded.getRtoSeconds() == null ? "" : " with an RTO of " + lastEnded.getRtoSeconds() + "s"));
    }
}
