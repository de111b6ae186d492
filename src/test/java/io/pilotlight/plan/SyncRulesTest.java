package io.pilotlight.plan;

import static org.assertj.core.api.Assertions.assertThat;

import io.pilotlight.api.v1alpha1.ConditionStatus;
import io.pilotlight.api.v1alpha1.Reasons;
import io.pilotlight.api.v1alpha1.plan.StandbyStatus;
import io.pilotlight.api.v1alpha1.plan.SyncMode;
import io.pilotlight.core.SiteRole;
import io.pilotlight.status.ConditionResult;
import io.pilotlight.sync.SyncDirection;
import io.pilotlight.sync.SyncReport.Phase;
import io.pilotlight.sync.SyncReport;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class SyncRulesTest {

    private static final Instant LAST = Instant.parse("2026-11-21T12:00:00Z");
    private static final SyncDirection DC1_TO_DC2 = new SyncDirection(SiteRole.PRIMARY, "dc1", null, "dc2", null);

    @Test
    void runningWithNothingPendingIsInSync() {
        ConditionResult c = SyncRules.condition(report(Phase.RUNNING), DC1_TO_DC2, true, true);
        assertThat(c.status()).isEqualTo(ConditionStatus.TRUE);
        assertThat(c.reason()).isEqualTo(Reasons.IN_SYNC);
        assertThat(c.message()).isEqualTo("40 object(s) in sync on dc2, 6 workload(s) parked, last full sync at 2026-11-21T12:00:00Z; "
                + "1 copy(ies) changed there were repaired; following the changes on dc1");
    }

    @Test
    void offIsUnknownAndSaysWhy() {
        assertThat(SyncRules.off().status()).isEqualTo(ConditionStatus.UNKNOWN);
        assertThat(SyncRules.off().reason()).isEqualTo(Reasons.SYNC_OFF);
    }

    @Test
    void anUnreachableSiteIsUnknownAndTheCopyIsKept() {
        ConditionResult primaryDown = SyncRules.condition(report(Phase.RUNNING), DC1_TO_DC2, false, true);
        assertThat(primaryDown.status()).isEqualTo(ConditionStatus.UNKNOWN);
        assertThat(primaryDown.reason()).isEqualTo(Reasons.SITE_UNREACHABLE);
        assertThat(primaryDown.message()).contains("dc2 keeps its last copy (40 object(s) in sync").contains("nothing is deleted");

        SyncReport targetProblem = with(report(Phase.RUNNING), null, "writing the copy on the standby failed: no answer");
        ConditionResult standbyDown = SyncRules.condition(targetProblem, DC1_TO_DC2, true, true);
        assertThat(standbyDown.status()).isEqualTo(ConditionStatus.UNKNOWN);
        assertThat(standbyDown.message()).contains("no answer").contains("retrying with backoff");
    }

    @Test
    void startingAndFirstPassAreSyncing() {
        assertThat(SyncRules.condition(report(Phase.STARTING), DC1_TO_DC2, true, true).reason()).isEqualTo(Reasons.SYNCING);
        ConditionResult first = SyncRules.condition(report(Phase.INITIAL_SYNC), DC1_TO_DC2, true, true);
        assertThat(first.status()).isEqualTo(ConditionStatus.FALSE);
        assertThat(first.reason()).isEqualTo(Reasons.SYNCING);
        assertThat(SyncRules.condition(report(Phase.NOT_RUNNING), DC1_TO_DC2, true, true).status()).isEqualTo(ConditionStatus.UNKNOWN);
    }

    @Test
    void conflictsAndRefusedCopiesAreDrift() {
        SyncReport r = new SyncReport(SyncMode.CONTINUOUS, Phase.RUNNING, 1, 40, 6, 2, List.of("ConfigMap a/x: in the way",
                "Secret a/y: in the way"), 1, List.of("Deployment a/z: HTTP 422"), 0, LAST, 5L, 20L, 10, 0, 0, List.of(), null,
                null, 0, null);
        ConditionResult c = SyncRules.condition(r, DC1_TO_DC2, true, true);
        assertThat(c.status()).isEqualTo(ConditionStatus.FALSE);
        assertThat(c.reason()).isEqualTo(Reasons.DRIFT_DETECTED);
        assertThat(c.message()).startsWith("3 object(s) differ on dc2: 2 conflict(s)").contains("ConfigMap a/x")
                .contains("1 copy(ies) refused by dc2: Deployment a/z: HTTP 422");
    }

    @Test
    void unknownKindsAndNoNamespacesAreReported() {
        SyncReport unknown = new SyncReport(SyncMode.CONTINUOUS, Phase.RUNNING, 1, 40, 6, 0, List.of(), 0, List.of(), 0, LAST,
                null, null, 0, 0, 0, List.of("example.com/Widget (not served by the primary)"), null, null, 0, null);
        assertThat(SyncRules.condition(unknown, DC1_TO_DC2, true, true).reason()).isEqualTo(Reasons.UNKNOWN_KIND);
        assertThat(SyncRules.condition(unknown, DC1_TO_DC2, true, true).message()).contains("example.com/Widget");

        SyncReport none = new SyncReport(SyncMode.CONTINUOUS, Phase.RUNNING, 0, 0, 0, 0, List.of(), 0, List.of(), 0, LAST,
                null, null, 0, 0, 0, List.of(), null, null, 0, null);
        assertThat(SyncRules.condition(none, DC1_TO_DC2, true, true).reason()).isEqualTo(Reasons.NO_NAMESPACES);
    }

    @Test
    void aRefusedSyncSaysWhyWhateverElseItKnows() {
        SyncReport r = new SyncReport(SyncMode.CONTINUOUS, Phase.REFUSED, 200, 0, 0, 0, List.of(), 0, List.of(), 0, null, null,
                null, 0, 0, 0, List.of(), "HTTP 503", null, 0, "200 namespaces × 14 kinds = 2800 watches");
        ConditionResult c = SyncRules.condition(r, DC1_TO_DC2, true, true);
        assertThat(c.status()).isEqualTo(ConditionStatus.FALSE);
        assertThat(c.reason()).isEqualTo(Reasons.TOO_MANY_WATCHES);
        assertThat(c.message()).isEqualTo("200 namespaces × 14 kinds = 2800 watches");
    }

    @Test
    void changesWaitingLongerThanAFewSecondsAreSyncing() {
        SyncReport fresh = pending(3, 2_000);
        assertThat(SyncRules.condition(fresh, DC1_TO_DC2, true, true).status()).as("seconds of lag are normal").isEqualTo(ConditionStatus.TRUE);
        SyncReport behind = pending(3, 60_000);
        ConditionResult c = SyncRules.condition(behind, DC1_TO_DC2, true, true);
        assertThat(c.reason()).isEqualTo(Reasons.SYNCING);
        assertThat(c.message()).startsWith("3 change(s) waiting to be copied, the oldest for 60s");
    }

    @Test
    void theListOfConflictsIsCappedButTheCountIsExact() {
        SyncReport r = new SyncReport(SyncMode.CONTINUOUS, Phase.RUNNING, 1, 40, 6, 25, List.of("ConfigMap a/x"), 0, List.of(),
                0, LAST, null, null, 0, 0, 0, List.of(), null, null, 0, null);
        assertThat(SyncRules.condition(r, DC1_TO_DC2, true, true).message()).contains("ConfigMap a/x and 24 more");
    }

    @Test
    void afterAFailoverTheSiteLeftIsTheTargetAndTheMessagesNameIt() {
        SyncDirection back = new SyncDirection(SiteRole.STANDBY, "dc2", null, "dc1", null);
        assertThat(back.describe()).isEqualTo("dc2 → dc1");
        ConditionResult down = SyncRules.condition(report(Phase.RUNNING), back, true, false);
        assertThat(down.reason()).isEqualTo(Reasons.SITE_UNREACHABLE);
        assertThat(down.message()).startsWith("the parked copy on dc1 cannot be written (it does not answer)");
        assertThat(SyncRules.condition(report(Phase.RUNNING), back, true, true).message()).contains("in sync on dc1")
                .endsWith("following the changes on dc2");
    }

    @Test
    void figures() {
        StandbyStatus s = SyncRules.figures(report(Phase.RUNNING), "dc2");
        assertThat(s.getSite()).isEqualTo("dc2");
        assertThat(s.getObjectsInSync()).isEqualTo(40);
        assertThat(s.getWorkloadsParked()).isEqualTo(6);
        assertThat(s.getConflicts()).isZero();
        assertThat(s.getDriftCount()).isEqualTo(1);
        assertThat(s.getLastFullSync()).isEqualTo("2026-11-21T12:00:00Z");
        assertThat(s.getSyncLagP50Millis()).isEqualTo(5L);
        assertThat(s.getSyncLagP99Millis()).isEqualTo(20L);
        assertThat(SyncRules.figures(report(Phase.NOT_RUNNING), "dc2")).isNull();
    }

    private static SyncReport report(Phase phase) {
        return new SyncReport(SyncMode.CONTINUOUS, phase, 1, 40, 6, 0, List.of(), 0, List.of(), 1, LAST, 5L, 20L, 10, 0, 0,
                List.of(), null, null, 0, null);
    }

    private static SyncReport pending(int count, long oldestMillis) {
        return new SyncReport(SyncMode.CONTINUOUS, Phase.RUNNING, 1, 40, 6, 0, List.of(), 0, List.of(), 0, LAST, 5L, 20L, 10,
                count, oldestMillis, List.of(), null, null, 0, null);
    }

    private static SyncReport with(SyncReport r, String sourceProblem, String targetProblem) {
        return new SyncReport(r.mode(), r.phase(), r.namespaces(), r.objectsInSync(), r.workloadsParked(), r.conflictCount(),
                r.conflicts(), r.failureCount(), r.failures(), r.driftCount(), r.lastFullSync(), r.lagP50Millis(), r.lagP99Millis(),
                r.lagSamples(), r.pending(), r.oldestPendingMillis(), r.unknownKinds(), sourceProblem, targetProblem, r.heldPrunes(), r.refusal());
    }
}
