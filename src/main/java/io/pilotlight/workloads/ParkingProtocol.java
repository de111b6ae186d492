package io.pilotlight.workloads;

import static io.pilotlight.util.ObjectMaps.map;

import io.pilotlight.core.SyncAnnotations;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The parking protocol: parks a workload and undoes it from its kind's {@link KindParking} alone. Both
 * come out as edits ({@link JsonPatch}) that a copy gets applied to its JSON tree and a site's own
 * object gets as a patch, so a copy and an object parked in place are parked and undone alike. What
 * parking changes is recorded in the object's {@code pilotlight.io/} annotations, and undoing puts
 * back exactly that.
 */
final class ParkingProtocol {

    private static final List<String> MARKS = List.of(SyncAnnotations.PARKED, SyncAnnotations.PARKED_BY);

    private ParkingProtocol() {
    }

    /**
     * @param edits what parks the object; none when it is parked already
     * @param held whether it is marked parked, rather than kept running at its own count (keepWarm)
     */
    record Parked(JsonPatch edits, boolean held) {
    }

    /**
     * Parks the object as the policy says; empty when the policy leaves it running as it is. A value
     * recorded already keeps its record (the value before the first parking) and is parked again if
     * it was changed back, and an object marked parked keeps its marks: parking twice changes nothing
     * the second time.
     *
     * @param object the object's JSON tree, only read
     */
    static Optional<Parked> park(WorkloadKind kind, ParkingPolicy policy, String version, Map<String, Object> object) {
        Map<String, Object> metadata = map(object.get("metadata"));
        Optional<KindParking.Change> change = policy.kinds().contains(kind)
                ? KindParking.of(kind).change(policy, version, labels(metadata)) : Optional.empty();
        if (change.isEmpty()) {
            return Optional.empty();
        }
        Map<String, Object> annotations = map(metadata.get("annotations"));
        JsonPatch records = new JsonPatch();
        JsonPatch values = new JsonPatch();
        for (ParkedField field : change.get().fields()) {
            Object current = field.get(object);
            if (!annotations.containsKey(field.record())) {
                records.set(JsonPatch.annotation(field.record()), field.encode().apply(current));
            }
            Object parked = field.parked().apply(current);
            if (!same(current, parked)) {
                values.set(field.pointer(), parked);
            }
        }
        String mark = change.get().mark();
        JsonPatch marks = new JsonPatch();
        if (mark != null && !annotations.containsKey(SyncAnnotations.PARKED)) {
            marks.set(JsonPatch.annotation(SyncAnnotations.PARKED), mark);
            if (policy.parkedBy() != null) {
                marks.set(JsonPatch.annotation(SyncAnnotations.PARKED_BY), policy.parkedBy());
            }
        }
        JsonPatch edits = new JsonPatch().addAll(records).addAll(values).addAll(marks);
        // An object without annotations has no map to add them to.
        if (annotations.isEmpty() && !edits.isEmpty()) {
            edits = new JsonPatch().set("/metadata/annotations", Map.of()).addAll(edits);
        }
        return Optional.of(new Parked(edits, mark != null));
    }

    /**
     * Undoes parking from what it recorded in the annotations: puts back each recorded value and
     * removes its record and the marks; empty when nothing is recorded (not parked).
     */
    static Optional<JsonPatch> undo(WorkloadKind kind, Map<String, ?> annotations) {
        List<ParkedField> recorded = KindParking.of(kind).fields().stream().filter(f -> annotations.containsKey(f.record())).toList();
        if (recorded.isEmpty() && !annotations.containsKey(SyncAnnotations.PARKED)) {
            return Optional.empty();
        }
        JsonPatch undo = new JsonPatch();
        for (ParkedField field : recorded) {
            Object before = field.decode().apply(String.valueOf(annotations.get(field.record())));
            if (before == null) {
                undo.remove(field.pointer());
            } else {
                undo.set(field.pointer(), before);
            }
            undo.remove(JsonPatch.annotation(field.record()));
        }
        MARKS.stream().filter(annotations::containsKey).forEach(m -> undo.remove(JsonPatch.annotation(m)));
        return Optional.of(undo);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, String> labels(Map<String, Object> metadata) {
        return (Map<String, String>) (Map<?, ?>) map(metadata.get("labels"));
    }

    private static boolean same(Object current, Object parked) {
        return current instanceof Number a && parked instanceof Number b ? a.longValue() == b.longValue()
                : Objects.equals(current, parked);
    }
}
