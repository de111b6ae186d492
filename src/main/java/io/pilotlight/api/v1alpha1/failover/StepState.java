package io.pilotlight.api.v1alpha1.failover;

import com.fasterxml.jackson.annotation.JsonProperty;

/** State of one step of a Failover. */
public enum StepState {
    /** The step is in progress. */
    @JsonProperty("Running")
    RUNNING("Running"),

    /** The step finished successfully. */
    @JsonProperty("Succeeded")
    SUCCEEDED("Succeeded"),

    /** The step failed. */
    @JsonProperty("Failed")
    FAILED("Failed"),

    /** The step did not apply to this failover. */
    @JsonProperty("Skipped")
    SKIPPED("Skipped");

    private final String value;

    StepState(String value) {
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
