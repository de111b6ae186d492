package io.pilotlight.status;

import io.pilotlight.api.v1alpha1.ConditionStatus;

/** The outcome of one check of a plan, ready to become a condition. */
public record ConditionResult(ConditionStatus status, String reason, String message) {

    public static ConditionResult isTrue(String reason, String message) {
        return new ConditionResult(ConditionStatus.TRUE, reason, message);
    }

    public static ConditionResult isFalse(String reason, String message) {
        return new ConditionResult(ConditionStatus.FALSE, reason, message);
    }

    public static ConditionResult unknown(String reason, String message) {
        return new ConditionResult(ConditionStatus.UNKNOWN, reason, message);
    }

    public boolean holds() {
        return status == ConditionStatus.TRUE;
    }
}
