package io.pilotlight.api.v1alpha1.failover;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Kind of failover. */
public enum FailoverType {
    /**
     * The primary is reachable: quiesce it, sync and back up one last time, then switch (RPO close
     * to zero).
     */
    @JsonProperty("Planned")
    PLANNED("Planned"),

    /** Never wait on the primary; fence it so that it stays parked when it comes back. */
    @JsonProperty("Unplanned")
    UNPLANNED("Unplanned"),

    /**
     * Test failover into isolated copies of the namespaces; no traffic switch, primary and backups
     * untouched, cleaned up after a TTL.
     */
    @JsonProperty("Drill")
    DRILL("Drill");

    private final String value;

    FailoverType(String value) {
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
