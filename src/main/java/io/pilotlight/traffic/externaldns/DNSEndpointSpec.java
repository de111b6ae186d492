package io.pilotlight.traffic.externaldns;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.ArrayList;
import java.util.List;

/** The records of a DNSEndpoint. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class DNSEndpointSpec extends ExternalDnsObject {

    @JsonProperty("endpoints")
    private List<Endpoint> endpoints = new ArrayList<>();

    public List<Endpoint> getEndpoints() {
        return endpoints;
    }

    public void setEndpoints(List<Endpoint> endpoints) {
        this.endpoints = endpoints;
    }
}
