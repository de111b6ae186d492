package io.pilotlight.workloads;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.pilotlight.util.ObjectMaps;
import java.util.Map;

/** Whether a workload runs as its spec asks: the controller saw the last change and enough Pods are ready. */
public final class WorkloadReadiness {

    private WorkloadReadiness() {
    }

    public static boolean ready(WorkloadKind kind, GenericKubernetesResource object) {
        Map<String, Object> spec = ObjectMaps.map(object.getAdditionalProperties().get("spec"));
        Map<String, Object> status = ObjectMaps.map(object.getAdditionalProperties().get("status"));
        long generation = object.getMetadata().getGeneration() == null ? 0 : object.getMetadata().getGeneration();
        if (number(status.get("observedGeneration"), -1) < generation) {
            return false;
        }
        return switch (kind) {
            case DEPLOYMENT -> number(status.get("availableReplicas"), 0) >= number(spec.get("replicas"), 1)
                    && number(status.get("updatedReplicas"), 0) >= number(spec.get("replicas"), 1);
            case STATEFUL_SET, REPLICA_SET -> number(status.get("readyReplicas"), 0) >= number(spec.get("replicas"), 1);
            case DAEMON_SET -> number(status.get("numberReady"), 0) >= number(status.get("desiredNumberScheduled"), 0);
            default -> true;
        };
    }

    private static long number(Object o, long otherwise) {
        return o instanceof Number n ? n.longValue() : otherwise;
    }
}
