package io.pilotlight.sync;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.pilotlight.core.PlanLabels;
import io.pilotlight.core.Selectors;
import io.pilotlight.core.SyncAnnotations;
import io.pilotlight.util.Json;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Re-protect's hand-over: when the sync's target is a site a failover left, its objects are the
 * originals, not copies. One of them becomes the copy of the active site's object (is adopted) only
 * when Pilotlight can show that it is that object's origin: the active site's object is a copy whose
 * {@link SyncAnnotations#SOURCE} names the target site and this very object's uid (the sync made it from
 * this object), the object carries no Pilotlight label (not another plan's), is not being deleted, and
 * the plan's {@code protect.labelSelector} selects it (the namespace and kind are protected, or the sync
 * would not look). Anything else in the way of a copy is a conflict, left as it is.
 */
final class Adoption {

    private Adoption() {
    }

    static boolean adoptable(GenericKubernetesResource source, GenericKubernetesResource target, String targetSite,
            LabelSelector selector) {
        var meta = target.getMetadata();
        Map<String, String> labels = meta.getLabels() == null ? Map.of() : meta.getLabels();
        if (labels.containsKey(PlanLabels.PLAN) || labels.containsKey(PlanLabels.ADOPTED) || meta.getDeletionTimestamp() != null
                || !Selectors.matches(selector, labels)) {
            return false;
        }
        Map<String, String> origin = origin(source);
        return targetSite.equals(origin.get("site")) && meta.getUid() != null && meta.getUid().equals(origin.get("uid"));
    }

    /**
     * The merge patch that records the adoption on the object: the plan's labels (from now on it is
     * Pilotlight's copy), {@link PlanLabels#ADOPTED} and {@link SyncAnnotations#ADOPTED}; the mark of
     * in-place parking goes, since the sync holds it parked from now on. Guarded by the resourceVersion
     * read, so an object changed meanwhile is looked at again.
     */
    static Map<String, Object> patch(GenericKubernetesResource target, String targetSite, Map<String, String> ownLabels,
            Instant now) {
        Map<String, Object> labels = new HashMap<>(ownLabels);
        labels.put(PlanLabels.ADOPTED, "true");
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("site", targetSite);
        record.put("uid", target.getMetadata().getUid());
        record.put("at", now.toString());
        Map<String, Object> annotations = new HashMap<>();
        annotations.put(SyncAnnotations.ADOPTED, Json.asJson(record));
        annotations.put(SyncAnnotations.PARKED_BY, null);
        Map<String, Object> metadata = new HashMap<>();
        metadata.put("resourceVersion", target.getMetadata().getResourceVersion());
        metadata.put("labels", labels);
        metadata.put("annotations", annotations);
        return Map.of("metadata", metadata);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, String> origin(GenericKubernetesResource source) {
        Map<String, String> annotations = source.getMetadata().getAnnotations();
        String value = annotations == null ? null : annotations.get(SyncAnnotations.SOURCE);
        if (value == null) {
            return Map.of();
        }
        try {
            Map<String, Object> parsed = Json.unmarshal(value, Map.class);
            Map<String, String> out = new HashMap<>();
            parsed.forEach((k, v) -> out.put(k, v == null ? null : String.valueOf(v)));
            return out;
        } catch (RuntimeException e) {
            return Map.of(); // not written by Pilotlight, or edited: proves nothing
        }
    }
}
