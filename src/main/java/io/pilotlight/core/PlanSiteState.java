package io.pilotlight.core;

import io.pilotlight.api.v1alpha1.DisasterRecoveryPlan;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The plan's site state: {@code status.activeSite}, {@code status.fencedSite} and
 * {@code status.activeFailover}, changed only as a Failover goes: it claims the plan, records the
 * site it left as fenced, activates the site it went to, and releases the plan. Written through
 * {@link PlanStatusGateway} (compare-and-set, so a change never rests on a stale read), and never in
 * the plan reconciler's own status patch, which would put back what it read.
 */
@ApplicationScoped
public class PlanSiteState {

    private final PlanStatusGateway gateway;

    public PlanSiteState(PlanStatusGateway gateway) {
        this.gateway = gateway;
    }

    /** What {@link #activate} came to. */
    public enum Activation {
        /** The target is the active site now and the plan released. */
        ACTIVATED,
        /** The Failover no longer held the plan, but the target is its active site already (a step run again). */
        ALREADY_ACTIVE,
        /** Another Failover, or none, holds the plan: nothing was changed. */
        NOT_HELD
    }

    /** The role of the site that serves: the standby when {@code status.activeSite} names it, else the primary. */
    public static SiteRole activeRole(DisasterRecoveryPlan plan) {
        var status = plan.getStatus();
        String active = status == null ? null : status.getActiveSite();
        return plan.getSpec().getStandby().getName().equals(active) ? SiteRole.STANDBY : SiteRole.PRIMARY;
    }

    /** Sets {@code activeSite} to the primary when nothing set it yet, so that {@code kubectl get drp} shows it. */
    public void startOnPrimary(DisasterRecoveryPlan plan) {
        String primary = plan.getSpec().getPrimary().getName();
        gateway.changeSiteState(plan, s -> {
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
        gateway.changeSiteState(plan, s -> {
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
     * Records the site as fenced while the Failover holds the plan: the plan keeps it parked until a
     * Failover resumes it.
     *
     * @return whether the Failover held the plan
     */
    public boolean recordFence(DisasterRecoveryPlan plan, String failover, String site) {
        return whileHeld(plan, failover, false, s -> {
            if (site.equals(s.getFencedSite())) {
                return false;
            }
            s.setFencedSite(site);
            return true;
        });
    }

    /** Makes the target the active site and releases the plan; {@code liftFence} (a failback) also clears the fence. */
    public Activation activate(DisasterRecoveryPlan plan, String failover, String target, boolean liftFence) {
        Activation[] result = {Activation.NOT_HELD};
        gateway.changeSiteState(plan, s -> {
            if (!failover.equals(s.getActiveFailover())) {
                result[0] = target.equals(s.getActiveSite()) ? Activation.ALREADY_ACTIVE : Activation.NOT_HELD;
                return false;
            }
            result[0] = Activation.ACTIVATED;
            s.setActiveSite(target);
            if (liftFence) {
                s.setFencedSite(null);
            }
            s.setActiveFailover(null);
            return true;
        });
        return result[0];
    }

    /** Releases the plan from the Failover (it ended); returns whether it held the plan. */
    public boolean release(DisasterRecoveryPlan plan, String failover) {
        return whileHeld(plan, failover, true, s -> false);
    }

    /**
     * Releases the plan from a Failover rolled back, with the fence as before it: {@code fenced}, or
     * none when null.
     *
     * @return whether the Failover held the plan
     */
    public boolean rollBack(DisasterRecoveryPlan plan, String failover, String fenced) {
        return whileHeld(plan, failover, true, s -> {
            s.setFencedSite(fenced);
            return true;
        });
    }

    /** Clears {@code activeFailover} when it names a Failover that is gone or has ended. */
    public void releaseEnded(DisasterRecoveryPlan plan, Predicate<String> stillActive) {
        gateway.changeSiteState(plan, s -> {
            if (s.getActiveFailover() == null || stillActive.test(s.getActiveFailover())) {
                return false;
            }
            s.setActiveFailover(null);
            return true;
        });
    }

    private boolean whileHeld(DisasterRecoveryPlan plan, String failover, boolean release, PlanStatusGateway.Change change) {
        boolean[] held = {false};
        gateway.changeSiteState(plan, s -> {
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
}
