package io.pilotlight.api.v1alpha1.plan;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.pilotlight.api.v1alpha1.meta.ApiConstants;
import java.util.List;

/** A group of workloads scaled up together during a failover; waves run in order. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"name", "selector", "before", "after"})
public class WaveSpec {

    @JsonProperty("name")
    @JsonPropertyDescription("Name of the wave, shown in a Failover's steps, e.g. data or apps.")
    @Required
    @Size(max = 63)
    @Pattern(ApiConstants.DNS_LABEL_PATTERN)
    private String name;

    @JsonProperty("selector")
    @JsonPropertyDescription("Selects the workloads of this wave among the protected ones. An empty selector takes every workload not taken by an earlier wave.")
    @Required
    private LabelSelector selector;

    @JsonProperty("before")
    @JsonPropertyDescription("Actions run, in order, before the wave is scaled up.")
    @Size(max = 8)
    @ValidationRule(value = "self.all(a, self.exists_one(x, x.name == a.name))", message = "wave actions (before) must have unique names")
    private List<ActionSpec> before;

    @JsonProperty("after")
    @JsonPropertyDescription("Actions run, in order, once the wave is ready, before the next wave starts.")
    @Size(max = 8)
    @ValidationRule(value = "self.all(a, self.exists_one(x, x.name == a.name))", message = "wave actions (after) must have unique names")
    private List<ActionSpec> after;

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public LabelSelector getSelector() {
        return selector;
    }

    public void setSelector(LabelSelector selector) {
        this.selector = selector;
    }

    public List<ActionSpec> getBefore() {
        return before;
    }

    public void setBefore(List<ActionSpec> before) {
        this.before = before;
    }

    public List<ActionSpec> getAfter() {
        return after;
    }

    public void setAfter(List<ActionSpec> after) {
        this.after = after;
    }
}
