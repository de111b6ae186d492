package io.pilotlight.plan;

import static org.assertj.core.api.Assertions.assertThat;

import io.pilotlight.api.v1alpha1.ConditionStatus;
import io.pilotlight.api.v1alpha1.Reasons;
import io.pilotlight.api.v1alpha1.plan.LastBackupStatus;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RpoEvaluatorTest {

    private static final Instant NOW = Instant.parse("2026-11-21T12:00:00Z");

    @Test
    void withinObjective() {
        var verdict = RpoEvaluator.evaluate(completedAt("2026-11-21T11:48:00Z"), "1h", NOW);
        assertThat(verdict.rpo()).isEqualTo(Duration.ofMinutes(12));
        assertThat(verdict.condition().status()).isEqualTo(ConditionStatus.TRUE);
        assertThat(verdict.condition().message()).contains("12m old").contains("objective is 1h");
    }

    @Test
    void pastObjective() {
        var verdict = RpoEvaluator.evaluate(completedAt("2026-11-21T10:30:00Z"), "1h", NOW);
        assertThat(verdict.rpo()).isEqualTo(Duration.ofMinutes(90));
        assertThat(verdict.condition().reason()).isEqualTo(Reasons.RPO_EXCEEDED);
        assertThat(verdict.condition().message()).contains("1h30m old");
    }

    @Test
    void noRecoveryPointYet() {
        var verdict = RpoEvaluator.evaluate(null, "15m", NOW);
        assertThat(verdict.rpo()).isNull();
        assertThat(verdict.condition().status()).isEqualTo(ConditionStatus.FALSE);
        assertThat(verdict.condition().reason()).isEqualTo(Reasons.NO_RECOVERY_POINT);
    }

    @Test
    void clockSkewNeverGivesNegativeAge() {
        var verdict = RpoEvaluator.evaluate(completedAt("2026-11-21T12:00:05Z"), "1h", NOW);
        assertThat(verdict.rpo()).isEqualTo(Duration.ZERO);
    }

    private static LastBackupStatus completedAt(String time) {
        LastBackupStatus b = new LastBackupStatus();
        b.setName("b1");
        b.setPhase("Completed");
        b.setCompletionTimestamp(time);
        return b;
    }
}
