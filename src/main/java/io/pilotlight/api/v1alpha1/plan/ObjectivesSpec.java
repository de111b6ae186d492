package io.pilotlight.api.v1alpha1.plan;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;
import io.pilotlight.api.v1alpha1.meta.ApiConstants;

/** Recovery objectives the business accepts; the operator measures against them. */
@ValidationRule(
        value = "!has(self.rpo) || "
                + "!self.rpo.matches('^([0-9]+(\\\\.[0-9]+)?(ns|us|µs|ms|s|m|h))+$') || "
                + "duration(self.rpo) > duration('0s')",
        message = "objectives.rpo must be greater than zero")
@ValidationRule(
        value = "!has(self.rto) || "
                + "!self.rto.matches('^([0-9]+(\\\\.[0-9]+)?(ns|us|µs|ms|s|m|h))+$') || "
                + "duration(self.rto) > duration('0s')",
        message = "objectives.rto must be greater than zero")
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"rpo", "rto"})
public class ObjectivesSpec {

    @JsonProperty("rpo")
    @JsonPropertyDescription("Recovery point objective: how old the newest good copy of the data may be, e.g. 15m or 1h. RPOMet turns False beyond it.")
    @Default("1h")
    @Pattern(ApiConstants.DURATION_PATTERN)
    @Size(max = 32)
    private String rpo;

    @JsonProperty("rto")
    @JsonPropertyDescription("Recovery time objective: how long a failover may take, e.g. 15m. A Failover records the RTO it achieved.")
    @Default("15m")
    @Pattern(ApiConstants.DURATION_PATTERN)
    @Size(max = 32)
    private String rto;

    public String getRpo() {
        return rpo;
    }

    public void setRpo(String rpo) {
        this.rpo = rpo;
    }

    public String getRto() {
        return rto;
    }

    public void setRto(String rto) {
        this.rto = rto;
    }
}
