package io.pilotlight.plan;

import io.pilotlight.api.v1alpha1.Reasons;
import io.pilotlight.api.v1alpha1.plan.LastBackupStatus;
import io.pilotlight.status.ConditionResult;
import io.pilotlight.util.GoDurations;
import java.time.Duration;
import java.time.Instant;

/** The current recovery point of a plan against its objective: pure arithmetic, no I/O. */
public final class RpoEvaluator {

    /** The age of the newest good copy (null when there is none) and the RPOMet verdict. */
    public record Verdict(Duration rpo, ConditionResult condition) {
    }

    private RpoEvaluator() {
    }

    public static Verdict evaluate(LastBackupStatus newestGood, String objective, Instant now) {
        Duration target = GoDurations.parse(objective);
        if (newestGood == null || newestGood.getCompletionTimestamp() == null) {
            return new Verdict(null, ConditionResult.isFalse(Reasons.NO_RECOVERY_POINT,
                    "no Completed backup yet; the RPO objective is " + objective));
        }
        Duration age = Duration.between(Instant.parse(newestGood.getCompletionTimestamp()), now);
        if (age.isNegative()) {
            age = Duration.ZERO;
        }
        String detail = "the newest good copy (backup " + newestGood.getName() + ") is " + GoDurations.format(age)
                + " old; the objective is " + objective;
        return age.compareTo(target) <= 0
                ? new Verdict(age, ConditionResult.isTrue(Reasons.WITHIN_RPO, detail))
                : new Verdict(age, ConditionResult.isFalse(Reasons.RPO_EXCEEDED, detail));
    }
}
