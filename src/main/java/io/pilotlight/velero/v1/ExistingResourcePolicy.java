package io.pilotlight.velero.v1;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * What a Velero Restore does with a resource that already exists in the cluster. Values this
 * operator does not know (from a newer Velero) map to UNKNOWN.
 */
public enum ExistingResourcePolicy {
    /** Leave the existing resource as it is (Velero's default). */
    NONE("none"),

    /** Update the existing resource to the backed-up version. */
    UPDATE("update"),

    /**
     * A value this operator does not know, e.g. from a newer Velero; the raw value stays in the
     * model's String field.
     */
    UNKNOWN(null);

    private final String value;

    ExistingResourcePolicy(String value) {
        this.value = value;
    }

    /** The value as Velero writes it; {@code null} for UNKNOWN. */
    @JsonValue
    public String value() {
        return value;
    }

    /** Maps a value as Velero writes it; {@code null} stays {@code null}, anything unknown is UNKNOWN. */
    @JsonCreator
    public static ExistingResourcePolicy fromValue(String value) {
        if (value == null) {
            return null;
        }
        for (ExistingResourcePolicy v : values()) {
            if (value.equals(v.value)) {
                return v;
            }
        }
        return UNKNOWN;
    }
}
