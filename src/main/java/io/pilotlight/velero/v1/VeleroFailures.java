package io.pilotlight.velero.v1;

import java.util.List;

/**
 * Why Velero failed a Backup or Restore, in a sentence safe to put in Pilotlight's status and events.
 * Validation errors are Velero's verdict on the spec Pilotlight wrote, so they are quoted. A failure
 * reason is not: Velero copies the object store's or a plugin's answer into it (a real one reads
 * "error getting object backups/...: operation error S3: GetObject, https response error StatusCode:
 * 404, RequestID: ..."), and nothing a remote server answers is echoed; the sentence points at it.
 */
public final class VeleroFailures {

    private VeleroFailures() {
    }

    /**
     * @param kind "backup" or "restore", as the velero command names them
     * @return null when Velero gave neither a failure reason nor validation errors
     */
    public static String why(String kind, String name, String site, String failureReason, List<String> validationErrors) {
        if (validationErrors != null && !validationErrors.isEmpty()) {
            return String.join("; ", validationErrors);
        }
        if (failureReason != null && !failureReason.isBlank()) {
            return "Velero's status.failureReason on " + site + " says why (`velero " + kind + " describe " + name + "`)";
        }
        return null;
    }

    /** {@link #why} as the end of a sentence (": ..."), or "" when there is nothing to say. */
    public static String suffix(String kind, String name, String site, String failureReason, List<String> validationErrors) {
        String why = why(kind, name, site, failureReason, validationErrors);
        return why == null ? "" : ": " + why;
    }
}
