package io.pilotlight.api.v1alpha1.failover;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Phase of a Failover. */
public enum FailoverPhase {
    /** Accepted, not started yet. */
    @JsonProperty("Pending")
    PENDING("Pending"),

    /** Checking the plan, the sites and that no other Failover of the plan is running. */
    @JsonProperty("Validating")
    VALIDATING("Validating"),

    /** Parking the site being left (Unplanned: without waiting on it). */
    @JsonProperty("Fencing")
    FENCING("Fencing"),

    /** Planned only: copying the last changes and taking a last backup. */
    @JsonProperty("FinalSync")
    FINAL_SYNC("FinalSync"),

    /** Restoring from a Velero backup. */
    @JsonProperty("Restoring")
    RESTORING("Restoring"),

    /** Scaling the target site's workloads up, wave by wave. */
    @JsonProperty("ScalingUp")
    SCALING_UP("ScalingUp"),

    /** Waiting for the workloads to become ready. */
    @JsonProperty("WaitingReady")
    WAITING_READY("WaitingReady"),

    /** Running a recovery action: a Job or an HTTP check. */
    @JsonProperty("RunningAction")
    RUNNING_ACTION("RunningAction"),

    /** Waiting until a person approves an approval action (status.message says which, and how). */
    @JsonProperty("WaitingApproval")
    WAITING_APPROVAL("WaitingApproval"),

    /** Pointing traffic at the target site. */
    @JsonProperty("SwitchingTraffic")
    SWITCHING_TRAFFIC("SwitchingTraffic"),

    /** Done; the target site is active. */
    @JsonProperty("Completed")
    COMPLETED("Completed"),

    /** Stopped; status.message and the steps tell why. */
    @JsonProperty("Failed")
    FAILED("Failed");

    private final String value;

    FailoverPhase(String value) {
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
