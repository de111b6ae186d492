package io.pilotlight.plan;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.pilotlight.api.v1alpha1.DisasterRecoveryPlan;
import io.pilotlight.api.v1alpha1.DisasterRecoveryPlanStatus;
import io.pilotlight.api.v1alpha1.Failover;
import io.pilotlight.api.v1alpha1.Reasons;
import io.pilotlight.api.v1alpha1.failover.FailoverDirection;
import io.pilotlight.api.v1alpha1.failover.FailoverType;
import io.pilotlight.core.ActiveFailovers;
import io.pilotlight.core.PlanSiteState;
import io.pilotlight.core.clusters.SiteHealth;
import io.pilotlight.status.EventRecorder;
import io.pilotlight.sync.SyncEngine;
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
 * from a Failover that was deleted mid-way, parks a fenced site whenever it answers (no split brain;
 * also while the Failover that fenced it still runs, and until the sync has re-protected it, which then
 * holds it parked), and, with {@code healthCheck.autoFailover}, creates one Unplanned Failover when the
 * primary has failed {@code failureThreshold} probes in a row and the standby answers.
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
    private final SyncEngine sync;

    public FailoverSection(PlanSiteState siteState, ActiveFailovers active, InPlaceParker parker, EventRecorder events,
            KubernetesClient local, SyncEngine sync) {
        this.sync = sync;
        this.siteState = siteState;
        this.active = active;
        this.parker = parker;
        this.events = events;
        this.local = local;
    }

    /**
     * @param failovers the plan's Failovers, from its event source
     * @param primaryFailures the primary's failed probes in a row ({@link ProbeStreaks})
     * @return whether a fenced site that must be parked did not answer: the plan looks again soon
     */
    boolean observe(DisasterRecoveryPlan plan, Collection<Failover> failovers, KubernetesClient primary, SiteHealth primaryHealth,
            int primaryFailures, KubernetesClient standby, SiteHealth standbyHealth) {
        DisasterRecoveryPlanStatus status = plan.getStatus() == null ? new DisasterRecoveryPlanStatus() : plan.getStatus();
        String namespace = plan.getMetadata().getNamespace();
        if (status.getActiveFailover() != null) {
            // The cache may not have a Failover created a moment ago: it is asked for by name before the plan lets it go.
            siteState.releaseEnded(plan, name -> ActiveFailovers.running(failovers, name).isPresent() || active.isActive(namespace, name));
        }
        boolean awaited = parkFencedSite(plan, status, failovers, primary, primaryHealth, standby, standbyHealth);
        autoFailover(plan, status, ActiveFailovers.unended(failovers).isEmpty(), primaryFailures, standbyHealth);
        return awaited;
    }

    /**
     * Records the primary as the active site of a plan that has none yet (a new plan), for {@code kubectl get};
     * until then every reader takes the primary ({@link PlanSiteState#activeRole}). After the sync has started:
     * a status write would delay the first copy.
     */
    void recordFirstActiveSite(DisasterRecoveryPlan plan) {
        if (plan.getStatus() == null || plan.getStatus().getActiveSite() == null) {
            siteState.startOnPrimary(plan);
        }
    }

    /** Returns whether the fenced site must be parked but does not answer. */
    private boolean parkFencedSite(DisasterRecoveryPlan plan, DisasterRecoveryPlanStatus status, Collection<Failover> failovers,
            KubernetesClient primary, SiteHealth primaryHealth, KubernetesClient standby, SiteHealth standbyHealth) {
        String fenced = status.getFencedSite();
        if (fenced == null || !mustStayParked(plan, status, failovers, fenced) || sync.protects(plan, fenced)) {
            return false;
        }
        boolean isPrimary = fenced.equals(plan.getSpec().getPrimary().getName());
        KubernetesClient site = isPrimary ? primary : standby;
        if (!(isPrimary ? primaryHealth : standbyHealth).reachable()) {
            return true;
        }
        try {
            InPlaceParker.Result result = parker.park(plan, site);
            if (result.parkedNow() > 0) {
                events.warning(plan, Reasons.FENCED_SITE_PARKED, "the fenced site " + fenced + " answers again: " + result.parkedNow()
                        + " of its workload(s) parked so it does not serve beside " + status.getActiveSite());
            }
        } catch (KubernetesClientException e) {
            LOG.debugf("parking the fenced site %s of plan %s failed: HTTP %d", fenced, plan.getMetadata().getName(), e.getCode());
            return true;
        }
        return false;
    }

    /**
     * Whether the fenced site must not serve: it is not the active site (a completed Failover left it),
     * or a Failover runs that does not go to it (an Unplanned failover that fenced it and is still scaling
     * the other site up). A Failover that goes to it (a failback) or is being rolled back decides, and so
     * does a person when the Failover that fenced the active site did not finish.
     */
    private static boolean mustStayParked(DisasterRecoveryPlan plan, DisasterRecoveryPlanStatus status,
            Collection<Failover> failovers, String fenced) {
        if (status.getActiveFailover() == null) {
            return !fenced.equals(status.getActiveSite());
        }
        // A Failover being deleted is rolled back: it resumes the site it left, which must not be parked behind it.
        return ActiveFailovers.running(failovers, status.getActiveFailover())
                .filter(f -> f.getMetadata().getDeletionTimestamp() == null)
                .map(f -> !fenced.equals(f.getSpec().getDirection() == FailoverDirection.TO_PRIMARY
                        ? plan.getSpec().getPrimary().getName() : plan.getSpec().getStandby().getName()))
                .orElse(false);
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
