package io.pilotlight.plan;

import io.pilotlight.api.v1alpha1.Reasons;
import io.pilotlight.api.v1alpha1.plan.StandbyStatus;
import io.pilotlight.status.ConditionResult;
import io.pilotlight.status.Conditions;
import io.pilotlight.sync.SyncDirection;
import io.pilotlight.sync.SyncReport;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * StandbyInSync and {@code status.standby} from a sync snapshot and the sites' reachability. The
 * source is the active site, the target the parked copy (the standby, or the site a failover left).
 * <ul>
 * <li>Unknown, SyncOff: {@code sync.mode} is Off (the standby is only restored from backups).</li>
 * <li>Unknown, SiteUnreachable: a site does not answer; the target keeps its last good copy.</li>
 * <li>Unknown, APIError: the source answers but cannot be read (e.g. RBAC).</li>
 * <li>False, Syncing: the first full pass has not finished, or changes wait longer than
 * {@link #BEHIND}.</li>
 * <li>False, TooManyWatches: the sync would open more watches on the source than the operator allows one plan.</li>
 * <li>False, NoNamespaces / UnknownKind: nothing to copy, or some kinds cannot be copied.</li>
 * <li>False, DriftDetected: copies that cannot be made identical: conflicts (objects Pilotlight did
 * not create in the way) and writes the standby refuses.</li>
 * <li>True, InSync otherwise. Drift repaired by the last full pass is mentioned, not held against it.</li>
 * </ul>
 */
public final class SyncRules {

    /** Changes younger than this are the normal seconds of a continuous sync, not "behind". */
    static final Duration BEHIND = Duration.ofSeconds(15);

    private SyncRules() {
    }

    public static ConditionResult off() {
        return ConditionResult.unknown(Reasons.SYNC_OFF,
                "spec.sync.mode is Off: Pilotlight copies nothing to the standby, which is only restored from backups");
    }

    public static ConditionResult condition(SyncReport r, SyncDirection direction, boolean sourceReachable, boolean targetReachable) {
        String source = direction.sourceName();
        String target = direction.targetName();
        if (r.phase() == SyncReport.Phase.NOT_RUNNING) {
            return ConditionResult.unknown(Reasons.PENDING, "the sync " + direction.describe()
                    + " starts once the protected namespaces can be listed on " + source);
        }
        if (r.phase() == SyncReport.Phase.REFUSED) {
            return ConditionResult.isFalse(Reasons.TOO_MANY_WATCHES, r.refusal());
        }
        String figures = r.objectsInSync() + " object(s) in sync on " + target + ", " + r.workloadsParked() + " workload(s) parked";
        return unreachable(r, figures, source, target, sourceReachable, targetReachable)
                .or(() -> starting(r, figures, source, target))
                .or(() -> incomplete(r, figures, source, target))
                .orElseGet(() -> followed(r, figures, source));
    }

    /** A site that does not answer or cannot be written: the target keeps what it has. */
    private static Optional<ConditionResult> unreachable(SyncReport r, String figures, String source, String target,
            boolean sourceReachable, boolean targetReachable) {
        if (!sourceReachable) {
            return Optional.of(ConditionResult.unknown(Reasons.SITE_UNREACHABLE, "the active site " + source + " does not answer: "
                    + target + " keeps its last copy (" + figures + lastFull(r) + "); nothing is deleted from it until "
                    + source + " answers again"));
        }
        if (!targetReachable || r.targetProblem() != null) {
            return Optional.of(ConditionResult.unknown(Reasons.SITE_UNREACHABLE, "the parked copy on " + target + " cannot be written"
                    + (r.targetProblem() == null ? " (it does not answer)" : ": " + r.targetProblem())
                    + "; retrying with backoff, " + r.pending() + " change(s) waiting"));
        }
        return Optional.empty();
    }

    /** Discovery and the first full pass. */
    private static Optional<ConditionResult> starting(SyncReport r, String figures, String source, String target) {
        String problem = r.sourceProblem();
        if (r.phase() == SyncReport.Phase.STARTING) {
            return Optional.of(ConditionResult.isFalse(Reasons.SYNCING, "reading the API discovery of " + source
                    + " to map the protected kinds" + (problem == null ? "" : ": " + problem)));
        }
        if (r.phase() == SyncReport.Phase.INITIAL_SYNC) {
            return Optional.of(ConditionResult.isFalse(Reasons.SYNCING, (r.lastFullSync() == null ? "first full sync in progress: " + figures
                    + " so far" : "first full sync done (" + figures + "); starting to follow the changes on " + source)
                    + (problem == null ? "" : "; " + problem)));
        }
        if (problem != null) {
            return Optional.of(ConditionResult.unknown(Reasons.API_ERROR, problem + "; " + target + " keeps its last copy ("
                    + figures + lastFull(r) + ") and nothing is deleted from it"));
        }
        return Optional.empty();
    }

    /** What keeps the copy from being whole: nothing to copy, kinds that cannot be copied, copies that differ. */
    private static Optional<ConditionResult> incomplete(SyncReport r, String figures, String source, String target) {
        if (r.namespaces() == 0) {
            return Optional.of(ConditionResult.isFalse(Reasons.NO_NAMESPACES, "no namespace of " + source
                    + " matches spec.protect: nothing to copy"));
        }
        if (!r.unknownKinds().isEmpty()) {
            return Optional.of(ConditionResult.isFalse(Reasons.UNKNOWN_KIND, "kinds that cannot be copied: "
                    + String.join(", ", r.unknownKinds()) + "; the other kinds are synced: " + figures));
        }
        if (r.conflictCount() == 0 && r.failureCount() == 0) {
            return Optional.empty();
        }
        List<String> parts = new ArrayList<>();
        if (r.conflictCount() > 0) {
            parts.add(r.conflictCount() + " conflict(s), objects Pilotlight did not create or adopt, left alone: "
                    + names(r.conflicts(), r.conflictCount()));
        }
        if (r.failureCount() > 0) {
            parts.add(r.failureCount() + " copy(ies) refused by " + target + ": " + names(r.failures(), r.failureCount()));
        }
        return Optional.of(ConditionResult.isFalse(Reasons.DRIFT_DETECTED, (r.conflictCount() + r.failureCount())
                + " object(s) differ on " + target + ": " + String.join("; ", parts) + "; " + figures));
    }

    /** Following the source's changes: in sync unless they wait too long. */
    private static ConditionResult followed(SyncReport r, String figures, String source) {
        if (r.oldestPendingMillis() > BEHIND.toMillis()) {
            return ConditionResult.isFalse(Reasons.SYNCING, r.pending() + " change(s) waiting to be copied, the oldest for "
                    + r.oldestPendingMillis() / 1000 + "s; " + figures);
        }
        return ConditionResult.isTrue(Reasons.IN_SYNC, figures + lastFull(r)
                + (r.driftCount() > 0 ? "; " + r.driftCount() + " copy(ies) changed there were repaired" : "")
                + "; following the changes on " + source);
    }

    /** {@code status.standby} (the parked copy, on the site {@code target}), or null when nothing is known. */
    public static StandbyStatus figures(SyncReport r, String target) {
        if (r.phase() == SyncReport.Phase.NOT_RUNNING) {
            return null;
        }
        StandbyStatus s = new StandbyStatus();
        s.setSite(target);
        s.setConflictList(r.conflicts().isEmpty() ? null : r.conflicts());
        s.setObjectsInSync(r.objectsInSync());
        s.setWorkloadsParked(r.workloadsParked());
        s.setConflicts(r.conflictCount());
        s.setDriftCount(r.driftCount());
        s.setLastFullSync(r.lastFullSync() == null ? null : Conditions.timestamp(r.lastFullSync()));
        s.setSyncLagP50Millis(r.lagP50Millis());
        s.setSyncLagP99Millis(r.lagP99Millis());
        return s;
    }

    private static String lastFull(SyncReport r) {
        return r.lastFullSync() == null ? "" : ", last full sync at " + Conditions.timestamp(r.lastFullSync());
    }

    private static String names(List<String> listed, int count) {
        return String.join(", ", listed) + (count > listed.size() ? " and " + (count - listed.size()) + " more" : "");
    }
}
