package io.pilotlight.api.v1alpha1.plan;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Whether approval actions hold every Failover, or only those a person planned. */
public enum ApprovalPolicy {
    /** Every Failover waits for its approvals. */
    @JsonProperty("Keep")
    KEEP,

    /** Unplanned (also automatic) Failovers skip approvals: the primary is gone, nobody may be there to approve. */
    @JsonProperty("SkipForUnplanned")
    SKIP_FOR_UNPLANNED
}
