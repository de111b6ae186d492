package io.pilotlight.workloads;

import java.util.Map;
import java.util.Optional;

/**
 * Undoes parking from what parking recorded on the object itself (the standby's copies parked by
 * the sync, or a site's own objects parked in place by a failover): the replica count, suspend flag,
 * node selector, autoscaler behaviour or scale target it had before, and removes the records.
 */
public final class Unparking {

    private Unparking() {
    }

    /** The patch that resumes the object, or empty when it is not parked. */
    public static Optional<JsonPatch> patch(WorkloadKind kind, Map<String, String> annotations) {
        return ParkingProtocol.undo(kind, annotations == null ? Map.of() : annotations);
    }
}
