package io.pilotlight.api.v1alpha1.plan;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;
import io.pilotlight.api.v1alpha1.ApiConstants;

/**
 * A kind of namespaced resource to carry from the primary to the standby, identified by API group
 * and kind (any served version).
 */
@ValidationRule(
        value = "self.kind.matches('^[A-Z][A-Za-z0-9]*$')",
        message = "kind must be a Kind in CamelCase, such as Deployment or ConfigMap, not a resource name such as deployments")
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"group", "kind"})
public class ResourceKind {

    @JsonProperty("group")
    @JsonPropertyDescription("API group of the kind, e.g. apps or networking.k8s.io. Leave it out (or empty) for the core group (Service, ConfigMap, Secret...).")
    @Size(max = 253)
    @Pattern(ApiConstants.API_GROUP_PATTERN)
    private String group;

    @JsonProperty("kind")
    @JsonPropertyDescription("Kind in CamelCase as in a manifest's kind field, e.g. Deployment or ConfigMap (not the plural resource name).")
    @Required
    @Size(max = 63)
    private String kind;

    public String getGroup() {
        return group;
    }

    public void setGroup(String group) {
        this.group = group;
    }

    public String getKind() {
        return kind;
    }

    public void setKind(String kind) {
        this.kind = kind;
    }
}
