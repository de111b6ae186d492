package io.pilotlight.failover;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.pilotlight.api.v1alpha1.Failover;
import io.pilotlight.api.v1alpha1.failover.FailoverPhase;
import io.pilotlight.failover.steps.PauseSyncStep;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** Which Failovers are under way: created and not yet Completed or Failed. */
@ApplicationScoped
public class ActiveFailovers {

    private final KubernetesClient client;

    public ActiveFailovers(KubernetesClient client) {
        this.client = client;
    }

    public boolean isActive(String namespace, String name) {
        Failover failover = client.resources(Failover.class).inNamespace(namespace).withName(name).get();
        return failover != null && failover.getMetadata().getDeletionTimestamp() == null && !ended(failover);
    }

    /** Whether that Failover is under way and has stopped the plan's sync (its PauseSync step ran). */
    public boolean pausedSync(String namespace, String name) {
        Failover failover = client.resources(Failover.class).inNamespace(namespace).withName(name).get();
        return failover != null && !ended(failover) && failover.getStatus().getSteps() != null
                && failover.getStatus().getSteps().stream().anyMatch(s -> PauseSyncStep.NAME.equals(s.getName()));
    }

    /** The Failovers of a plan that have not ended. */
    public List<Failover> ofPlan(String namespace, String plan) {
        return client.resources(Failover.class).inNamespace(namespace).list().getItems().stream()
                .filter(f -> f.getSpec() != null && f.getSpec().getPlanRef() != null && plan.equals(f.getSpec().getPlanRef().getName()))
                .filter(f -> !ended(f))
                .toList();
    }

    public static boolean ended(Failover failover) {
        FailoverPhase phase = failover.getStatus() == null ? null : failover.getStatus().getPhase();
        return phase == FailoverPhase.COMPLETED || phase == FailoverPhase.FAILED;
    }
}
