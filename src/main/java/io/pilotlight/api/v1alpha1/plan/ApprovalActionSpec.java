package io.pilotlight.api.v1alpha1.plan;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Size;

/** A manual gate: the Failover waits in WaitingApproval until a person approves the action. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class ApprovalActionSpec {

    @JsonProperty("message")
    @JsonPropertyDescription("What the approver should check first; shown in the Failover's message while it waits.")
    @Size(max = 256)
    private String message;

    public String getMessage() {
        return message;
    }

    public void setMessage(String message) {
        this.message = message;
    }
}
