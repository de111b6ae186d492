package io.pilotlight.util;

import io.fabric8.kubernetes.client.utils.KubernetesSerialization;

/**
 * The one JSON/YAML mapper for code that has no client at hand: Fabric8's, so that models read and
 * write exactly as the client sends them. Thread-safe, and built once because building it is costly.
 */
public final class Json {

    private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();

    private Json() {
    }

    public static String asJson(Object value) {
        return SERIALIZATION.asJson(value);
    }

    /** Parses JSON or YAML. */
    public static <T> T unmarshal(String text, Class<T> type) {
        return SERIALIZATION.unmarshal(text, type);
    }

    public static <T> T convertValue(Object value, Class<T> type) {
        return SERIALIZATION.convertValue(value, type);
    }
}
