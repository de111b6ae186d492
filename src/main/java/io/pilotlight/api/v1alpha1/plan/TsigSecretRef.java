package io.pilotlight.api.v1alpha1.plan;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import io.pilotlight.api.v1alpha1.meta.ApiConstants;

/** A Secret, in the plan's namespace, holding the TSIG key that signs dynamic DNS updates. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"name", "keyNameKey", "secretKey"})
public class TsigSecretRef {

    @JsonProperty("name")
    @JsonPropertyDescription("Name of the Secret, in the plan's namespace.")
    @Required
    @Size(max = 253)
    @Pattern(ApiConstants.DNS_SUBDOMAIN_PATTERN)
    private String name;

    @JsonProperty("keyNameKey")
    @JsonPropertyDescription("Key of the Secret whose value is the TSIG key's name, as configured on the DNS server.")
    @Default("keyName")
    @Size(max = 253)
    @Pattern(ApiConstants.SECRET_KEY_PATTERN)
    private String keyNameKey;

    @JsonProperty("secretKey")
    @JsonPropertyDescription("Key of the Secret whose value is the base64 TSIG secret, as in the server's key statement.")
    @Default("secret")
    @Size(max = 253)
    @Pattern(ApiConstants.SECRET_KEY_PATTERN)
    private String secretKey;

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getKeyNameKey() {
        return keyNameKey;
    }

    public void setKeyNameKey(String keyNameKey) {
        this.keyNameKey = keyNameKey;
    }

    public String getSecretKey() {
        return secretKey;
    }

    public void setSecretKey(String secretKey) {
        this.secretKey = secretKey;
    }
}
