package io.pilotlight.core;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.pilotlight.api.v1alpha1.DisasterRecoveryPlan;
import io.pilotlight.api.v1alpha1.DisasterRecoveryPlanStatus;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The plan's site state: {@code status.activeSite}, {@code status.fencedSite} and
 * {@code status.activeFailover}. Failovers change it, so it is written here only, with optimistic
 * locking (a write based on a stale read fails and is retried on a fresh one), and never in the plan
 * reconciler's own status patch, which would put back what it read.
 */
@ApplicationScoped
public class PlanSiteState {

    private static final int ATTEMPTS = 5;

    private final KubernetesClient client;

    public PlanSiteState(KubernetesClient client) {
        this.client = client;
    }

    /** A change of the site state; returns false when there is nothing to write. */
    @FunctionalInterface
    public interface Change {
        boolean apply(DisasterRecoveryPlanStatus status);
    }

    /** The plan's {@code status.activeSite} as stored now; null when the plan or the field is not there. */
    public String activeSite(DisasterRecoveryPlan plan) {
        DisasterRecoveryPlan fresh = client.resources(DisasterRecoveryPlan.class).inNamespace(plan.getMetadata().getNamespace())
                .withName(plan.getMetadata().getName()).get();
        return fresh == null || fresh.getStatus() == null ? null : fresh.getStatus().getActiveSite();
    }

    /** Sets {@code activeSite} to the primary when nothing set it yet, so that {@code kubectl get drp} shows it. */
    public void initialise(DisasterRecoveryPlan plan) {
        String primary = plan.getSpec().getPrimary().getName();
        update(plan, s -> {
            if (s.getActiveSite() != null) {
                return false;
            }
            s.setActiveSite(primary);
            return true;
        });
    }

    /**
     * Makes the Failover the plan's active one.
     *
     * @param stillActive whether a Failover of that name exists and has not ended
     * @return the other Failover that holds the plan, or empty when this one holds it now
     */
    public Optional<String> claim(DisasterRecoveryPlan plan, String failover, Predicate<String> stillActive) {
        String[] holder = {null};
        update(plan, s -> {
            holder[0] = null;
            String current = s.getActiveFailover();
            if (failover.equals(current)) {
                return false;
            }
            if (current != null && stillActive.test(current)) {
                holder[0] = current;
                return false;
            }
            s.setActiveFailover(failover);
            return true;
        });
        return Optional.ofNullable(holder[0]);
    }

    /**
     * Applies a change while the Failover holds the plan, and releases it when {@code release} is set.
     *
     * @return whether the Failover held the plan (nothing is changed otherwise)
     */
    public boolean change(DisasterRecoveryPlan plan, String failover, boolean release, Change change) {
        boolean[] held = {false};
        update(plan, s -> {
            held[0] = failover.equals(s.getActiveFailover());
            boolean changed = held[0] && change.apply(s);
            if (held[0] && release) {
                s.setActiveFailover(null);
                return true;
            }
            return changed;
        });
        return held[0];
    }

    /** Clears {@code activeFailover} when it names a Failover that is gone or has ended. */
    public void releaseIfStale(DisasterRecoveryPlan plan, Predicate<String> stillActive) {
        update(plan, s -> {
            if (s.getActiveFailover() == null || stillActive.test(s.getActiveFailover())) {
                return false;
            }
            s.setActiveFailover(null);
            return true;
        });
    }

    private void update(DisasterRecoveryPlan plan, Change change) {
        var resource = client.resources(DisasterRecoveryPlan.class).inNamespace(plan.getMetadata().getNamespace())
                .withName(plan.getMetadata().getName());
        for (int attempt = 1;; attempt++) {
            DisasterRecoveryPlan fresh = resource.get();
            if (fresh == null) {
                return;
            }
            if (fresh.getStatus() == null) {
                fresh.setStatus(new DisasterRecoveryPlanStatus());
            }
            if (!change.apply(fresh.getStatus())) {
                return;
            }
            try {
                client.resource(fresh).updateStatus();
                return;
            } catch (KubernetesClientException e) {
                if (e.getCode() != 409 || attempt >= ATTEMPTS) {
                    throw e;
                }
            }
        }
    }
}
