package io.pilotlight.plan;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.pilotlight.api.v1alpha1.Failover;
import io.pilotlight.api.v1alpha1.FailoverSpec;
import io.pilotlight.api.v1alpha1.FailoverStatus;
import io.pilotlight.api.v1alpha1.failover.FailoverPhase;
import io.pilotlight.api.v1alpha1.failover.FailoverStep;
import io.pilotlight.api.v1alpha1.failover.PlanRef;
import io.pilotlight.core.ActiveFailovers;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class FailoverEventsTest {

    @Test
    void aFailoverMapsToThePlanItNamesInItsOwnNamespace() {
        assertThat(FailoverEvents.plans(failover("shop", List.of()))).containsExactly(new ResourceID("shop", "dr"));
    }

    @Test
    void aFailoverThatNamesNoPlanMapsToNone() {
        Failover failover = failover("shop", List.of());
        failover.getSpec().setPlanRef(null);

        assertThat(FailoverEvents.plans(failover)).isEmpty();
    }

    static Stream<Arguments> changes() {
        return Stream.of(
                Arguments.of("a step that changes nothing for the plan", (UnaryOperator<Failover>) f -> steps(f, "Validate", "Quiesce"), false),
                Arguments.of("the same Failover again (a resync)", (UnaryOperator<Failover>) f -> f, false),
                Arguments.of("its PauseSync step", (UnaryOperator<Failover>) f -> steps(f, "Validate", ActiveFailovers.PAUSE_SYNC_STEP), true),
                Arguments.of("its end", (UnaryOperator<Failover>) f -> phase(f, FailoverPhase.COMPLETED), true),
                Arguments.of("a drill's copies deleted", (UnaryOperator<Failover>) f -> steps(f, "Validate", ActiveFailovers.DRILL_CLEANUP_STEP), true),
                Arguments.of("its failure", (UnaryOperator<Failover>) f -> phase(f, FailoverPhase.FAILED), true),
                Arguments.of("its deletion", (UnaryOperator<Failover>) f -> deleted(f, List.of(ActiveFailovers.ROLLBACK_FINALIZER)), true),
                Arguments.of("another plan", (UnaryOperator<Failover>) f -> plan(f, "other"), true));
    }

    @ParameterizedTest(name = "{0}: wakes the plan {2}")
    @MethodSource("changes")
    void aChangeWakesThePlanOnlyWhenItMattersToIt(String what, UnaryOperator<Failover> change, boolean wakes) {
        Failover before = failover("shop", List.of("Validate"));
        Failover after = change.apply(failover("shop", List.of("Validate")));

        assertThat(FailoverEvents.wakesPlan(after, before)).isEqualTo(wakes);
    }

    @Test
    void theRollbackFinishingWakesThePlan() {
        Failover deleting = deleted(failover("shop", List.of("Validate")), List.of(ActiveFailovers.ROLLBACK_FINALIZER));
        Failover rolledBack = deleted(failover("shop", List.of("Validate")), List.of());

        assertThat(FailoverEvents.wakesPlan(rolledBack, deleting)).isTrue();
    }

    private static Failover failover(String plan, List<String> steps) {
        Failover failover = new Failover();
        failover.setMetadata(new ObjectMetaBuilder().withName("fo").withNamespace("dr").build());
        FailoverSpec spec = new FailoverSpec();
        PlanRef ref = new PlanRef();
        ref.setName(plan);
        spec.setPlanRef(ref);
        failover.setSpec(spec);
        FailoverStatus status = new FailoverStatus();
        status.setPhase(FailoverPhase.VALIDATING);
        failover.setStatus(status);
        return steps(failover, steps.toArray(String[]::new));
    }

    private static Failover steps(Failover failover, String... names) {
        List<FailoverStep> steps = new ArrayList<>();
        for (String name : names) {
            FailoverStep step = new FailoverStep();
            step.setName(name);
            steps.add(step);
        }
        failover.getStatus().setSteps(steps);
        return failover;
    }

    private static Failover phase(Failover failover, FailoverPhase phase) {
        failover.getStatus().setPhase(phase);
        return failover;
    }

    private static Failover deleted(Failover failover, List<String> finalizers) {
        failover.getMetadata().setDeletionTimestamp("2026-12-02T00:00:00Z");
        failover.getMetadata().setFinalizers(new ArrayList<>(finalizers));
        return failover;
    }

    private static Failover plan(Failover failover, String plan) {
        failover.getSpec().getPlanRef().setName(plan);
        return failover;
    }
}
