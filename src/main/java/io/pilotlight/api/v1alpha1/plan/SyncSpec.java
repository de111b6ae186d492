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

/** How the standby is kept identical to the primary. */
@ValidationRule(
        value = "!has(self.mode) || self.mode != 'Periodic' || has(self.interval)",
        message = "sync.interval is required when sync.mode is Periodic")
@ValidationRule(
        value = "!has(self.interval) || "
                + "!self.interval.matches('^([0-9]+(\\\\.[0-9]+)?(ns|us|µs|ms|s|m|h))+$') || "
                + "duration(self.interval) >= duration('10s')",
        message = "sync.interval must be at least 10s")
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"mode", "interval", "prune"})
public class SyncSpec {

    @JsonProperty("mode")
    @JsonPropertyDescription("Continuous (watch-driven), Periodic (every interval) or Off.")
    @Default("Continuous")
    private SyncMode mode;

    @JsonProperty("interval")
    @JsonPropertyDescription("Time between two full syncs in Periodic mode, and between two drift checks in Continuous mode; a Go duration such as 30s, 5m or 1h.")
    @Default("5m")
    @Pattern(ApiConstants.DURATION_PATTERN)
    @Size(max = 32)
    private String interval;

    @JsonProperty("prune")
    @JsonPropertyDescription("Delete from the standby what was deleted on the primary. Only objects that Pilotlight itself created on the standby are ever deleted.")
    @Default("true")
    private Boolean prune;

    public SyncMode getMode() {
        return mode;
    }

    /** The mode, with the schema's default when the object was not defaulted by an API server. */
    public SyncMode effectiveMode() {
        return mode == null ? SyncMode.CONTINUOUS : mode;
    }

    public void setMode(SyncMode mode) {
        this.mode = mode;
    }

    public String getInterval() {
        return interval;
    }

    public void setInterval(String interval) {
        this.interval = interval;
    }

    public Boolean getPrune() {
        return prune;
    }

    public void setPrune(Boolean prune) {
        this.prune = prune;
    }
}
