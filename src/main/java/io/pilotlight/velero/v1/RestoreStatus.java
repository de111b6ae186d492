package io.pilotlight.velero.v1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** Status of a Velero Restore. Fields we do not model are kept as additional properties. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class RestoreStatus extends VeleroObject {

    /** Phase as Velero wrote it; see phase() for the typed value. */
    @JsonProperty("phase")
    private String phase;

    /** Why the spec failed validation. */
    @JsonProperty("validationErrors")
    private List<String> validationErrors;

    /** Number of errors. */
    @JsonProperty("errors")
    private Integer errors;

    /** Number of warnings. */
    @JsonProperty("warnings")
    private Integer warnings;

    /** Why the restore failed, if it did. */
    @JsonProperty("failureReason")
    private String failureReason;

    /** When Velero started the restore (RFC 3339). */
    @JsonProperty("startTimestamp")
    private String startTimestamp;

    /** When Velero finished the restore (RFC 3339). */
    @JsonProperty("completionTimestamp")
    private String completionTimestamp;

    /** How far the restore has got. */
    @JsonProperty("progress")
    private RestoreProgress progress;

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

    public RestoreProgress getProgress() {
        return progress;
    }

    public void setProgress(RestoreProgress progress) {
        this.progress = progress;
    }

    /** Phase as a {@link RestorePhase}: {@code null} if absent, RestorePhase.UNKNOWN if this operator does not know it. */
    public RestorePhase phase() {
        return RestorePhase.fromValue(phase);
    }
}
