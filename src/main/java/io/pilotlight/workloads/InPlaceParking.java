package io.pilotlight.workloads;

import static io.pilotlight.util.ObjectMaps.map;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.pilotlight.core.SyncAnnotations;
import io.pilotlight.util.Json;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Parks a site's own workloads where they are (the site a failover leaves): scaled to 0, CronJobs
 * suspended, DaemonSets kept off every node. What it changes is recorded on the object in the
 * annotations the sync uses on the standby's copies, so {@link Unparking} resumes both the same way,
 * plus {@link SyncAnnotations#PARKED_BY} naming the plan. Autoscalers are left alone: an HPA does not scale a
 * workload at 0 replicas.
 */
public final class InPlaceParking {


    private InPlaceParking() {
    }

    /**
     * The patch that parks the object, or empty when it is parked as recorded or not a kind that runs
     * anything. An object parked before but started again by hand (say, scaled up) is parked again,
     * and what was recorded the first time is kept.
     */
    public static Optional<JsonPatch> patch(WorkloadKind kind, GenericKubernetesResource object, String planKey) {
        Map<String, String> annotations = object.getMetadata().getAnnotations();
        Map<String, Object> spec = map(object.getAdditionalProperties().get("spec"));
        JsonPatch p = new JsonPatch().test("/metadata/resourceVersion", object.getMetadata().getResourceVersion());
        if (annotations != null && annotations.containsKey(SyncAnnotations.PARKED)) {
            return reparked(kind, spec, p);
        }
        // An object without annotations has no map to add to (the resourceVersion test keeps this safe).
        if (annotations == null || annotations.isEmpty()) {
            p.set("/metadata/annotations", Map.of());
        }
        switch (kind) {
            case DEPLOYMENT, STATEFUL_SET, REPLICA_SET -> {
                Object replicas = spec.get("replicas");
                p.set(JsonPatch.annotation(SyncAnnotations.PRIMARY_REPLICAS), String.valueOf(replicas == null ? 1 : replicas));
                p.set("/spec/replicas", 0);
            }
            case DAEMON_SET -> {
                Map<String, Object> podSpec = map(map(spec.get("template")).get("spec"));
                Object selector = podSpec.get("nodeSelector");
                p.set(JsonPatch.annotation(SyncAnnotations.PRIMARY_NODE_SELECTOR), Json.asJson(selector));
                Map<String, Object> parked = new LinkedHashMap<>(map(selector));
                parked.put(SyncAnnotations.PARKED_NODE_LABEL, "true");
                p.set("/spec/template/spec/nodeSelector", parked);
            }
            case CRON_JOB -> {
                p.set(JsonPatch.annotation(SyncAnnotations.PRIMARY_SUSPEND), String.valueOf(Boolean.TRUE.equals(spec.get("suspend"))));
                p.set("/spec/suspend", true);
            }
            default -> {
                return Optional.empty();
            }
        }
        p.set(JsonPatch.annotation(SyncAnnotations.PARKED), kind == WorkloadKind.CRON_JOB ? "suspended" : "0");
        p.set(JsonPatch.annotation(SyncAnnotations.PARKED_BY), planKey);
        return Optional.of(p);
    }

    /** The patch that parks again an object that is marked parked but runs; empty when it does not run. */
    private static Optional<JsonPatch> reparked(WorkloadKind kind, Map<String, Object> spec, JsonPatch p) {
        switch (kind) {
            case DEPLOYMENT, STATEFUL_SET, REPLICA_SET -> {
                if (spec.get("replicas") instanceof Number n && n.intValue() == 0) {
                    return Optional.empty();
                }
                return Optional.of(p.set("/spec/replicas", 0));
            }
            case CRON_JOB -> {
                return Boolean.TRUE.equals(spec.get("suspend")) ? Optional.empty() : Optional.of(p.set("/spec/suspend", true));
            }
            case DAEMON_SET -> {
                Map<String, Object> selector = map(map(map(spec.get("template")).get("spec")).get("nodeSelector"));
                if (selector.containsKey(SyncAnnotations.PARKED_NODE_LABEL)) {
                    return Optional.empty();
                }
                Map<String, Object> parked = new LinkedHashMap<>(selector);
                parked.put(SyncAnnotations.PARKED_NODE_LABEL, "true");
                return Optional.of(p.set("/spec/template/spec/nodeSelector", parked));
            }
            default -> {
                return Optional.empty();
            }
        }
    }
}
