package io.pilotlight.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;

/**
 * One observation about a resource, following the Kubernetes condition conventions
 * (metav1.Condition).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"type", "status", "reason", "message", "lastTransitionTime", "observedGeneration"})
public class Condition {

    @JsonProperty("type")
    @JsonPropertyDescription("Kind of observation, in CamelCase, e.g. Ready, StandbyInSync or RPOMet.")
    @Required
    @Size(max = 316)
    private String type;

    @JsonProperty("status")
    @JsonPropertyDescription("Whether the observation holds: True, False or Unknown.")
    @Required
    private ConditionStatus status;

    @JsonProperty("reason")
    @JsonPropertyDescription("Machine-readable CamelCase reason for the last transition, e.g. ScheduleCreated or SecretNotFound.")
    @Size(max = 1024)
    private String reason;

    @JsonProperty("message")
    @JsonPropertyDescription("Human-readable details about the last transition, or what to do about it.")
    @Size(max = 32768)
    private String message;

    @JsonProperty("lastTransitionTime")
    @JsonPropertyDescription("When the status last changed (RFC 3339). It stays the same while the status does not change.")
    private String lastTransitionTime;

    @JsonProperty("observedGeneration")
    @JsonPropertyDescription("metadata.generation of the resource the condition was computed from.")
    private Long observedGeneration;

    public String getType() {
        return type;
    }

    public void setType(String type) {
        this.type = type;
    }

    public ConditionStatus getStatus() {
        return status;
    }

    public void setStatus(ConditionStatus status) {
        this.status = status;
    }

    public String getReason() {
        return reason;
    }

    public void setReason(String reason) {
        this.reason = reason;
    }

    public String getMessage() {
        return message;
    }

    public void setMessage(String message) {
        this.message = message;
    }

    public String getLastTransitionTime() {
        return lastTransitionTime;
    }

    public void setLastTransitionTime(String lastTransitionTime) {
        this.lastTransitionTime = lastTransitionTime;
    }

    public Long getObservedGeneration() {
        return observedGeneration;
    }

    public void setObservedGeneration(Long observedGeneration) {
        this.observedGeneration = observedGeneration;
    }
}
