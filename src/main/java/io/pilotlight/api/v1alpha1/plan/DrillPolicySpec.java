package io.pilotlight.api.v1alpha1.plan;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Size;
import io.pilotlight.api.v1alpha1.meta.ApiConstants;

/** Defaults for Drill failovers (test failovers into isolated copies of the namespaces), and when the operator runs them. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"namespaceSuffix", "ttl", "schedule", "historyLimit", "maxAge"})
public class DrillPolicySpec {

    @JsonProperty("namespaceSuffix")
    @JsonPropertyDescription("Suffix appended to each protected namespace's name to form the drill copy's namespace.")
    @Default("-drill")
    @Size(max = 20)
    @Pattern(ApiConstants.NAMESPACE_SUFFIX_PATTERN)
    private String namespaceSuffix;

    @JsonProperty("ttl")
    @JsonPropertyDescription("How long a drill's copies live before they are cleaned up; a Go duration such as 30m or 2h.")
    @Default("1h")
    @Pattern(ApiConstants.DURATION_PATTERN)
    @Size(max = 32)
    private String ttl;

    @JsonProperty("schedule")
    @JsonPropertyDescription("When the operator runs a Drill of this plan by itself: a five-field cron expression (minute hour day month weekday, UTC unless prefixed by CRON_TZ=<zone>) or a descriptor such as @daily or @every 12h. A drill whose time comes while another Failover of the plan runs starts once it ended. Leave it out for no scheduled drills.")
    @Size(max = 128)
    @Pattern(ApiConstants.CRON_PATTERN)
    private String schedule;

    @JsonProperty("historyLimit")
    @JsonPropertyDescription("How many of the scheduled drills' Failovers are kept; older ones are deleted once their copies are cleaned up. Drills created by hand are never deleted.")
    @Default("3")
    @Min(1)
    @Max(100)
    private Integer historyLimit;

    @JsonProperty("maxAge")
    @JsonPropertyDescription("How old the last drill may be before the DrillSucceeded condition turns False (a Go duration such as 192h); leave it out not to check its age.")
    @Pattern(ApiConstants.DURATION_PATTERN)
    @Size(max = 32)
    private String maxAge;

    public String getSchedule() {
        return schedule;
    }

    public void setSchedule(String schedule) {
        this.schedule = schedule;
    }

    public Integer getHistoryLimit() {
        return historyLimit;
    }

    public void setHistoryLimit(Integer historyLimit) {
        this.historyLimit = historyLimit;
    }

    public String getMaxAge() {
        return maxAge;
    }

    public void setMaxAge(String maxAge) {
        this.maxAge = maxAge;
    }

    public String getNamespaceSuffix() {
        return namespaceSuffix;
    }

    public void setNamespaceSuffix(String namespaceSuffix) {
        this.namespaceSuffix = namespaceSuffix;
    }

    public String getTtl() {
        return ttl;
    }

    public void setTtl(String ttl) {
        this.ttl = ttl;
    }
}
