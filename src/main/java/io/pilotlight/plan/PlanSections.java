package io.pilotlight.plan;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.pilotlight.api.v1alpha1.ConditionTypes;
import io.pilotlight.api.v1alpha1.DisasterRecoveryPlan;
import io.pilotlight.api.v1alpha1.Failover;
import io.pilotlight.core.PlanSiteState;
import io.pilotlight.status.Conditions;
import io.pilotlight.util.GoDurations;
import io.pilotlight.util.RemoteErrors;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * What a plan's pass does once its sites are observed: resolves the protected namespaces (on the
 * active site), then runs the failover, sync, backup, compatibility and drill sections in that order (the
 * failover section parks a fenced site that answers again before the sync writes to it; the sync
 * starts before the others' requests), and sums them up in Ready.
 */
@ApplicationScoped
class PlanSections {

    private static final Logger LOG = Logger.getLogger(PlanSections.class);
    /** How soon a plan looks again at a fenced site that does not answer yet (the pass rounds up by a second). */
    private static final Duration FENCED_SITE_RETRY = Duration.ofSeconds(1);

    private final BackupSection backups;
    private final CompatibilitySection compatibility;
    private final SyncSection sync;
    private final FailoverSection failovers;
    private final DrillSection drills;

    PlanSections(BackupSection backups, CompatibilitySection compatibility, SyncSection sync, FailoverSection failovers,
            DrillSection drills) {
        this.backups = backups;
        this.compatibility = compatibility;
        this.sync = sync;
        this.failovers = failovers;
        this.drills = drills;
    }

    /** @param planFailovers the plan's Failovers, from its event source */
    void act(DisasterRecoveryPlan plan, Collection<Failover> planFailovers, SiteSection.Sites sites, PlanStatusDraft draft) {
        List<String> namespaces = protectedNamespaces(plan, sites);
        if (failovers.observe(plan, planFailovers, sites.primary(), sites.primaryHealth(), sites.primaryFailures(), sites.standby(),
                sites.standbyHealth())) {
            // A fenced site must be parked the moment it answers again, not up to an interval later.
            draft.wakeBy(draft.now().plus(FENCED_SITE_RETRY));
        }
        sync.observe(plan, planFailovers, draft, sites, namespaces);
        // After the sync has started: the status write, the Schedule's writes and the backups' lists, and the
        // comparison, which lists every CRD of the site, would delay the first copy.
        failovers.recordFirstActiveSite(plan);
        backups.observe(plan, draft, sites, namespaces);
        compatibility.observe(plan, draft, sites.primary(), sites.primaryHealth(), sites.standby(), sites.standbyHealth(), namespaces);
        drills.observe(plan, planFailovers, draft);
        draft.condition(ConditionTypes.READY, ReadinessRules.aggregate(draft.conditions(), plan.getSpec().backupEnabled(),
                SyncSection.enabled(plan)));
    }

    /** The plan's gauges, from the status this pass built. */
    PlanMetrics.Values metrics(DisasterRecoveryPlan plan, PlanStatusDraft draft) {
        return new PlanMetrics.Values(draft.status().getRpoSeconds() == null ? Double.NaN : draft.status().getRpoSeconds(),
                backups.lastBackupAgeSeconds(draft), holds(draft, ConditionTypes.PRIMARY_REACHABLE),
                holds(draft, ConditionTypes.STANDBY_REACHABLE), holds(draft, ConditionTypes.READY),
                seconds(plan.getSpec().getObjectives().getRpo()), seconds(plan.getSpec().getObjectives().getRto()));
    }

    /** The protected namespaces on the active site; null when it does not answer or they cannot be listed now. */
    private List<String> protectedNamespaces(DisasterRecoveryPlan plan, SiteSection.Sites sites) {
        KubernetesClient active = sites.reachable(PlanSiteState.activeRole(plan));
        if (active == null) {
            return null;
        }
        try {
            return backups.protectedNamespaces(active, plan);
        } catch (KubernetesClientException e) {
            LOG.debugf("listing protected namespaces of %s failed: %s", plan.getMetadata().getName(), RemoteErrors.describe(e));
            return null;
        }
    }

    private static boolean holds(PlanStatusDraft draft, String type) {
        return Conditions.isTrue(draft.conditions(), type);
    }

    private static double seconds(String duration) {
        return duration == null ? Double.NaN : GoDurations.parse(duration).toSeconds();
    }
}
