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
import io.pilotlight.core.ProtectedNamespaces;
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
 * The backup half of a plan's status: the Velero Schedule on the primary (BackupScheduled), the
 * newest and the newest good Backup, the current RPO (RPOMet), and Events when a Backup ends.
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

    /**
     * @param primary the primary's client, or null when it does not answer
     * @param standby the standby's client, or null when it does not answer
     * @param namespaces the protected namespaces on the primary, or null when unknown
     */
    void observe(DisasterRecoveryPlan plan, PlanStatusDraft draft, KubernetesClient primary, KubernetesClient standby,
            List<String> namespaces) {
        DisasterRecoveryPlanSpec spec = plan.getSpec();
        if (!spec.backupEnabled()) {
            disabled(plan, draft, primary);
            return;
        }
        draft.condition(ConditionTypes.BACKUP_SCHEDULED, schedule(plan, primary, namespaces));
        KubernetesClient site = primary != null ? primary : standby;
        if (site != null) {
            try {
                tracker.observe(site, primary != null ? "primary" : "standby", spec.getBackup().getVeleroNamespace(),
                        PlanLabels.scheduleName(plan)).ifPresent(o -> record(plan, draft.status(), o));
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

    private ConditionResult schedule(DisasterRecoveryPlan plan, KubernetesClient primary, List<String> namespaces) {
        if (primary == null) {
            return ConditionResult.unknown(Reasons.SITE_UNREACHABLE,
                    "the Velero Schedule cannot be checked while the primary is unreachable");
        }
        if (namespaces == null) {
            return ConditionResult.unknown(Reasons.API_ERROR, "the protected namespaces could not be listed on the primary");
        }
        try {
            return schedules.ensure(primary, plan, namespaces);
        } catch (KubernetesClientException e) {
            return ConditionResult.unknown(Reasons.API_ERROR, "writing the Velero Schedule on the primary failed: "
                    + RemoteErrors.describe(e));
        }
    }

    private void disabled(DisasterRecoveryPlan plan, PlanStatusDraft draft, KubernetesClient primary) {
        if (primary != null) {
            try {
                schedules.delete(primary, plan);
            } catch (KubernetesClientException e) {
                // Tried again on the next pass.
            }
        }
        draft.condition(ConditionTypes.BACKUP_SCHEDULED, ConditionResult.isFalse(Reasons.BACKUPS_DISABLED,
                "spec.backup.enabled is false: Pilotlight keeps no Velero Schedule for this plan"));
        draft.condition(ConditionTypes.RPO_MET, ConditionResult.unknown(Reasons.BACKUPS_DISABLED,
                "backups are off, so no recovery point is tracked"));
        draft.status().setRpo(null);
        draft.status().setRpoSeconds(null);
    }

    private void record(DisasterRecoveryPlan plan, DisasterRecoveryPlanStatus status, BackupObservation seen) {
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
        // The standby's Velero may not have synced every Backup yet: never go back to an older point.
        LastBackupStatus good = seen.newestGood();
        LastBackupStatus known = status.getLastGoodBackup();
        if ("primary".equals(seen.site()) || (good != null && (known == null
                || good.getCompletionTimestamp().compareTo(known.getCompletionTimestamp()) > 0))) {
            status.setLastGoodBackup(good);
        }
    }

    /** Whole minutes past the first minute, so the status changes at most once a minute as the RPO ages. */
    static Duration rounded(Duration rpo) {
        return rpo.toSeconds() < 60 ? Duration.ofSeconds(rpo.toSeconds()) : Duration.ofMinutes(rpo.toMinutes());
    }
}
