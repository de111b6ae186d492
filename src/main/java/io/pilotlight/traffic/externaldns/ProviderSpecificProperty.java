package io.pilotlight.traffic.externaldns;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/** A provider-specific setting of an endpoint, e.g. {@code aws/evaluate-target-health}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class ProviderSpecificProperty extends ExternalDnsObject {

    @JsonProperty("name")
    private String name;

    @JsonProperty("value")
    private String value;

    public ProviderSpecificProperty() {
    }

    public ProviderSpecificProperty(String name, String value) {
        this.name = name;
        this.value = value;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getValue() {
        return value;
    }

    public void setValue(String value) {
        this.value = value;
    }
}
