package io.pilotlight.api.v1alpha1.plan;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.ValidationRule;
import io.fabric8.kubernetes.api.model.LabelSelector;

/**
 * Workloads that keep running on the standby while it is parked, such as databases receiving
 * replication from the primary.
 */
@ValidationRule(
        value = "(has(self.selector.matchLabels) && size(self.selector.matchLabels) > 0) || "
                + "(has(self.selector.matchExpressions) && size(self.selector.matchExpressions) > 0)",
        message = "keepWarm selector must not be empty: an empty selector matches every workload, so nothing would stay parked")
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"selector", "replicas"})
public class KeepWarmSpec {

    @JsonProperty("selector")
    @JsonPropertyDescription("Selects the Deployments and StatefulSets, in the protected namespaces, that stay warm. Must not be empty.")
    @Required
    private LabelSelector selector;

    @JsonProperty("replicas")
    @JsonPropertyDescription("Replicas the selected workloads run with on the standby while it is parked.")
    @Required
    @Min(0)
    private Integer replicas;

    public LabelSelector getSelector() {
        return selector;
    }

    public void setSelector(LabelSelector selector) {
        this.selector = selector;
    }

    public Integer getReplicas() {
        return replicas;
    }

    public void setReplicas(Integer replicas) {
        this.replicas = replicas;
    }
}
