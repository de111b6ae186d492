package io.pilotlight.api.v1alpha1;

/** CamelCase reasons used in conditions and Events of Pilotlight resources. */
public final class Reasons {

    /** The spec is invalid in a way the schema cannot express. */
    public static final String INVALID_SPEC = "InvalidSpec";
    /** Everything is as expected. */
    public static final String AS_EXPECTED = "AsExpected";
    /** The operator has not determined the state yet. */
    public static final String PENDING = "Pending";
    /** A kubeconfig Secret (or its key) does not exist. */
    public static final String SECRET_NOT_FOUND = "SecretNotFound";
    /** A kubeconfig could not be parsed or used. */
    public static final String INVALID_KUBECONFIG = "InvalidKubeconfig";
    /** A plan outside the trusted namespaces names no ServiceAccount to act as, and the operator has no default one. */
    public static final String SERVICE_ACCOUNT_REQUIRED = "ServiceAccountRequired";
    /** A plan's sync would open more watches on its source than the operator allows one plan (pilotlight.security.max-watches-per-plan). */
    public static final String TOO_MANY_WATCHES = "TooManyWatches";
    /** A site's API server did not answer. */
    public static final String UNREACHABLE = "Unreachable";
    /** A site's API server answered. */
    public static final String REACHABLE = "Reachable";
    /** The site did not answer its last probes, fewer than healthCheck.failureThreshold in a row: still counted reachable. */
    public static final String PROBE_FAILING = "ProbeFailing";
    /** Velero's CRDs are not installed on the primary. */
    public static final String VELERO_NOT_INSTALLED = "VeleroNotInstalled";
    /** No namespace on the primary matches spec.protect. */
    public static final String NO_NAMESPACES = "NoNamespaces";
    /** An object of the same name exists and was not created by Pilotlight; it is left alone. */
    public static final String SCHEDULE_CONFLICT = "ScheduleConflict";
    /** A call to a site's API server failed. */
    public static final String API_ERROR = "APIError";
    /** The operator failed to process the resource (a bug or an unexpected answer); it retries. */
    public static final String RECONCILE_ERROR = "ReconcileError";
    /** A check needs a site that is not reachable. */
    public static final String SITE_UNREACHABLE = "SiteUnreachable";
    /** A Velero backup of the plan ended Failed, PartiallyFailed or FailedValidation. */
    public static final String BACKUP_FAILED = "BackupFailed";
    /** A Velero backup of the plan Completed: a new recovery point. */
    public static final String BACKUP_COMPLETED = "BackupCompleted";
    /** The plan is being deleted but its Velero Schedule could not be removed from the primary. */
    public static final String CLEANUP_PENDING = "CleanupPending";
    /** The plan was deleted while the primary was unreachable; its Schedule is left there. */
    public static final String SCHEDULE_LEFT_BEHIND = "ScheduleLeftBehind";
    /** The Velero Schedule was created or updated. */
    public static final String SCHEDULE_CREATED = "ScheduleCreated";
    /** Velero rejected the Schedule (FailedValidation). */
    public static final String SCHEDULE_INVALID = "ScheduleInvalid";
    /** The backup storage location is not Available. */
    public static final String STORAGE_LOCATION_UNAVAILABLE = "StorageLocationUnavailable";
    /** Backups are turned off in the plan. */
    public static final String BACKUPS_DISABLED = "BackupsDisabled";
    /** The standby matches the primary. */
    public static final String IN_SYNC = "InSync";
    /** Changes are being copied to the standby. */
    public static final String SYNCING = "Syncing";
    /** Objects on the standby differ from the primary. */
    public static final String DRIFT_DETECTED = "DriftDetected";
    /** An object on the standby that Pilotlight did not create is in the way of a copy; it is left alone. */
    public static final String SYNC_CONFLICT = "SyncConflict";
    /** A protected kind is not served by the primary (or is cluster-scoped); the other kinds are synced. */
    public static final String UNKNOWN_KIND = "UnknownKind";
    /** Syncing is turned off in the plan. */
    public static final String SYNC_OFF = "SyncOff";
    /** The newest good copy of the data is within the RPO. */
    public static final String WITHIN_RPO = "WithinRPO";
    /** The newest good copy of the data is older than the RPO. */
    public static final String RPO_EXCEEDED = "RPOExceeded";
    /** No good copy of the data exists yet. */
    public static final String NO_RECOVERY_POINT = "NoRecoveryPoint";
    /** The two sites' Kubernetes versions are too far apart. */
    public static final String VERSION_SKEW = "VersionSkew";
    /** A CRD used by protected resources is missing on the standby. */
    public static final String MISSING_CRD = "MissingCRD";
    /** A StorageClass used by protected PVCs is missing on the standby. */
    public static final String MISSING_STORAGE_CLASS = "MissingStorageClass";
    /** The Failover's plan does not exist. */
    public static final String PLAN_NOT_FOUND = "PlanNotFound";
    /** Another Failover of the same plan is in progress. */
    public static final String FAILOVER_IN_PROGRESS = "FailoverInProgress";
    /** The failover finished. */
    public static final String SUCCEEDED = "Succeeded";
    /** The failover failed. */
    public static final String FAILED = "Failed";

    /** A Failover parked (quiesced or fenced) a site and ended without finishing: the sync waits for a person. */
    public static final String FAILOVER_UNFINISHED = "FailoverUnfinished";
    /** A second Failover of a plan while one is active: refused, nothing done. */
    public static final String CONFLICT = "Conflict";
    /** The failover cannot go the way it asks: its target site already serves, or is fenced. */
    public static final String WRONG_DIRECTION = "WrongDirection";
    /** The site a failover moves to cannot be reached. */
    public static final String TARGET_UNREACHABLE = "TargetUnreachable";
    /** A Planned failover needs the site it leaves, and that site does not answer. */
    public static final String SOURCE_UNREACHABLE = "SourceUnreachable";
    /** A step did not finish within its own deadline. */
    public static final String DEADLINE_EXCEEDED = "DeadlineExceeded";
    /** A Velero Restore (or final Backup) of the failover failed. */
    public static final String RESTORE_FAILED = "RestoreFailed";
    /** No Completed backup to restore from. */
    public static final String NO_BACKUP = "NoBackup";
    /** The traffic provider refused the switch. */
    public static final String TRAFFIC_SWITCH_FAILED = "TrafficSwitchFailed";
    /** A Failover started (condition Progressing True, and its event). */
    public static final String STARTED = "Started";
    /** A step started, finished or was skipped (events of a Failover). */
    public static final String STEP_STARTED = "StepStarted";
    public static final String STEP_SUCCEEDED = "StepSucceeded";
    public static final String STEP_SKIPPED = "StepSkipped";
    /** A failover action (Job, HTTP check) failed, or could not run; the message names it. */
    public static final String ACTION_FAILED = "ActionFailed";
    /** The plan's target site now serves (event on the plan). */
    public static final String FAILED_OVER = "FailedOver";
    /** The operator created a Failover by itself (healthCheck.autoFailover). */
    public static final String AUTO_FAILOVER = "AutoFailover";
    /** The plan's fenced site came back and its workloads were parked. */
    public static final String FENCED_SITE_PARKED = "FencedSiteParked";
    /** A drill's copies were removed after its TTL. */
    public static final String DRILL_CLEANED_UP = "DrillCleanedUp";
    /** A Failover deleted before its target served: what it did to the sites was undone. */
    public static final String ROLLED_BACK = "RolledBack";
    /** A deleted Failover cannot be rolled back yet (a site does not answer); retried. */
    public static final String ROLLBACK_PENDING = "RollbackPending";
    /** A Failover deleted after its target took over traffic: kept, not rolled back. */
    public static final String NOT_ROLLED_BACK = "NotRolledBack";

    /** DrillSucceeded: the last drill completed (and is recent enough). */
    public static final String LAST_DRILL_SUCCEEDED = "LastDrillSucceeded";
    /** DrillSucceeded: the last drill failed. */
    public static final String LAST_DRILL_FAILED = "LastDrillFailed";
    /** DrillSucceeded: the last drill ended longer ago than failover.drill.maxAge. */
    public static final String DRILL_TOO_OLD = "DrillTooOld";
    /** DrillSucceeded: the plan has had no drill yet. */
    public static final String NO_DRILL_YET = "NoDrillYet";
    /** The drill schedule created a Drill Failover. */
    public static final String DRILL_SCHEDULED = "DrillScheduled";
    /** A scheduled drill is due but waits for another Failover of the plan to end. */
    public static final String DRILL_DEFERRED = "DrillDeferred";
    /** A scheduled drill was not run: the standby serves, so there is no parked copy to drill. */
    public static final String DRILL_SKIPPED = "DrillSkipped";
    /** A drill of the plan completed. */
    public static final String DRILL_COMPLETED = "DrillCompleted";
    /** A drill of the plan failed. */
    public static final String DRILL_FAILED = "DrillFailed";

    private Reasons() {
    }
}
