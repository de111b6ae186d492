package io.pilotlight.velero.v1;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * Phase of a Velero BackupStorageLocation. Values this operator does not know (from a newer Velero)
 * map to UNKNOWN.
 */
public enum BackupStorageLocationPhase {
    /** Velero can reach the object storage. */
    AVAILABLE("Available"),

    /** Velero cannot reach the object storage. */
    UNAVAILABLE("Unavailable"),

    /**
     * A value this operator does not know, e.g. from a newer Velero; the raw value stays in the
     * model's String field.
     */
    UNKNOWN(null);

    private final String value;

    BackupStorageLocationPhase(String value) {
        this.value = value;
    }

    /** The value as Velero writes it; {@code null} for UNKNOWN. */
    @JsonValue
    public String value() {
        return value;
    }

    /** Maps a value as Velero writes it; {@code null} stays {@code null}, anything unknown is UNKNOWN. */
    @JsonCreator
    public static BackupStorageLocationPhase fromValue(String value) {
        if (value == null) {
            return null;
        }
        for (BackupStorageLocationPhase v : values()) {
            if (value.equals(v.value)) {
                return v;
            }
        }
        return UNKNOWN;
    }
}
