package io.pilotlight.failover;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.javaoperatorsdk.operator.api.reconciler.DeleteControl;
import io.pilotlight.api.v1alpha1.DisasterRecoveryPlan;
import io.pilotlight.api.v1alpha1.Failover;
import io.pilotlight.api.v1alpha1.Reasons;
import io.pilotlight.api.v1alpha1.failover.FailoverDirection;
import io.pilotlight.api.v1alpha1.failover.FailoverType;
import io.pilotlight.api.v1alpha1.failover.StepState;
import io.pilotlight.core.ActiveFailovers;
import io.pilotlight.core.PlanSiteState;
import io.pilotlight.core.PlanSites;
import io.pilotlight.core.SiteRole;
import io.pilotlight.core.clusters.SiteConfigException;
import io.pilotlight.failover.run.FailoverRun;
import io.pilotlight.failover.run.StepOutcome;
import io.pilotlight.failover.steps.ActivateStep;
import io.pilotlight.failover.steps.PauseSyncStep;
import io.pilotlight.failover.steps.SwitchTrafficStep;
import io.pilotlight.failover.steps.ValidateStep;
import io.pilotlight.status.EventRecorder;
import io.pilotlight.util.RemoteErrors;
import io.pilotlight.workloads.InPlaceParker;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;

/**
 * The finalizer of a Failover: one deleted before it ended must not leave the application running
 * nowhere (the site it left parked, the target not serving yet), so what its steps did is undone.
 * A step runs only after the one before it is recorded as finished, but its own record can be lost
 * when the deletion makes the status patch fail; so what may have been done is read from the steps
 * recorded as finished: after Validate, the site left may be parked (Quiesce, Fence), and what this
 * plan parked there is resumed (a Drill's namespaces are deleted); the plan's fence is put back and
 * the plan released, so the plan parks the target again (its sync, or its fence on a failback).
 * After SwitchTraffic the target serves and nothing is undone: it becomes the active site. An ended Drill
 * deleted before its TTL has its copies deleted then. Every part is idempotent, so an
 * operator restart repeats it harmlessly. A site that does not answer keeps the finalizer: retried
 * with a growing delay until it answers or a person removes the finalizer.
 */
@ApplicationScoped
public class FailoverRollback {

    static final Duration FIRST_RETRY = Duration.ofSeconds(5);
    static final Duration MAX_RETRY = Duration.ofMinutes(5);

    private final KubernetesClient client;
    private final PlanSites sites;
    private final InPlaceParker parker;
    private final PlanSiteState siteState;
    private final ActivateStep activate;
    private final DrillCleanup drills;
    private final EventRecorder events;

    public FailoverRollback(KubernetesClient client, PlanSites sites, InPlaceParker parker, PlanSiteState siteState,
            ActivateStep activate, DrillCleanup drills, EventRecorder events) {
        this.client = client;
        this.sites = sites;
        this.parker = parker;
        this.siteState = siteState;
        this.activate = activate;
        this.drills = drills;
        this.events = events;
    }

    DeleteControl run(Failover failover, Instant now) {
        if (failover.getStatus() == null) {
            return DeleteControl.defaultDelete();
        }
        if (ActiveFailovers.ended(failover)) {
            return ActiveFailovers.drillCopiesLeft(failover) ? deleteCopies(failover, now) : DeleteControl.defaultDelete();
        }
        DisasterRecoveryPlan plan = plan(failover);
        if (plan == null) {
            return DeleteControl.defaultDelete();
        }
        FailoverRun run = new FailoverRun(failover, plan, sites, now);
        if (finished(run, SwitchTrafficStep.NAME)) {
            StepOutcome activated = activate.run(run);
            events.normal(failover, Reasons.NOT_ROLLED_BACK, "deleted after the " + run.toRole() + " site " + run.siteName(run.toRole())
                    + " took over: nothing rolled back; " + activated.message());
            return DeleteControl.defaultDelete();
        }
        boolean leftTouched = run.stepEnded(ValidateStep.NAME, StepState.SUCCEEDED);
        boolean drill = run.type() == FailoverType.DRILL;
        String undone;
        try {
            undone = !leftTouched ? "nothing was changed yet"
                    : drill ? drills.deleteNamespaces(failover, plan) + " drill namespace(s) deleted on " + run.siteName(SiteRole.STANDBY)
                    : parker.resume(plan, run.from()) + " workload(s) resumed on " + run.siteName(run.fromRole());
        } catch (SiteConfigException | KubernetesClientException e) {
            SiteRole site = drill ? SiteRole.STANDBY : run.fromRole();
            events.warning(failover, Reasons.ROLLBACK_PENDING, "deleted before it ended, but the " + site + " site " + run.siteName(site)
                    + " cannot be rolled back yet (" + why(e) + "): retried until it answers; to delete the Failover without the"
                    + " rollback, remove its finalizer " + ActiveFailovers.ROLLBACK_FINALIZER + " by hand (the sites stay as it left them)");
            return DeleteControl.noFinalizerRemoval().rescheduleAfter(retryAfter(failover, now));
        }
        boolean failback = run.direction() == FailoverDirection.TO_PRIMARY;
        String primary = run.siteName(SiteRole.PRIMARY);
        // The site left serves again, so the fence is as before: the primary during a failback, else none. The
        // target is parked again by the plan: the standby sync restarts, or the plan parks the fenced primary.
        boolean held = !leftTouched || drill ? siteState.release(plan, failover.getMetadata().getName())
                : siteState.rollBack(plan, failover.getMetadata().getName(), failback ? primary : null);
        String parkedAgain = !drill && finished(run, PauseSyncStep.NAME) ? "; what it scaled up on " + run.siteName(run.toRole())
                + (failback ? " is parked again by the plan (fenced site)" : " is parked again by the standby sync") : "";
        events.normal(failover, Reasons.ROLLED_BACK, "deleted before the " + run.toRole() + " site " + run.siteName(run.toRole())
                + " served: rolled back (" + undone + ")" + parkedAgain
                + (held ? "; plan " + plan.getMetadata().getName() + " released" : ""));
        return DeleteControl.defaultDelete();
    }

    /** Deletes an ended Drill's copies now rather than at its TTL: once it is gone, nothing else would. */
    private DeleteControl deleteCopies(Failover failover, Instant now) {
        DisasterRecoveryPlan plan = plan(failover);
        if (plan == null) {
            return DeleteControl.defaultDelete();
        }
        try {
            events.normal(failover, Reasons.DRILL_CLEANED_UP, "deleted before its TTL: " + drills.deleteNamespaces(failover, plan)
                    + " drill namespace(s) deleted on the standby");
            return DeleteControl.defaultDelete();
        } catch (SiteConfigException | KubernetesClientException e) {
            events.warning(failover, Reasons.ROLLBACK_PENDING, "deleted before its TTL, but its copies on the standby cannot be deleted"
                    + " yet (" + why(e) + "): retried until it answers; to delete the Failover and leave them, remove its finalizer "
                    + ActiveFailovers.ROLLBACK_FINALIZER + " by hand");
            return DeleteControl.noFinalizerRemoval().rescheduleAfter(retryAfter(failover, now));
        }
    }

    private DisasterRecoveryPlan plan(Failover failover) {
        return client.resources(DisasterRecoveryPlan.class).inNamespace(failover.getMetadata().getNamespace())
                .withName(failover.getSpec().getPlanRef().getName()).get();
    }

    /** Why a site cannot be reached now, in the operator's words (never the server's). */
    private static String why(Exception e) {
        return e instanceof SiteConfigException c ? c.getMessage() : RemoteErrors.describe(e);
    }

    private static boolean finished(FailoverRun run, String step) {
        return run.stepEnded(step, StepState.SUCCEEDED) || run.stepEnded(step, StepState.SKIPPED);
    }

    /** A quarter of the time since the deletion, from 5 seconds to 5 minutes: no state to keep across restarts. */
    static Duration retryAfter(Failover failover, Instant now) {
        String deleted = failover.getMetadata().getDeletionTimestamp();
        Duration since = deleted == null ? Duration.ZERO : Duration.between(Instant.parse(deleted), now);
        Duration delay = since.dividedBy(4);
        return delay.compareTo(FIRST_RETRY) < 0 ? FIRST_RETRY : delay.compareTo(MAX_RETRY) > 0 ? MAX_RETRY : delay;
    }
}
