package io.pilotlight.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.pilotlight.api.v1alpha1.plan.DrillStatus;
import io.pilotlight.api.v1alpha1.plan.LastBackupStatus;
import io.pilotlight.api.v1alpha1.plan.StandbyStatus;
import java.util.List;

/** Observed state of a DisasterRecoveryPlan. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"observedGeneration", "activeSite", "fencedSite", "activeFailover", "syncDirection", "rpo", "rpoSeconds", "lastBackup", "lastGoodBackup", "standby", "drill", "conditions"})
public class DisasterRecoveryPlanStatus {

    @JsonProperty("observedGeneration")
    @JsonPropertyDescription("metadata.generation of the plan that this status was computed from.")
    private Long observedGeneration;

    @JsonProperty("activeSite")
    @JsonPropertyDescription("Name of the site that currently serves the application.")
    private String activeSite;

    @JsonProperty("fencedSite")
    @JsonPropertyDescription("Name of the site a failover left (quiesced or fenced): its own workloads are parked whenever it answers, and it is re-protected as the parked copy, until a failback.")
    private String fencedSite;

    @JsonProperty("activeFailover")
    @JsonPropertyDescription("Name of the Failover of this plan that is in progress, if any; only one runs at a time.")
    private String activeFailover;

    @JsonProperty("syncDirection")
    @JsonPropertyDescription("Which way the sync copies, from the active site to the parked copy: `dc1 → dc2`, or `dc2 → dc1` once the site a failover left is re-protected.")
    private String syncDirection;

    @JsonProperty("rpo")
    @JsonPropertyDescription("Current recovery point, human-readable (e.g. 12m): age of the newest good copy of the data.")
    private String rpo;

    @JsonProperty("rpoSeconds")
    @JsonPropertyDescription("Current recovery point, in seconds.")
    private Long rpoSeconds;

    @JsonProperty("lastBackup")
    @JsonPropertyDescription("The newest Velero backup of the plan.")
    private LastBackupStatus lastBackup;

    @JsonProperty("lastGoodBackup")
    @JsonPropertyDescription("The newest Completed Velero backup of the plan: the recovery point that rpo measures.")
    private LastBackupStatus lastGoodBackup;

    @JsonProperty("standby")
    @JsonPropertyDescription("Figures about the parked copy (on the standby, or on the site a failover left).")
    private StandbyStatus standby;

    @JsonProperty("drill")
    @JsonPropertyDescription("The plan's drills: the last one, the predicted RTO, the next scheduled one.")
    private DrillStatus drill;

    @JsonProperty("conditions")
    @JsonPropertyDescription("Current observations: Ready, PrimaryReachable, StandbyReachable, BackupScheduled, StandbyInSync, RPOMet, StandbyCompatible, and DrillSucceeded when drills are scheduled or checked.")
    private List<Condition> conditions;

    public Long getObservedGeneration() {
        return observedGeneration;
    }

    public void setObservedGeneration(Long observedGeneration) {
        this.observedGeneration = observedGeneration;
    }

    public String getActiveSite() {
        return activeSite;
    }

    public void setActiveSite(String activeSite) {
        this.activeSite = activeSite;
    }

    public String getFencedSite() {
        return fencedSite;
    }

    public void setFencedSite(String fencedSite) {
        this.fencedSite = fencedSite;
    }

    public String getActiveFailover() {
        return activeFailover;
    }

    public void setActiveFailover(String activeFailover) {
        this.activeFailover = activeFailover;
    }

    public String getRpo() {
        return rpo;
    }

    public void setRpo(String rpo) {
        this.rpo = rpo;
    }

    public Long getRpoSeconds() {
        return rpoSeconds;
    }

    public void setRpoSeconds(Long rpoSeconds) {
        this.rpoSeconds = rpoSeconds;
    }

    public LastBackupStatus getLastBackup() {
        return lastBackup;
    }

    public void setLastBackup(LastBackupStatus lastBackup) {
        this.lastBackup = lastBackup;
    }

    public String getSyncDirection() {
        return syncDirection;
    }

    public void setSyncDirection(String syncDirection) {
        this.syncDirection = syncDirection;
    }

    public StandbyStatus getStandby() {
        return standby;
    }

    public void setStandby(StandbyStatus standby) {
        this.standby = standby;
    }

    public List<Condition> getConditions() {
        return conditions;
    }

    public void setConditions(List<Condition> conditions) {
        this.conditions = conditions;
    }

    public LastBackupStatus getLastGoodBackup() {
        return lastGoodBackup;
    }

    public void setLastGoodBackup(LastBackupStatus lastGoodBackup) {
        this.lastGoodBackup = lastGoodBackup;
    }

    public DrillStatus getDrill() {
        return drill;
    }

    public void setDrill(DrillStatus drill) {
        this.drill = drill;
    }
}
