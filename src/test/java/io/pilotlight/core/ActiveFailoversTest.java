package io.pilotlight.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.pilotlight.api.v1alpha1.Failover;
import io.pilotlight.api.v1alpha1.FailoverStatus;
import io.pilotlight.api.v1alpha1.failover.FailoverPhase;
import java.util.List;
import org.junit.jupiter.api.Test;

class ActiveFailoversTest {

    @Test
    void aFailoverRunsUntilItEndsOrItsRollbackIsDone() {
        assertThat(ActiveFailovers.runs(failover("a", null, false, List.of()))).isTrue();
        assertThat(ActiveFailovers.runs(failover("a", FailoverPhase.SCALING_UP, false, List.of()))).isTrue();
        assertThat(ActiveFailovers.runs(failover("a", FailoverPhase.SCALING_UP, true, List.of(ActiveFailovers.ROLLBACK_FINALIZER))))
                .isTrue();
        assertThat(ActiveFailovers.runs(failover("a", FailoverPhase.SCALING_UP, true, List.of()))).isFalse();
        assertThat(ActiveFailovers.runs(failover("a", FailoverPhase.COMPLETED, false, List.of()))).isFalse();
        assertThat(ActiveFailovers.runs(failover("a", FailoverPhase.FAILED, false, List.of()))).isFalse();
    }

    @Test
    void theRunningOneIsFoundByNameAmongThePlansFailovers() {
        List<Failover> failovers = List.of(failover("done", FailoverPhase.COMPLETED, false, List.of()),
                failover("now", FailoverPhase.FENCING, false, List.of()));

        assertThat(ActiveFailovers.running(failovers, "now")).map(f -> f.getMetadata().getName()).contains("now");
        assertThat(ActiveFailovers.running(failovers, "done")).isEmpty();
        assertThat(ActiveFailovers.running(failovers, "gone")).isEmpty();
        assertThat(ActiveFailovers.unended(failovers)).extracting(f -> f.getMetadata().getName()).containsExactly("now");
    }

    private static Failover failover(String name, FailoverPhase phase, boolean deleted, List<String> finalizers) {
        Failover failover = new Failover();
        failover.setMetadata(new ObjectMetaBuilder().withName(name).withNamespace("dr").withFinalizers(finalizers)
                .withDeletionTimestamp(deleted ? "2026-12-02T00:00:00Z" : null).build());
        FailoverStatus status = new FailoverStatus();
        status.setPhase(phase);
        failover.setStatus(status);
        return failover;
    }
}
