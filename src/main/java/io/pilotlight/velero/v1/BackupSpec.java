package io.pilotlight.velero.v1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.fabric8.kubernetes.api.model.LabelSelector;
import java.util.List;

/**
 * Spec of a Velero Backup, and the template of a Schedule. Fields we do not model are kept as
 * additional properties.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class BackupSpec extends VeleroObject {

    /** Metadata for the Backups created from this spec (used in Schedule templates). */
    @JsonProperty("metadata")
    private Metadata metadata;

    /** Namespaces to back up; empty or absent means all, '*' means all. */
    @JsonProperty("includedNamespaces")
    private List<String> includedNamespaces;

    /** Namespaces not to back up. */
    @JsonProperty("excludedNamespaces")
    private List<String> excludedNamespaces;

    /** Resources to back up, as resource or resource.group names; absent means all. */
    @JsonProperty("includedResources")
    private List<String> includedResources;

    /** Resources not to back up. */
    @JsonProperty("excludedResources")
    private List<String> excludedResources;

    /** Only back up objects with matching labels. */
    @JsonProperty("labelSelector")
    private LabelSelector labelSelector;

    /** Back up objects matching any of these selectors; cannot be combined with labelSelector. */
    @JsonProperty("orLabelSelectors")
    private List<LabelSelector> orLabelSelectors;

    /** Take snapshots of persistent volumes; absent lets Velero decide. */
    @JsonProperty("snapshotVolumes")
    private Boolean snapshotVolumes;

    /** How long the backup is kept, as a Go duration (e.g. 720h0m0s). */
    @JsonProperty("ttl")
    private String ttl;

    /** Include cluster-scoped resources; absent means those that namespaced resources need. */
    @JsonProperty("includeClusterResources")
    private Boolean includeClusterResources;

    /** Name of the BackupStorageLocation to write to; absent means Velero's default. */
    @JsonProperty("storageLocation")
    private String storageLocation;

    /** Back up all pod volumes with file-system backup unless a pod opts out. */
    @JsonProperty("defaultVolumesToFsBackup")
    private Boolean defaultVolumesToFsBackup;

    public Metadata getMetadata() {
        return metadata;
    }

    public void setMetadata(Metadata metadata) {
        this.metadata = metadata;
    }

    public List<String> getIncludedNamespaces() {
        return includedNamespaces;
    }

    public void setIncludedNamespaces(List<String> includedNamespaces) {
        this.includedNamespaces = includedNamespaces;
    }

    public List<String> getExcludedNamespaces() {
        return excludedNamespaces;
    }

    public void setExcludedNamespaces(List<String> excludedNamespaces) {
        this.excludedNamespaces = excludedNamespaces;
    }

    public List<String> getIncludedResources() {
        return includedResources;
    }

    public void setIncludedResources(List<String> includedResources) {
        this.includedResources = includedResources;
    }

    public List<String> getExcludedResources() {
        return excludedResources;
    }

    public void setExcludedResources(List<String> excludedResources) {
        this.excludedResources = excludedResources;
    }

    public LabelSelector getLabelSelector() {
        return labelSelector;
    }

    public void setLabelSelector(LabelSelector labelSelector) {
        this.labelSelector = labelSelector;
    }

    public List<LabelSelector> getOrLabelSelectors() {
        return orLabelSelectors;
    }

    public void setOrLabelSelectors(List<LabelSelector> orLabelSelectors) {
        this.orLabelSelectors = orLabelSelectors;
    }

    public Boolean getSnapshotVolumes() {
        return snapshotVolumes;
    }

    public void setSnapshotVolumes(Boolean snapshotVolumes) {
        this.snapshotVolumes = snapshotVolumes;
    }

    public String getTtl() {
        return ttl;
    }

    public void setTtl(String ttl) {
        this.ttl = ttl;
    }

    public Boolean getIncludeClusterResources() {
        return includeClusterResources;
    }

    public void setIncludeClusterResources(Boolean includeClusterResources) {
        this.includeClusterResources = includeClusterResources;
    }

    public String getStorageLocation() {
        return storageLocation;
    }

    public void setStorageLocation(String storageLocation) {
        this.storageLocation = storageLocation;
    }

    public Boolean getDefaultVolumesToFsBackup() {
        return defaultVolumesToFsBackup;
    }

    public void setDefaultVolumesToFsBackup(Boolean defaultVolumesToFsBackup) {
        this.defaultVolumesToFsBackup = defaultVolumesToFsBackup;
    }
}
