package io.pilotlight.api.v1alpha1;

/** Condition types used in the status of Pilotlight resources. */
public final class ConditionTypes {

    /** The plan is fully operational: sites reachable, backups scheduled, standby in sync and compatible. */
    public static final String READY = "Ready";
    /** The primary's API server answers the operator's probes. */
    public static final String PRIMARY_REACHABLE = "PrimaryReachable";
    /** The standby's API server answers the operator's probes. */
    public static final String STANDBY_REACHABLE = "StandbyReachable";
    /** The Velero Schedule of the plan exists and Velero accepted it. */
    public static final String BACKUP_SCHEDULED = "BackupScheduled";
    /** The standby holds an up-to-date copy of the protected resources. */
    public static final String STANDBY_IN_SYNC = "StandbyInSync";
    /** The current recovery point is within objectives.rpo. */
    public static final String RPO_MET = "RPOMet";
    /** The standby can run the protected resources: version skew, CRDs and StorageClasses checked. */
    public static final String STANDBY_COMPATIBLE = "StandbyCompatible";
    /**
     * The resource cannot make progress until a person changes something (kstatus and Argo CD then say
     * Failed): a plan whose spec, Secret or trust settings are wrong, a Failover that failed.
     */
    public static final String STALLED = "Stalled";
    /** The operator is still working towards what the spec asks: a Failover that runs (kstatus: InProgress). */
    public static final String RECONCILING = "Reconciling";
    /** A Failover is making progress. */
    public static final String PROGRESSING = "Progressing";
    /** On a plan with a drill schedule or maxAge: the last drill completed and is recent enough. */
    public static final String DRILL_SUCCEEDED = "DrillSucceeded";

    private ConditionTypes() {
    }
}
