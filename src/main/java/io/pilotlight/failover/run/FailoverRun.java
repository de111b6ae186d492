package io.pilotlight.failover.run;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.pilotlight.api.v1alpha1.DisasterRecoveryPlan;
import io.pilotlight.api.v1alpha1.Failover;
import io.pilotlight.api.v1alpha1.FailoverStatus;
import io.pilotlight.api.v1alpha1.failover.FailoverDirection;
import io.pilotlight.api.v1alpha1.failover.FailoverStep;
import io.pilotlight.api.v1alpha1.failover.FailoverType;
import io.pilotlight.api.v1alpha1.failover.InFlightOperation;
import io.pilotlight.api.v1alpha1.failover.StepState;
import io.pilotlight.core.PlanSites;
import io.pilotlight.core.SiteRole;
import io.pilotlight.core.clusters.SiteConfigException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * One reconcile of a Failover: the Failover, its plan, and the two sites seen from the failover's
 * direction ({@link #from()} is the site left, {@link #to()} the site that takes over). Steps read and
 * write {@link #status()}; the reconciler patches it afterwards.
 */
public final class FailoverRun {

    private final Failover failover;
    private final DisasterRecoveryPlan plan;
    private final PlanSites sites;
    private final Instant now;

    public FailoverRun(Failover failover, DisasterRecoveryPlan plan, PlanSites sites, Instant now) {
        this.failover = failover;
        this.plan = plan;
        this.sites = sites;
        this.now = now;
    }

    public Failover failover() {
        return failover;
    }

    public DisasterRecoveryPlan plan() {
        return plan;
    }

    public FailoverStatus status() {
        return failover.getStatus();
    }

    public Instant now() {
        return now;
    }

    public FailoverType type() {
        return failover.getSpec().getType() == null ? FailoverType.PLANNED : failover.getSpec().getType();
    }

    public FailoverDirection direction() {
        return failover.getSpec().getDirection() == null ? FailoverDirection.TO_STANDBY : failover.getSpec().getDirection();
    }

    /** The site left: the primary, or the standby on a failback. A Drill leaves nothing but works on the standby. */
    public SiteRole fromRole() {
        return direction() == FailoverDirection.TO_PRIMARY ? SiteRole.STANDBY : SiteRole.PRIMARY;
    }

    public SiteRole toRole() {
        return direction() == FailoverDirection.TO_PRIMARY ? SiteRole.PRIMARY : SiteRole.STANDBY;
    }

    public String siteName(SiteRole role) {
        return role == SiteRole.PRIMARY ? plan.getSpec().getPrimary().getName() : plan.getSpec().getStandby().getName();
    }

    public KubernetesClient site(SiteRole role) throws SiteConfigException {
        return role == SiteRole.PRIMARY ? sites.primary(plan) : sites.standby(plan);
    }

    public KubernetesClient from() throws SiteConfigException {
        return site(fromRole());
    }

    public KubernetesClient to() throws SiteConfigException {
        return site(toRole());
    }

    /** {@code namespace/name} of the plan: what in-place parking records. */
    public String planKey() {
        return plan.getMetadata().getNamespace() + "/" + plan.getMetadata().getName();
    }

    public InFlightOperation inFlight() {
        if (status().getInFlight() == null) {
            status().setInFlight(new InFlightOperation());
        }
        return status().getInFlight();
    }

    /** The recorded step of that name, if it ran. */
    public Optional<FailoverStep> step(String name) {
        List<FailoverStep> steps = status().getSteps();
        return steps == null ? Optional.empty() : steps.stream().filter(s -> name.equals(s.getName())).findFirst();
    }

    /** Whether the named step finished with that state. */
    public boolean stepEnded(String name, StepState state) {
        return step(name).map(s -> s.getState() == state).orElse(false);
    }
}
