package io.pilotlight.api.v1alpha1.plan;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Size;
import io.pilotlight.api.v1alpha1.meta.ApiConstants;

/** Defaults for Drill failovers: test failovers into isolated copies of the namespaces. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"namespaceSuffix", "ttl"})
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
