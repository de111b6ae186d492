package io.pilotlight.velero.v1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.fabric8.kubernetes.api.model.LabelSelector;
import java.util.List;
import java.util.Map;

/** Spec of a Velero Restore. Fields we do not model are kept as additional properties. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class RestoreSpec extends VeleroObject {

    /** Backup to restore from; empty when scheduleName is set. */
    @JsonProperty("backupName")
    private String backupName;

    /** Restore from the newest completed Backup of this Schedule. */
    @JsonProperty("scheduleName")
    private String scheduleName;

    /** Namespaces to restore; absent means all in the backup. */
    @JsonProperty("includedNamespaces")
    private List<String> includedNamespaces;

    /** Namespaces not to restore. */
    @JsonProperty("excludedNamespaces")
    private List<String> excludedNamespaces;

    /** Resources to restore; absent means all. */
    @JsonProperty("includedResources")
    private List<String> includedResources;

    /** Resources not to restore. */
    @JsonProperty("excludedResources")
    private List<String> excludedResources;

    /** Restores namespace key into namespace value (used for drills). */
    @JsonProperty("namespaceMapping")
    private Map<String, String> namespaceMapping;

    /** Only restore objects with matching labels. */
    @JsonProperty("labelSelector")
    private LabelSelector labelSelector;

    /** Restore objects matching any of these selectors. */
    @JsonProperty("orLabelSelectors")
    private List<LabelSelector> orLabelSelectors;

    /** Restore persistent volumes from snapshots; absent lets Velero decide. */
    @JsonProperty("restorePVs")
    private Boolean restorePVs;

    /** Include cluster-scoped resources; absent means those that namespaced resources need. */
    @JsonProperty("includeClusterResources")
    private Boolean includeClusterResources;

    /** What to do with resources that already exist: none or update; see existingResourcePolicy(). */
    @JsonProperty("existingResourcePolicy")
    private String existingResourcePolicy;

    public String getBackupName() {
        return backupName;
    }

    public void setBackupName(String backupName) {
        this.backupName = backupName;
    }

    public String getScheduleName() {
        return scheduleName;
    }

    public void setScheduleName(String scheduleName) {
        this.scheduleName = scheduleName;
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

    public Map<String, String> getNamespaceMapping() {
        return namespaceMapping;
    }

    public void setNamespaceMapping(Map<String, String> namespaceMapping) {
        this.namespaceMapping = namespaceMapping;
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

    public Boolean getRestorePVs() {
        return restorePVs;
    }

    public void setRestorePVs(Boolean restorePVs) {
        this.restorePVs = restorePVs;
    }

    public Boolean getIncludeClusterResources() {
        return includeClusterResources;
    }

    public void setIncludeClusterResources(Boolean includeClusterResources) {
        this.includeClusterResources = includeClusterResources;
    }

    public String getExistingResourcePolicy() {
        return existingResourcePolicy;
    }

    public void setExistingResourcePolicy(String existingResourcePolicy) {
        this.existingResourcePolicy = existingResourcePolicy;
    }

    /** ExistingResourcePolicy as a {@link ExistingResourcePolicy}: {@code null} if absent, ExistingResourcePolicy.UNKNOWN if this operator does not know it. */
    public ExistingResourcePolicy existingResourcePolicy() {
        return ExistingResourcePolicy.fromValue(existingResourcePolicy);
    }
}
