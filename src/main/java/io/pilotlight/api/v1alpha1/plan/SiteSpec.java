package io.pilotlight.api.v1alpha1.plan;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import io.pilotlight.api.v1alpha1.meta.ApiConstants;

/** One of the two sites (clusters) of a plan. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"name", "kubeconfigSecretRef", "allowInsecureTLS"})
public class SiteSpec {

    @JsonProperty("name")
    @JsonPropertyDescription("Short name of the site, used in status, events and Failovers, e.g. eu-west or dc1. The two sites of a plan must have different names.")
    @Required
    @Size(max = 63)
    @Pattern(ApiConstants.DNS_LABEL_PATTERN)
    private String name;

    @JsonProperty("kubeconfigSecretRef")
    @JsonPropertyDescription("Secret key holding a kubeconfig to reach this site. Leave it out for the cluster the operator runs in; at most one of the two sites can do so.")
    private KubeconfigSecretRef kubeconfigSecretRef;

    @JsonProperty("allowInsecureTLS")
    @JsonPropertyDescription("Accept the kubeconfig's insecure-skip-tls-verify: the site's certificate is then not checked, so anyone "
            + "on the network path can read and change what the operator sends there. Reported in the site's reachability condition. "
            + "Default false: such a kubeconfig is refused.")
    private Boolean allowInsecureTLS;

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public KubeconfigSecretRef getKubeconfigSecretRef() {
        return kubeconfigSecretRef;
    }

    public void setKubeconfigSecretRef(KubeconfigSecretRef kubeconfigSecretRef) {
        this.kubeconfigSecretRef = kubeconfigSecretRef;
    }

    public Boolean getAllowInsecureTLS() {
        return allowInsecureTLS;
    }

    public void setAllowInsecureTLS(Boolean allowInsecureTLS) {
        this.allowInsecureTLS = allowInsecureTLS;
    }
}
