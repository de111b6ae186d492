package io.pilotlight.sync;

import static io.pilotlight.util.ObjectMaps.child;
import static io.pilotlight.util.ObjectMaps.deepCopy;
import static io.pilotlight.util.ObjectMaps.list;
import static io.pilotlight.util.ObjectMaps.map;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.pilotlight.core.PlanLabels;
import io.pilotlight.core.SyncAnnotations;
import io.pilotlight.core.SyncKind;
import io.pilotlight.util.Json;
import io.pilotlight.workloads.Parking;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns an object of the primary into what is written on the standby: removes what belongs to the
 * source cluster only (identity, versions, status, ownership by the primary's controllers, addresses
 * the primary allocated), and tells which objects are not carried over at all.
 *
 * <p>Works on the object's JSON tree (maps and lists) so that any kind, custom resources included,
 * goes through the same code; kind-specific rules are keyed by group and kind.
 */
public final class ObjectCleaner {

    /** Metadata that means the same on both sites; every other metadata field is the source cluster's. */
    private static final Set<String> KEPT_METADATA = Set.of("name", "namespace", "labels", "annotations");

    private static final Set<String> DROPPED_LABELS = Set.of(
            "pod-template-hash", "controller-revision-hash", "controller-uid", "batch.kubernetes.io/controller-uid",
            PlanLabels.PLAN, PlanLabels.PLAN_NAMESPACE, PlanLabels.ADOPTED);

    private static final Set<String> DROPPED_ANNOTATIONS = Set.of(
            "kubectl.kubernetes.io/last-applied-configuration",
            "deployment.kubernetes.io/revision",
            "deployment.kubernetes.io/revision-history",
            "deployment.kubernetes.io/desired-replicas",
            "deployment.kubernetes.io/max-replicas",
            "pv.kubernetes.io/bind-completed",
            "pv.kubernetes.io/bound-by-controller",
            "volume.beta.kubernetes.io/storage-provisioner",
            "volume.kubernetes.io/storage-provisioner",
            "volume.kubernetes.io/selected-node",
            "kubernetes.io/service-account.uid",
            "kubernetes.io/service-account.name",
            "endpoints.kubernetes.io/last-change-trigger-time",
            "control-plane.alpha.kubernetes.io/leader");

    /** Objects each cluster makes in every namespace for itself. */
    private static final Set<String> PER_CLUSTER_OBJECTS = Set.of(
            "ConfigMap/kube-root-ca.crt", "ConfigMap/openshift-service-ca.crt", "ServiceAccount/default");

    private ObjectCleaner() {
    }

    /**
     * Why an object of the primary is not carried over, or null when it is.
     *
     * @param syncedKinds labels ({@link SyncKind#label()}) of every kind the plan carries over
     */
    public static String skipReason(SyncKind kind, Map<String, Object> object, Set<String> syncedKinds) {
        Map<String, Object> metadata = map(object.get("metadata"));
        String name = String.valueOf(metadata.get("name"));
        if (kind.group().isEmpty() && PER_CLUSTER_OBJECTS.contains(kind.kind() + "/" + name)) {
            return "made by each cluster for itself";
        }
        if (kind.is("", "Secret") && "kubernetes.io/service-account-token".equals(object.get("type"))) {
            return "a service account token belongs to the cluster that issued it";
        }
        if ("true".equals(map(metadata.get("annotations")).get(SyncAnnotations.SKIP))) {
            return "annotated " + SyncAnnotations.SKIP + "=true";
        }
        if (metadata.get("deletionTimestamp") != null) {
            return "being deleted on the primary";
        }
        for (Object o : list(metadata.get("ownerReferences"))) {
            Map<String, Object> owner = map(o);
            if (Boolean.TRUE.equals(owner.get("controller"))) {
                String apiVersion = String.valueOf(owner.get("apiVersion"));
                String group = apiVersion.contains("/") ? apiVersion.substring(0, apiVersion.indexOf('/')) : "";
                String ownerKind = String.valueOf(owner.get("kind"));
                if (syncedKinds.contains(group.isEmpty() ? ownerKind : group + "/" + ownerKind)) {
                    return "made by its owner " + ownerKind + " " + owner.get("name") + ", which is carried over";
                }
            }
        }
        return null;
    }

    /** {@link #skipReason} of a listed or watched object: whether it is left out. */
    static boolean skipped(SyncKind kind, GenericKubernetesResource object, Set<String> syncedKinds) {
        return skipReason(kind, asMap(object), syncedKinds) != null;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> asMap(GenericKubernetesResource object) {
        return Json.convertValue(object, Map.class);
    }

    /** A cleaned deep copy of the object; the source is left as it is. */
    public static Map<String, Object> clean(SyncKind kind, Map<String, Object> source) {
        Map<String, Object> object = deepCopy(source);
        object.remove("status");
        object.put("apiVersion", kind.apiVersion());
        object.put("kind", kind.kind());
        Map<String, Object> metadata = map(object.get("metadata"));
        metadata.keySet().retainAll(KEPT_METADATA);
        Map<String, Object> labels = map(metadata.get("labels"));
        labels.keySet().removeIf(DROPPED_LABELS::contains);
        labels.remove(PlanLabels.MANAGED_BY, PlanLabels.MANAGER);
        Map<String, Object> annotations = map(metadata.get("annotations"));
        Parking.unparkRecorded(kind, object);
        annotations.keySet().removeIf(k -> DROPPED_ANNOTATIONS.contains(k) || k.startsWith(SyncAnnotations.PREFIX));
        dropIfEmpty(metadata, "labels");
        dropIfEmpty(metadata, "annotations");

        Map<String, Object> spec = map(object.get("spec"));
        switch (kind.label()) {
            case "Service" -> {
                if (!"None".equals(spec.get("clusterIP"))) {
                    spec.remove("clusterIP");
                    spec.remove("clusterIPs");
                }
                spec.remove("healthCheckNodePort");
                spec.remove("ipFamilies");
            }
            case "PersistentVolumeClaim" -> spec.remove("volumeName");
            case "ServiceAccount" -> object.remove("secrets");
            case "apps/StatefulSet" -> {
                for (Object t : list(spec.get("volumeClaimTemplates"))) {
                    Map<String, Object> template = map(t);
                    template.remove("status");
                    map(template.get("metadata")).remove("creationTimestamp");
                }
            }
            case "batch/Job" -> cleanJob(spec);
            default -> {
            }
        }
        removeNulls(object);
        return object;
    }

    /** A Job's generated selector and labels name the primary's Job uid; the standby's API server makes its own. */
    private static void cleanJob(Map<String, Object> spec) {
        if (!Boolean.TRUE.equals(spec.get("manualSelector"))) {
            spec.remove("selector");
            Map<String, Object> labels = map(map(map(spec.get("template")).get("metadata")).get("labels"));
            labels.keySet().removeAll(Set.of("controller-uid", "batch.kubernetes.io/controller-uid", "job-name",
                    "batch.kubernetes.io/job-name"));
        }
    }

    private static void dropIfEmpty(Map<String, Object> parent, String key) {
        if (parent.get(key) instanceof Map<?, ?> m && m.isEmpty()) {
            parent.remove(key);
        }
    }

    /** Nulls carry no information in an apply and {@code creationTimestamp: null} litters pod templates. */
    private static void removeNulls(Object node) {
        if (node instanceof Map<?, ?> m) {
            Iterator<? extends Map.Entry<?, ?>> it = m.entrySet().iterator();
            while (it.hasNext()) {
                Map.Entry<?, ?> e = it.next();
                if (e.getValue() == null) {
                    it.remove();
                } else {
                    removeNulls(e.getValue());
                }
            }
        } else if (node instanceof List<?> l) {
            l.forEach(ObjectCleaner::removeNulls);
        }
    }
}
