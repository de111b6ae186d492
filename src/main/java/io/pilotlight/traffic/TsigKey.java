package io.pilotlight.traffic;

import io.pilotlight.api.v1alpha1.plan.TsigAlgorithm;
import java.util.Arrays;
import java.util.Objects;
import org.xbill.DNS.Name;
import org.xbill.DNS.TSIG;

/**
 * A TSIG key: its name as configured on the DNS server, its algorithm and its secret. The secret
 * never leaves this object except to sign a message: {@link #toString()} leaves it out, and there is
 * no getter for it.
 */
public final class TsigKey {

    private final Name name;
    private final TsigAlgorithm algorithm;
    private final byte[] secret;
    /** Where the key came from, for messages: {@code Secret shop/dns-key}. */
    private final String source;

    public TsigKey(Name name, TsigAlgorithm algorithm, byte[] secret, String source) {
        this.name = Objects.requireNonNull(name, "name");
        this.algorithm = Objects.requireNonNull(algorithm, "algorithm");
        this.secret = Objects.requireNonNull(secret, "secret").clone();
        this.source = source;
    }

    /** The key's name, e.g. {@code pilotlight-key.}. */
    public Name name() {
        return name;
    }

    public TsigAlgorithm algorithm() {
        return algorithm;
    }

    public String source() {
        return source;
    }

    /** What signs messages with this key. */
    TSIG tsig() {
        return new TSIG(TSIG.algorithmToName(algorithm.value()), name, secret);
    }

    /** {@code key "name" (hmac-sha256) from Secret ns/x}: never the secret. */
    @Override
    public String toString() {
        return "TSIG key \"" + name + "\" (" + algorithm.value() + ")" + (source == null ? "" : " from " + source);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TsigKey k && k.name.equals(name) && k.algorithm.equals(algorithm) && Arrays.equals(k.secret, secret);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, algorithm);
    }
}
