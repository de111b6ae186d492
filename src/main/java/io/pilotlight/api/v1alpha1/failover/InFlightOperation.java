package io.pilotlight.api.v1alpha1.failover;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * Identifiers and deadline of the operation a Failover is waiting on, so that a restarted operator
 * resumes it instead of starting over.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"backupName", "restoreName", "deadline", "wave", "attempts"})
public class InFlightOperation {

    @JsonProperty("backupName")
    @JsonPropertyDescription("Velero Backup being taken (final backup of a Planned failover).")
    private String backupName;

    @JsonProperty("restoreName")
    @JsonPropertyDescription("Velero Restore being run.")
    private String restoreName;

    @JsonProperty("deadline")
    @JsonPropertyDescription("When the current wait gives up (RFC 3339).")
    private String deadline;

    @JsonProperty("wave")
    @JsonPropertyDescription("Index, from 0, of the wave being scaled up.")
    private Integer wave;

    @JsonProperty("attempts")
    @JsonPropertyDescription("Attempts an httpGet action has made.")
    private Integer attempts;

    public String getBackupName() {
        return backupName;
    }

    public void setBackupName(String backupName) {
        this.backupName = backupName;
    }

    public String getRestoreName() {
        return restoreName;
    }

    public void setRestoreName(String restoreName) {
        this.restoreName = restoreName;
    }

    public String getDeadline() {
        return deadline;
    }

    public void setDeadline(String deadline) {
        this.deadline = deadline;
    }

    public Integer getWave() {
        return wave;
    }

    public void setWave(Integer wave) {
        this.wave = wave;
    }

    public Integer getAttempts() {
        return attempts;
    }

    public void setAttempts(Integer attempts) {
        this.attempts = attempts;
    }
}
