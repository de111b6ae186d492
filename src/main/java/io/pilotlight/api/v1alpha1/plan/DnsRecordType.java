package io.pilotlight.api.v1alpha1.plan;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Type of the DNS record switched between the sites. */
public enum DnsRecordType {
    /** IPv4 addresses. */
    @JsonProperty("A")
    A("A"),

    /** IPv6 addresses. */
    @JsonProperty("AAAA")
    AAAA("AAAA"),

    /** An alias to one host name. */
    @JsonProperty("CNAME")
    CNAME("CNAME");

    private final String value;

    DnsRecordType(String value) {
        this.value = value;
    }

    /** The value as written in the resource. */
    public String value() {
        return value;
    }

    @Override
    public String toString() {
        return value;
    }
}
