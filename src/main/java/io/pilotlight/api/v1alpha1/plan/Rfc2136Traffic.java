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
 * Traffic switched by an RFC 2136 dynamic update of a record on an authoritative DNS server, signed
 * with TSIG.
 */
@ValidationRule(
        value = "self.primaryAddresses != self.standbyAddresses",
        message = "primaryAddresses and standbyAddresses are identical: switching traffic would change nothing")
@ValidationRule(
        value = "self.recordType != 'CNAME' || "
                + "(size(self.primaryAddresses) == 1 && size(self.standbyAddresses) == 1)",
        message = "a CNAME record has exactly one target: give one primaryAddresses entry and one standbyAddresses entry")
@ValidationRule(
        value = "((self.recordName) + '.').replace('..', '.').lowerAscii() == ((self.zone) + '.').replace('..', '.').lowerAscii() || "
                + "((self.recordName) + '.').replace('..', '.').lowerAscii().endsWith('.' + ((self.zone) + '.').replace('..', '.').lowerAscii())",
        message = "rfc2136.recordName must be inside rfc2136.zone")
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"server", "port", "zone", "recordName", "recordType", "ttl", "primaryAddresses", "standbyAddresses", "tsigSecretRef", "tsigAlgorithm"})
public class Rfc2136Traffic {

    @JsonProperty("server")
    @JsonPropertyDescription("Host name or IP address of the authoritative DNS server that accepts updates for the zone.")
    @Required
    @Size(min = 1, max = 253)
    private String server;

    @JsonProperty("port")
    @JsonPropertyDescription("Port of the DNS server.")
    @Default("53")
    @Min(1)
    @Max(65535)
    private Integer port;

    @JsonProperty("zone")
    @JsonPropertyDescription("Zone that holds the record, e.g. example.com.")
    @Required
    @Size(max = 253)
    @Pattern(ApiConstants.DNS_NAME_PATTERN)
    private String zone;

    @JsonProperty("recordName")
    @JsonPropertyDescription("Fully qualified name of the record, inside zone, e.g. app.example.com.")
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

    @JsonProperty("primaryAddresses")
    @JsonPropertyDescription("Record data while the primary is active: IP addresses for A/AAAA, one host name for CNAME.")
    @Required
    @Size(min = 1, max = 16)
    private List<String> primaryAddresses;

    @JsonProperty("standbyAddresses")
    @JsonPropertyDescription("Record data while the standby is active: IP addresses for A/AAAA, one host name for CNAME.")
    @Required
    @Size(min = 1, max = 16)
    private List<String> standbyAddresses;

    @JsonProperty("tsigSecretRef")
    @JsonPropertyDescription("Secret holding the TSIG key. Leave it out only if the server accepts unsigned updates (not recommended).")
    private TsigSecretRef tsigSecretRef;

    @JsonProperty("tsigAlgorithm")
    @JsonPropertyDescription("TSIG algorithm of the key.")
    @Default("hmac-sha256")
    private TsigAlgorithm tsigAlgorithm;

    public String getServer() {
        return server;
    }

    public void setServer(String server) {
        this.server = server;
    }

    public Integer getPort() {
        return port;
    }

    public void setPort(Integer port) {
        this.port = port;
    }

    public String getZone() {
        return zone;
    }

    public void setZone(String zone) {
        this.zone = zone;
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

    public List<String> getPrimaryAddresses() {
        return primaryAddresses;
    }

    public void setPrimaryAddresses(List<String> primaryAddresses) {
        this.primaryAddresses = primaryAddresses;
    }

    public List<String> getStandbyAddresses() {
        return standbyAddresses;
    }

    public void setStandbyAddresses(List<String> standbyAddresses) {
        this.standbyAddresses = standbyAddresses;
    }

    public TsigSecretRef getTsigSecretRef() {
        return tsigSecretRef;
    }

    public void setTsigSecretRef(TsigSecretRef tsigSecretRef) {
        this.tsigSecretRef = tsigSecretRef;
    }

    public TsigAlgorithm getTsigAlgorithm() {
        return tsigAlgorithm;
    }

    public void setTsigAlgorithm(TsigAlgorithm tsigAlgorithm) {
        this.tsigAlgorithm = tsigAlgorithm;
    }
}
