package io.pilotlight.workloads;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What parking means for a kind of workload: the values it changes and the mark it leaves, said
 * once; {@link ParkingProtocol} derives from it parking as a copy and in place, and undoing both, so
 * that those cannot disagree.
 */
sealed interface KindParking permits ReplicaParking, DaemonSetParking, AutoscalerParking, FixedParking {

    /**
     * How an object of this kind is parked under the policy; empty when it keeps running as it is.
     *
     * @param version the API version the object is read in (autoscaling/v1 HPAs are parked otherwise)
     */
    Optional<Change> change(ParkingPolicy policy, String version, Map<String, String> labels);

    /** Every value this kind may have recorded, whichever way it was parked: what undoing looks for. */
    List<ParkedField> fields();

    /**
     * @param fields the values changed
     * @param mark the {@code pilotlight.io/parked} value; null for a workload that keeps running at its
     *        own count (keepWarm), whose values are recorded all the same so that a failover restores them
     */
    record Change(List<ParkedField> fields, String mark) {
    }

    static KindParking of(WorkloadKind kind) {
        return switch (kind) {
            case DEPLOYMENT, STATEFUL_SET, REPLICA_SET -> ReplicaParking.RULE;
            case DAEMON_SET -> DaemonSetParking.RULE;
            case CRON_JOB, JOB -> FixedParking.SUSPEND;
            case HORIZONTAL_POD_AUTOSCALER -> AutoscalerParking.RULE;
            case SCALED_OBJECT -> FixedParking.KEDA_PAUSE;
        };
    }
}
