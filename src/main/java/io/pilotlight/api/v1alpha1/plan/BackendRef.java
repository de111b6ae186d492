package io.pilotlight.api.v1alpha1.plan;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import io.pilotlight.api.v1alpha1.meta.ApiConstants;

/** A backend of an HTTPRoute rule, as in Gateway API's BackendRef. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"group", "kind", "name", "namespace", "port"})
public class BackendRef {

    @JsonProperty("group")
    @JsonPropertyDescription("API group of the backend. Leave it out for a core Service; multicluster.x-k8s.io for a ServiceImport.")
    @Size(max = 253)
    @Pattern(ApiConstants.API_GROUP_PATTERN)
    private String group;

    @JsonProperty("kind")
    @JsonPropertyDescription("Kind of the backend. Defaults to Service.")
    @Size(max = 63)
    @Pattern("^[A-Z][A-Za-z0-9]*$")
    private String kind;

    @JsonProperty("name")
    @JsonPropertyDescription("Name of the backend, e.g. the Service that reaches this site.")
    @Required
    @Size(max = 253)
    @Pattern(ApiConstants.DNS_SUBDOMAIN_PATTERN)
    private String name;

    @JsonProperty("namespace")
    @JsonPropertyDescription("Namespace of the backend. Defaults to the HTTPRoute's namespace (cross-namespace references need a ReferenceGrant).")
    @Size(max = 63)
    @Pattern(ApiConstants.DNS_LABEL_PATTERN)
    private String namespace;

    @JsonProperty("port")
    @JsonPropertyDescription("Port of the backend.")
    @Required
    @Min(1)
    @Max(65535)
    private Integer port;

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

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getNamespace() {
        return namespace;
    }

    public void setNamespace(String namespace) {
        this.namespace = namespace;
    }

    public Integer getPort() {
        return port;
    }

    public void setPort(Integer port) {
        this.port = port;
    }
}
