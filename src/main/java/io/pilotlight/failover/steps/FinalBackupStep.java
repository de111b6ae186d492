package io.pilotlight.failover.steps;

import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.pilotlight.api.v1alpha1.Reasons;
import io.pilotlight.api.v1alpha1.failover.FailoverPhase;
import io.pilotlight.backup.BackupTracker;
import io.pilotlight.core.PlanLabels;
import io.pilotlight.core.clusters.SiteConfigException;
import io.pilotlight.failover.run.FailoverRun;
import io.pilotlight.failover.run.PhasedStep;
import io.pilotlight.failover.run.StepOutcome;
import io.pilotlight.util.GoDurations;
import io.pilotlight.velero.v1.Backup;
import io.pilotlight.velero.v1.BackupPhase;
import io.pilotlight.velero.v1.Schedule;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * Planned failover that restores volume data: after the quiesce, takes one last Velero Backup on the
 * primary from the plan's Schedule (as {@code velero backup create --from-schedule} would), named
 * {@code <failover's namespace>-<failover>-final}, and waits until it completes; the Restore then uses it, so the data is
 * what the primary held when it stopped.
 */
@Singleton
public class FinalBackupStep extends PhasedStep {

    public static final String NAME = "FinalBackup";

    public FinalBackupStep() {
        super(NAME, FailoverPhase.FINAL_SYNC);
    }

    /** The name of the final backup of a Failover. */
    public static String backupName(FailoverRun run) {
        return veleroName(run, "final");
    }

    /**
     * A name in Velero's namespace for an object of this Failover: Failovers of one name in two
     * namespaces share that namespace, so the name carries the Failover's namespace too.
     */
    static String veleroName(FailoverRun run, String what) {
        return run.failover().getMetadata().getNamespace() + "-" + run.failover().getMetadata().getName() + "-" + what;
    }

    @Override
    public Duration deadline(FailoverRun run) {
        return GoDurations.parse(run.plan().getSpec().getFailover().getReadinessTimeout());
    }

    @Override
    public StepOutcome run(FailoverRun run) throws SiteConfigException {
        KubernetesClient from = run.from();
        String veleroNamespace = run.plan().getSpec().getBackup().getVeleroNamespace();
        String name = backupName(run);
        Backup backup = from.resources(Backup.class).inNamespace(veleroNamespace).withName(name).get();
        if (backup == null) {
            Schedule schedule = from.resources(Schedule.class).inNamespace(veleroNamespace).withName(PlanLabels.scheduleName(run.plan())).get();
            if (schedule == null || schedule.getSpec() == null || schedule.getSpec().getTemplate() == null) {
                return StepOutcome.skipped("no Velero Schedule " + veleroNamespace + "/" + PlanLabels.scheduleName(run.plan())
                        + " on " + run.siteName(run.fromRole()) + " to take a final backup from; the restore uses the newest backup");
            }
            Map<String, String> labels = new HashMap<>(PlanLabels.of(run.plan()));
            labels.put(BackupTracker.SCHEDULE_LABEL, PlanLabels.scheduleName(run.plan()));
            backup = new Backup();
            backup.setMetadata(new ObjectMetaBuilder().withName(name).withNamespace(veleroNamespace).withLabels(labels).build());
            backup.setSpec(schedule.getSpec().getTemplate());
            from.resource(backup).create();
            return StepOutcome.waiting("Backup " + name + " created from Schedule " + PlanLabels.scheduleName(run.plan()),
                    Duration.ofSeconds(3));
        }
        BackupPhase phase = backup.getStatus() == null ? BackupPhase.NEW : backup.getStatus().phase();
        String what = "Backup " + veleroNamespace + "/" + name + " on " + run.siteName(run.fromRole());
        return switch (phase == null ? BackupPhase.NEW : phase) {
            case COMPLETED -> StepOutcome.done(what + " completed");
            case PARTIALLY_FAILED -> StepOutcome.done(what + " partially failed (" + backup.getStatus().getErrors()
                    + " error(s)); the restore uses what it holds: see `velero backup describe " + name + "`");
            // Velero's failure reason is the site's text: pointed to, not quoted.
            case FAILED, FAILED_VALIDATION -> StepOutcome.failed(Reasons.BACKUP_FAILED, what + " " + phase.value()
                    + "; see `velero backup describe " + name + "`");
            default -> StepOutcome.waiting(what + ": " + (phase == null || phase == BackupPhase.UNKNOWN ? "waiting for Velero"
                    : phase.value()), Duration.ofSeconds(3));
        };
    }
}
