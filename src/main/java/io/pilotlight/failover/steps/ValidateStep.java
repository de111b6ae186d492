package io.pilotlight.failover.steps;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.pilotlight.api.v1alpha1.Reasons;
import io.pilotlight.api.v1alpha1.failover.FailoverDirection;
import io.pilotlight.api.v1alpha1.failover.FailoverPhase;
import io.pilotlight.api.v1alpha1.failover.FailoverType;
import io.pilotlight.core.ActiveFailovers;
import io.pilotlight.core.PlanSiteState;
import io.pilotlight.core.SiteRole;
import io.pilotlight.core.clusters.SiteConfigException;
import io.pilotlight.core.clusters.SiteHealth;
import io.pilotlight.core.clusters.SiteProbe;
import io.pilotlight.failover.run.FailoverRun;
import io.pilotlight.failover.run.PhasedStep;
import io.pilotlight.failover.run.StepOutcome;
import io.pilotlight.plan.PlanValidator;
import io.pilotlight.util.GoDurations;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Checks that the failover can go the way it asks (the plan is valid, the target does not serve
 * already, it answers), then takes the plan: one Failover per plan at a time. Changes nothing else,
 * so a refused Failover leaves both sites as they were.
 */
@Singleton
public class ValidateStep extends PhasedStep {

    public static final String NAME = ActiveFailovers.VALIDATE_STEP;

    private final PlanValidator validator;
    private final SiteProbe probe;
    private final PlanSiteState siteState;
    private final ActiveFailovers active;

    public ValidateStep(PlanValidator validator, SiteProbe probe, PlanSiteState siteState, ActiveFailovers active) {
        super(NAME, FailoverPhase.VALIDATING);
        this.validator = validator;
        this.probe = probe;
        this.siteState = siteState;
        this.active = active;
    }

    @Override
    public Duration deadline(FailoverRun run) {
        return Duration.ofMinutes(2);
    }

    @Override
    public StepOutcome run(FailoverRun run) throws SiteConfigException {
        List<String> problems = validator.problems(run.plan().getSpec());
        if (!problems.isEmpty()) {
            return StepOutcome.failed(Reasons.INVALID_SPEC, "plan " + run.plan().getMetadata().getName() + " is invalid: "
                    + String.join("; ", problems));
        }
        Optional<String> wrong = wrongDirection(run);
        if (wrong.isPresent()) {
            return StepOutcome.failed(Reasons.WRONG_DIRECTION, wrong.get());
        }
        String target = run.siteName(run.toRole());
        KubernetesClient to = run.to();
        SiteHealth health = probe.probe(to, GoDurations.parse(run.plan().getSpec().getHealthCheck().getTimeout())).join();
        if (!health.reachable()) {
            return StepOutcome.waiting("the target site " + target + " does not answer (" + health.problem() + "); trying again",
                    Duration.ofSeconds(5));
        }
        Optional<String> holder = siteState.claim(run.plan(), run.failover().getMetadata().getName(),
                name -> active.isActive(run.failover().getMetadata().getNamespace(), name));
        if (holder.isPresent()) {
            return StepOutcome.failed(Reasons.CONFLICT, "Failover " + holder.get() + " of plan " + run.plan().getMetadata().getName()
                    + " is in progress; only one runs at a time, so this one did nothing");
        }
        return StepOutcome.done(run.type() + " failover from " + run.siteName(run.fromRole()) + " to " + target
                + " accepted; the target answers (Kubernetes " + health.gitVersion() + ")");
    }

    private static Optional<String> wrongDirection(FailoverRun run) {
        String primary = run.siteName(SiteRole.PRIMARY);
        String standby = run.siteName(SiteRole.STANDBY);
        String activeSite = run.plan().getStatus() == null || run.plan().getStatus().getActiveSite() == null ? primary
                : run.plan().getStatus().getActiveSite();
        if (run.type() == FailoverType.DRILL) {
            if (run.direction() == FailoverDirection.TO_PRIMARY) {
                return Optional.of("a Drill runs on the standby only: leave direction out or set it to ToStandby");
            }
            return activeSite.equals(primary) ? Optional.empty()
                    : Optional.of("the standby site " + standby + " serves now: a Drill needs the parked copy there");
        }
        String target = run.siteName(run.toRole());
        // A target that serves but was parked by a Failover that did not finish may be resumed.
        boolean parkedByUnfinished = target.equals(run.plan().getStatus() == null ? null : run.plan().getStatus().getFencedSite());
        if (activeSite.equals(target) && !parkedByUnfinished) {
            return Optional.of("the " + run.toRole() + " site " + target + " serves already"
                    + (run.direction() == FailoverDirection.TO_STANDBY ? "; to go back, create a Failover with direction ToPrimary"
                            : "; nothing to fail back"));
        }
        return Optional.empty();
    }
}
