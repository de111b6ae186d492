package io.pilotlight.sync;

import io.pilotlight.api.v1alpha1.plan.SyncMode;
import java.time.Instant;
import java.util.List;

/**
 * An immutable snapshot of one plan's sync, for the reconciler (status, condition, events) and the
 * metrics. Lists of objects are capped at {@link #LISTED}; the counts are exact.
 *
 * @param phase where the session is: no session, waiting for the primary's kinds, first full pass, running
 * @param objectsInSync copies on the target that match the source's current object
 * @param workloadsParked copies held parked (scaled to the pilot-light count, suspended, neutralised)
 * @param conflicts objects on the target that Pilotlight did not create, in the way of a copy (or, on a
 *        re-protected primary, that the source lacks)
 * @param failures copies the standby refused, with the reason (never an object's content)
 * @param driftCount copies the last full pass found changed on the standby and repaired
 * @param lastFullSync when the last complete full pass finished; null before the first one
 * @param lagP50Millis median delay from a change seen on the primary to its write on the standby
 * @param pending changes waiting to be written
 * @param oldestPendingMillis how long the oldest of them has waited; 0 when none
 * @param unknownKinds protected kinds the primary does not serve, with why
 * @param sourceProblem why the source cannot be read right now, or null
 * @param targetProblem why the target cannot be written right now, or null
 * @param heldPrunes copies whose source is gone but that were kept because a primary list failed
 * @param refusal why the sync does not start ({@link Phase#REFUSED}), or null
 */
public record SyncReport(SyncMode mode, Phase phase, int namespaces, int objectsInSync, int workloadsParked,
        int conflictCount, List<String> conflicts, int failureCount, List<String> failures, int driftCount,
        Instant lastFullSync, Long lagP50Millis, Long lagP99Millis, int lagSamples, int pending, long oldestPendingMillis,
        List<String> unknownKinds, String sourceProblem, String targetProblem, int heldPrunes,
        String refusal) {

    public static final int LISTED = 20;

    public enum Phase {
        /** No session: sync is off, or the plan's namespaces are not known yet. */
        NOT_RUNNING,
        /** Reading the primary's API discovery to map the protected kinds. */
        STARTING,
        /** Not started: it would open more watches on the source than the operator allows one plan. */
        REFUSED,
        /** The first full pass has not completed, or (Continuous) the informers that follow changes are starting. */
        INITIAL_SYNC,
        /** The first full pass completed and (Continuous) changes are followed. */
        RUNNING
    }

    public static SyncReport notRunning(SyncMode mode) {
        return new SyncReport(mode, Phase.NOT_RUNNING, 0, 0, 0, 0, List.of(), 0, List.of(), 0, null, null, null, 0, 0, 0,
                List.of(), null, null, 0, null);
    }
}
