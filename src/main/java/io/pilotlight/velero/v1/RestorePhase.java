package io.pilotlight.velero.v1;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * Phase of a Velero Restore. Values this operator does not know (from a newer Velero) map to
 * UNKNOWN.
 */
public enum RestorePhase {
    /** Not processed yet. */
    NEW("New"),

    /** The spec is invalid; nothing was restored. */
    FAILED_VALIDATION("FailedValidation"),

    /** Being restored. */
    IN_PROGRESS("InProgress"),

    /** Items restored; asynchronous plugin operations still running. */
    WAITING_FOR_PLUGIN_OPERATIONS("WaitingForPluginOperations"),

    /** As WaitingForPluginOperations, with some errors already. */
    WAITING_FOR_PLUGIN_OPERATIONS_PARTIALLY_FAILED("WaitingForPluginOperationsPartiallyFailed"),

    /** Plugin operations done; finishing the restore. */
    FINALIZING("Finalizing"),

    /** As Finalizing, with some errors. */
    FINALIZING_PARTIALLY_FAILED("FinalizingPartiallyFailed"),

    /** Finished without errors. */
    COMPLETED("Completed"),

    /** Finished with errors for some items. */
    PARTIALLY_FAILED("PartiallyFailed"),

    /** Failed as a whole. */
    FAILED("Failed"),

    /**
     * A value this operator does not know, e.g. from a newer Velero; the raw value stays in the
     * model's String field.
     */
    UNKNOWN(null);

    private final String value;

    RestorePhase(String value) {
        this.value = value;
    }

    /** The value as Velero writes it; {@code null} for UNKNOWN. */
    @JsonValue
    public String value() {
        return value;
    }

    /** Maps a value as Velero writes it; {@code null} stays {@code null}, anything unknown is UNKNOWN. */
    @JsonCreator
    public static RestorePhase fromValue(String value) {
        if (value == null) {
            return null;
        }
        for (RestorePhase v : values()) {
            if (value.equals(v.value)) {
                return v;
            }
        }
        return UNKNOWN;
    }
}
