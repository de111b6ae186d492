package io.pilotlight.api.v1alpha1.plan;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.fabric8.generator.annotation.ValidationRule;

/** How clients reach the application; at most one provider. Leave it out to switch traffic yourself. */
@ValidationRule(
        value = "(has(self.externalDNS) ? 1 : 0) + (has(self.gatewayAPI) ? 1 : 0) + (has(self.rfc2136) ? 1 : 0) <= 1",
        message = "traffic takes at most one provider: set only one of externalDNS, gatewayAPI and rfc2136")
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"externalDNS", "gatewayAPI", "rfc2136"})
public class TrafficSpec {

    @JsonProperty("externalDNS")
    @JsonPropertyDescription("Switch traffic by updating an ExternalDNS DNSEndpoint.")
    private ExternalDnsTraffic externalDNS;

    @JsonProperty("gatewayAPI")
    @JsonPropertyDescription("Switch traffic by re-weighting the backends of a Gateway API HTTPRoute.")
    private GatewayApiTraffic gatewayAPI;

    @JsonProperty("rfc2136")
    @JsonPropertyDescription("Switch traffic by updating a record on an authoritative DNS server (RFC 2136 dynamic update with TSIG).")
    private Rfc2136Traffic rfc2136;

    public ExternalDnsTraffic getExternalDNS() {
        return externalDNS;
    }

    public void setExternalDNS(ExternalDnsTraffic externalDNS) {
        this.externalDNS = externalDNS;
    }

    public GatewayApiTraffic getGatewayAPI() {
        return gatewayAPI;
    }

    public void setGatewayAPI(GatewayApiTraffic gatewayAPI) {
        this.gatewayAPI = gatewayAPI;
    }

    public Rfc2136Traffic getRfc2136() {
        return rfc2136;
    }

    public void setRfc2136(Rfc2136Traffic rfc2136) {
        this.rfc2136 = rfc2136;
    }
}
