package io.pilotlight.api.v1alpha1.plan;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/** The plan's drills: the last one, the last successful one, and when the next scheduled one is due. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"schedule", "nextRunAt", "last", "lastSucceeded", "predictedRtoSeconds"})
public class DrillStatus {

    @JsonProperty("schedule")
    @JsonPropertyDescription("The failover.drill.schedule that nextRunAt was computed from.")
    private String schedule;

    @JsonProperty("nextRunAt")
    @JsonPropertyDescription("When the next scheduled drill is due (RFC 3339); a time already past means it waits for another Failover of the plan to end.")
    private String nextRunAt;

    @JsonProperty("last")
    @JsonPropertyDescription("The newest Drill Failover of the plan, scheduled or not.")
    private DrillRun last;

    @JsonProperty("lastSucceeded")
    @JsonPropertyDescription("The newest Drill Failover of the plan that completed.")
    private DrillRun lastSucceeded;

    @JsonProperty("predictedRtoSeconds")
    @JsonPropertyDescription("The recovery time a failover can be expected to take, in seconds: the RTO of the last successful drill.")
    private Long predictedRtoSeconds;

    public String getSchedule() {
        return schedule;
    }

    public void setSchedule(String schedule) {
        this.schedule = schedule;
    }

    public String getNextRunAt() {
        return nextRunAt;
    }

    public void setNextRunAt(String nextRunAt) {
        this.nextRunAt = nextRunAt;
    }

    public DrillRun getLast() {
        return last;
    }

    public void setLast(DrillRun last) {
        this.last = last;
    }

    public DrillRun getLastSucceeded() {
        return lastSucceeded;
    }

    public void setLastSucceeded(DrillRun lastSucceeded) {
        this.lastSucceeded = lastSucceeded;
    }

    public Long getPredictedRtoSeconds() {
        return predictedRtoSeconds;
    }

    public void setPredictedRtoSeconds(Long predictedRtoSeconds) {
        this.predictedRtoSeconds = predictedRtoSeconds;
    }
}
