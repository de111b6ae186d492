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
import java.util.List;

/** An HTTP GET the operator makes; the answer's body is compared, never shown. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"url", "expectedStatus", "bodyContains", "retries"})
public class HttpGetActionSpec {

    @JsonProperty("url")
    @JsonPropertyDescription("http:// or https:// URL; its host must be in the operator's pilotlight.actions.allowed-hosts. Redirects are not followed.")
    @Required
    @Size(max = 2048)
    @Pattern("^https?://[^/?#@\\s]+([/?#]\\S*)?$")
    private String url;

    @JsonProperty("expectedStatus")
    @JsonPropertyDescription("HTTP status codes that pass (default 200).")
    @Size(max = 16)
    @ValidationRule(value = "self.all(c, c >= 100 && c <= 599)", message = "httpGet.expectedStatus must be HTTP status codes (100-599)")
    private List<Integer> expectedStatus;

    @JsonProperty("bodyContains")
    @JsonPropertyDescription("Text the body must contain; the step says only whether it matched.")
    @Size(max = 256)
    private String bodyContains;

    @JsonProperty("retries")
    @JsonPropertyDescription("Further attempts after a failed one, 5 seconds apart, within the action's timeout.")
    @Default("2")
    @Min(0)
    @Max(20)
    private Integer retries;

    public String getUrl() {
        return url;
    }

    public void setUrl(String url) {
        this.url = url;
    }

    public List<Integer> getExpectedStatus() {
        return expectedStatus;
    }

    public void setExpectedStatus(List<Integer> expectedStatus) {
        this.expectedStatus = expectedStatus;
    }

    public String getBodyContains() {
        return bodyContains;
    }

    public void setBodyContains(String bodyContains) {
        this.bodyContains = bodyContains;
    }

    public Integer getRetries() {
        return retries;
    }

    public void setRetries(Integer retries) {
        this.retries = retries;
    }
}
