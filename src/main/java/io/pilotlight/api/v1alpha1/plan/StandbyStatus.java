package io.pilotlight.api.v1alpha1.plan;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/** How close the parked copy (the standby, or the site a failover left once re-protected) is to the active site. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"site", "objectsInSync", "workloadsParked", "conflicts", "conflictList", "driftCount", "lastFullSync",
        "syncLagP50Millis", "syncLagP99Millis"})
public class StandbyStatus {

    @JsonProperty("site")
    @JsonPropertyDescription("The site that holds the parked copy: the standby, or, after a failover, the site it left.")
    private String site;

    @JsonProperty("objectsInSync")
    @JsonPropertyDescription("Protected objects whose copy on the parked site matches the active site.")
    private Integer objectsInSync;

    @JsonProperty("workloadsParked")
    @JsonPropertyDescription("Workloads on the parked site held parked: scaled to the pilot-light count, suspended or neutralised (keepWarm workloads are not counted).")
    private Integer workloadsParked;

    @JsonProperty("conflicts")
    @JsonPropertyDescription("Objects on the parked site that Pilotlight did not create or adopt and therefore leaves alone.")
    private Integer conflicts;

    @JsonProperty("conflictList")
    @JsonPropertyDescription("The first 20 conflicts, each `Kind namespace/name: why`.")
    private List<String> conflictList;

    @JsonProperty("driftCount")
    @JsonPropertyDescription("Copies that the last full comparison found changed on the parked site, and repaired.")
    private Integer driftCount;

    @JsonProperty("lastFullSync")
    @JsonPropertyDescription("When the last full comparison of the two sites finished (RFC 3339).")
    private String lastFullSync;

    @JsonProperty("syncLagP50Millis")
    @JsonPropertyDescription("Median delay, in milliseconds, between a change on the active site and its copy on the parked site.")
    private Long syncLagP50Millis;

    @JsonProperty("syncLagP99Millis")
    @JsonPropertyDescription("99th percentile of that delay, in milliseconds.")
    private Long syncLagP99Millis;

    public String getSite() {
        return site;
    }

    public void setSite(String site) {
        this.site = site;
    }

    public List<String> getConflictList() {
        return conflictList;
    }

    public void setConflictList(List<String> conflictList) {
        this.conflictList = conflictList;
    }

    public Integer getObjectsInSync() {
        return objectsInSync;
    }

    public void setObjectsInSync(Integer objectsInSync) {
        this.objectsInSync = objectsInSync;
    }

    public Integer getWorkloadsParked() {
        return workloadsParked;
    }

    public void setWorkloadsParked(Integer workloadsParked) {
        this.workloadsParked = workloadsParked;
    }

    public Integer getConflicts() {
        return conflicts;
    }

    public void setConflicts(Integer conflicts) {
        this.conflicts = conflicts;
    }

    public Integer getDriftCount() {
        return driftCount;
    }

    public void setDriftCount(Integer driftCount) {
        this.driftCount = driftCount;
    }

    public String getLastFullSync() {
        return lastFullSync;
    }

    public void setLastFullSync(String lastFullSync) {
        this.lastFullSync = lastFullSync;
    }

    public Long getSyncLagP50Millis() {
        return syncLagP50Millis;
    }

    public void setSyncLagP50Millis(Long syncLagP50Millis) {
        this.syncLagP50Millis = syncLagP50Millis;
    }

    public Long getSyncLagP99Millis() {
        return syncLagP99Millis;
    }

    public void setSyncLagP99Millis(Long syncLagP99Millis) {
        this.syncLagP99Millis = syncLagP99Millis;
    }
}
