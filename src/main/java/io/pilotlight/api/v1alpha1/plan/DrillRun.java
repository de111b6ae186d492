package io.pilotlight.api.v1alpha1.plan;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/** One Drill Failover of the plan, as the plan's status remembers it. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"name", "scheduled", "startedAt", "completedAt", "result", "rtoSeconds", "failedStep", "message"})
public class DrillRun {

    @JsonProperty("name")
    @JsonPropertyDescription("Name of the Drill Failover, in the plan's namespace.")
    private String name;

    @JsonProperty("scheduled")
    @JsonPropertyDescription("True when the operator created it from failover.drill.schedule.")
    private Boolean scheduled;

    @JsonProperty("startedAt")
    @JsonPropertyDescription("When the drill started (RFC 3339).")
    private String startedAt;

    @JsonProperty("completedAt")
    @JsonPropertyDescription("When the drill completed or failed (RFC 3339).")
    private String completedAt;

    @JsonProperty("result")
    @JsonPropertyDescription("Running, Completed or Failed.")
    private String result;

    @JsonProperty("rtoSeconds")
    @JsonPropertyDescription("Recovery time the drill measured, in seconds.")
    private Long rtoSeconds;

    @JsonProperty("failedStep")
    @JsonPropertyDescription("The step that failed, when the drill failed.")
    private String failedStep;

    @JsonProperty("message")
    @JsonPropertyDescription("Why the drill failed, in the Failover's words.")
    private String message;

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public Boolean getScheduled() {
        return scheduled;
    }

    public void setScheduled(Boolean scheduled) {
        this.scheduled = scheduled;
    }

    public String getStartedAt() {
        return startedAt;
    }

    public void setStartedAt(String startedAt) {
        this.startedAt = startedAt;
    }

    public String getCompletedAt() {
        return completedAt;
    }

    public void setCompletedAt(String completedAt) {
        this.completedAt = completedAt;
    }

    public String getResult() {
        return result;
    }

    public void setResult(String result) {
        this.result = result;
    }

    public Long getRtoSeconds() {
        return rtoSeconds;
    }

    public void setRtoSeconds(Long rtoSeconds) {
        this.rtoSeconds = rtoSeconds;
    }

    public String getFailedStep() {
        return failedStep;
    }

    public void setFailedStep(String failedStep) {
        this.failedStep = failedStep;
    }

    public String getMessage() {
        return message;
    }

    public void setMessage(String message) {
        this.message = message;
    }
}
