package io.pilotlight.plan;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.pilotlight.api.v1alpha1.DisasterRecoveryPlan;
import io.pilotlight.api.v1alpha1.DisasterRecoveryPlanStatus;
import io.pilotlight.api.v1alpha1.Failover;
import io.pilotlight.api.v1alpha1.Reasons;
import io.pilotlight.api.v1alpha1.failover.FailoverType;
import io.pilotlight.core.ActiveFailovers;
import io.pilotlight.core.PlanSiteState;
import io.pilotlight.core.clusters.SiteHealth;
import io.pilotlight.status.EventRecorder;
import io.pilotlight.workloads.InPlaceParker;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * The failover part of a plan's pass: sets the active site when nothing did yet, releases the plan
 * from a Failover that was deleted mid-way, parks a fenced site whenever it answers (no split brain),
 * and, with {@code healthCheck.autoFailover}, creates one Unplanned Failover when the primary has
 * failed {@code failureThreshold} probes in a row and the standby answers.
 */
@ApplicationScoped
public class FailoverSection {

    private static final Logger LOG = Logger.getLogger(FailoverSection.class);
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);

    private final PlanSiteState siteState;
    private final ActiveFailovers active;
    private final InPlaceParker parker;
    private final EventRecorder events;
    private final KubernetesClient local;

    public FailoverSection(PlanSiteState siteState, ActiveFailovers active, InPlaceParker parker, EventRecorder events,
            KubernetesClient local) {
        this.siteState = siteState;
        this.active = active;
        this.parker = parker;
        this.events = events;
        this.local = local;
    }

    /**
     * @param failovers the plan's Failovers, from its event source
     * @param primaryFailures the primary's failed probes in a row ({@link ProbeStreaks})
     */
    void observe(DisasterRecoveryPlan plan, Collection<Failover> failovers, KubernetesClient primary, SiteHealth primaryHealth,
            int primaryFailures, KubernetesClient standby, SiteHealth standbyHealth) {
        DisasterRecoveryPlanStatus status = plan.getStatus() == null ? new DisasterRecoveryPlanStatus() : plan.getStatus();
        String namespace = plan.getMetadata().getNamespace();
        if (status.getActiveSite() == null) {
            siteState.startOnPrimary(plan);
        }
        if (status.getActiveFailover() != null) {
            // The cache may not have a Failover created a moment ago: it is asked for by name before the plan lets it go.
            siteState.releaseEnded(plan, name -> ActiveFailovers.running(failovers, name).isPresent() || active.isActive(namespace, name));
        }
        parkFencedSite(plan, status, primary, primaryHealth, standby, standbyHealth);
        autoFailover(plan, status, ActiveFailovers.unended(failovers).isEmpty(), primaryFailures, standbyHealth);
    }

    private void parkFencedSite(DisasterRecoveryPlan plan, DisasterRecoveryPlanStatus status, KubernetesClient primary,
            SiteHealth primaryHealth, KubernetesClient standby, SiteHealth standbyHealth) {
        String fenced = status.getFencedSite();
        // A running Failover decides what runs where (a failback resumes the fenced site).
        if (fenced == null || fenced.equals(status.getActiveSite()) || status.getActiveFailover() != null) {
            return;
        }
        boolean isPrimary = fenced.equals(plan.getSpec().getPrimary().getName());
        KubernetesClient site = isPrimary ? primary : standby;
        if (!(isPrimary ? primaryHealth : standbyHealth).reachable()) {
            return;
        }
        try {
            InPlaceParker.Result result = parker.park(plan, site);
            if (result.parkedNow() > 0) {
                events.warning(plan, Reasons.FENCED_SITE_PARKED, "the fenced site " + fenced + " answers again: " + result.parkedNow()
                        + " of its workload(s) parked so it does not serve beside " + status.getActiveSite());
            }
        } catch (KubernetesClientException e) {
            LOG.debugf("parking the fenced site %s of plan %s failed: HTTP %d", fenced, plan.getMetadata().getName(), e.getCode());
        }
    }

    private void autoFailover(DisasterRecoveryPlan plan, DisasterRecoveryPlanStatus status, boolean noneUnderWay, int failures,
            SiteHealth standbyHealth) {
        var health = plan.getSpec().getHealthCheck();
        String primaryName = plan.getSpec().getPrimary().getName();
        boolean primaryServes = status.getActiveSite() == null || primaryName.equals(status.getActiveSite());
        if (!Boolean.TRUE.equals(health.getAutoFailover()) || failures < health.getFailureThreshold() || !primaryServes
                || !standbyHealth.reachable() || status.getActiveFailover() != null || !noneUnderWay) {
            return;
        }
        Failover failover = OwnFailovers.of(plan, "auto-" + STAMP.format(Instant.now()), FailoverType.UNPLANNED, AUTO_LABEL, Map.of());
        String name = failover.getMetadata().getName();
        local.resource(failover).create();
        events.warning(plan, Reasons.AUTO_FAILOVER, "the primary site " + primaryName + " failed " + failures
                + " probes in a row and the standby answers: created Unplanned Failover " + name + " (healthCheck.autoFailover)");
    }

    /** On a Failover the operator created by itself. */
    public static final String AUTO_LABEL = "pilotlight.io/auto-failover";
}
