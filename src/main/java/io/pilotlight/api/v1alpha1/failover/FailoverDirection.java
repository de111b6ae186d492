package io.pilotlight.api.v1alpha1.failover;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Which way a failover goes. */
public enum FailoverDirection {
    /** From the primary to the standby. */
    @JsonProperty("ToStandby")
    TO_STANDBY("ToStandby"),

    /** Back from the standby to the primary (failback). */
    @JsonProperty("ToPrimary")
    TO_PRIMARY("ToPrimary");

    private final String value;

    FailoverDirection(String value) {
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
