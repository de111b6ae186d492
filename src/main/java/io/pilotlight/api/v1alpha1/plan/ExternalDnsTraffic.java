package io.pilotlight.api.v1alpha1.plan;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;
import io.pilotlight.api.v1alpha1.meta.ApiConstants;
import java.util.List;

/**
 * Traffic switched through ExternalDNS: the operator owns a DNSEndpoint
 * (externaldns.k8s.io/v1alpha1) whose targets flip between the sites.
 */
@ValidationRule(
        value = "self.primaryTargets != self.standbyTargets",
        message = "primaryTargets and standbyTargets are identical: switching traffic would change nothing")
@ValidationRule(
        value = "self.recordType != 'CNAME' || "
                + "(size(self.primaryTargets) == 1 && size(self.standbyTargets) == 1)",
        message = "a CNAME record has exactly one target: give one primaryTargets entry and one standbyTargets entry")
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"dnsEndpointName", "namespace", "recordName", "recordType", "ttl", "primaryTargets", "standbyTargets"})
public class ExternalDnsTraffic {

    @JsonProperty("dnsEndpointName")
    @JsonPropertyDescription("Name of the DNSEndpoint the operator creates and updates, in the cluster the operator runs in.")
    @Required
    @Size(max = 253)
    @Pattern(ApiConstants.DNS_SUBDOMAIN_PATTERN)
    private String dnsEndpointName;

    @JsonProperty("namespace")
    @JsonPropertyDescription("Namespace of the DNSEndpoint. Defaults to the plan's namespace.")
    @Size(max = 63)
    @Pattern(ApiConstants.DNS_LABEL_PATTERN)
    private String namespace;

    @JsonProperty("recordName")
    @JsonPropertyDescription("Fully qualified DNS name clients use, e.g. app.example.com.")
    @Required
    @Size(max = 253)
    @Pattern(ApiConstants.DNS_NAME_PATTERN)
    private String recordName;

    @JsonProperty("recordType")
    @JsonPropertyDescription("Type of the record: A, AAAA or CNAME.")
    @Default("A")
    private DnsRecordType recordType;

    @JsonProperty("ttl")
    @JsonPropertyDescription("TTL of the record, in seconds; a low TTL makes clients follow a switch sooner.")
    @Default("60")
    @Min(0)
    @Max(2147483647)
    private Integer ttl;

    @JsonProperty("primaryTargets")
    @JsonPropertyDescription("Record targets while the primary is active: IP addresses for A/AAAA, one host name for CNAME.")
    @Required
    @Size(min = 1, max = 16)
    private List<String> primaryTargets;

    @JsonProperty("standbyTargets")
    @JsonPropertyDescription("Record targets while the standby is active: IP addresses for A/AAAA, one host name for CNAME.")
    @Required
    @Size(min = 1, max = 16)
    private List<String> standbyTargets;

    public String getDnsEndpointName() {
        return dnsEndpointName;
    }

    public void setDnsEndpointName(String dnsEndpointName) {
        this.dnsEndpointName = dnsEndpointName;
    }

    public String getNamespace() {
        return namespace;
    }

    public void setNamespace(String namespace) {
        this.namespace = namespace;
    }

    public String getRecordName() {
        return recordName;
    }

    public void setRecordName(String recordName) {
        this.recordName = recordName;
    }

    public DnsRecordType getRecordType() {
        return recordType;
    }

    public void setRecordType(DnsRecordType recordType) {
        this.recordType = recordType;
    }

    public Integer getTtl() {
        return ttl;
    }

    public void setTtl(Integer ttl) {
        this.ttl = ttl;
    }

    public List<String> getPrimaryTargets() {
        return primaryTargets;
    }

    public void setPrimaryTargets(List<String> primaryTargets) {
        this.primaryTargets = primaryTargets;
    }

    public List<String> getStandbyTargets() {
        return standbyTargets;
    }

    public void setStandbyTargets(List<String> standbyTargets) {
        this.standbyTargets = standbyTargets;
    }
}
