package io.pilotlight.api.v1alpha1.failover;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.fabric8.generator.annotation.Required;

/** One step of a Failover, as recorded in its status. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"name", "phase", "state", "startedAt", "finishedAt", "message"})
public class FailoverStep {

    @JsonProperty("name")
    @JsonPropertyDescription("Name of the step, e.g. Validate, FencePrimary, ScaleUp/data or SwitchTraffic.")
    @Required
    private String name;

    @JsonProperty("phase")
    @JsonPropertyDescription("Phase the step belongs to.")
    private FailoverPhase phase;

    @JsonProperty("state")
    @JsonPropertyDescription("Running, Succeeded, Failed or Skipped.")
    private StepState state;

    @JsonProperty("startedAt")
    @JsonPropertyDescription("When the step started (RFC 3339).")
    private String startedAt;

    @JsonProperty("finishedAt")
    @JsonPropertyDescription("When the step finished (RFC 3339).")
    private String finishedAt;

    @JsonProperty("message")
    @JsonPropertyDescription("What the step did or why it failed.")
    private String message;

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public FailoverPhase getPhase() {
        return phase;
    }

    public void setPhase(FailoverPhase phase) {
        this.phase = phase;
    }

    public StepState getState() {
        return state;
    }

    public void setState(StepState state) {
        this.state = state;
    }

    public String getStartedAt() {
        return startedAt;
    }

    public void setStartedAt(String startedAt) {
        this.startedAt = startedAt;
    }

    public String getFinishedAt() {
        return finishedAt;
    }

    public void setFinishedAt(String finishedAt) {
        this.finishedAt = finishedAt;
    }

    public String getMessage() {
        return message;
    }

    public void setMessage(String message) {
        this.message = message;
    }
}
