package io.pilotlight.core;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.pilotlight.api.v1alpha1.Failover;
import io.pilotlight.api.v1alpha1.failover.FailoverPhase;
import io.pilotlight.api.v1alpha1.failover.FailoverType;
import io.pilotlight.api.v1alpha1.failover.StepState;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Which Failovers are under way: created and not yet Completed or Failed. The plan reconciler asks
 * about the Failovers its event source holds ({@link #running(Collection, String)}); the lookups by
 * name read the API server, for decisions that must not rest on a copy the cache may not have
 * updated yet.
 */
@ApplicationScoped
public class ActiveFailovers {

    /** The Failover's finalizer: its rollback runs before it goes away. */
    public static final String ROLLBACK_FINALIZER = "pilotlight.io/rollback";

    /** The step after which the plan's sync stays stopped until the Failover ends. */
    public static final String PAUSE_SYNC_STEP = "PauseSync";

    /** The step a Drill records once its copies were deleted after its TTL. */
    public static final String DRILL_CLEANUP_STEP = "Cleanup";

    /** The first step: nothing is changed on any site before it succeeded. */
    public static final String VALIDATE_STEP = "Validate";

    private final KubernetesClient client;

    public ActiveFailovers(KubernetesClient client) {
        this.client = client;
    }

    public boolean isActive(String namespace, String name) {
        return running(namespace, name).isPresent();
    }

    /** That Failover as stored now, when it {@linkplain #runs runs}. */
    public Optional<Failover> running(String namespace, String name) {
        return Optional.ofNullable(client.resources(Failover.class).inNamespace(namespace).withName(name).get())
                .filter(ActiveFailovers::runs);
    }

    /** The Failover of that name among these, when it {@linkplain #runs runs}. */
    public static Optional<Failover> running(Collection<Failover> failovers, String name) {
        return failovers.stream().filter(f -> name.equals(f.getMetadata().getName())).filter(ActiveFailovers::runs).findFirst();
    }

    /** Those of these Failovers that have not ended. */
    public static List<Failover> unended(Collection<Failover> failovers) {
        return failovers.stream().filter(f -> !ended(f)).toList();
    }

    /**
     * Whether the Failover has not ended; also while it is deleted and its rollback
     * ({@link #ROLLBACK_FINALIZER}) is not done, so that nothing else takes the plan meanwhile.
     */
    public static boolean runs(Failover failover) {
        boolean deleted = failover.getMetadata().getDeletionTimestamp() != null
                && !failover.getMetadata().getFinalizers().contains(ROLLBACK_FINALIZER);
        return !deleted && !ended(failover);
    }

    /** Whether the Failover has stopped the plan's sync (its PauseSync step ran). */
    public static boolean pausedSync(Failover failover) {
        return failover.getStatus() != null && failover.getStatus().getSteps() != null
                && failover.getStatus().getSteps().stream().anyMatch(s -> PAUSE_SYNC_STEP.equals(s.getName()));
    }

    /** An ended Drill that may have made copies (it passed Validate) and whose copies were not deleted yet (its TTL). */
    public static boolean drillCopiesLeft(Failover failover) {
        return failover.getSpec().getType() == FailoverType.DRILL && ended(failover) && !cleanedUp(failover)
                && failover.getStatus().getSteps().stream()
                        .anyMatch(s -> VALIDATE_STEP.equals(s.getName()) && s.getState() == StepState.SUCCEEDED);
    }

    /** Whether a Drill's copies were deleted after its TTL ({@link #DRILL_CLEANUP_STEP}). */
    public static boolean cleanedUp(Failover failover) {
        return failover.getStatus() != null && failover.getStatus().getSteps() != null
                && failover.getStatus().getSteps().stream().anyMatch(s -> DRILL_CLEANUP_STEP.equals(s.getName()));
    }

    /** The plan the Failover names ({@code spec.planRef.name}), or null. */
    public static String planName(Failover failover) {
        return failover.getSpec() == null || failover.getSpec().getPlanRef() == null ? null : failover.getSpec().getPlanRef().getName();
    }

    public static boolean ended(Failover failover) {
        FailoverPhase phase = failover.getStatus() == null ? null : failover.getStatus().getPhase();
        return phase == FailoverPhase.COMPLETED || phase == FailoverPhase.FAILED;
    }
}
