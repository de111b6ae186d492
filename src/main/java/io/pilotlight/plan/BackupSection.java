package io.pilotlight.plan;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.pilotlight.api.v1alpha1.ConditionTypes;
import io.pilotlight.api.v1alpha1.DisasterRecoveryPlan;
import io.pilotlight.api.v1alpha1.DisasterRecoveryPlanSpec;
import io.pilotlight.api.v1alpha1.DisasterRecoveryPlanStatus;
import io.pilotlight.api.v1alpha1.Reasons;
import io.pilotlight.api.v1alpha1.plan.LastBackupStatus;
import io.pilotlight.backup.BackupObservation;
import io.pilotlight.backup.BackupScheduleSync;
import io.pilotlight.backup.BackupTracker;
import io.pilotlight.core.PlanLabels;
import io.pilotlight.core.PlanSiteState;
import io.pilotlight.core.ProtectedNamespaces;
import io.pilotlight.core.SiteRole;
import io.pilotlight.status.ConditionResult;
import io.pilotlight.status.EventRecorder;
import io.pilotlight.util.GoDurations;
import io.pilotlight.util.RemoteErrors;
import io.pilotlight.velero.v1.BackupPhase;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The backup half of a plan's status: the Velero Schedule on the active site (BackupScheduled; removed
 * from the other site whenever it answers, so that after a failover backups go on where the application
 * runs), the newest and the newest good Backup, the current RPO (RPOMet), and Events when a Backup ends.
 */
@ApplicationScoped
public class BackupSection {

    private static final Set<BackupPhase> FAILED = Set.of(BackupPhase.FAILED, BackupPhase.PARTIALLY_FAILED,
            BackupPhase.FAILED_VALIDATION);

    private final ProtectedNamespaces protectedNamespaces;
    private final BackupScheduleSync schedules;
    private final BackupTracker tracker;
    private final EventRecorder events;

    public BackupSection(ProtectedNamespaces protectedNamespaces, BackupScheduleSync schedules, BackupTracker tracker,
            EventRecorder events) {
        this.protectedNamespaces = protectedNamespaces;
        this.schedules = schedules;
        this.tracker = tracker;
        this.events = events;
    }

    List<String> protectedNamespaces(KubernetesClient primary, DisasterRecoveryPlan plan) {
        return protectedNamespaces.resolve(primary, plan);
    }

    /** @param namespaces the protected namespaces on the active site, or null when unknown */
    void observe(DisasterRecoveryPlan plan, PlanStatusDraft draft, SiteSection.Sites sites, List<String> namespaces) {
        DisasterRecoveryPlanSpec spec = plan.getSpec();
        SiteRole activeRole = PlanSiteState.activeRole(plan);
        KubernetesClient active = sites.reachable(activeRole);
        KubernetesClient other = sites.reachable(activeRole.other());
        if (!spec.backupEnabled()) {
            disabled(plan, draft, active, other);
            return;
        }
        draft.condition(ConditionTypes.BACKUP_SCHEDULED, schedule(plan, active, namespaces));
        removeFrom(other, plan);
        KubernetesClient site = active != null ? active : other;
        if (site != null) {
            try {
                tracker.observe(site, (active != null ? activeRole : activeRole.other()).toString(), spec.getBackup().getVeleroNamespace(),
                        PlanLabels.scheduleName(plan)).ifPresent(o -> record(plan, draft.status(), o, activeRole.toString()));
            } catch (KubernetesClientException e) {
                // Keep the last known backups: the RPO below still ages from the last known recovery point.
            }
        }
        RpoEvaluator.Verdict verdict = RpoEvaluator.evaluate(draft.status().getLastGoodBackup(), spec.getObjectives().getRpo(),
                draft.now());
        Duration rpo = verdict.rpo() == null ? null : rounded(verdict.rpo());
        draft.status().setRpoSeconds(rpo == null ? null : rpo.toSeconds());
        draft.status().setRpo(rpo == null ? null : GoDurations.format(rpo));
        draft.condition(ConditionTypes.RPO_MET, verdict.condition());
    }

    double lastBackupAgeSeconds(PlanStatusDraft draft) {
        LastBackupStatus last = draft.status().getLastBackup();
        if (last == null || last.getStartTimestamp() == null) {
            return Double.NaN;
        }
        return Duration.between(Instant.parse(last.getStartTimestamp()), draft.now()).toSeconds();
    }

    private ConditionResult schedule(DisasterRecoveryPlan plan, KubernetesClient active, List<String> namespaces) {
        if (active == null) {
            return ConditionResult.unknown(Reasons.SITE_UNREACHABLE,
                    "the Velero Schedule cannot be checked while the active site is unreachable");
        }
        if (namespaces == null) {
            return ConditionResult.unknown(Reasons.API_ERROR, "the protected namespaces could not be listed on the active site");
        }
        try {
            return schedules.ensure(active, plan, namespaces);
        } catch (KubernetesClientException e) {
            return ConditionResult.unknown(Reasons.API_ERROR, "writing the Velero Schedule on the active site failed: "
                    + RemoteErrors.describe(e));
        }
    }

    /** The plan's Schedule goes from a site that does not serve (tried again on each pass while it does not answer). */
    private void removeFrom(KubernetesClient site, DisasterRecoveryPlan plan) {
        if (site != null) {
            try {
                schedules.delete(site, plan);
            } catch (KubernetesClientException e) {
                // Tried again on the next pass.
            }
        }
    }

    private void disabled(DisasterRecoveryPlan plan, PlanStatusDraft draft, KubernetesClient active, KubernetesClient other) {
        removeFrom(active, plan);
        removeFrom(other, plan);
        draft.condition(ConditionTypes.BACKUP_SCHEDULED, ConditionResult.isFalse(Reasons.BACKUPS_DISABLED,
                "spec.backup.enabled is false: Pilotlight keeps no Velero Schedule for this plan"));
        draft.condition(ConditionTypes.RPO_MET, ConditionResult.unknown(Reasons.BACKUPS_DISABLED,
                "backups are off, so no recovery point is tracked"));
        draft.status().setRpo(null);
        draft.status().setRpoSeconds(null);
    }

    /** @param activeRole the role of the site whose backups are the recovery points ({@link BackupObservation#site()}) */
    private void record(DisasterRecoveryPlan plan, DisasterRecoveryPlanStatus status, BackupObservation seen, String activeRole) {
        LastBackupStatus before = status.getLastBackup();
        LastBackupStatus now = seen.newest();
        if (now != null && (before == null || !Objects.equals(before.getName(), now.getName())
                || !Objects.equals(before.getPhase(), now.getPhase()))) {
            BackupPhase phase = BackupPhase.fromValue(now.getPhase());
            if (FAILED.contains(phase)) {
                events.warning(plan, Reasons.BACKUP_FAILED, "Velero backup " + now.getName() + " ended " + now.getPhase()
                        + (now.getFailureReason() == null ? "" : ": " + now.getFailureReason())
                        + (now.getErrors() == null ? "" : " (" + now.getErrors() + " errors)"));
            } else if (phase == BackupPhase.COMPLETED) {
                events.normal(plan, Reasons.BACKUP_COMPLETED, "Velero backup " + now.getName() + " completed: new recovery point");
            }
        }
        if (now != null) {
            status.setLastBackup(now);
        }
        // The other site's Velero may not have synced every Backup yet: never go back to an older point.
        LastBackupStatus good = seen.newestGood();
        LastBackupStatus known = status.getLastGoodBackup();
        if (activeRole.equals(seen.site()) || (good != null && (known == null
                || good.getCompletionTimestamp().compareTo(known.getCompletionTimestamp()) > 0))) {
            status.setLastGoodBackup(good);
        }
    }

    /** Whole minutes past the first minute, so the status changes at most once a minute as the RPO ages. */
    static Duration rounded(Duration rpo) {
        return rpo.toSeconds() < 60 ? Duration.ofSeconds(rpo.toSeconds()) : Duration.ofMinutes(rpo.toMinutes());
    }
}
