package io.pilotlight.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;
import io.pilotlight.api.v1alpha1.failover.FailoverDirection;
import io.pilotlight.api.v1alpha1.failover.FailoverDrillSpec;
import io.pilotlight.api.v1alpha1.failover.FailoverRestoreSpec;
import io.pilotlight.api.v1alpha1.failover.FailoverType;
import io.pilotlight.api.v1alpha1.failover.PlanRef;
import io.pilotlight.api.v1alpha1.meta.ApiConstants;

/** Desired failover: which plan, what kind, which way. */
@ValidationRule(
        value = "self.type != 'Drill' || !has(self.switchTraffic) || !self.switchTraffic",
        message = "a Drill never switches traffic: remove switchTraffic or set it to false")
@ValidationRule(
        value = "!has(self.drill) || self.type == 'Drill'",
        message = "drill settings are only allowed when type is Drill")
@ValidationRule(
        value = "!has(self.timeout) || "
                + "!self.timeout.matches('^([0-9]+(\\\\.[0-9]+)?(ns|us|µs|ms|s|m|h))+$') || "
                + "duration(self.timeout) >= duration('1m')",
        message = "timeout must be at least 1m")
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"planRef", "type", "direction", "switchTraffic", "restore", "timeout", "drill"})
public class FailoverSpec {

    @JsonProperty("planRef")
    @JsonPropertyDescription("The DisasterRecoveryPlan to fail over. Immutable.")
    @Required
    @ValidationRule(
            value = "self == oldSelf",
            message = "planRef is immutable: create a new Failover for another plan")
    private PlanRef planRef;

    @JsonProperty("type")
    @JsonPropertyDescription("Planned, Unplanned or Drill. Immutable.")
    @Default("Planned")
    @ValidationRule(
            value = "self == oldSelf",
            message = "type is immutable: delete this Failover and create a new one")
    private FailoverType type;

    @JsonProperty("direction")
    @JsonPropertyDescription("ToStandby, or ToPrimary to fail back. Immutable.")
    @Default("ToStandby")
    @ValidationRule(
            value = "self == oldSelf",
            message = "direction is immutable: delete this Failover and create a new one")
    private FailoverDirection direction;

    @JsonProperty("switchTraffic")
    @JsonPropertyDescription("Point traffic at the target site once it is ready, using the plan's traffic provider. Defaults to true; a Drill never switches traffic.")
    private Boolean switchTraffic;

    @JsonProperty("restore")
    @JsonPropertyDescription("Restore from a Velero backup during the failover. Leave it out to follow the plan's failover.restoreVolumes.")
    private FailoverRestoreSpec restore;

    @JsonProperty("timeout")
    @JsonPropertyDescription("How long the whole failover may take before it is marked Failed; a Go duration such as 30m.")
    @Default("30m")
    @Pattern(ApiConstants.DURATION_PATTERN)
    @Size(max = 32)
    private String timeout;

    @JsonProperty("drill")
    @JsonPropertyDescription("Overrides for a Drill; only allowed when type is Drill.")
    private FailoverDrillSpec drill;

    public PlanRef getPlanRef() {
        return planRef;
    }

    public void setPlanRef(PlanRef planRef) {
        this.planRef = planRef;
    }

    public FailoverType getType() {
        return type;
    }

    public void setType(FailoverType type) {
        this.type = type;
    }

    public FailoverDirection getDirection() {
        return direction;
    }

    public void setDirection(FailoverDirection direction) {
        this.direction = direction;
    }

    public Boolean getSwitchTraffic() {
        return switchTraffic;
    }

    public void setSwitchTraffic(Boolean switchTraffic) {
        this.switchTraffic = switchTraffic;
    }

    public FailoverRestoreSpec getRestore() {
        return restore;
    }

    public void setRestore(FailoverRestoreSpec restore) {
        this.restore = restore;
    }

    public String getTimeout() {
        return timeout;
    }

    public void setTimeout(String timeout) {
        this.timeout = timeout;
    }

    public FailoverDrillSpec getDrill() {
        return drill;
    }

    public void setDrill(FailoverDrillSpec drill) {
        this.drill = drill;
    }
}
