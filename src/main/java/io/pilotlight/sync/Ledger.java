package io.pilotlight.sync;

import io.pilotlight.api.v1alpha1.plan.SyncMode;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What one sync session knows: the copies it holds on the target, the conflicts and refused writes,
 * the site problems, the figures of the last full pass, the lag, and where the session is
 * ({@link Phase}). The coordinator is its only writer, except {@link #sourceProblem(String)}, which
 * the informers' threads set too; {@link #report} reads it from any thread (reconciler, metrics),
 * hence concurrent maps of immutable values and volatile fields: a report is a snapshot that may mix
 * two moments of a pass, never a torn value.
 */
final class Ledger {

    /** Where a session is; it only moves forward. */
    enum Phase {
        /** Mapping the protected kinds through the source's API discovery. */
        RESOLVING_KINDS,
        /** No full pass has completed yet. */
        FIRST_PASS,
        /** Continuous: the first full pass completed; the informers are getting their initial lists. */
        STARTING_WATCH,
        /** Changes are followed (Continuous) or the periodic passes run (Periodic). */
        FOLLOWING;

        SyncReport.Phase reported() {
            return switch (this) {
                case RESOLVING_KINDS -> SyncReport.Phase.STARTING;
                case FIRST_PASS, STARTING_WATCH -> SyncReport.Phase.INITIAL_SYNC;
                case FOLLOWING -> SyncReport.Phase.RUNNING;
            };
        }
    }

    static final String ORPHAN = "only on the parked site, neither made nor adopted by Pilotlight: left as it is";

    private final Map<ObjectKey, Copy> copies = new ConcurrentHashMap<>();
    private final Map<ObjectKey, String> conflicts = new ConcurrentHashMap<>();
    /** The last full pass's orphans ({@link FullPassDiff.Result#orphans}), reported beside the conflicts. */
    private volatile Map<ObjectKey, String> orphans = Map.of();
    private final Map<ObjectKey, String> failures = new ConcurrentHashMap<>();
    private final LagWindow lag = new LagWindow(1024);
    private volatile Phase phase = Phase.RESOLVING_KINDS;
    private volatile List<String> unknownKinds = List.of();
    private volatile String sourceProblem;
    private volatile String refusal;
    private volatile String targetProblem;
    private volatile Instant lastFullSync;
    private volatile int driftCount;
    private volatile int heldPrunes;

    Phase phase() {
        return phase;
    }

    void kindsResolved(List<String> unknown) {
        unknownKinds = List.copyOf(unknown);
        sourceProblem = null;
        refusal = null;
        advance(Phase.FIRST_PASS);
    }

    /** The informers have their initial lists: changes are followed from now on. */
    void following() {
        advance(Phase.FOLLOWING);
    }

    private void advance(Phase to) {
        if (to.compareTo(phase) > 0) {
            phase = to;
        }
    }

    /** The sync will not start, and why ({@link WatchBudget}); the session stays before its first pass. */
    void refused(String why) {
        refusal = why;
    }

    String refusal() {
        return refusal;
    }

    Copy copy(ObjectKey key) {
        return copies.get(key);
    }

    List<ObjectKey> keys() {
        return List.copyOf(copies.keySet());
    }

    void sourceProblem(String problem) {
        sourceProblem = problem;
    }

    void targetProblem(String problem) {
        targetProblem = problem;
    }

    void lag(long millis) {
        lag.record(millis);
    }

    /** Applies what a write did. */
    void apply(Outcome o) {
        ObjectKey key = o.key();
        if (o.staleCopy()) {
            copies.remove(key);
        }
        switch (o.result()) {
            case WRITTEN, UNCHANGED -> {
                if (o.copy() != null) {
                    copies.put(key, o.copy());
                }
                conflicts.remove(key);
                failures.remove(key);
                targetProblem = null;
            }
            case DELETED, GONE, SKIPPED -> {
                copies.remove(key);
                conflicts.remove(key);
                failures.remove(key);
            }
            case CONFLICT -> {
                copies.remove(key);
                failures.remove(key);
                conflicts.put(key, o.detail());
            }
            case FAILED -> {
                if (o.targetDown()) {
                    targetProblem = o.detail();
                } else {
                    failures.put(key, o.detail());
                }
            }
            case IGNORED -> {
            }
        }
    }

    /**
     * Records a full pass once its writes are applied: forgets the copies and conflicts whose source
     * is gone where it looked; a complete pass counts as the last full sync when the target could be
     * listed too.
     *
     * @param drift copies the writes found changed on the target and repaired
     * @param targetDown a write found the target down
     */
    void passDone(FullPassDiff.Result pass, int drift, boolean targetDown, boolean continuous, Instant now) {
        FullPassDiff.Seen seen = pass.seen();
        copies.keySet().removeIf(seen::copyGone);
        conflicts.keySet().removeIf(seen::sourceGone);
        if (seen.targetListed()) {
            Map<ObjectKey, String> found = new HashMap<>();
            pass.orphans().forEach(k -> found.put(k, ORPHAN));
            orphans = Map.copyOf(found);
        }
        heldPrunes = pass.held();
        if (seen.targetListed() && !targetDown) {
            targetProblem = null;
        }
        if (seen.complete()) {
            advance(continuous ? Phase.STARTING_WATCH : Phase.FOLLOWING);
            if (seen.targetListed()) {
                lastFullSync = now;
                driftCount = drift;
            }
        }
    }

    /** @param pending the keys waiting in the queue, @param oldestSeenNanos when the oldest was seen (nanoTime), or null */
    SyncReport report(SyncMode mode, int namespaces, Collection<ObjectKey> pending, Long oldestSeenNanos, long nowNanos) {
        Set<ObjectKey> waiting = new HashSet<>(pending);
        int inSync = 0;
        int parked = 0;
        for (Map.Entry<ObjectKey, Copy> e : copies.entrySet()) {
            if (!waiting.contains(e.getKey()) && !failures.containsKey(e.getKey())) {
                inSync++;
                if (e.getValue().parked()) {
                    parked++;
                }
            }
        }
        long oldestMillis = oldestSeenNanos == null ? 0 : Math.max(0, (nowNanos - oldestSeenNanos) / 1_000_000);
        Map<ObjectKey, String> problems = new HashMap<>(orphans);
        problems.putAll(conflicts);
        SyncReport.Phase reported = refusal != null ? SyncReport.Phase.REFUSED : phase.reported();
        return new SyncReport(mode, reported, namespaces, inSync, parked, problems.size(), listed(problems), failures.size(),
                listed(failures), driftCount, lastFullSync, lag.percentile(50), lag.percentile(99), lag.count(), waiting.size(),
                oldestMillis, unknownKinds, sourceProblem, targetProblem, heldPrunes, refusal);
    }

    private static List<String> listed(Map<ObjectKey, String> problems) {
        return problems.entrySet().stream().map(e -> e.getKey() + (e.getValue().isEmpty() ? "" : ": " + e.getValue()))
                .sorted().limit(SyncReport.LISTED).toList();
    }
}
