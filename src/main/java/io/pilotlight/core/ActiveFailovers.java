package io.pilotlight.core;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.pilotlight.api.v1alpha1.Failover;
import io.pilotlight.api.v1alpha1.failover.FailoverDirection;
import io.pilotlight.api.v1alpha1.failover.FailoverPhase;
import io.pilotlight.api.v1alpha1.failover.FailoverType;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Which Failovers are under way: created and not yet Completed or Failed. */
@ApplicationScoped
public class ActiveFailovers {

    /** The Failover's finalizer: its rollback runs before it goes away. */
    public static final String ROLLBACK_FINALIZER = "pilotlight.io/rollback";

    /** The step after which the plan's sync stays stopped until the Failover ends. */
    public static final String PAUSE_SYNC_STEP = "PauseSync";

    private final KubernetesClient client;

    public ActiveFailovers(KubernetesClient client) {
        this.client = client;
    }

    public boolean isActive(String namespace, String name) {
        return running(namespace, name).isPresent();
    }

    /**
     * That Failover, when it exists and has not ended; also while it is deleted and its rollback
     * ({@link #ROLLBACK_FINALIZER}) is not done, so that nothing else takes the plan meanwhile.
     */
    public Optional<Failover> running(String namespace, String name) {
        Failover failover = client.resources(Failover.class).inNamespace(namespace).withName(name).get();
        boolean deleted = failover != null && failover.getMetadata().getDeletionTimestamp() != null
                && !failover.getMetadata().getFinalizers().contains(ROLLBACK_FINALIZER);
        return failover != null && !deleted && !ended(failover) ? Optional.of(failover) : Optional.empty();
    }

    /** Whether the Failover has stopped the plan's sync (its PauseSync step ran). */
    public static boolean pausedSync(Failover failover) {
        return failover.getStatus() != null && failover.getStatus().getSteps() != null
                && failover.getStatus().getSteps().stream().anyMatch(s -> PAUSE_SYNC_STEP.equals(s.getName()));
    }

    /** The Failovers of a plan that have not ended. */
    public List<Failover> ofPlan(String namespace, String plan) {
        return client.resources(Failover.class).inNamespace(namespace).list().getItems().stream()
                .filter(f -> f.getSpec() != null && f.getSpec().getPlanRef() != null && plan.equals(f.getSpec().getPlanRef().getName()))
                .filter(f -> !ended(f))
                .toList();
    }

    /** When the standby last took over the plan: the completion of its newest Completed failover to the standby, if any. */
    public Optional<Instant> standbyTookOver(String namespace, String plan) {
        return client.resources(Failover.class).inNamespace(namespace).list().getItems().stream()
                .filter(f -> f.getSpec() != null && f.getSpec().getPlanRef() != null && plan.equals(f.getSpec().getPlanRef().getName()))
                .filter(f -> f.getSpec().getType() != FailoverType.DRILL && f.getSpec().getDirection() != FailoverDirection.TO_PRIMARY)
                .filter(f -> f.getStatus() != null && f.getStatus().getPhase() == FailoverPhase.COMPLETED
                        && f.getStatus().getCompletedAt() != null)
                .map(f -> Instant.parse(f.getStatus().getCompletedAt()))
                .max(Instant::compareTo);
    }

    public static boolean ended(Failover failover) {
        FailoverPhase phase = failover.getStatus() == null ? null : failover.getStatus().getPhase();
        return phase == FailoverPhase.COMPLETED || phase == FailoverPhase.FAILED;
    }
}
