package io.pilotlight.workloads;

import static io.pilotlight.util.ObjectMaps.child;
import static io.pilotlight.util.ObjectMaps.map;

import io.pilotlight.api.v1alpha1.plan.KeepWarmSpec;
import io.pilotlight.api.v1alpha1.plan.PilotLightSpec;
import io.pilotlight.core.Selectors;
import io.pilotlight.core.SyncAnnotations;
import io.pilotlight.core.SyncKind;
import io.pilotlight.util.Json;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Parks a cleaned copy for the standby, as {@code spec.pilotLight} says, and records in annotations
 * whatever it changes, so that the primary's state can be restored from the copy alone:
 * <ul>
 * <li>Deployments, StatefulSets, ReplicaSets: {@code spec.replicas} set to the pilot-light count
 * (or the first matching keepWarm entry's), the primary's in {@link SyncAnnotations#PRIMARY_REPLICAS};</li>
 * <li>DaemonSets (which have no replica count) parked at 0 get a node selector no node matches; the
 * primary's node selector is kept in {@link SyncAnnotations#PRIMARY_NODE_SELECTOR};</li>
 * <li>CronJobs and Jobs: suspended, the primary's flag in {@link SyncAnnotations#PRIMARY_SUSPEND};</li>
 * <li>HorizontalPodAutoscalers (autoscaling/v2): scaling disabled both ways through
 * {@code spec.behavior} ({@code selectPolicy: Disabled}), the primary's behaviour in
 * {@link SyncAnnotations#PRIMARY_HPA_BEHAVIOR}. The HPA keeps its target and bounds, so it still
 * reads metrics and reports on the standby, but cannot scale a parked workload up (a workload at 0
 * replicas is not autoscaled at all). An autoscaling/v1 HPA, which has no behaviour, is detached
 * from its target instead ({@link SyncAnnotations#PRIMARY_SCALE_TARGET});</li>
 * <li>KEDA ScaledObjects: annotated {@code autoscaling.keda.sh/paused: "true"}.</li>
 * </ul>
 * Every value is recomputed from the primary's object on each sync, so parking survives re-syncs
 * and follows changes on the primary (a new replica count there updates the annotation).
 */
public final class Parking {

    /** What parking did to one object. */
    public enum Outcome {
        /** Not a kind that runs or scales anything. */
        NOT_A_WORKLOAD,
        /** Held at the pilot-light count, suspended or neutralised. */
        PARKED,
        /** A keepWarm workload running its own count, or parking turned off for its kind. */
        RUNNING
    }

    static final String KEDA_PAUSED = "autoscaling.keda.sh/paused";
    static final String DETACHED_TARGET_PREFIX = "pilotlight-parked-";


    private final int replicas;
    private final List<KeepWarmSpec> keepWarm;
    private final boolean suspendJobs;
    private final boolean neutraliseAutoscalers;

    public Parking(PilotLightSpec spec) {
        PilotLightSpec s = spec == null ? new PilotLightSpec() : spec;
        this.replicas = s.getReplicas() == null ? 0 : s.getReplicas();
        this.keepWarm = s.getKeepWarm() == null ? List.of() : List.copyOf(s.getKeepWarm());
        this.suspendJobs = !Boolean.FALSE.equals(s.getSuspendCronJobs());
        this.neutraliseAutoscalers = !Boolean.FALSE.equals(s.getNeutraliseHPAs());
    }

    /** Parks the object in place. */
    public Outcome park(SyncKind kind, Map<String, Object> object) {
        Map<String, Object> metadata = child(object, "metadata");
        // Only the kinds below have a spec to change; a ConfigMap must not get one.
        Map<String, Object> spec = map(object.get("spec"));
        switch (kind.label()) {
            case "apps/Deployment", "apps/StatefulSet", "apps/ReplicaSet" -> {
                Object primary = spec.get("replicas");
                int target = target(metadata);
                annotations(metadata).put(SyncAnnotations.PRIMARY_REPLICAS, String.valueOf(primary == null ? 1 : primary));
                spec.put("replicas", target);
                return mark(metadata, warm(metadata) == null, String.valueOf(target));
            }
            case "apps/DaemonSet" -> {
                if (target(metadata) > 0) {
                    return Outcome.RUNNING;
                }
                Map<String, Object> podSpec = child(child(spec, "template"), "spec");
                Object selector = podSpec.get("nodeSelector");
                annotations(metadata).put(SyncAnnotations.PRIMARY_NODE_SELECTOR, Json.asJson(selector));
                Map<String, Object> parked = new LinkedHashMap<>(map(selector));
                parked.put(SyncAnnotations.PARKED_NODE_LABEL, "true");
                podSpec.put("nodeSelector", parked);
                return mark(metadata, true, "0");
            }
            case "batch/CronJob", "batch/Job" -> {
                if (!suspendJobs) {
                    return Outcome.RUNNING;
                }
                annotations(metadata).put(SyncAnnotations.PRIMARY_SUSPEND, String.valueOf(Boolean.TRUE.equals(spec.get("suspend"))));
                spec.put("suspend", true);
                return mark(metadata, true, "suspended");
            }
            case "autoscaling/HorizontalPodAutoscaler" -> {
                if (!neutraliseAutoscalers) {
                    return Outcome.RUNNING;
                }
                if ("v1".equals(kind.version())) {
                    Map<String, Object> target = child(spec, "scaleTargetRef");
                    String name = String.valueOf(target.get("name"));
                    annotations(metadata).put(SyncAnnotations.PRIMARY_SCALE_TARGET, name);
                    target.put("name", DETACHED_TARGET_PREFIX + name);
                    return mark(metadata, true, "detached");
                }
                annotations(metadata).put(SyncAnnotations.PRIMARY_HPA_BEHAVIOR, Json.asJson(spec.get("behavior")));
                spec.put("behavior", Map.of("scaleUp", Map.of("selectPolicy", "Disabled"),
                        "scaleDown", Map.of("selectPolicy", "Disabled")));
                return mark(metadata, true, "scaling-disabled");
            }
            case "keda.sh/ScaledObject" -> {
                if (!neutraliseAutoscalers) {
                    return Outcome.RUNNING;
                }
                Map<String, Object> annotations = annotations(metadata);
                annotations.put(SyncAnnotations.PRIMARY_KEDA_PAUSED, Json.asJson(annotations.get(KEDA_PAUSED)));
                annotations.put(KEDA_PAUSED, "true");
                return mark(metadata, true, "paused");
            }
            default -> {
                return Outcome.NOT_A_WORKLOAD;
            }
        }
    }

    /**
     * Puts back, in a copy of a source object that a failover parked in place (the site it left),
     * the values parking recorded: the copy then holds the workload as it ran, and parking it for the
     * standby records the right count instead of 0.
     */
    public static void unparkRecorded(SyncKind kind, Map<String, Object> object) {
        Map<String, Object> annotations = map(map(object.get("metadata")).get("annotations"));
        if (!annotations.containsKey(SyncAnnotations.PARKED_BY)) {
            return;
        }
        Map<String, Object> spec = map(object.get("spec"));
        Object replicas = annotations.get(SyncAnnotations.PRIMARY_REPLICAS);
        Object suspend = annotations.get(SyncAnnotations.PRIMARY_SUSPEND);
        Object nodeSelector = annotations.get(SyncAnnotations.PRIMARY_NODE_SELECTOR);
        switch (kind.label()) {
            case "apps/Deployment", "apps/StatefulSet", "apps/ReplicaSet" -> {
                if (replicas != null) {
                    spec.put("replicas", Integer.parseInt(String.valueOf(replicas)));
                }
            }
            case "batch/CronJob" -> {
                if (suspend != null) {
                    spec.put("suspend", Boolean.parseBoolean(String.valueOf(suspend)));
                }
            }
            case "apps/DaemonSet" -> {
                if (nodeSelector != null) {
                    Object original = Json.unmarshal(String.valueOf(nodeSelector), Object.class);
                    Map<String, Object> podSpec = child(child(spec, "template"), "spec");
                    if (original == null) {
                        podSpec.remove("nodeSelector");
                    } else {
                        podSpec.put("nodeSelector", original);
                    }
                }
            }
            default -> {
            }
        }
    }

    /** The replicas a workload runs with on the standby: its keepWarm entry's, or the pilot-light count. */
    int target(Map<String, Object> metadata) {
        KeepWarmSpec warm = warm(metadata);
        return warm == null ? replicas : warm.getReplicas();
    }

    @SuppressWarnings("unchecked")
    private KeepWarmSpec warm(Map<String, Object> metadata) {
        Map<String, String> labels = (Map<String, String>) (Map<?, ?>) map(metadata.get("labels"));
        return keepWarm.stream().filter(w -> Selectors.matches(w.getSelector(), labels)).findFirst().orElse(null);
    }

    private static Outcome mark(Map<String, Object> metadata, boolean parked, String how) {
        if (parked) {
            annotations(metadata).put(SyncAnnotations.PARKED, how);
            return Outcome.PARKED;
        }
        return Outcome.RUNNING;
    }

    private static Map<String, Object> annotations(Map<String, Object> metadata) {
        return child(metadata, "annotations");
    }
}
