package io.pilotlight.velero.v1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** Status of a Velero Backup. Fields we do not model are kept as additional properties. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class BackupStatus extends VeleroObject {

    /** Phase as Velero wrote it; see phase() for the typed value. */
    @JsonProperty("phase")
    private String phase;

    /** Why the spec failed validation. */
    @JsonProperty("validationErrors")
    private List<String> validationErrors;

    /** When Velero started the backup (RFC 3339). */
    @JsonProperty("startTimestamp")
    private String startTimestamp;

    /** When Velero finished the backup (RFC 3339). */
    @JsonProperty("completionTimestamp")
    private String completionTimestamp;

    /** When Velero will garbage-collect the backup (RFC 3339). */
    @JsonProperty("expiration")
    private String expiration;

    /** Number of errors. */
    @JsonProperty("errors")
    private Integer errors;

    /** Number of warnings. */
    @JsonProperty("warnings")
    private Integer warnings;

    /** Why the backup failed, if it did. */
    @JsonProperty("failureReason")
    private String failureReason;

    /** How far the backup has got. */
    @JsonProperty("progress")
    private BackupProgress progress;

    public String getPhase() {
        return phase;
    }

    public void setPhase(String phase) {
        this.phase = phase;
    }

    public List<String> getValidationErrors() {
        return validationErrors;
    }

    public void setValidationErrors(List<String> validationErrors) {
        this.validationErrors = validationErrors;
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

    public String getExpiration() {
        return expiration;
    }

    public void setExpiration(String expiration) {
        this.expiration = expiration;
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

    public BackupProgress getProgress() {
        return progress;
    }

    public void setProgress(BackupProgress progress) {
        this.progress = progress;
    }

    /** Phase as a {@link BackupPhase}: {@code null} if absent, BackupPhase.UNKNOWN if this operator does not know it. */
    public BackupPhase phase() {
        return BackupPhase.fromValue(phase);
    }
}
