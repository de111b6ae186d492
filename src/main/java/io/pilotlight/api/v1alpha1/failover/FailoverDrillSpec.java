package io.pilotlight.api.v1alpha1.failover;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Size;
import io.pilotlight.api.v1alpha1.meta.ApiConstants;

/** Overrides of the plan's drill defaults for one Drill. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"ttl"})
public class FailoverDrillSpec {

    @JsonProperty("ttl")
    @JsonPropertyDescription("How long this drill's copies live before they are cleaned up; defaults to the plan's failover.drill.ttl.")
    @Pattern(ApiConstants.DURATION_PATTERN)
    @Size(max = 32)
    private String ttl;

    public String getTtl() {
        return ttl;
    }

    public void setTtl(String ttl) {
        this.ttl = ttl;
    }
}
