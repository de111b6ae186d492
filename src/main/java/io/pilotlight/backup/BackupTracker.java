package io.pilotlight.backup;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.pilotlight.api.v1alpha1.plan.LastBackupStatus;
import io.pilotlight.velero.v1.Backup;
import io.pilotlight.velero.v1.BackupPhase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Follows the Backups of a plan's Velero Schedule (Velero labels each with
 * {@code velero.io/schedule-name}). Read on the primary normally; when the primary is lost, on the
 * standby, where a Velero sharing the storage location syncs the same Backups in.
 */
@ApplicationScoped
public class BackupTracker {

    public static final String SCHEDULE_LABEL = "velero.io/schedule-name";

    /** Empty when the site has no Velero to ask. */
    public Optional<BackupObservation> observe(KubernetesClient site, String siteName, String veleroNamespace,
            String scheduleName) {
        if (!site.supports(Backup.class)) {
            return Optional.empty();
        }
        List<Backup> backups = site.resources(Backup.class).inNamespace(veleroNamespace)
                .withLabel(SCHEDULE_LABEL, scheduleName).list().getItems();
        Comparator<Backup> byStart = Comparator.comparing(BackupTracker::startedAt);
        LastBackupStatus newest = backups.stream().max(byStart).map(b -> summary(b, siteName)).orElse(null);
        LastBackupStatus newestGood = backups.stream()
                .filter(b -> b.getStatus() != null && b.getStatus().phase() == BackupPhase.COMPLETED
                        && b.getStatus().getCompletionTimestamp() != null)
                .max(Comparator.comparing(b -> b.getStatus().getCompletionTimestamp()))
                .map(b -> summary(b, siteName)).orElse(null);
        return Optional.of(new BackupObservation(newest, newestGood, siteName));
    }

    /** RFC 3339 timestamps in UTC sort as strings; a Backup not started yet sorts by creation. */
    private static String startedAt(Backup b) {
        if (b.getStatus() != null && b.getStatus().getStartTimestamp() != null) {
            return b.getStatus().getStartTimestamp();
        }
        return b.getMetadata().getCreationTimestamp() == null ? "" : b.getMetadata().getCreationTimestamp();
    }

    /**
     * Where Velero says why a backup failed, not what it says: its failure reason quotes the object
     * store's answer (a real one: "...GetObject, https response error StatusCode: 404, RequestID: ..."),
     * and nothing a remote site answers is copied.
     */
    private static String whyPointer(Backup b, String siteName) {
        int validationErrors = b.getStatus().getValidationErrors() == null ? 0 : b.getStatus().getValidationErrors().size();
        if (validationErrors > 0) {
            return validationErrors + " validation error(s): see status.validationErrors of the Backup on " + siteName
                    + " (`velero backup describe " + b.getMetadata().getName() + "`)";
        }
        if (b.getStatus().getFailureReason() != null && !b.getStatus().getFailureReason().isBlank()) {
            return "see status.failureReason of the Backup on " + siteName + " (`velero backup describe " + b.getMetadata().getName() + "`)";
        }
        return null;
    }

    private static LastBackupStatus summary(Backup b, String siteName) {
        LastBackupStatus s = new LastBackupStatus();
        s.setName(b.getMetadata().getName());
        if (b.getStatus() != null) {
            s.setPhase(b.getStatus().getPhase() == null ? "New" : b.getStatus().getPhase());
            s.setStartTimestamp(b.getStatus().getStartTimestamp());
            s.setCompletionTimestamp(b.getStatus().getCompletionTimestamp());
            s.setErrors(b.getStatus().getErrors());
            s.setWarnings(b.getStatus().getWarnings());
            s.setFailureReason(whyPointer(b, siteName));
        } else {
            s.setPhase("New");
        }
        return s;
    }
}
