package io.pilotlight.failover;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import io.pilotlight.api.v1alpha1.DisasterRecoveryPlan;
import io.pilotlight.api.v1alpha1.Failover;
import io.pilotlight.api.v1alpha1.Reasons;
import io.pilotlight.api.v1alpha1.failover.FailoverPhase;
import io.pilotlight.api.v1alpha1.failover.FailoverStep;
import io.pilotlight.api.v1alpha1.failover.FailoverType;
import io.pilotlight.api.v1alpha1.failover.StepState;
import io.pilotlight.core.ActiveFailovers;
import io.pilotlight.core.PlanLabels;
import io.pilotlight.core.PlanSites;
import io.pilotlight.core.clusters.SiteConfigException;
import io.pilotlight.failover.report.ReportConfigMap;
import io.pilotlight.failover.steps.DrillCopyStep;
import io.pilotlight.status.Conditions;
import io.pilotlight.status.EventRecorder;
import io.pilotlight.util.GoDurations;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;

/**
 * Removes a drill's namespaces from the standby once its TTL has passed after it ended (Completed
 * or Failed), recorded as the step {@code Cleanup}. Only namespaces that carry the drill's label and
 * the plan's labels are deleted: the drill made them.
 */
@ApplicationScoped
public class DrillCleanup {

    public static final String STEP = ActiveFailovers.DRILL_CLEANUP_STEP;

    private final KubernetesClient client;
    private final PlanSites sites;
    private final EventRecorder events;
    private final FailoverStatusGateway status;
    private final ReportConfigMap reports;

    public DrillCleanup(KubernetesClient client, PlanSites sites, EventRecorder events, FailoverStatusGateway status,
            ReportConfigMap reports) {
        this.client = client;
        this.sites = sites;
        this.events = events;
        this.status = status;
        this.reports = reports;
    }

    /** After the Failover ended: schedules or does a drill's cleanup; nothing for other types. */
    UpdateControl<Failover> afterEnd(Failover failover, Instant now, Context<Failover> context) {
        if (failover.getSpec().getType() != FailoverType.DRILL || cleaned(failover)) {
            return UpdateControl.noUpdate();
        }
        DisasterRecoveryPlan plan = client.resources(DisasterRecoveryPlan.class).inNamespace(failover.getMetadata().getNamespace())
                .withName(failover.getSpec().getPlanRef().getName()).get();
        if (plan == null) {
            return UpdateControl.noUpdate();
        }
        Instant due = due(failover, plan);
        if (now.isBefore(due)) {
            return UpdateControl.<Failover>noUpdate().rescheduleAfter(Duration.between(now, due));
        }
        int deleted;
        try {
            deleted = deleteNamespaces(failover, plan);
        } catch (SiteConfigException | KubernetesClientException e) {
            return UpdateControl.<Failover>noUpdate().rescheduleAfter(Duration.ofSeconds(30));
        }
        FailoverStep step = new FailoverStep();
        step.setName(STEP);
        step.setPhase(failover.getStatus().getPhase());
        step.setState(StepState.SUCCEEDED);
        step.setStartedAt(Conditions.timestamp(now));
        step.setFinishedAt(Conditions.timestamp(now));
        step.setMessage(deleted + " drill namespace(s) deleted on the standby after the drill's TTL");
        if (failover.getStatus().getSteps() == null) {
            failover.getStatus().setSteps(new ArrayList<>());
        }
        failover.getStatus().getSteps().add(step);
        events.normal(failover, Reasons.DRILL_CLEANED_UP, step.getMessage());
        // The report says that the copies are gone, too.
        reports.record(failover, plan);
        return status.patch(failover, context);
    }

    /** Deletes the drill's namespaces on the standby (also when a running drill is deleted); returns how many. */
    int deleteNamespaces(Failover failover, DisasterRecoveryPlan plan) throws SiteConfigException {
        KubernetesClient standby = sites.standby(plan);
        var namespaces = standby.namespaces().withLabels(PlanLabels.of(plan))
                .withLabel(PlanLabels.DRILL, failover.getMetadata().getName()).list().getItems();
        namespaces.forEach(n -> standby.namespaces().withName(n.getMetadata().getName()).delete());
        return namespaces.size();
    }

    /** A Failover that just ended: its status patch, and for a drill a wake-up at cleanup time. */
    UpdateControl<Failover> ended(Failover failover, DisasterRecoveryPlan plan, Instant now, Context<Failover> context) {
        UpdateControl<Failover> patched = status.patch(failover, context);
        if (failover.getSpec().getType() != FailoverType.DRILL || plan == null) {
            return patched;
        }
        return patched.rescheduleAfter(Duration.between(now, due(failover, plan)).plusSeconds(1));
    }

    private static Instant due(Failover failover, DisasterRecoveryPlan plan) {
        String ttl = failover.getSpec().getDrill() != null && failover.getSpec().getDrill().getTtl() != null
                ? failover.getSpec().getDrill().getTtl() : plan.getSpec().getFailover().getDrill().getTtl();
        String ended = failover.getStatus().getCompletedAt();
        return (ended == null ? Instant.now() : Instant.parse(ended)).plus(GoDurations.parse(ttl));
    }

    private static boolean cleaned(Failover failover) {
        return failover.getStatus().getPhase() != FailoverPhase.COMPLETED && failover.getStatus().getPhase() != FailoverPhase.FAILED
                || ActiveFailovers.cleanedUp(failover);
    }
}
