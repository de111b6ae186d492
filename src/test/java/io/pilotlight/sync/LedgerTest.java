package io.pilotlight.sync;

import static io.pilotlight.sync.SyncObjects.CONFIG_MAP;
import static io.pilotlight.sync.SyncObjects.NS;
import static io.pilotlight.sync.SyncObjects.OURS;
import static io.pilotlight.sync.SyncObjects.key;
import static io.pilotlight.sync.SyncObjects.listing;
import static io.pilotlight.sync.SyncObjects.source;
import static io.pilotlight.sync.SyncObjects.target;
import static org.assertj.core.api.Assertions.assertThat;

import io.pilotlight.api.v1alpha1.plan.SyncMode;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The session's ledger: its phases, what outcomes and passes do to it, and the report it gives. */
class LedgerTest {

    private static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");
    private static final Copy COPY = new Copy("src-a", "1", "tgt-a", "rv10", false);
    private static final Copy PARKED = new Copy("src-w", "1", "tgt-w", "g1", true);

    @Test
    void continuousGoesFromStartingThroughInitialSyncToRunningOnceTheWatchIsSynced() {
        Ledger ledger = new Ledger();
        assertThat(phases(ledger)).isEqualTo("RESOLVING_KINDS/STARTING");

        ledger.kindsResolved(List.of("example.com/Widget (not served by the primary)"));
        assertThat(phases(ledger)).isEqualTo("FIRST_PASS/INITIAL_SYNC");

        ledger.passDone(pass(false), 0, false, true, NOW);
        assertThat(phases(ledger)).as("an incomplete pass is not the first pass").isEqualTo("FIRST_PASS/INITIAL_SYNC");

        ledger.passDone(pass(true), 0, false, true, NOW);
        assertThat(phases(ledger)).isEqualTo("STARTING_WATCH/INITIAL_SYNC");

        ledger.following();
        assertThat(phases(ledger)).isEqualTo("FOLLOWING/RUNNING");

        ledger.passDone(pass(true), 0, false, true, NOW);
        ledger.kindsResolved(List.of());
        assertThat(phases(ledger)).as("never back").isEqualTo("FOLLOWING/RUNNING");
        assertThat(report(ledger).unknownKinds()).isEmpty();
    }

    @Test
    void aRefusalIsReportedUntilTheKindsAreResolvedWithinTheBudget() {
        Ledger ledger = new Ledger();
        ledger.refused("2800 watches");
        assertThat(report(ledger).phase()).isEqualTo(SyncReport.Phase.REFUSED);
        assertThat(report(ledger).refusal()).isEqualTo("2800 watches");

        ledger.kindsResolved(List.of());
        assertThat(phases(ledger)).isEqualTo("FIRST_PASS/INITIAL_SYNC");
        assertThat(report(ledger).refusal()).isNull();
    }

    @Test
    void periodicRunsOnceTheFirstPassCompleted() {
        Ledger ledger = new Ledger();
        ledger.kindsResolved(List.of());
        ledger.passDone(pass(true), 2, false, false, NOW);

        assertThat(phases(ledger)).isEqualTo("FOLLOWING/RUNNING");
        assertThat(report(ledger).lastFullSync()).isEqualTo(NOW);
        assertThat(report(ledger).driftCount()).isEqualTo(2);
    }

    @Test
    void outcomesMakeTheCountsPendingAndFailedCopiesAreNotInSync() {
        Ledger ledger = new Ledger();
        ledger.apply(written(key("a"), COPY));
        ledger.apply(written(key("w"), PARKED));
        ledger.apply(written(key("p"), COPY));
        ledger.apply(Outcome.of(key("c"), Outcome.Result.CONFLICT, "exists on the standby without Pilotlight's labels"));
        ledger.apply(written(key("f"), COPY));
        ledger.apply(new Outcome(key("f"), Outcome.Result.FAILED, null, "writing the copy on the standby failed: HTTP 422",
                false, false, false));

        SyncReport r = ledger.report(SyncMode.CONTINUOUS, 3, List.of(key("p"), key("q")), 1_000_000_000L, 3_500_000_000L);

        assertThat(r.objectsInSync()).as("a and w; p is pending, f refused").isEqualTo(2);
        assertThat(r.workloadsParked()).isEqualTo(1);
        assertThat(r.conflicts()).containsExactly("ConfigMap shop/c: exists on the standby without Pilotlight's labels");
        assertThat(r.failures()).containsExactly("ConfigMap shop/f: writing the copy on the standby failed: HTTP 422");
        assertThat(r.pending()).isEqualTo(2);
        assertThat(r.oldestPendingMillis()).isEqualTo(2_500);
        assertThat(r.namespaces()).isEqualTo(3);

        ledger.apply(written(key("c"), COPY));
        assertThat(report(ledger).conflictCount()).as("written after all").isZero();
    }

    @Test
    void aTargetThatIsDownIsASiteProblemUntilAWriteSucceeds() {
        Ledger ledger = new Ledger();
        ledger.apply(new Outcome(key("a"), Outcome.Result.FAILED, null, "writing the copy on the standby failed: HTTP 503",
                false, true, false));
        assertThat(report(ledger).targetProblem()).contains("HTTP 503");
        assertThat(report(ledger).failureCount()).as("not the object's fault").isZero();

        ledger.apply(written(key("b"), COPY));
        assertThat(report(ledger).targetProblem()).isNull();
    }

    @Test
    void aStaleCopyIsForgottenEvenWhenItsRewriteFailed() {
        Ledger ledger = new Ledger();
        ledger.apply(written(key("a"), COPY));
        ledger.apply(new Outcome(key("a"), Outcome.Result.FAILED, null, "x", false, true, false).forgettingStaleCopy());

        assertThat(ledger.copy(key("a"))).isNull();
    }

    @Test
    void aPassForgetsTheCopiesAndConflictsWhoseSourceIsGoneAndCountsHeldPrunes() {
        Ledger ledger = new Ledger();
        ledger.apply(written(key("a"), COPY));
        ledger.apply(written(key("b"), COPY));
        ledger.apply(Outcome.of(key("c"), Outcome.Result.CONFLICT, ""));
        FullPassDiff.Result pass = FullPassDiff.diff(List.of(listing(List.of(source("a", "1")), List.of(target("b", "5", true)))),
                ledger::copy, OURS, Set.of("ConfigMap"), false, null);

        ledger.passDone(pass, 0, false, true, NOW);

        assertThat(ledger.keys()).containsExactly(key("a"));
        assertThat(report(ledger).conflictCount()).isZero();
        assertThat(report(ledger).heldPrunes()).isEqualTo(1);
    }

    @Test
    void lagIsReportedAsPercentiles() {
        Ledger ledger = new Ledger();
        for (long ms = 1; ms <= 100; ms++) {
            ledger.lag(ms);
        }
        assertThat(report(ledger).lagP50Millis()).isEqualTo(50);
        assertThat(report(ledger).lagP99Millis()).isEqualTo(99);
    }

    @Test
    void failedWritesWaitLongerEachAttemptUpToACap() {
        Outcome refused = new Outcome(key("a"), Outcome.Result.FAILED, null, "", false, false, false);
        Outcome down = new Outcome(key("a"), Outcome.Result.FAILED, null, "", false, true, false);

        assertThat(refused.retryAfter(0)).isEqualTo(Duration.ofSeconds(15));
        assertThat(refused.retryAfter(2)).isEqualTo(Duration.ofSeconds(60));
        assertThat(refused.retryAfter(30)).isEqualTo(Duration.ofMinutes(5));
        assertThat(down.retryAfter(0)).isEqualTo(Duration.ofSeconds(1));
        assertThat(down.retryAfter(9)).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void orphansAreReportedAsConflictsUntilAPassNoLongerFindsThem() {
        Ledger ledger = new Ledger();
        var found = FullPassDiff.diff(List.of(listing(List.of(), List.of(target("hand-made", "5", false)))), k -> null, OURS,
                Set.of("ConfigMap"), true, o -> true);
        ledger.passDone(found, 0, false, false, Instant.EPOCH);
        SyncReport r = ledger.report(SyncMode.CONTINUOUS, 1, List.of(), null, 0);
        assertThat(r.conflictCount()).isEqualTo(1);
        assertThat(r.conflicts()).singleElement().asString().contains("hand-made").contains("neither made nor adopted");

        ledger.passDone(FullPassDiff.diff(List.of(listing(List.of(), List.of())), k -> null, OURS, Set.of("ConfigMap"), true,
                o -> true), 0, false, false, Instant.EPOCH);
        assertThat(ledger.report(SyncMode.CONTINUOUS, 1, List.of(), null, 0).conflictCount()).isZero();
    }

    private static FullPassDiff.Result pass(boolean complete) {
        List<Listing> listings = complete ? List.of() : List.of(new Listing(new WatchKey(CONFIG_MAP, NS), null, null, "x", null));
        return FullPassDiff.diff(listings, k -> null, OURS, Set.of(), true, null);
    }

    private static Outcome written(ObjectKey key, Copy copy) {
        return new Outcome(key, Outcome.Result.WRITTEN, copy, "", false, false, false);
    }

    private static SyncReport report(Ledger ledger) {
        return ledger.report(SyncMode.CONTINUOUS, 1, List.of(), null, 0);
    }

    private static String phases(Ledger ledger) {
        return ledger.phase() + "/" + report(ledger).phase();
    }
}
