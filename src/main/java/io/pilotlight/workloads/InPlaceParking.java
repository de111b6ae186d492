package io.pilotlight.workloads;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.pilotlight.core.SyncAnnotations;
import io.pilotlight.util.Json;
import java.util.Map;
import java.util.Optional;

/**
 * Parks a site's own workloads where they are (the site a failover leaves), as a JSON patch: scaled
 * to 0, CronJobs suspended, DaemonSets kept off every node ({@link ParkingPolicy#IN_PLACE}). What it
 * changes is recorded on the object in the annotations the sync uses on the standby's copies, so
 * {@link Unparking} resumes both the same way, plus {@link SyncAnnotations#PARKED_BY} naming the plan.
 */
public final class InPlaceParking {

    private InPlaceParking() {
    }

    /**
     * The patch that parks the object, or empty when it is parked as recorded or not a kind parked in
     * place. An object parked before but started again by hand (say, scaled up) is parked again, and
     * what was recorded the first time is kept. The patch applies only to the version of the object read.
     */
    @SuppressWarnings("unchecked")
    public static Optional<JsonPatch> patch(WorkloadKind kind, GenericKubernetesResource object, String planKey) {
        Map<String, Object> tree = Json.convertValue(object, Map.class);
        return ParkingProtocol.park(kind, ParkingPolicy.inPlace(planKey), kind.version(), tree)
                .map(ParkingProtocol.Parked::edits).filter(edits -> !edits.isEmpty())
                .map(edits -> new JsonPatch().test("/metadata/resourceVersion", object.getMetadata().getResourceVersion())
                        .addAll(edits));
    }
}
