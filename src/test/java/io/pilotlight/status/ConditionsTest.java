package io.pilotlight.status;

import static org.assertj.core.api.Assertions.assertThat;

import io.pilotlight.api.v1alpha1.Condition;
import io.pilotlight.api.v1alpha1.ConditionStatus;
import io.pilotlight.api.v1alpha1.ConditionTypes;
import io.pilotlight.api.v1alpha1.Reasons;
import io.pilotlight.status.Conditions.Transition;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ConditionsTest {

    private static final Instant T0 = Instant.parse("2026-11-21T12:00:00.750Z");
    private static final Instant T1 = Instant.parse("2026-11-21T12:05:00Z");
    private static final Instant T2 = Instant.parse("2026-11-21T12:10:00Z");

    @Test
    void newConditionIsATransitionWithATime() {
        List<Condition> conditions = new ArrayList<>();

        Optional<Transition> t = Conditions.set(conditions, ConditionTypes.PRIMARY_REACHABLE, ConditionStatus.TRUE,
                Reasons.REACHABLE, "v1.34.4 answered", 3L, T0);

        assertThat(t).contains(new Transition(ConditionTypes.PRIMARY_REACHABLE, null, ConditionStatus.TRUE, Reasons.REACHABLE,
                "v1.34.4 answered"));
        Condition c = conditions.get(0);
        assertThat(conditions).hasSize(1);
        assertThat(c.getType()).isEqualTo(ConditionTypes.PRIMARY_REACHABLE);
        assertThat(c.getStatus()).isEqualTo(ConditionStatus.TRUE);
        assertThat(c.getReason()).isEqualTo(Reasons.REACHABLE);
        assertThat(c.getMessage()).isEqualTo("v1.34.4 answered");
        assertThat(c.getObservedGeneration()).isEqualTo(3L);
        assertThat(c.getLastTransitionTime()).isEqualTo("2026-11-21T12:00:00Z");
    }

    @Test
    void sameStatusWithNewMessageIsNoTransition() {
        List<Condition> conditions = new ArrayList<>();
        Conditions.set(conditions, ConditionTypes.RPO_MET, ConditionStatus.TRUE, Reasons.WITHIN_RPO, "12m old", 1L, T0);

        Optional<Transition> t = Conditions.set(conditions, ConditionTypes.RPO_MET, ConditionStatus.TRUE, Reasons.WITHIN_RPO,
                "17m old", 2L, T1);

        assertThat(t).isEmpty();
        assertThat(conditions).singleElement().satisfies(c -> {
            assertThat(c.getMessage()).isEqualTo("17m old");
            assertThat(c.getObservedGeneration()).isEqualTo(2L);
            assertThat(c.getLastTransitionTime()).isEqualTo("2026-11-21T12:00:00Z");
        });
    }

    @Test
    void sameStatusWithNewReasonIsNoTransitionButTheReasonIsUpdated() {
        List<Condition> conditions = new ArrayList<>();
        Conditions.set(conditions, ConditionTypes.BACKUP_SCHEDULED, ConditionStatus.FALSE, Reasons.VELERO_NOT_INSTALLED, "no CRDs", 1L, T0);

        Optional<Transition> t = Conditions.set(conditions, ConditionTypes.BACKUP_SCHEDULED, ConditionStatus.FALSE,
                Reasons.STORAGE_LOCATION_UNAVAILABLE, "bsl default is Unavailable", 1L, T1);

        assertThat(t).isEmpty();
        assertThat(conditions.get(0).getReason()).isEqualTo(Reasons.STORAGE_LOCATION_UNAVAILABLE);
        assertThat(conditions.get(0).getLastTransitionTime()).isEqualTo("2026-11-21T12:00:00Z");
    }

    @Test
    void statusFlipIsATransitionWithANewTime() {
        List<Condition> conditions = new ArrayList<>();
        Conditions.set(conditions, ConditionTypes.STANDBY_REACHABLE, ConditionStatus.TRUE, Reasons.REACHABLE, "ok", 1L, T0);

        Optional<Transition> down = Conditions.set(conditions, ConditionTypes.STANDBY_REACHABLE, ConditionStatus.FALSE,
                Reasons.UNREACHABLE, "connection refused", 1L, T1);

        assertThat(down).contains(new Transition(ConditionTypes.STANDBY_REACHABLE, ConditionStatus.TRUE, ConditionStatus.FALSE,
                Reasons.UNREACHABLE, "connection refused"));
        assertThat(conditions).singleElement().satisfies(c -> {
            assertThat(c.getStatus()).isEqualTo(ConditionStatus.FALSE);
            assertThat(c.getReason()).isEqualTo(Reasons.UNREACHABLE);
            assertThat(c.getMessage()).isEqualTo("connection refused");
            assertThat(c.getLastTransitionTime()).isEqualTo("2026-11-21T12:05:00Z");
        });

        Optional<Transition> unknown = Conditions.set(conditions, ConditionTypes.STANDBY_REACHABLE, ConditionStatus.UNKNOWN,
                Reasons.PENDING, "probing", 1L, T2);
        assertThat(unknown).map(Transition::from).contains(ConditionStatus.FALSE);
        assertThat(conditions.get(0).getLastTransitionTime()).isEqualTo("2026-11-21T12:10:00Z");
    }

    @Test
    void otherConditionsAreLeftAlone() {
        List<Condition> conditions = new ArrayList<>();
        Conditions.set(conditions, ConditionTypes.PRIMARY_REACHABLE, ConditionStatus.TRUE, Reasons.REACHABLE, "ok", 1L, T0);
        Conditions.set(conditions, ConditionTypes.STANDBY_REACHABLE, ConditionStatus.TRUE, Reasons.REACHABLE, "ok", 1L, T0);

        Conditions.set(conditions, ConditionTypes.STANDBY_REACHABLE, ConditionStatus.FALSE, Reasons.UNREACHABLE, "down", 1L, T1);

        assertThat(conditions).extracting(Condition::getType)
                .containsExactly(ConditionTypes.PRIMARY_REACHABLE, ConditionTypes.STANDBY_REACHABLE);
        assertThat(Conditions.isTrue(conditions, ConditionTypes.PRIMARY_REACHABLE)).isTrue();
        assertThat(Conditions.isTrue(conditions, ConditionTypes.STANDBY_REACHABLE)).isFalse();
        assertThat(conditions.get(0).getLastTransitionTime()).isEqualTo("2026-11-21T12:00:00Z");
    }

    @Test
    void copyIsIndependent() {
        List<Condition> original = new ArrayList<>();
        Conditions.set(original, ConditionTypes.READY, ConditionStatus.TRUE, Reasons.AS_EXPECTED, "ready", 4L, T0);

        List<Condition> copy = Conditions.copy(original);
        Conditions.set(copy, ConditionTypes.READY, ConditionStatus.FALSE, Reasons.PENDING, "not ready", 5L, T1);

        assertThat(original.get(0).getStatus()).isEqualTo(ConditionStatus.TRUE);
        assertThat(original.get(0).getMessage()).isEqualTo("ready");
        assertThat(original.get(0).getLastTransitionTime()).isEqualTo("2026-11-21T12:00:00Z");
        assertThat(Conditions.copy(null)).isEmpty();
    }

    @Test
    void findAndIsTrueOnMissingLists() {
        assertThat(Conditions.find(null, ConditionTypes.READY)).isEmpty();
        assertThat(Conditions.isTrue(null, ConditionTypes.READY)).isFalse();
        assertThat(Conditions.isTrue(new ArrayList<>(), ConditionTypes.READY)).isFalse();
    }
}
