package io.pilotlight.plan;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.javaoperatorsdk.operator.api.reconciler.DeleteControl;
import io.pilotlight.api.v1alpha1.ConditionTypes;
import io.pilotlight.api.v1alpha1.DisasterRecoveryPlan;
import io.pilotlight.api.v1alpha1.Reasons;
import io.pilotlight.backup.BackupScheduleSync;
import io.pilotlight.core.PlanLabels;
import io.pilotlight.core.PlanSiteState;
import io.pilotlight.core.PlanSites;
import io.pilotlight.core.SiteRole;
import io.pilotlight.core.clusters.SiteConfigException;
import io.pilotlight.status.Conditions;
import io.pilotlight.status.EventRecorder;
import io.pilotlight.util.RemoteErrors;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;

/**
 * Removes what a deleted plan created: its Velero Schedule on the active site and the primary (Backups are kept), its
 * standby sync (informers, threads; the copies on the standby are kept), its clients and metrics. A primary that is gone for good must not block the deletion forever:
 * after a grace period the plan goes and an Event names the Schedule left on the primary.
 */
@ApplicationScoped
public class PlanCleanup {

    static final Duration GRACE = Duration.ofMinutes(5);
    static final Duration RETRY = Duration.ofSeconds(15);

    /** Reasons BackupScheduled can have once the Schedule was written, or when nobody can tell. */
    private static final Set<String> WRITTEN_OR_UNKNOWN = Set.of(Reasons.SCHEDULE_CREATED, Reasons.SCHEDULE_INVALID,
            Reasons.STORAGE_LOCATION_UNAVAILABLE, Reasons.API_ERROR, Reasons.SITE_UNREACHABLE);

    private final PlanSites sites;
    private final BackupScheduleSync schedules;
    private final CompatibilitySection compatibility;
    private final SyncSection sync;
    private final ProbeStreaks streaks;
    private final PlanMetrics metrics;
    private final DrillMetrics drillMetrics;
    private final EventRecorder events;

    public PlanCleanup(PlanSites sites, BackupScheduleSync schedules, CompatibilitySection compatibility, SyncSection sync,
            ProbeStreaks streaks, PlanMetrics metrics, DrillMetrics drillMetrics, EventRecorder events) {
        this.sites = sites;
        this.schedules = schedules;
        this.compatibility = compatibility;
        this.sync = sync;
        this.streaks = streaks;
        this.metrics = metrics;
        this.drillMetrics = drillMetrics;
        this.events = events;
    }

    DeleteControl run(DisasterRecoveryPlan plan) {
        // The copies on the standby stay: they are the disaster-recovery copy, not the plan's machinery.
        sync.forget(plan);
        String problem = deleteSchedule(plan);
        if (problem != null) {
            Instant deleting = Instant.parse(plan.getMetadata().getDeletionTimestamp());
            if (Instant.now().isBefore(deleting.plus(GRACE))) {
                events.warning(plan, Reasons.CLEANUP_PENDING, "cannot remove Velero Schedule " + where(plan)
                        + " yet (" + problem + "); retrying for up to " + GRACE.toMinutes() + " minutes");
                return DeleteControl.noFinalizerRemoval().rescheduleAfter(RETRY);
            }
            events.warning(plan, Reasons.SCHEDULE_LEFT_BEHIND, "Velero Schedule " + where(plan)
                    + " is left on the primary (" + problem + "); delete it there by hand if the primary comes back");
        }
        sites.release(plan);
        compatibility.forget(plan);
        streaks.forget(plan.getMetadata().getUid());
        metrics.remove(plan.getMetadata().getNamespace(), plan.getMetadata().getName());
        drillMetrics.remove(plan.getMetadata().getNamespace(), plan.getMetadata().getName());
        return DeleteControl.defaultDelete();
    }

    /** Null when the Schedule is gone (or was never ours), otherwise why it could not be removed. */
    private String deleteSchedule(DisasterRecoveryPlan plan) {
        if (!plan.getSpec().backupEnabled() || !mayHaveWrittenSchedule(plan)) {
            return null;
        }
        try {
            // After a failover the Schedule lives on the standby (the active site); the primary may still hold one.
            if (PlanSiteState.activeRole(plan) == SiteRole.STANDBY) {
                schedules.delete(sites.standby(plan), plan);
            }
            KubernetesClient primary = sites.primaryForCleanup(plan);
            schedules.delete(primary, plan);
            return null;
        } catch (SiteConfigException e) {
            return e.getMessage();
        } catch (KubernetesClientException e) {
            return "the primary answered: " + RemoteErrors.describe(e);
        }
    }

    /**
     * A plan whose BackupScheduled condition never got past the checks that come before writing
     * (invalid spec, no Velero, a foreign Schedule...) has nothing on the primary to remove.
     */
    private static boolean mayHaveWrittenSchedule(DisasterRecoveryPlan plan) {
        return plan.getStatus() != null && Conditions.find(plan.getStatus().getConditions(), ConditionTypes.BACKUP_SCHEDULED)
                .map(c -> WRITTEN_OR_UNKNOWN.contains(c.getReason())).orElse(false);
    }

    private static String where(DisasterRecoveryPlan plan) {
        return plan.getSpec().getBackup().getVeleroNamespace() + "/" + PlanLabels.scheduleName(plan);
    }
}
