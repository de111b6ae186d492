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
import java.util.List;

/** Defaults for the Failovers of this plan. */
@ValidationRule(
        value = "!has(self.readinessTimeout) || "
                + "!self.readinessTimeout.matches('^([0-9]+(\\\\.[0-9]+)?(ns|us|µs|ms|s|m|h))+$') || "
                + "duration(self.readinessTimeout) >= duration('10s')",
        message = "failover.readinessTimeout must be at least 10s")
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"waves", "readinessTimeout", "restoreVolumes", "drill", "beforeQuiesce", "beforeSwitchTraffic", "approvals"})
public class FailoverPolicySpec {

    @JsonProperty("waves")
    @JsonPropertyDescription("Ordered waves: each is scaled up and ready before the next starts. Leave it out to scale everything up at once.")
    @Size(max = 16)
    @ValidationRule(
            value = "self.all(w, self.exists_one(x, x.name == w.name))",
            message = "failover.waves must have unique names")
    private List<WaveSpec> waves;

    @JsonProperty("readinessTimeout")
    @JsonPropertyDescription("How long to wait for a wave's workloads to become ready before the failover fails.")
    @Default("10m")
    @Pattern(ApiConstants.DURATION_PATTERN)
    @Size(max = 32)
    private String readinessTimeout;

    @JsonProperty("restoreVolumes")
    @JsonPropertyDescription("Restore volume data from the newest completed backup when failing over (needs backups with volume data).")
    @Default("false")
    private Boolean restoreVolumes;

    @JsonProperty("drill")
    @JsonPropertyDescription("Defaults for Drill failovers.")
    @Default("{}")
    private DrillPolicySpec drill;

    @JsonProperty("beforeQuiesce")
    @JsonPropertyDescription("Planned failovers only: actions run on the site being left, while it still serves, before it is quiesced (e.g. a Job that checkpoints the database).")
    @Size(max = 8)
    @ValidationRule(value = "self.all(a, self.exists_one(x, x.name == a.name))", message = "failover.beforeQuiesce must have unique names")
    private List<ActionSpec> beforeQuiesce;

    @JsonProperty("beforeSwitchTraffic")
    @JsonPropertyDescription("Actions run once every wave is ready, before traffic is switched (e.g. an httpGet of the new site's health URL). Drills, which switch no traffic, skip them.")
    @Size(max = 8)
    @ValidationRule(value = "self.all(a, self.exists_one(x, x.name == a.name))", message = "failover.beforeSwitchTraffic must have unique names")
    private List<ActionSpec> beforeSwitchTraffic;

    @JsonProperty("approvals")
    @JsonPropertyDescription("Keep: every Failover waits for its approval actions. SkipForUnplanned: Unplanned (and automatic) Failovers skip them.")
    @Default("Keep")
    private ApprovalPolicy approvals;

    public List<WaveSpec> getWaves() {
        return waves;
    }

    public void setWaves(List<WaveSpec> waves) {
        this.waves = waves;
    }

    public String getReadinessTimeout() {
        return readinessTimeout;
    }

    public void setReadinessTimeout(String readinessTimeout) {
        this.readinessTimeout = readinessTimeout;
    }

    public Boolean getRestoreVolumes() {
        return restoreVolumes;
    }

    public void setRestoreVolumes(Boolean restoreVolumes) {
        this.restoreVolumes = restoreVolumes;
    }

    public DrillPolicySpec getDrill() {
        return drill;
    }

    public void setDrill(DrillPolicySpec drill) {
        this.drill = drill;
    }

    public List<ActionSpec> getBeforeQuiesce() {
        return beforeQuiesce;
    }

    public void setBeforeQuiesce(List<ActionSpec> beforeQuiesce) {
        this.beforeQuiesce = beforeQuiesce;
    }

    public List<ActionSpec> getBeforeSwitchTraffic() {
        return beforeSwitchTraffic;
    }

    public void setBeforeSwitchTraffic(List<ActionSpec> beforeSwitchTraffic) {
        this.beforeSwitchTraffic = beforeSwitchTraffic;
    }

    public ApprovalPolicy getApprovals() {
        return approvals;
    }

    public void setApprovals(ApprovalPolicy approvals) {
        this.approvals = approvals;
    }
}
