package io.pilotlight.plan;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.pilotlight.api.v1alpha1.ConditionStatus;
import io.pilotlight.api.v1alpha1.DisasterRecoveryPlan;
import io.pilotlight.api.v1alpha1.Failover;
import io.pilotlight.api.v1alpha1.FailoverSpec;
import io.pilotlight.api.v1alpha1.FailoverStatus;
import io.pilotlight.api.v1alpha1.Reasons;
import io.pilotlight.api.v1alpha1.failover.FailoverPhase;
import io.pilotlight.api.v1alpha1.failover.FailoverStep;
import io.pilotlight.api.v1alpha1.failover.FailoverType;
import io.pilotlight.api.v1alpha1.failover.PlanRef;
import io.pilotlight.api.v1alpha1.failover.StepState;
import io.pilotlight.api.v1alpha1.plan.DrillRun;
import io.pilotlight.api.v1alpha1.plan.DrillStatus;
import io.pilotlight.core.ActiveFailovers;
import io.pilotlight.core.PlanLabels;
import io.pilotlight.status.ConditionResult;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The drill schedule's decisions, with the clock given: when a drill is due, what the status and condition say, which drills go. */
class DrillScheduleTest {

    private static final Instant NOW = Instant.parse("2026-12-02T02:30:20Z");
    private static final CronSchedule.Cron EVERY_MINUTE = CronSchedule.parse("* * * * *").cron();

    @Test
    void theFirstDrillIsDueAtTheScheduleNextTimeAndStaysDueUntilItRuns() {
        DrillStatus status = new DrillStatus();
        assertThat(DrillScheduler.due(EVERY_MINUTE, "* * * * *", status, NOW)).isEqualTo(Instant.parse("2026-12-02T02:31:00Z"));
        status.setSchedule("* * * * *");
        status.setNextRunAt("2026-12-02T02:29:00Z");
        assertThat(DrillScheduler.due(EVERY_MINUTE, "* * * * *", status, NOW)).as("a drill deferred by another Failover is still due")
                .isEqualTo(Instant.parse("2026-12-02T02:29:00Z"));
        assertThat(DrillScheduler.due(CronSchedule.parse("0 3 * * *").cron(), "0 3 * * *", status, NOW)).as("a new schedule starts afresh")
                .isEqualTo(Instant.parse("2026-12-02T03:00:00Z"));
    }

    @Test
    void aScheduledDrillIsNamedAfterItsTimeAndCarriesThePlanLabels() {
        DisasterRecoveryPlan plan = new DisasterRecoveryPlan();
        plan.setMetadata(new ObjectMetaBuilder().withName("a".repeat(39) + "-b").withNamespace("dr").withLabels(Map.of("team", "x")).build());
        Failover drill = DrillScheduler.drill(plan, Instant.parse("2026-12-02T02:31:00Z"));
        assertThat(drill.getMetadata().getName()).isEqualTo("a".repeat(39) + "-drill-20261202-023100");
        assertThat(drill.getMetadata().getLabels()).containsEntry("team", "x").containsEntry(PlanLabels.SCHEDULED_DRILL, "true")
                .containsAllEntriesOf(PlanLabels.of(plan));
        assertThat(drill.getSpec().getType()).isEqualTo(FailoverType.DRILL);
    }

    @Test
    void theStatusKeepsTheNewestDrillAndTheHistoryLetsGoOnlyOldCleanedScheduledOnes() {
        List<Failover> failovers = List.of(drill("d1", "02:00:00", FailoverPhase.COMPLETED, true, true),
                drill("d2", "02:10:00", FailoverPhase.FAILED, true, true), drill("d3", "02:20:00", FailoverPhase.COMPLETED, true, false),
                drill("manual", "01:00:00", FailoverPhase.COMPLETED, false, true), drill("d4", "02:30:00", FailoverPhase.SCALING_UP, true, false));
        assertThat(DrillHistory.newest(failovers, f -> true)).get().extracting(DrillRun::getName, DrillRun::getResult)
                .containsExactly("d4", "Running");
        DrillRun failed = DrillHistory.newest(failovers, ActiveFailovers::ended).orElseThrow();
        assertThat(failed).extracting(DrillRun::getName, DrillRun::getFailedStep).containsExactly("d3", null);
        assertThat(DrillHistory.run(failovers.get(1))).extracting(DrillRun::getFailedStep, DrillRun::getMessage)
                .containsExactly("ScaleUp/all", "ScaleUp/all: not ready");
        assertThat(DrillHistory.newest(failovers, DrillHistory::completed)).get().extracting(DrillRun::getRtoSeconds).isEqualTo(42L);
        assertThat(DrillHistory.beyondLimit(failovers, 2)).as("d3 is not cleaned up yet; the manual drill is never deleted")
                .extracting(f -> f.getMetadata().getName()).containsExactly("d2", "d1");
    }

    @Test
    void drillSucceededSaysWhetherTheLastDrillCompletedRecently() {
        DrillRun done = new DrillRun();
        done.setName("d1");
        done.setResult("Completed");
        done.setCompletedAt("2026-12-02T02:00:00Z");
        done.setRtoSeconds(12L);
        assertCondition(DrillRules.condition(done, null, "1h", NOW), ConditionStatus.TRUE, Reasons.LAST_DRILL_SUCCEEDED,
                "drill d1 completed at 2026-12-02T02:00:00Z with an RTO of 12s");
        assertCondition(DrillRules.condition(done, null, "20m", NOW), ConditionStatus.FALSE, Reasons.DRILL_TOO_OLD,
                "longer ago than failover.drill.maxAge (20m)");
        done.setResult("Failed");
        done.setMessage("ScaleUp/all: not ready");
        assertCondition(DrillRules.condition(done, "d2", null, NOW), ConditionStatus.FALSE, Reasons.LAST_DRILL_FAILED,
                "drill d1 failed: ScaleUp/all: not ready");
        assertCondition(DrillRules.condition(null, "d2", null, NOW), ConditionStatus.FALSE, Reasons.NO_DRILL_YET,
                "the first drill of this plan, d2, is under way");
    }

    private static void assertCondition(ConditionResult result, ConditionStatus status, String reason, String message) {
        assertThat(result.status()).isEqualTo(status);
        assertThat(result.reason()).isEqualTo(reason);
        assertThat(result.message()).contains(message);
    }

    private static Failover drill(String name, String created, FailoverPhase phase, boolean scheduled, boolean cleaned) {
        Failover f = new Failover();
        f.setMetadata(new ObjectMetaBuilder().withName(name).withNamespace("dr").withCreationTimestamp("2026-12-02T" + created + "Z")
                .withLabels(scheduled ? Map.of(PlanLabels.SCHEDULED_DRILL, "true") : Map.of()).build());
        FailoverSpec spec = new FailoverSpec();
        spec.setType(FailoverType.DRILL);
        PlanRef ref = new PlanRef();
        ref.setName("shop");
        spec.setPlanRef(ref);
        f.setSpec(spec);
        FailoverStatus status = new FailoverStatus();
        status.setPhase(phase);
        status.setSteps(new ArrayList<>());
        if (phase == FailoverPhase.FAILED) {
            status.setMessage("ScaleUp/all: not ready");
            status.getSteps().add(step("ScaleUp/all", StepState.FAILED));
        } else if (phase == FailoverPhase.COMPLETED) {
            status.setRtoSeconds(42L);
            status.setCompletedAt("2026-12-02T" + created.replace(":00:00", ":01:00") + "Z");
        }
        if (cleaned) {
            status.getSteps().add(step(ActiveFailovers.DRILL_CLEANUP_STEP, StepState.SUCCEEDED));
        }
        f.setStatus(status);
        return f;
    }

    private static FailoverStep step(String name, StepState state) {
        FailoverStep s = new FailoverStep();
        s.setName(name);
        s.setState(state);
        return s;
    }
}
