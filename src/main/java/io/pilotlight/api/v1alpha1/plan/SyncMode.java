package io.pilotlight.api.v1alpha1.plan;

import com.fasterxml.jackson.annotation.JsonProperty;

/** How the standby is kept identical to the primary. */
public enum SyncMode {
    /** Watch the primary and apply changes to the standby as they happen (seconds of lag). */
    @JsonProperty("Continuous")
    CONTINUOUS("Continuous"),

    /** Compare and copy everything every sync.interval. */
    @JsonProperty("Periodic")
    PERIODIC("Periodic"),

    /** Do not copy anything; the standby is only restored from backups. */
    @JsonProperty("Off")
    OFF("Off");

    private final String value;

    SyncMode(String value) {
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
