package io.pilotlight.api.v1alpha1.plan;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/** The newest Velero backup taken for the plan. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"name", "phase", "startTimestamp", "completionTimestamp", "errors", "warnings", "failureReason"})
public class LastBackupStatus {

    @JsonProperty("name")
    @JsonPropertyDescription("Name of the Velero Backup, in backup.veleroNamespace on the primary.")
    private String name;

    @JsonProperty("phase")
    @JsonPropertyDescription("Velero's phase of the backup, as Velero reports it, e.g. InProgress, Completed or PartiallyFailed.")
    private String phase;

    @JsonProperty("startTimestamp")
    @JsonPropertyDescription("When Velero started the backup (RFC 3339).")
    private String startTimestamp;

    @JsonProperty("completionTimestamp")
    @JsonPropertyDescription("When Velero finished the backup (RFC 3339).")
    private String completionTimestamp;

    @JsonProperty("errors")
    @JsonPropertyDescription("Number of errors Velero reported for the backup.")
    private Integer errors;

    @JsonProperty("failureReason")
    @JsonPropertyDescription("Why Velero failed the backup, when it did.")
    private String failureReason;

    @JsonProperty("warnings")
    @JsonPropertyDescription("Number of warnings Velero reported for the backup.")
    private Integer warnings;

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getPhase() {
        return phase;
    }

    public void setPhase(String phase) {
        this.phase = phase;
    }

    public String getStartTimestamp() {
        return startTimestamp;
    }

    public void setStartTimestamp(String startTimestamp) {
        this.startTimestamp = startTimestamp;
    }

    public String getCompletionTimestamp() {
        return completionTimestamp;
    }

    public void setCompletionTimestamp(String completionTimestamp) {
        this.completionTimestamp = completionTimestamp;
    }

    public Integer getErrors() {
        return errors;
    }

    public void setErrors(Integer errors) {
        this.errors = errors;
    }

    public Integer getWarnings() {
        return warnings;
    }

    public void setWarnings(Integer warnings) {
        this.warnings = warnings;
    }

    public String getFailureReason() {
        return failureReason;
    }

    public void setFailureReason(String failureReason) {
        this.failureReason = failureReason;
    }
}
