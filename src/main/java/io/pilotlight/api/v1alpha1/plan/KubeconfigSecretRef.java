package io.pilotlight.api.v1alpha1.plan;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import io.pilotlight.api.v1alpha1.meta.ApiConstants;

/** A key of a Secret, in the plan's namespace, that holds a kubeconfig for a site. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"name", "key"})
public class KubeconfigSecretRef {

    @JsonProperty("name")
    @JsonPropertyDescription("Name of the Secret, in the plan's namespace.")
    @Required
    @Size(max = 253)
    @Pattern(ApiConstants.DNS_SUBDOMAIN_PATTERN)
    private String name;

    @JsonProperty("key")
    @JsonPropertyDescription("Key of the Secret whose value is the kubeconfig file.")
    @Default("kubeconfig")
    @Size(max = 253)
    @Pattern(ApiConstants.SECRET_KEY_PATTERN)
    private String key;

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getKey() {
        return key;
    }

    public void setKey(String key) {
        this.key = key;
    }
}
