package io.pilotlight.api.v1alpha1;

import io.pilotlight.api.v1alpha1.plan.SyncMode;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;
import io.pilotlight.api.v1alpha1.meta.ApiConstants;
import io.pilotlight.api.v1alpha1.plan.BackupPolicySpec;
import io.pilotlight.api.v1alpha1.plan.FailoverPolicySpec;
import io.pilotlight.api.v1alpha1.plan.HealthCheckSpec;
import io.pilotlight.api.v1alpha1.plan.ObjectivesSpec;
import io.pilotlight.api.v1alpha1.plan.PilotLightSpec;
import io.pilotlight.api.v1alpha1.plan.ProtectSpec;
import io.pilotlight.api.v1alpha1.plan.SiteSpec;
import io.pilotlight.api.v1alpha1.plan.SyncSpec;
import io.pilotlight.api.v1alpha1.plan.TrafficSpec;

/**
 * Desired state of a DisasterRecoveryPlan: what to protect, where the standby is, and how to fail
 * over to it.
 */
@ValidationRule(
        value = "self.primary.name != self.standby.name",
        message = "primary.name and standby.name must differ")
@ValidationRule(
        value = "has(self.primary.kubeconfigSecretRef) || has(self.standby.kubeconfigSecretRef)",
        message = "primary and standby would be the same cluster: set kubeconfigSecretRef on at least one of them (a site without one is the cluster the operator runs in)")
@ValidationRule(
        value = "!has(self.primary.kubeconfigSecretRef) || "
                + "!has(self.standby.kubeconfigSecretRef) || "
                + "self.primary.kubeconfigSecretRef.name != self.standby.kubeconfigSecretRef.name || "
                + "(has(self.primary.kubeconfigSecretRef.key) ? self.primary.kubeconfigSecretRef.key : 'kubeconfig') != (has(self.standby.kubeconfigSecretRef.key) ? self.standby.kubeconfigSecretRef.key : 'kubeconfig')",
        message = "primary and standby read their kubeconfig from the same Secret key, so they would be the same cluster")
@ValidationRule(
        value = "!has(self.healthCheck) || "
                + "!has(self.healthCheck.autoFailover) || "
                + "!self.healthCheck.autoFailover || "
                + "has(self.primary.kubeconfigSecretRef)",
        message = "healthCheck.autoFailover needs the operator to run outside the primary cluster: set primary.kubeconfigSecretRef (an operator inside the primary goes down with it)")
@ValidationRule(
        value = "!has(self.protect.namespaces) || self.protect.namespaces.all(n, size(n) + size(has(self.failover)"
                + " && has(self.failover.drill) && has(self.failover.drill.namespaceSuffix) ? self.failover.drill.namespaceSuffix"
                + " : '-drill') <= 63)",
        message = "a Drill copies each protected namespace into <namespace><failover.drill.namespaceSuffix>, a namespace name of at"
                + " most 63 characters: shorten failover.drill.namespaceSuffix (default -drill) or protect namespaces with shorter names")
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"primary", "standby", "serviceAccountName", "protect", "pilotLight", "sync", "backup", "objectives", "failover", "traffic", "healthCheck"})
public class DisasterRecoveryPlanSpec {

    @JsonProperty("primary")
    @JsonPropertyDescription("The site that normally serves the application.")
    @Required
    private SiteSpec primary;

    @JsonProperty("standby")
    @JsonPropertyDescription("The site that receives the parked copy and takes over on failover.")
    @Required
    private SiteSpec standby;

    @JsonProperty("serviceAccountName")
    @JsonPropertyDescription("ServiceAccount of the plan's namespace that the operator impersonates in the cluster it runs in: a site "
            + "without kubeconfigSecretRef, and the Secrets and traffic objects the plan names, are read and written with its rights, "
            + "never the operator's. Required unless the operator is configured with a default ServiceAccount, or the plan's "
            + "namespace is one the operator trusts (pilotlight.security.trusted-namespaces).")
    @Size(max = 253)
    @Pattern(ApiConstants.DNS_SUBDOMAIN_PATTERN)
    private String serviceAccountName;

    @JsonProperty("protect")
    @JsonPropertyDescription("Namespaces and kinds of resources carried from the primary to the standby.")
    @Required
    private ProtectSpec protect;

    @JsonProperty("pilotLight")
    @JsonPropertyDescription("How the copy on the standby is kept parked.")
    @Default("{}")
    private PilotLightSpec pilotLight;

    @JsonProperty("sync")
    @JsonPropertyDescription("How the standby is kept identical to the primary.")
    @Default("{}")
    private SyncSpec sync;

    @JsonProperty("backup")
    @JsonPropertyDescription("Velero backups of the protected namespaces.")
    @Default("{}")
    private BackupPolicySpec backup;

    @JsonProperty("objectives")
    @JsonPropertyDescription("Recovery point and time objectives.")
    @Default("{}")
    private ObjectivesSpec objectives;

    @JsonProperty("failover")
    @JsonPropertyDescription("Defaults for the Failovers of this plan.")
    @Default("{}")
    private FailoverPolicySpec failover;

    @JsonProperty("traffic")
    @JsonPropertyDescription("How traffic is switched between the sites; leave it out to switch it yourself.")
    private TrafficSpec traffic;

    @JsonProperty("healthCheck")
    @JsonPropertyDescription("Probing of both sites, and automatic failover.")
    @Default("{}")
    private HealthCheckSpec healthCheck;

    public SiteSpec getPrimary() {
        return primary;
    }

    public void setPrimary(SiteSpec primary) {
        this.primary = primary;
    }

    public SiteSpec getStandby() {
        return standby;
    }

    public void setStandby(SiteSpec standby) {
        this.standby = standby;
    }

    public ProtectSpec getProtect() {
        return protect;
    }

    public void setProtect(ProtectSpec protect) {
        this.protect = protect;
    }

    public PilotLightSpec getPilotLight() {
        return pilotLight;
    }

    public void setPilotLight(PilotLightSpec pilotLight) {
        this.pilotLight = pilotLight;
    }

    public SyncSpec getSync() {
        return sync;
    }

    /** {@code sync.mode}, defaulted as the schema defaults it (the section too may be absent on an undefaulted object). */
    public SyncMode syncMode() {
        return sync == null ? SyncMode.CONTINUOUS : sync.effectiveMode();
    }

    public void setSync(SyncSpec sync) {
        this.sync = sync;
    }

    public BackupPolicySpec getBackup() {
        return backup;
    }

    /** {@code backup.enabled}, defaulted as the schema defaults it. */
    public boolean backupEnabled() {
        return backup == null || backup.enabled();
    }

    public void setBackup(BackupPolicySpec backup) {
        this.backup = backup;
    }

    public ObjectivesSpec getObjectives() {
        return objectives;
    }

    public void setObjectives(ObjectivesSpec objectives) {
        this.objectives = objectives;
    }

    public FailoverPolicySpec getFailover() {
        return failover;
    }

    public void setFailover(FailoverPolicySpec failover) {
        this.failover = failover;
    }

    public TrafficSpec getTraffic() {
        return traffic;
    }

    public void setTraffic(TrafficSpec traffic) {
        this.traffic = traffic;
    }

    public HealthCheckSpec getHealthCheck() {
        return healthCheck;
    }

    public void setHealthCheck(HealthCheckSpec healthCheck) {
        this.healthCheck = healthCheck;
    }

    public String getServiceAccountName() {
        return serviceAccountName;
    }

    public void setServiceAccountName(String serviceAccountName) {
        this.serviceAccountName = serviceAccountName;
    }
}
