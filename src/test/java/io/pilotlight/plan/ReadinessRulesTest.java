package io.pilotlight.plan;

import static org.assertj.core.api.Assertions.assertThat;

import io.pilotlight.api.v1alpha1.Condition;
import io.pilotlight.api.v1alpha1.ConditionStatus;
import io.pilotlight.api.v1alpha1.ConditionTypes;
import io.pilotlight.api.v1alpha1.Reasons;
import io.pilotlight.status.ConditionResult;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ReadinessRulesTest {

    private static final List<String> REQUIRED = List.of(ConditionTypes.PRIMARY_REACHABLE, ConditionTypes.STANDBY_REACHABLE,
            ConditionTypes.STANDBY_COMPATIBLE, ConditionTypes.STANDBY_IN_SYNC, ConditionTypes.BACKUP_SCHEDULED,
            ConditionTypes.RPO_MET);

    @Test
    void allTrueIsReady() {
        ConditionResult r = ReadinessRules.aggregate(allTrue(), true, true);

        assertThat(r.status()).isEqualTo(ConditionStatus.TRUE);
        assertThat(r.reason()).isEqualTo(Reasons.AS_EXPECTED);
        assertThat(r.message()).contains("backups are scheduled and the RPO is met");
    }

    @ParameterizedTest
    @ValueSource(strings = { ConditionTypes.PRIMARY_REACHABLE, ConditionTypes.STANDBY_REACHABLE,
            ConditionTypes.STANDBY_COMPATIBLE, ConditionTypes.STANDBY_IN_SYNC, ConditionTypes.BACKUP_SCHEDULED,
            ConditionTypes.RPO_MET })
    void eachFailingConditionIsNamedWithItsReason(String type) {
        List<Condition> conditions = allTrue();
        replace(conditions, condition(type, ConditionStatus.FALSE, "SomethingBroke", "details of " + type));

        ConditionResult r = ReadinessRules.aggregate(conditions, true, true);

        assertThat(r.status()).isEqualTo(ConditionStatus.FALSE);
        assertThat(r.reason()).isEqualTo("SomethingBroke");
        assertThat(r.message()).isEqualTo("not ready: " + type + " (False, SomethingBroke: details of " + type + ")");
    }

    @Test
    void unknownIsNotReady() {
        List<Condition> conditions = allTrue();
        replace(conditions, condition(ConditionTypes.STANDBY_REACHABLE, ConditionStatus.UNKNOWN, Reasons.SITE_UNREACHABLE, "no answer"));

        ConditionResult r = ReadinessRules.aggregate(conditions, true, true);

        assertThat(r.status()).isEqualTo(ConditionStatus.FALSE);
        assertThat(r.reason()).isEqualTo(Reasons.SITE_UNREACHABLE);
        assertThat(r.message()).contains("StandbyReachable (Unknown, SiteUnreachable: no answer)");
    }

    @Test
    void severalFailingAreAllListedAndTheFirstGivesTheReason() {
        List<Condition> conditions = allTrue();
        replace(conditions, condition(ConditionTypes.RPO_MET, ConditionStatus.FALSE, Reasons.RPO_EXCEEDED, "2h old"));
        replace(conditions, condition(ConditionTypes.PRIMARY_REACHABLE, ConditionStatus.FALSE, Reasons.UNREACHABLE, "timeout"));

        ConditionResult r = ReadinessRules.aggregate(conditions, true, true);

        assertThat(r.reason()).isEqualTo(Reasons.UNREACHABLE);
        assertThat(r.message()).isEqualTo("not ready: PrimaryReachable (False, Unreachable: timeout); RPOMet (False, RPOExceeded: 2h old)");
    }

    @Test
    void aReasonOnlyAPersonCuresComesFirstSoThatThePlanIsStalled() {
        List<Condition> conditions = allTrue();
        replace(conditions, condition(ConditionTypes.STANDBY_COMPATIBLE, ConditionStatus.UNKNOWN, Reasons.PENDING, "not yet"));
        replace(conditions, condition(ConditionTypes.STANDBY_IN_SYNC, ConditionStatus.FALSE, Reasons.TOO_MANY_WATCHES, "2800 watches"));

        ConditionResult r = ReadinessRules.aggregate(conditions, true, true);

        assertThat(r.reason()).isEqualTo(Reasons.TOO_MANY_WATCHES);
        assertThat(r.message()).startsWith("not ready: StandbyCompatible (Unknown, Pending: not yet); StandbyInSync");
        Condition ready = condition(ConditionTypes.READY, ConditionStatus.FALSE, r.reason(), r.message());
        assertThat(ReadinessRules.stalled(ready).status()).isEqualTo(ConditionStatus.TRUE);
    }

    @Test
    void backupsDisabledDoNotNeedBackupScheduledOrRpoMet() {
        List<Condition> conditions = allTrue();
        replace(conditions, condition(ConditionTypes.BACKUP_SCHEDULED, ConditionStatus.FALSE, Reasons.BACKUPS_DISABLED, "off"));
        conditions.removeIf(c -> c.getType().equals(ConditionTypes.RPO_MET));

        ConditionResult r = ReadinessRules.aggregate(conditions, false, true);

        assertThat(r.status()).isEqualTo(ConditionStatus.TRUE);
        assertThat(r.reason()).isEqualTo(Reasons.AS_EXPECTED);
        assertThat(r.message()).contains("backups are off").doesNotContain("RPO");
    }

    @Test
    void backupsDisabledStillNeedTheSites() {
        List<Condition> conditions = allTrue();
        replace(conditions, condition(ConditionTypes.STANDBY_COMPATIBLE, ConditionStatus.FALSE, Reasons.MISSING_CRD, "1 blocker(s)"));

        ConditionResult r = ReadinessRules.aggregate(conditions, false, true);

        assertThat(r.status()).isEqualTo(ConditionStatus.FALSE);
        assertThat(r.reason()).isEqualTo(Reasons.MISSING_CRD);
    }

    @Test
    void missingConditionIsNotCheckedYet() {
        List<Condition> conditions = allTrue();
        conditions.removeIf(c -> c.getType().equals(ConditionTypes.BACKUP_SCHEDULED));

        ConditionResult r = ReadinessRules.aggregate(conditions, true, true);

        assertThat(r.status()).isEqualTo(ConditionStatus.FALSE);
        assertThat(r.reason()).isEqualTo(Reasons.PENDING);
        assertThat(r.message()).isEqualTo("not ready: BackupScheduled (not checked yet)");
    }

    @Test
    void noConditionsAtAll() {
        ConditionResult r = ReadinessRules.aggregate(List.of(), true, true);
        assertThat(r.reason()).isEqualTo(Reasons.PENDING);
        assertThat(r.message()).contains("PrimaryReachable (not checked yet)", "StandbyReachable (not checked yet)",
                "StandbyCompatible (not checked yet)", "StandbyInSync (not checked yet)", "BackupScheduled (not checked yet)",
                "RPOMet (not checked yet)");

        assertThat(ReadinessRules.aggregate(null, false, true).reason()).isEqualTo(Reasons.PENDING);
    }

    @Test
    void syncOnNeedsStandbyInSync() {
        List<Condition> conditions = allTrue();
        replace(conditions, condition(ConditionTypes.STANDBY_IN_SYNC, ConditionStatus.FALSE, Reasons.DRIFT_DETECTED,
                "1 object(s) differ on the standby"));

        ConditionResult r = ReadinessRules.aggregate(conditions, true, true);

        assertThat(r.status()).isEqualTo(ConditionStatus.FALSE);
        assertThat(r.reason()).isEqualTo(Reasons.DRIFT_DETECTED);
        assertThat(r.message()).isEqualTo("not ready: StandbyInSync (False, DriftDetected: 1 object(s) differ on the standby)");
    }

    @Test
    void syncOffDoesNotNeedStandbyInSync() {
        List<Condition> conditions = allTrue();
        replace(conditions, condition(ConditionTypes.STANDBY_IN_SYNC, ConditionStatus.UNKNOWN, Reasons.SYNC_OFF, "off"));

        ConditionResult r = ReadinessRules.aggregate(conditions, true, false);

        assertThat(r.status()).isEqualTo(ConditionStatus.TRUE);
        assertThat(r.message()).contains("(sync is off)");
        assertThat(ReadinessRules.aggregate(allTrue(), true, true).message()).contains("compatible and in sync");
    }

    @Test
    void conditionsReadyDoesNotDependOnAreIgnored() {
        List<Condition> conditions = allTrue();
        conditions.add(condition(ConditionTypes.READY, ConditionStatus.FALSE, Reasons.PENDING, "previous verdict"));
        conditions.add(condition(ConditionTypes.PROGRESSING, ConditionStatus.FALSE, "Whatever", "unrelated"));

        assertThat(ReadinessRules.aggregate(conditions, true, true).status()).isEqualTo(ConditionStatus.TRUE);
    }

    private static List<Condition> allTrue() {
        List<Condition> conditions = new ArrayList<>();
        for (String type : REQUIRED) {
            conditions.add(condition(type, ConditionStatus.TRUE, Reasons.AS_EXPECTED, type + " holds"));
        }
        return conditions;
    }

    private static void replace(List<Condition> conditions, Condition c) {
        conditions.replaceAll(x -> x.getType().equals(c.getType()) ? c : x);
    }

    private static Condition condition(String type, ConditionStatus status, String reason, String message) {
        Condition c = new Condition();
        c.setType(type);
        c.setStatus(status);
        c.setReason(reason);
        c.setMessage(message);
        c.setLastTransitionTime("2026-11-21T12:00:00Z");
        return c;
    }
}
