package io.pilotlight.failover.steps;

import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.pilotlight.api.v1alpha1.Reasons;
import io.pilotlight.api.v1alpha1.failover.FailoverPhase;
import io.pilotlight.api.v1alpha1.failover.FailoverRestoreSpec;
import io.pilotlight.api.v1alpha1.failover.FailoverType;
import io.pilotlight.api.v1alpha1.failover.StepState;
import io.pilotlight.backup.BackupTracker;
import io.pilotlight.core.PlanLabels;
import io.pilotlight.core.ProtectedNamespaces;
import io.pilotlight.core.clusters.SiteConfigException;
import io.pilotlight.failover.run.FailoverRun;
import io.pilotlight.failover.run.PhasedStep;
import io.pilotlight.failover.run.StepOutcome;
import io.pilotlight.velero.v1.Backup;
import io.pilotlight.velero.v1.ExistingResourcePolicy;
import io.pilotlight.velero.v1.Restore;
import io.pilotlight.velero.v1.RestorePhase;
import io.pilotlight.velero.v1.RestoreSpec;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Optional: restores the protected namespaces on the target site from a Velero backup (the one the
 * Failover names, its final backup, or the plan's newest Completed one), updating objects that exist there; a Drill
 * restores into its own namespaces (Velero's namespace mapping). The
 * Restore's name is kept in {@code status.inFlight}, so a restarted operator follows the same one.
 */
@Singleton
public class RestoreStep extends PhasedStep {

    public static final String NAME = "Restore";

    private final BackupTracker backups;
    private final ProtectedNamespaces namespaces;

    public RestoreStep(BackupTracker backups, ProtectedNamespaces namespaces) {
        super(NAME, FailoverPhase.RESTORING);
        this.backups = backups;
        this.namespaces = namespaces;
    }

    /** Whether the failover restores from a backup: its own restore section, or else the plan's restoreVolumes. */
    public static boolean wanted(FailoverRun run) {
        FailoverRestoreSpec restore = run.failover().getSpec().getRestore();
        if (restore != null) {
            return !Boolean.FALSE.equals(restore.getEnabled());
        }
        return Boolean.TRUE.equals(run.plan().getSpec().getFailover().getRestoreVolumes());
    }

    @Override
    public StepOutcome run(FailoverRun run) throws SiteConfigException {
        KubernetesClient to = run.to();
        String veleroNamespace = run.plan().getSpec().getBackup().getVeleroNamespace();
        if (!to.supports(Restore.class)) {
            return StepOutcome.failed(Reasons.VELERO_NOT_INSTALLED, "the target site " + run.siteName(run.toRole())
                    + " has no Velero (velero.io/v1 Restore is not served) to restore from a backup");
        }
        String restoreName = run.inFlight().getRestoreName();
        if (restoreName == null) {
            Optional<String> backup = backupToUse(run, to, veleroNamespace);
            if (backup.isEmpty()) {
                return StepOutcome.failed(Reasons.NO_BACKUP, "no Completed backup of schedule " + PlanLabels.scheduleName(run.plan())
                        + " is visible in namespace " + veleroNamespace + " on " + run.siteName(run.toRole()));
            }
            if (to.resources(Backup.class).inNamespace(veleroNamespace).withName(backup.get()).get() == null) {
                return StepOutcome.waiting("waiting until Velero on " + run.siteName(run.toRole()) + " lists Backup " + backup.get()
                        + " (it syncs backups in from the shared storage location)", Duration.ofSeconds(3));
            }
            restoreName = FinalBackupStep.veleroName(run, "restore");
            if (to.resources(Restore.class).inNamespace(veleroNamespace).withName(restoreName).get() == null) {
                to.resource(restore(run, to, veleroNamespace, restoreName, backup.get())).create();
            }
            run.inFlight().setRestoreName(restoreName);
            run.inFlight().setBackupName(backup.get());
        }
        Restore restore = to.resources(Restore.class).inNamespace(veleroNamespace).withName(restoreName).get();
        if (restore == null) {
            return StepOutcome.failed(Reasons.RESTORE_FAILED, "Restore " + veleroNamespace + "/" + restoreName + " was deleted");
        }
        RestorePhase phase = restore.getStatus() == null ? RestorePhase.NEW : restore.getStatus().phase();
        String from = "Restore " + restoreName + " from backup " + restore.getSpec().getBackupName();
        int warnings = restore.getStatus() == null || restore.getStatus().getWarnings() == null ? 0 : restore.getStatus().getWarnings();
        int errors = restore.getStatus() == null || restore.getStatus().getErrors() == null ? 0 : restore.getStatus().getErrors();
        return switch (phase == null ? RestorePhase.NEW : phase) {
            case COMPLETED -> StepOutcome.done(from + " completed" + (warnings > 0 ? " with " + warnings + " warning(s)" : ""));
            case PARTIALLY_FAILED -> StepOutcome.done(from + " partially failed: " + errors + " error(s), " + warnings
                    + " warning(s); see `velero restore describe " + restoreName + "`");
            // Velero's own words (failure reason, validation errors) are the target site's text: pointed to, not quoted.
            case FAILED, FAILED_VALIDATION -> StepOutcome.failed(Reasons.RESTORE_FAILED, from + " " + phase.value()
                    + "; see `velero restore describe " + restoreName + "` on " + run.siteName(run.toRole()));
            default -> StepOutcome.waiting(from + ": " + (phase == null || phase == RestorePhase.UNKNOWN ? "waiting for Velero"
                    : phase.value()), Duration.ofSeconds(3));
        };
    }

    private Optional<String> backupToUse(FailoverRun run, KubernetesClient to, String veleroNamespace) {
        FailoverRestoreSpec spec = run.failover().getSpec().getRestore();
        if (spec != null && spec.getBackupName() != null) {
            return Optional.of(spec.getBackupName());
        }
        if (run.stepEnded(FinalBackupStep.NAME, StepState.SUCCEEDED)) {
            return Optional.of(FinalBackupStep.backupName(run));
        }
        return backups.observe(to, run.siteName(run.toRole()), veleroNamespace, PlanLabels.scheduleName(run.plan()))
                .map(o -> o.newestGood() == null ? null : o.newestGood().getName());
    }

    private Restore restore(FailoverRun run, KubernetesClient to, String veleroNamespace, String name, String backup) {
        Restore r = new Restore();
        r.setMetadata(new ObjectMetaBuilder().withName(name).withNamespace(veleroNamespace)
                .withLabels(PlanLabels.of(run.plan())).build());
        RestoreSpec spec = new RestoreSpec();
        spec.setBackupName(backup);
        List<String> protectedNamespaces = namespaces.resolve(to, run.plan());
        spec.setIncludedNamespaces(protectedNamespaces);
        if (run.type() == FailoverType.DRILL) {
            // A drill restores into its own copies, never over the standby's parked ones.
            Map<String, String> mapping = new LinkedHashMap<>();
            protectedNamespaces.forEach(n -> mapping.put(n, n + DrillCopyStep.suffix(run)));
            spec.setNamespaceMapping(mapping);
        }
        spec.setExistingResourcePolicy(ExistingResourcePolicy.UPDATE.value());
        spec.setRestorePVs(true);
        r.setSpec(spec);
        return r;
    }
}
