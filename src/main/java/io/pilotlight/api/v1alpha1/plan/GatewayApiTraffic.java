package io.pilotlight.api.v1alpha1.plan;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;
import io.pilotlight.api.v1alpha1.meta.ApiConstants;

/**
 * Traffic switched through Gateway API: the operator flips the backend weights of an existing
 * HTTPRoute (gateway.networking.k8s.io/v1) between the two sites' backends.
 */
@ValidationRule(
        value = "(has(self.primaryBackend.group) ? self.primaryBackend.group : '') != (has(self.standbyBackend.group) ? self.standbyBackend.group : '') || "
                + "(has(self.primaryBackend.kind) ? self.primaryBackend.kind : 'Service') != (has(self.standbyBackend.kind) ? self.standbyBackend.kind : 'Service') || "
                + "self.primaryBackend.name != self.standbyBackend.name || "
                + "(has(self.primaryBackend.__namespace__) ? self.primaryBackend.__namespace__ : '') != (has(self.standbyBackend.__namespace__) ? self.standbyBackend.__namespace__ : '') || "
                + "self.primaryBackend.port != self.standbyBackend.port",
        message = "primaryBackend and standbyBackend are the same backend: switching traffic would change nothing")
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"httpRouteName", "namespace", "primaryBackend", "standbyBackend"})
public class GatewayApiTraffic {

    @JsonProperty("httpRouteName")
    @JsonPropertyDescription("Name of the HTTPRoute, in the cluster the operator runs in. Its rules must reference both backends.")
    @Required
    @Size(max = 253)
    @Pattern(ApiConstants.DNS_SUBDOMAIN_PATTERN)
    private String httpRouteName;

    @JsonProperty("namespace")
    @JsonPropertyDescription("Namespace of the HTTPRoute. Defaults to the plan's namespace.")
    @Size(max = 63)
    @Pattern(ApiConstants.DNS_LABEL_PATTERN)
    private String namespace;

    @JsonProperty("primaryBackend")
    @JsonPropertyDescription("Backend that reaches the primary site; weight 1 while the primary is active, 0 otherwise.")
    @Required
    private BackendRef primaryBackend;

    @JsonProperty("standbyBackend")
    @JsonPropertyDescription("Backend that reaches the standby site; weight 1 while the standby is active, 0 otherwise.")
    @Required
    private BackendRef standbyBackend;

    public String getHttpRouteName() {
        return httpRouteName;
    }

    public void setHttpRouteName(String httpRouteName) {
        this.httpRouteName = httpRouteName;
    }

    public String getNamespace() {
        return namespace;
    }

    public void setNamespace(String namespace) {
        this.namespace = namespace;
    }

    public BackendRef getPrimaryBackend() {
        return primaryBackend;
    }

    public void setPrimaryBackend(BackendRef primaryBackend) {
        this.primaryBackend = primaryBackend;
    }

    public BackendRef getStandbyBackend() {
        return standbyBackend;
    }

    public void setStandbyBackend(BackendRef standbyBackend) {
        this.standbyBackend = standbyBackend;
    }
}
