package io.pilotlight.plan;

import io.fabric8.kubernetes.client.KubernetesClientException;
import io.javaoperatorsdk.operator.api.reconciler.Cleaner;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.ControllerConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.DeleteControl;
import io.javaoperatorsdk.operator.api.reconciler.ErrorStatusUpdateControl;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.api.reconciler.Reconciler;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import io.javaoperatorsdk.operator.processing.event.source.EventSource;
import io.pilotlight.api.v1alpha1.ConditionTypes;
import io.pilotlight.api.v1alpha1.DisasterRecoveryPlan;
import io.pilotlight.api.v1alpha1.Failover;
import io.pilotlight.api.v1alpha1.Reasons;
import io.pilotlight.core.PlanStatusGateway;
import io.pilotlight.status.ConditionEvents;
import io.pilotlight.status.ConditionResult;
import io.pilotlight.util.GoDurations;
import io.pilotlight.util.RemoteErrors;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Reconciles a DisasterRecoveryPlan: validates it, observes both sites, then acts: keeps the Velero
 * Schedule on the primary and follows its Backups and the recovery point, checks that the standby
 * can run what the primary runs, keeps the standby's copy in sync (on the sync engine's own threads),
 * fences and fails over as its Failovers need, and sums it up in Ready. An invalid spec leaves a
 * running sync as it was (last valid settings). Runs again every {@code healthCheck.interval}, and
 * at once when one of its Failovers starts, stops the sync or ends ({@link FailoverEvents}).
 */
@ControllerConfiguration(name = DisasterRecoveryPlanReconciler.NAME)
public class DisasterRecoveryPlanReconciler implements Reconciler<DisasterRecoveryPlan>, Cleaner<DisasterRecoveryPlan> {

    public static final String NAME = "disasterrecoveryplan";
    private static final Logger LOG = Logger.getLogger(DisasterRecoveryPlanReconciler.class);

    private final PlanValidator validator;
    private final SiteSection sites;
    private final PlanSections sections;
    private final PlanCleanup cleanup;
    private final PlanMetrics metrics;
    private final ConditionEvents events;
    private final PlanStatusGateway status;
    private final SyncEvents syncEvents;

    public DisasterRecoveryPlanReconciler(PlanValidator validator, SiteSection sites, PlanSections sections, PlanCleanup cleanup,
            PlanMetrics metrics, ConditionEvents events, PlanStatusGateway status, SyncEvents syncEvents) {
        this.syncEvents = syncEvents;
        this.validator = validator;
        this.sites = sites;
        this.sections = sections;
        this.cleanup = cleanup;
        this.metrics = metrics;
        this.events = events;
        this.status = status;
    }

    @Override
    public List<EventSource<?, DisasterRecoveryPlan>> prepareEventSources(EventSourceContext<DisasterRecoveryPlan> context) {
        return List.of(FailoverEvents.source(context), syncEvents.source());
    }

    @Override
    public UpdateControl<DisasterRecoveryPlan> reconcile(DisasterRecoveryPlan plan, Context<DisasterRecoveryPlan> context) {
        long started = System.nanoTime();
        PlanStatusDraft draft = new PlanStatusDraft(plan, Instant.now());
        List<String> problems = validator.problems(plan.getSpec());
        if (!problems.isEmpty()) {
            draft.condition(ConditionTypes.READY, ConditionResult.isFalse(Reasons.INVALID_SPEC, String.join("; ", problems)));
        } else {
            Collection<Failover> failovers = context.getSecondaryResources(Failover.class);
            sites.observe(plan, draft).ifPresent(observed -> sections.act(plan, failovers, observed, draft));
        }
        UpdateControl<DisasterRecoveryPlan> done = finish(plan, draft, context);
        LOG.debugf("pass of plan %s/%s in %d ms", plan.getMetadata().getNamespace(), plan.getMetadata().getName(),
                (System.nanoTime() - started) / 1_000_000);
        return done;
    }

    /**
     * A reconcile that failed unexpectedly still tells the user, in Ready, instead of only the log;
     * JOSDK retries it with backoff.
     */
    @Override
    public ErrorStatusUpdateControl<DisasterRecoveryPlan> updateErrorStatus(DisasterRecoveryPlan plan,
            Context<DisasterRecoveryPlan> context, Exception e) {
        String why = RemoteErrors.describe(e);
        LOG.warnf("reconciling plan %s/%s failed: %s", plan.getMetadata().getNamespace(), plan.getMetadata().getName(), why);
        if (!RemoteErrors.fromRemote(e)) {
            LOG.debug("the failure, which no remote server caused", e);
        }
        PlanStatusDraft draft = new PlanStatusDraft(plan, Instant.now());
        draft.condition(ConditionTypes.READY, ConditionResult.isFalse(Reasons.RECONCILE_ERROR,
                "the operator failed to process this plan and will retry: " + why));
        draft.transitions().forEach(t -> events.emit(plan, t));
        try {
            status.patch(plan, draft.status(), context);
        } catch (KubernetesClientException patchFailed) {
            LOG.debugf("reporting the failure in the status of plan %s failed too: %s", plan.getMetadata().getName(),
                    RemoteErrors.describe(patchFailed));
        }
        // JOSDK retries with backoff, then gives up; the reschedule takes over from there, so that a plan
        // whose cause went away (a Secret fixed, a site back) recovers without being edited.
        return ErrorStatusUpdateControl.<DisasterRecoveryPlan>noStatusUpdate()
                .rescheduleAfter(GoDurations.parse(plan.getSpec().getHealthCheck().getInterval()));
    }

    @Override
    public DeleteControl cleanup(DisasterRecoveryPlan plan, Context<DisasterRecoveryPlan> context) {
        return cleanup.run(plan);
    }

    /** Every pass ends here, also a refused or invalid plan's, so that its gauges (Ready 0) and Stalled say so. */
    private UpdateControl<DisasterRecoveryPlan> finish(DisasterRecoveryPlan plan, PlanStatusDraft draft,
            Context<DisasterRecoveryPlan> context) {
        metrics.update(plan.getMetadata().getNamespace(), plan.getMetadata().getName(), sections.metrics(plan, draft));
        draft.condition(ConditionTypes.STALLED, ReadinessRules.stalled(draft.condition(ConditionTypes.READY).orElse(null)));
        // Stalled mirrors Ready for GitOps tools; Ready's own transition already has its Event.
        draft.transitions().stream().filter(t -> !t.type().equals(ConditionTypes.STALLED)).forEach(t -> events.emit(plan, t));
        if (draft.changed()) {
            status.patch(plan, draft.status(), context);
        }
        return UpdateControl.<DisasterRecoveryPlan>noUpdate().rescheduleAfter(nextPass(plan, draft));
    }

    /** After the poll interval, or sooner when a section asked for it (a scheduled drill's time, a second past it). */
    private static Duration nextPass(DisasterRecoveryPlan plan, PlanStatusDraft draft) {
        Duration interval = GoDurations.parse(plan.getSpec().getHealthCheck().getInterval());
        return draft.wakeAt().map(at -> Duration.between(Instant.now(), at).plusSeconds(1))
                .filter(d -> d.compareTo(interval) < 0).map(d -> d.isNegative() ? Duration.ofSeconds(1) : d).orElse(interval);
    }
}
