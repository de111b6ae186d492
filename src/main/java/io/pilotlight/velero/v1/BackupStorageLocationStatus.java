package io.pilotlight.velero.v1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Status of a Velero BackupStorageLocation. Fields we do not model are kept as additional
 * properties.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class BackupStorageLocationStatus extends VeleroObject {

    /** Phase as Velero wrote it; see phase() for the typed value. */
    @JsonProperty("phase")
    private String phase;

    /** When Velero last checked the location (RFC 3339). */
    @JsonProperty("lastValidationTime")
    private String lastValidationTime;

    /** When Velero last synced backups from the location (RFC 3339). */
    @JsonProperty("lastSyncedTime")
    private String lastSyncedTime;

    /** Why the location is unavailable, if it is. */
    @JsonProperty("message")
    private String message;

    public String getPhase() {
        return phase;
    }

    public void setPhase(String phase) {
        this.phase = phase;
    }

    public String getLastValidationTime() {
        return lastValidationTime;
    }

    public void setLastValidationTime(String lastValidationTime) {
        this.lastValidationTime = lastValidationTime;
    }

    public String getLastSyncedTime() {
        return lastSyncedTime;
    }

    public void setLastSyncedTime(String lastSyncedTime) {
        this.lastSyncedTime = lastSyncedTime;
    }

    public String getMessage() {
        return message;
    }

    public void setMessage(String message) {
        this.message = message;
    }

    /** Phase as a {@link BackupStorageLocationPhase}: {@code null} if absent, BackupStorageLocationPhase.UNKNOWN if this operator does not know it. */
    public BackupStorageLocationPhase phase() {
        return BackupStorageLocationPhase.fromValue(phase);
    }
}
