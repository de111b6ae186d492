package io.pilotlight.workloads;

import io.pilotlight.api.v1alpha1.plan.KeepWarmSpec;
import io.pilotlight.api.v1alpha1.plan.PilotLightSpec;
import io.pilotlight.core.Selectors;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Which kinds a parking parks and at which count: the standby's copies as {@code spec.pilotLight}
 * says, or a site's own workloads in place.
 *
 * @param replicas the count replica workloads are held at, unless a keepWarm entry says otherwise
 * @param keepWarm the workloads that keep running at their own count, first match wins
 * @param kinds the kinds parked; the others keep running as they are
 * @param parkedBy the plan ({@code namespace/name}) recorded on what is parked in place; null for copies
 */
record ParkingPolicy(int replicas, List<KeepWarmSpec> keepWarm, Set<WorkloadKind> kinds, String parkedBy) {

    /**
     * What parking in place parks. Autoscalers are left alone: an HPA does not scale a workload at 0
     * replicas. Running Jobs are not suspended but listed, to be resubmitted on the other site.
     */
    static final List<WorkloadKind> IN_PLACE = List.of(WorkloadKind.DEPLOYMENT, WorkloadKind.STATEFUL_SET,
            WorkloadKind.REPLICA_SET, WorkloadKind.DAEMON_SET, WorkloadKind.CRON_JOB);

    ParkingPolicy {
        keepWarm = List.copyOf(keepWarm);
        kinds = Set.copyOf(kinds);
    }

    /** The standby's copies, as the plan's {@code spec.pilotLight} says (its defaults when null). */
    static ParkingPolicy standby(PilotLightSpec spec) {
        PilotLightSpec s = spec == null ? new PilotLightSpec() : spec;
        Set<WorkloadKind> kinds = EnumSet.of(WorkloadKind.DEPLOYMENT, WorkloadKind.STATEFUL_SET, WorkloadKind.REPLICA_SET,
                WorkloadKind.DAEMON_SET);
        if (!Boolean.FALSE.equals(s.getSuspendCronJobs())) {
            kinds.addAll(List.of(WorkloadKind.CRON_JOB, WorkloadKind.JOB));
        }
        if (!Boolean.FALSE.equals(s.getNeutraliseHPAs())) {
            kinds.addAll(List.of(WorkloadKind.HORIZONTAL_POD_AUTOSCALER, WorkloadKind.SCALED_OBJECT));
        }
        return new ParkingPolicy(s.getReplicas() == null ? 0 : s.getReplicas(),
                s.getKeepWarm() == null ? List.of() : s.getKeepWarm(), kinds, null);
    }

    /** A site's own workloads, all at 0, for the plan {@code namespace/name}. */
    static ParkingPolicy inPlace(String planKey) {
        return new ParkingPolicy(0, List.of(), Set.copyOf(IN_PLACE), planKey);
    }

    Optional<KeepWarmSpec> warm(Map<String, String> labels) {
        return keepWarm.stream().filter(w -> Selectors.matches(w.getSelector(), labels)).findFirst();
    }

    /** The count a workload with these labels runs at while parked. */
    int replicas(Map<String, String> labels) {
        return warm(labels).map(KeepWarmSpec::getReplicas).orElse(replicas);
    }
}
