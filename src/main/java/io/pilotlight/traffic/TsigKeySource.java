package io.pilotlight.traffic;

import java.util.Optional;

/** Where {@link Rfc2136Switch} gets its TSIG key: read on each switch, so a rotated key is used at once. */
@FunctionalInterface
public interface TsigKeySource {

    /** The key; empty when updates are sent unsigned (no {@code tsigSecretRef}). */
    Optional<TsigKey> key() throws TrafficSwitchException;
}
