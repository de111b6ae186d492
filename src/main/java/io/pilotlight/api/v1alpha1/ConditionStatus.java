package io.pilotlight.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Status of a {@link Condition}, as in Kubernetes' metav1.Condition. */
public enum ConditionStatus {
    /** The condition holds. */
    @JsonProperty("True")
    TRUE("True"),

    /** The condition does not hold. */
    @JsonProperty("False")
    FALSE("False"),

    /** The operator cannot tell (yet). */
    @JsonProperty("Unknown")
    UNKNOWN("Unknown");

    private final String value;

    ConditionStatus(String value) {
        this.value = value;
    }

    /** The value as written in the resource. */
    public String value() {
        return value;
    }

    @Override
    public String toString() {
        return value;
    }
}
