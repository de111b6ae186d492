package io.pilotlight.api.v1alpha1.failover;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/** The steps of a Failover that changed something on one site; their messages say what. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"site", "role", "steps"})
public class SiteChanges {

    @JsonProperty("site")
    @JsonPropertyDescription("Name of the site, or traffic for the traffic provider's object.")
    private String site;

    @JsonProperty("role")
    @JsonPropertyDescription("left (the site the failover moved away from), target (the site it moved to), or traffic.")
    private String role;

    @JsonProperty("steps")
    @JsonPropertyDescription("Names of the steps that wrote to it, in order (see status.steps for what each did).")
    private List<String> steps;

    public SiteChanges() {
    }

    public SiteChanges(String site, String role, List<String> steps) {
        this.site = site;
        this.role = role;
        this.steps = steps;
    }

    public String getSite() {
        return site;
    }

    public void setSite(String site) {
        this.site = site;
    }

    public String getRole() {
        return role;
    }

    public void setRole(String role) {
        this.role = role;
    }

    public List<String> getSteps() {
        return steps;
    }

    public void setSteps(List<String> steps) {
        this.steps = steps;
    }
}
