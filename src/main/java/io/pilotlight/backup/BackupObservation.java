package io.pilotlight.backup;

import io.pilotlight.api.v1alpha1.plan.LastBackupStatus;

/**
 * What the Backups of a plan's Schedule show: the newest one whatever its phase, and the newest
 * Completed one (the recovery point). Either may be null.
 */
public record BackupObservation(LastBackupStatus newest, LastBackupStatus newestGood, String site) {
}
