package io.pilotlight.api.v1alpha1.failover;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/** A namespaced object's namespace and name. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"namespace", "name"})
public class NamespacedName {

    @JsonProperty("namespace")
    @JsonPropertyDescription("Namespace of the object.")
    private String namespace;

    @JsonProperty("name")
    @JsonPropertyDescription("Name of the object.")
    private String name;

    public String getNamespace() {
        return namespace;
    }

    public void setNamespace(String namespace) {
        this.namespace = namespace;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }
}
