package io.pilotlight.workloads;

import io.pilotlight.core.SyncAnnotations;
import io.pilotlight.util.Json;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Undoes parking from what parking recorded on the object itself (the standby's copies parked by
 * the sync, or a site's own objects parked in place by a failover): the replica count, suspend flag,
 * node selector, autoscaler behaviour or scale target it had before, and removes the records.
 */
public final class Unparking {

    static final String KEDA_PAUSED = "autoscaling.keda.sh/paused";


    private Unparking() {
    }

    /** The patch that resumes the object, or empty when it is not parked. */
    public static Optional<JsonPatch> patch(WorkloadKind kind, Map<String, String> annotations) {
        Map<String, String> a = annotations == null ? Map.of() : annotations;
        // A keepWarm copy runs its own count: not marked parked, but its primary count is recorded.
        boolean warm = a.containsKey(SyncAnnotations.PRIMARY_REPLICAS);
        if (!a.containsKey(SyncAnnotations.PARKED) && !warm) {
            return Optional.empty();
        }
        JsonPatch p = new JsonPatch();
        switch (kind) {
            case DEPLOYMENT, STATEFUL_SET, REPLICA_SET -> restore(p, a, SyncAnnotations.PRIMARY_REPLICAS,
                    v -> p.set("/spec/replicas", Integer.parseInt(v)));
            case DAEMON_SET -> restore(p, a, SyncAnnotations.PRIMARY_NODE_SELECTOR,
                    v -> p.remove("/spec/template/spec/nodeSelector/" + JsonPatch.escape(SyncAnnotations.PARKED_NODE_LABEL)));
            case CRON_JOB, JOB -> restore(p, a, SyncAnnotations.PRIMARY_SUSPEND, v -> p.set("/spec/suspend", Boolean.parseBoolean(v)));
            case HORIZONTAL_POD_AUTOSCALER -> {
                restore(p, a, SyncAnnotations.PRIMARY_HPA_BEHAVIOR, v -> {
                    Object behavior = Json.unmarshal(v, Object.class);
                    if (behavior == null) {
                        p.remove("/spec/behavior");
                    } else {
                        p.set("/spec/behavior", behavior);
                    }
                });
                restore(p, a, SyncAnnotations.PRIMARY_SCALE_TARGET, v -> p.set("/spec/scaleTargetRef/name", v));
            }
            case SCALED_OBJECT -> restore(p, a, SyncAnnotations.PRIMARY_KEDA_PAUSED, v -> {
                Object paused = Json.unmarshal(v, Object.class);
                if (paused == null) {
                    p.remove(JsonPatch.annotation(KEDA_PAUSED));
                } else {
                    p.set(JsonPatch.annotation(KEDA_PAUSED), String.valueOf(paused));
                }
            });
        }
        if (a.containsKey(SyncAnnotations.PARKED)) {
            p.remove(JsonPatch.annotation(SyncAnnotations.PARKED));
        }
        if (a.containsKey(SyncAnnotations.PARKED_BY)) {
            p.remove(JsonPatch.annotation(SyncAnnotations.PARKED_BY));
        }
        return Optional.of(p);
    }

    private static void restore(JsonPatch p, Map<String, String> a, String key, Consumer<String> apply) {
        String value = a.get(key);
        if (value != null) {
            apply.accept(value);
            p.remove(JsonPatch.annotation(key));
        }
    }
}
