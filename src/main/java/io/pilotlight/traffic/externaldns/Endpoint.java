package io.pilotlight.traffic.externaldns;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;
import java.util.Map;

/** One record of a DNSEndpoint: a name, its type, its targets and TTL. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"dnsName", "recordType", "targets", "recordTTL", "setIdentifier", "labels", "providerSpecific"})
public class Endpoint extends ExternalDnsObject {

    @JsonProperty("dnsName")
    private String dnsName;

    @JsonProperty("recordType")
    private String recordType;

    @JsonProperty("targets")
    private List<String> targets;

    @JsonProperty("recordTTL")
    private Long recordTTL;

    @JsonProperty("setIdentifier")
    private String setIdentifier;

    @JsonProperty("labels")
    private Map<String, String> labels;

    @JsonProperty("providerSpecific")
    private List<ProviderSpecificProperty> providerSpecific;

    public String getDnsName() {
        return dnsName;
    }

    public void setDnsName(String dnsName) {
        this.dnsName = dnsName;
    }

    public String getRecordType() {
        return recordType;
    }

    public void setRecordType(String recordType) {
        this.recordType = recordType;
    }

    public List<String> getTargets() {
        return targets;
    }

    public void setTargets(List<String> targets) {
        this.targets = targets;
    }

    public Long getRecordTTL() {
        return recordTTL;
    }

    public void setRecordTTL(Long recordTTL) {
        this.recordTTL = recordTTL;
    }

    public String getSetIdentifier() {
        return setIdentifier;
    }

    public void setSetIdentifier(String setIdentifier) {
        this.setIdentifier = setIdentifier;
    }

    public Map<String, String> getLabels() {
        return labels;
    }

    public void setLabels(Map<String, String> labels) {
        this.labels = labels;
    }

    public List<ProviderSpecificProperty> getProviderSpecific() {
        return providerSpecific;
    }

    public void setProviderSpecific(List<ProviderSpecificProperty> providerSpecific) {
        this.providerSpecific = providerSpecific;
    }
}
