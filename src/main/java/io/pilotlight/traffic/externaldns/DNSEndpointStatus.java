package io.pilotlight.traffic.externaldns;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/** What ExternalDNS reports about a DNSEndpoint. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class DNSEndpointStatus extends ExternalDnsObject {

    @JsonProperty("observedGeneration")
    private Long observedGeneration;

    public Long getObservedGeneration() {
        return observedGeneration;
    }

    public void setObservedGeneration(Long observedGeneration) {
        this.observedGeneration = observedGeneration;
    }
}
