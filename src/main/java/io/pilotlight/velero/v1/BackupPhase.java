package io.pilotlight.velero.v1;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * Phase of a Velero Backup (velero.io/v1, as of Velero 1.18). Values this operator does not know
 * (from a newer Velero) map to UNKNOWN.
 */
public enum BackupPhase {
    /** Not processed yet. */
    NEW("New"),

    /** Waiting for a free backup worker (Velero 1.18+). */
    QUEUED("Queued"),

    /** Dequeued and about to run (Velero 1.18+). */
    READY_TO_START("ReadyToStart"),

    /** The spec is invalid; nothing was backed up. */
    FAILED_VALIDATION("FailedValidation"),

    /** Being backed up. */
    IN_PROGRESS("InProgress"),

    /** Items backed up; asynchronous plugin operations still running. */
    WAITING_FOR_PLUGIN_OPERATIONS("WaitingForPluginOperations"),

    /** As WaitingForPluginOperations, with some errors already. */
    WAITING_FOR_PLUGIN_OPERATIONS_PARTIALLY_FAILED("WaitingForPluginOperationsPartiallyFailed"),

    /** Plugin operations done; writing the final backup data. */
    FINALIZING("Finalizing"),

    /** As Finalizing, with some errors. */
    FINALIZING_PARTIALLY_FAILED("FinalizingPartiallyFailed"),

    /** Finished without errors. */
    COMPLETED("Completed"),

    /** Finished with errors for some items. */
    PARTIALLY_FAILED("PartiallyFailed"),

    /** Failed as a whole. */
    FAILED("Failed"),

    /** Being deleted. */
    DELETING("Deleting"),

    /**
     * A value this operator does not know, e.g. from a newer Velero; the raw value stays in the
     * model's String field.
     */
    UNKNOWN(null);

    private final String value;

    BackupPhase(String value) {
        this.value = value;
    }

    /** The value as Velero writes it; {@code null} for UNKNOWN. */
    @JsonValue
    public String value() {
        return value;
    }

    /** Maps a value as Velero writes it; {@code null} stays {@code null}, anything unknown is UNKNOWN. */
    @JsonCreator
    public static BackupPhase fromValue(String value) {
        if (value == null) {
            return null;
        }
        for (BackupPhase v : values()) {
            if (value.equals(v.value)) {
                return v;
            }
        }
        return UNKNOWN;
    }
}
