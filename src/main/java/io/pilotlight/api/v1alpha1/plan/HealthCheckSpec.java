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
import io.fabric8.generator.annotation.ValidationRule;
import io.pilotlight.api.v1alpha1.meta.ApiConstants;

/** How both sites are probed, and whether a lost primary triggers a failover by itself. */
@ValidationRule(
        value = "!has(self.interval) || "
                + "!self.interval.matches('^([0-9]+(\\\\.[0-9]+)?(ns|us|µs|ms|s|m|h))+$') || "
                + "duration(self.interval) >= duration('1s')",
        message = "healthCheck.interval must be at least 1s")
@ValidationRule(
        value = "!has(self.interval) || "
                + "!has(self.timeout) || "
                + "!self.interval.matches('^([0-9]+(\\\\.[0-9]+)?(ns|us|µs|ms|s|m|h))+$') || "
                + "!self.timeout.matches('^([0-9]+(\\\\.[0-9]+)?(ns|us|µs|ms|s|m|h))+$') || "
                + "(duration(self.timeout) > duration('0s') && duration(self.timeout) <= duration(self.interval))",
        message = "healthCheck.timeout must be greater than zero and not longer than healthCheck.interval")
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"interval", "timeout", "failureThreshold", "autoFailover"})
public class HealthCheckSpec {

    @JsonProperty("interval")
    @JsonPropertyDescription("Time between two probes of each site.")
    @Default("10s")
    @Pattern(ApiConstants.DURATION_PATTERN)
    @Size(max = 32)
    private String interval;

    @JsonProperty("timeout")
    @JsonPropertyDescription("How long one probe may take before it counts as failed; not longer than interval.")
    @Default("3s")
    @Pattern(ApiConstants.DURATION_PATTERN)
    @Size(max = 32)
    private String timeout;

    @JsonProperty("failureThreshold")
    @JsonPropertyDescription("Consecutive failed probes before a site counts as unreachable.")
    @Default("3")
    @Min(1)
    @Max(1000)
    private Integer failureThreshold;

    @JsonProperty("autoFailover")
    @JsonPropertyDescription("Create an Unplanned Failover when the primary has been unreachable for failureThreshold probes. Needs the operator to run outside the primary.")
    @Default("false")
    private Boolean autoFailover;

    public String getInterval() {
        return interval;
    }

    public void setInterval(String interval) {
        this.interval = interval;
    }

    public String getTimeout() {
        return timeout;
    }

    public void setTimeout(String timeout) {
        this.timeout = timeout;
    }

    public Integer getFailureThreshold() {
        return failureThreshold;
    }

    public void setFailureThreshold(Integer failureThreshold) {
        this.failureThreshold = failureThreshold;
    }

    public Boolean getAutoFailover() {
        return autoFailover;
    }

    public void setAutoFailover(Boolean autoFailover) {
        this.autoFailover = autoFailover;
    }
}
