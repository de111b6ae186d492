package io.pilotlight.api.v1alpha1.failover;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;
import io.pilotlight.api.v1alpha1.meta.ApiConstants;

/** Restore from a Velero backup as part of the failover. */
@ValidationRule(
        value = "!has(self.backupName) || !has(self.enabled) || self.enabled",
        message = "restore.backupName is set but restore.enabled is false")
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"enabled", "backupName"})
public class FailoverRestoreSpec {

    @JsonProperty("enabled")
    @JsonPropertyDescription("Restore from a backup during the failover.")
    @Default("true")
    private Boolean enabled;

    @JsonProperty("backupName")
    @JsonPropertyDescription("Velero Backup to restore from. Defaults to the newest completed backup of the plan.")
    @Size(max = 253)
    @Pattern(ApiConstants.DNS_SUBDOMAIN_PATTERN)
    private String backupName;

    public Boolean getEnabled() {
        return enabled;
    }

    public void setEnabled(Boolean enabled) {
        this.enabled = enabled;
    }

    public String getBackupName() {
        return backupName;
    }

    public void setBackupName(String backupName) {
        this.backupName = backupName;
    }
}
