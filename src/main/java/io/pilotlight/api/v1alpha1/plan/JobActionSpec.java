package io.pilotlight.api.v1alpha1.plan;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import io.pilotlight.api.v1alpha1.meta.ApiConstants;

/** A Job an action runs. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"namespace", "template"})
public class JobActionSpec {

    @JsonProperty("namespace")
    @JsonPropertyDescription("Protected namespace the Job runs in (in a Drill: its isolated copy).")
    @Required
    @Size(max = 63)
    @Pattern(ApiConstants.DNS_LABEL_PATTERN)
    private String namespace;

    @JsonProperty("template")
    @JsonPropertyDescription("The Job's spec (batch/v1 JobSpec), as in a CronJob's jobTemplate.spec; its Pod template needs at least one container.")
    @Required
    private JsonNode template;

    public String getNamespace() {
        return namespace;
    }

    public void setNamespace(String namespace) {
        this.namespace = namespace;
    }

    public JsonNode getTemplate() {
        return template;
    }

    public void setTemplate(JsonNode template) {
        this.template = template;
    }
}
