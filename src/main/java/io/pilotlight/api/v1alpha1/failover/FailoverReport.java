package io.pilotlight.api.v1alpha1.failover;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/**
 * What an auditor keeps of an ended Failover, beside its steps: the objectives it was held to (as
 * the plan said when it ended, since the plan may change later), whether it met them, which steps
 * changed each site, and where the printable report is.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"rtoObjectiveSeconds", "rtoMet", "rpoObjectiveSeconds", "rpoMet", "sites", "configMap", "note"})
public class FailoverReport {

    @JsonProperty("rtoObjectiveSeconds")
    @JsonPropertyDescription("The plan's objectives.rto when the Failover ended, in seconds.")
    private Long rtoObjectiveSeconds;

    @JsonProperty("rtoMet")
    @JsonPropertyDescription("Whether rtoSeconds was within the objective (absent when either is unknown).")
    private Boolean rtoMet;

    @JsonProperty("rpoObjectiveSeconds")
    @JsonPropertyDescription("The plan's objectives.rpo when the Failover ended, in seconds.")
    private Long rpoObjectiveSeconds;

    @JsonProperty("rpoMet")
    @JsonPropertyDescription("Whether rpoSeconds was within the objective (absent when either is unknown).")
    private Boolean rpoMet;

    @JsonProperty("sites")
    @JsonPropertyDescription("Per site, the steps that changed something there.")
    private List<SiteChanges> sites;

    @JsonProperty("configMap")
    @JsonPropertyDescription("Name of the ConfigMap, in the Failover's namespace and owned by it, whose key report.md holds this report in Markdown.")
    private String configMap;

    @JsonProperty("note")
    @JsonPropertyDescription("Why the ConfigMap was not written, when it was not.")
    private String note;

    public Long getRtoObjectiveSeconds() {
        return rtoObjectiveSeconds;
    }

    public void setRtoObjectiveSeconds(Long rtoObjectiveSeconds) {
        this.rtoObjectiveSeconds = rtoObjectiveSeconds;
    }

    public Boolean getRtoMet() {
        return rtoMet;
    }

    public void setRtoMet(Boolean rtoMet) {
        this.rtoMet = rtoMet;
    }

    public Long getRpoObjectiveSeconds() {
        return rpoObjectiveSeconds;
    }

    public void setRpoObjectiveSeconds(Long rpoObjectiveSeconds) {
        this.rpoObjectiveSeconds = rpoObjectiveSeconds;
    }

    public Boolean getRpoMet() {
        return rpoMet;
    }

    public void setRpoMet(Boolean rpoMet) {
        this.rpoMet = rpoMet;
    }

    public List<SiteChanges> getSites() {
        return sites;
    }

    public void setSites(List<SiteChanges> sites) {
        this.sites = sites;
    }

    public String getConfigMap() {
        return configMap;
    }

    public void setConfigMap(String configMap) {
        this.configMap = configMap;
    }

    public String getNote() {
        return note;
    }

    public void setNote(String note) {
        this.note = note;
    }
}
