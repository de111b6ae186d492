package io.pilotlight.api.v1alpha1.plan;

import com.fasterxml.jackson.annotation.JsonProperty;

/** What a failed action does to its Failover. */
public enum ActionFailurePolicy {
    /** The Failover stops, failed, naming the action. */
    @JsonProperty("Fail")
    FAIL,

    /** The Failover goes on; the action's step says it failed. */
    @JsonProperty("Continue")
    CONTINUE
}
