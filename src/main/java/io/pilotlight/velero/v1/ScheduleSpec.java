package io.pilotlight.velero.v1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/** Spec of a Velero Schedule. Fields we do not model are kept as additional properties. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class ScheduleSpec extends VeleroObject {

    /** Cron expression (or descriptor such as @every 1h) saying when to back up. */
    @JsonProperty("schedule")
    private String schedule;

    /** Spec of the Backups the Schedule creates. */
    @JsonProperty("template")
    private BackupSpec template;

    /** Make the Schedule the owner of its Backups, so that deleting it deletes them. */
    @JsonProperty("useOwnerReferencesInBackup")
    private Boolean useOwnerReferencesInBackup;

    /** Create no Backups while true. */
    @JsonProperty("paused")
    private Boolean paused;

    /** Skip the backup that would otherwise run as soon as the Schedule is created or unpaused. */
    @JsonProperty("skipImmediately")
    private Boolean skipImmediately;

    public String getSchedule() {
        return schedule;
    }

    public void setSchedule(String schedule) {
        this.schedule = schedule;
    }

    public BackupSpec getTemplate() {
        return template;
    }

    public void setTemplate(BackupSpec template) {
        this.template = template;
    }

    public Boolean getUseOwnerReferencesInBackup() {
        return useOwnerReferencesInBackup;
    }

    public void setUseOwnerReferencesInBackup(Boolean useOwnerReferencesInBackup) {
        this.useOwnerReferencesInBackup = useOwnerReferencesInBackup;
    }

    public Boolean getPaused() {
        return paused;
    }

    public void setPaused(Boolean paused) {
        this.paused = paused;
    }

    public Boolean getSkipImmediately() {
        return skipImmediately;
    }

    public void setSkipImmediately(Boolean skipImmediately) {
        this.skipImmediately = skipImmediately;
    }
}
