package io.pilotlight.velero.v1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** Status of a Velero Schedule. Fields we do not model are kept as additional properties. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class ScheduleStatus extends VeleroObject {

    /** Phase as Velero wrote it; see phase() for the typed value. */
    @JsonProperty("phase")
    private String phase;

    /** When the Schedule last created a Backup (RFC 3339). */
    @JsonProperty("lastBackup")
    private String lastBackup;

    /** When the Schedule last skipped a Backup (RFC 3339). */
    @JsonProperty("lastSkipped")
    private String lastSkipped;

    /** Why the spec failed validation. */
    @JsonProperty("validationErrors")
    private List<String> validationErrors;

    public String getPhase() {
        return phase;
    }

    public void setPhase(String phase) {
        this.phase = phase;
    }

    public String getLastBackup() {
        return lastBackup;
    }

    public void setLastBackup(String lastBackup) {
        this.lastBackup = lastBackup;
    }

    public String getLastSkipped() {
        return lastSkipped;
    }

    public void setLastSkipped(String lastSkipped) {
        this.lastSkipped = lastSkipped;
    }

    public List<String> getValidationErrors() {
        return validationErrors;
    }

    public void setValidationErrors(List<String> validationErrors) {
        this.validationErrors = validationErrors;
    }

    /** Phase as a {@link SchedulePhase}: {@code null} if absent, SchedulePhase.UNKNOWN if this operator does not know it. */
    public SchedulePhase phase() {
        return SchedulePhase.fromValue(phase);
    }
}
