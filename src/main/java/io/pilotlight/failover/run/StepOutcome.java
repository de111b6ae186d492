package io.pilotlight.failover.run;

import java.time.Duration;

/**
 * What one call of a {@link Step} came to.
 *
 * @param reason for a failure: the reason in the Failover's Failed condition and event
 * @param retryAfter for a wait: when to call the step again
 */
public record StepOutcome(Result result, String message, String reason, Duration retryAfter) {

    public enum Result {
        DONE, SKIPPED, WAITING, FAILED
    }

    public static StepOutcome done(String message) {
        return new StepOutcome(Result.DONE, message, null, null);
    }

    public static StepOutcome skipped(String message) {
        return new StepOutcome(Result.SKIPPED, message, null, null);
    }

    public static StepOutcome waiting(String message, Duration retryAfter) {
        return new StepOutcome(Result.WAITING, message, null, retryAfter);
    }

    public static StepOutcome failed(String reason, String message) {
        return new StepOutcome(Result.FAILED, message, reason, null);
    }

    public boolean finished() {
        return result == Result.DONE || result == Result.SKIPPED;
    }
}
