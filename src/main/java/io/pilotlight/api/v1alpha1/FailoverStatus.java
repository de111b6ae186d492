package io.pilotlight.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.pilotlight.api.v1alpha1.failover.FailoverPhase;
import io.pilotlight.api.v1alpha1.failover.FailoverReport;
import io.pilotlight.api.v1alpha1.failover.FailoverStep;
import io.pilotlight.api.v1alpha1.failover.InFlightOperation;
import io.pilotlight.api.v1alpha1.failover.NamespacedName;
import java.util.List;

/** Observed state of a Failover: where it is, what it did, what it achieved. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"observedGeneration", "phase", "fromSite", "toSite", "progress", "message", "steps", "startedAt", "completedAt", "rtoSeconds", "rpoSeconds", "inFlight", "jobsToResubmit", "report", "conditions"})
public class FailoverStatus {

    @JsonProperty("observedGeneration")
    @JsonPropertyDescription("metadata.generation of the Failover that this status was computed from.")
    private Long observedGeneration;

    @JsonProperty("phase")
    @JsonPropertyDescription("Current phase: Pending, Validating, Fencing, FinalSync, Restoring, ScalingUp, WaitingReady, RunningAction, WaitingApproval, SwitchingTraffic, Completed or Failed.")
    private FailoverPhase phase;

    @JsonProperty("fromSite")
    @JsonPropertyDescription("Site the failover moves away from.")
    private String fromSite;

    @JsonProperty("toSite")
    @JsonPropertyDescription("Site the failover moves to.")
    private String toSite;

    @JsonProperty("progress")
    @JsonPropertyDescription("Human-readable progress, e.g. 42/120 workloads ready.")
    private String progress;

    @JsonProperty("message")
    @JsonPropertyDescription("While a step waits, what it waits for (prefixed by the step); else why the Failover failed or was refused, in one sentence.")
    private String message;

    @JsonProperty("steps")
    @JsonPropertyDescription("Steps taken so far, in order, with their times and messages.")
    private List<FailoverStep> steps;

    @JsonProperty("startedAt")
    @JsonPropertyDescription("When the failover started (RFC 3339).")
    private String startedAt;

    @JsonProperty("completedAt")
    @JsonPropertyDescription("When the failover completed or failed (RFC 3339).")
    private String completedAt;

    @JsonProperty("rtoSeconds")
    @JsonPropertyDescription("Recovery time achieved: seconds from the start of the failover until traffic reached the target site.")
    private Long rtoSeconds;

    @JsonProperty("rpoSeconds")
    @JsonPropertyDescription("Recovery point achieved: age, in seconds, of the newest copy of the data when the target site took over.")
    private Long rpoSeconds;

    @JsonProperty("inFlight")
    @JsonPropertyDescription("The operation the failover is waiting on, if any.")
    private InFlightOperation inFlight;

    @JsonProperty("jobsToResubmit")
    @JsonPropertyDescription("Jobs that were running on the site being left and are to be re-created on the target site.")
    private List<NamespacedName> jobsToResubmit;

    @JsonProperty("report")
    @JsonPropertyDescription("Once the Failover ended: the objectives it was held to, whether it met them, what it changed on each site, and the ConfigMap holding its printable report.")
    private FailoverReport report;

    @JsonProperty("conditions")
    @JsonPropertyDescription("Current observations about the failover.")
    private List<Condition> conditions;

    public Long getObservedGeneration() {
        return observedGeneration;
    }

    public void setObservedGeneration(Long observedGeneration) {
        this.observedGeneration = observedGeneration;
    }

    public FailoverPhase getPhase() {
        return phase;
    }

    public void setPhase(FailoverPhase phase) {
        this.phase = phase;
    }

    public String getFromSite() {
        return fromSite;
    }

    public void setFromSite(String fromSite) {
        this.fromSite = fromSite;
    }

    public String getToSite() {
        return toSite;
    }

    public void setToSite(String toSite) {
        this.toSite = toSite;
    }

    public String getProgress() {
        return progress;
    }

    public void setProgress(String progress) {
        this.progress = progress;
    }

    public String getMessage() {
        return message;
    }

    public void setMessage(String message) {
        this.message = message;
    }

    public List<FailoverStep> getSteps() {
        return steps;
    }

    public void setSteps(List<FailoverStep> steps) {
        this.steps = steps;
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

    public Long getRtoSeconds() {
        return rtoSeconds;
    }

    public void setRtoSeconds(Long rtoSeconds) {
        this.rtoSeconds = rtoSeconds;
    }

    public Long getRpoSeconds() {
        return rpoSeconds;
    }

    public void setRpoSeconds(Long rpoSeconds) {
        this.rpoSeconds = rpoSeconds;
    }

    public InFlightOperation getInFlight() {
        return inFlight;
    }

    public void setInFlight(InFlightOperation inFlight) {
        this.inFlight = inFlight;
    }

    public List<NamespacedName> getJobsToResubmit() {
        return jobsToResubmit;
    }

    public void setJobsToResubmit(List<NamespacedName> jobsToResubmit) {
        this.jobsToResubmit = jobsToResubmit;
    }

    public List<Condition> getConditions() {
        return conditions;
    }

    public void setConditions(List<Condition> conditions) {
        this.conditions = conditions;
    }

    public FailoverReport getReport() {
        return report;
    }

    public void setReport(FailoverReport report) {
        this.report = report;
    }
}
