package io.pilotlight.api.v1alpha1.plan;

import com.fasterxml.jackson.annotation.JsonProperty;

/** TSIG algorithm used to sign dynamic DNS updates. */
public enum TsigAlgorithm {
    /** HMAC-MD5; legacy, only for servers that offer nothing better. */
    @JsonProperty("hmac-md5")
    HMAC_MD5("hmac-md5"),

    /** HMAC-SHA1. */
    @JsonProperty("hmac-sha1")
    HMAC_SHA1("hmac-sha1"),

    /** HMAC-SHA224. */
    @JsonProperty("hmac-sha224")
    HMAC_SHA224("hmac-sha224"),

    /** HMAC-SHA256. */
    @JsonProperty("hmac-sha256")
    HMAC_SHA256("hmac-sha256"),

    /** HMAC-SHA384. */
    @JsonProperty("hmac-sha384")
    HMAC_SHA384("hmac-sha384"),

    /** HMAC-SHA512. */
    @JsonProperty("hmac-sha512")
    HMAC_SHA512("hmac-sha512");

    private final String value;

    TsigAlgorithm(String value) {
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
