package io.pilotlight.api.v1alpha1.plan;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;
import io.pilotlight.api.v1alpha1.meta.ApiConstants;

/**
 * Velero backups of the protected namespaces, taken on the primary by a Velero Schedule that the
 * operator owns.
 */
@ValidationRule(
        value = "!has(self.ttl) || "
                + "!self.ttl.matches('^([0-9]+(\\\\.[0-9]+)?(ns|us|µs|ms|s|m|h))+$') || "
                + "duration(self.ttl) >= duration('1h')",
        message = "backup.ttl must be at least 1h, or backups would expire before they could be restored")
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"enabled", "veleroNamespace", "storageLocation", "schedule", "ttl", "snapshotVolumes", "defaultVolumesToFsBackup", "includeClusterResources"})
public class BackupPolicySpec {

    @JsonProperty("enabled")
    @JsonPropertyDescription("Create and own a Velero Schedule on the primary. Turn off if backups are managed elsewhere.")
    @Default("true")
    private Boolean enabled;

    @JsonProperty("veleroNamespace")
    @JsonPropertyDescription("Namespace where Velero runs on the primary (openshift-adp for OADP).")
    @Default("velero")
    @Size(max = 63)
    @Pattern(ApiConstants.DNS_LABEL_PATTERN)
    private String veleroNamespace;

    @JsonProperty("storageLocation")
    @JsonPropertyDescription("Name of the Velero BackupStorageLocation to write to. Leave it out to use Velero's default location.")
    @Size(max = 253)
    @Pattern(ApiConstants.DNS_SUBDOMAIN_PATTERN)
    private String storageLocation;

    @JsonProperty("schedule")
    @JsonPropertyDescription("When to back up: a five-field cron expression (minute hour day month weekday) or a descriptor such as @hourly or @every 30m, as Velero accepts.")
    @Default("0 * * * *")
    @Size(max = 128)
    @Pattern(ApiConstants.CRON_PATTERN)
    private String schedule;

    @JsonProperty("ttl")
    @JsonPropertyDescription("How long Velero keeps each backup; a Go duration such as 72h or 720h.")
    @Default("720h")
    @Pattern(ApiConstants.DURATION_PATTERN)
    @Size(max = 32)
    private String ttl;

    @JsonProperty("snapshotVolumes")
    @JsonPropertyDescription("Take snapshots of persistent volumes. Leave it out to let Velero decide.")
    private Boolean snapshotVolumes;

    @JsonProperty("defaultVolumesToFsBackup")
    @JsonPropertyDescription("Back up every pod volume with Velero's file-system backup unless the pod opts out. Leave it out to let Velero decide.")
    private Boolean defaultVolumesToFsBackup;

    @JsonProperty("includeClusterResources")
    @JsonPropertyDescription("Include cluster-scoped resources in backups. Leave it out to let Velero include those the namespaced resources need.")
    private Boolean includeClusterResources;

    public Boolean getEnabled() {
        return enabled;
    }

    /** Whether backups are on, with the schema's default (on) when the object was not defaulted by an API server. */
    public boolean enabled() {
        return !Boolean.FALSE.equals(enabled);
    }

    public void setEnabled(Boolean enabled) {
        this.enabled = enabled;
    }

    public String getVeleroNamespace() {
        return veleroNamespace;
    }

    public void setVeleroNamespace(String veleroNamespace) {
        this.veleroNamespace = veleroNamespace;
    }

    public String getStorageLocation() {
        return storageLocation;
    }

    public void setStorageLocation(String storageLocation) {
        this.storageLocation = storageLocation;
    }

    public String getSchedule() {
        return schedule;
    }

    public void setSchedule(String schedule) {
        this.schedule = schedule;
    }

    public String getTtl() {
        return ttl;
    }

    public void setTtl(String ttl) {
        this.ttl = ttl;
    }

    public Boolean getSnapshotVolumes() {
        return snapshotVolumes;
    }

    public void setSnapshotVolumes(Boolean snapshotVolumes) {
        this.snapshotVolumes = snapshotVolumes;
    }

    public Boolean getDefaultVolumesToFsBackup() {
        return defaultVolumesToFsBackup;
    }

    public void setDefaultVolumesToFsBackup(Boolean defaultVolumesToFsBackup) {
        this.defaultVolumesToFsBackup = defaultVolumesToFsBackup;
    }

    public Boolean getIncludeClusterResources() {
        return includeClusterResources;
    }

    public void setIncludeClusterResources(Boolean includeClusterResources) {
        this.includeClusterResources = includeClusterResources;
    }
}
