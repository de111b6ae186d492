package io.pilotlight.api.v1alpha1.plan;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/** How close the standby is to the primary. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"objectsInSync", "workloadsParked", "conflicts", "driftCount", "lastFullSync", "syncLagP50Millis", "syncLagP99Millis"})
public class StandbyStatus {

    @JsonProperty("objectsInSync")
    @JsonPropertyDescription("Protected objects whose copy on the standby matches the primary.")
    private Integer objectsInSync;

    @JsonProperty("workloadsParked")
    @JsonPropertyDescription("Workloads on the standby held parked: scaled to the pilot-light count, suspended or neutralised (keepWarm workloads are not counted).")
    private Integer workloadsParked;

    @JsonProperty("conflicts")
    @JsonPropertyDescription("Objects on the standby that Pilotlight did not create and therefore leaves alone.")
    private Integer conflicts;

    @JsonProperty("driftCount")
    @JsonPropertyDescription("Copies that the last full comparison found changed on the standby, and repaired.")
    private Integer driftCount;

    @JsonProperty("lastFullSync")
    @JsonPropertyDescription("When the last full comparison of primary and standby finished (RFC 3339).")
    private String lastFullSync;

    @JsonProperty("syncLagP50Millis")
    @JsonPropertyDescription("Median delay, in milliseconds, between a change on the primary and its copy on the standby.")
    private Long syncLagP50Millis;

    @JsonProperty("syncLagP99Millis")
    @JsonPropertyDescription("99th percentile of that delay, in milliseconds.")
    private Long syncLagP99Millis;

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
