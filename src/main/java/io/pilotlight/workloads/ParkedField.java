package io.pilotlight.workloads;

import io.pilotlight.util.Json;
import io.pilotlight.util.ObjectMaps;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * One value that parking changes: where it is in the object, the {@code pilotlight.io/} annotation
 * that records what it was, and what it is while parked. Parking and undoing, as a copy or in place,
 * are all derived from it.
 *
 * @param record the annotation that holds the value before parking
 * @param path the keys leading to the value in the object
 * @param encode the value before parking (null when absent) as the annotation holds it
 * @param decode the value to put back from the annotation; null removes the field
 * @param parked the value while parked, from the value before parking
 */
record ParkedField(String record, List<String> path, Function<Object, String> encode, Function<String, Object> decode,
        UnaryOperator<Object> parked) {

    ParkedField {
        path = List.copyOf(path);
    }

    /** A value recorded as JSON, so that an absent one ({@code null}) is removed again when undone. */
    static ParkedField json(String record, UnaryOperator<Object> parked, String... path) {
        return new ParkedField(record, List.of(path), Json::asJson, v -> Json.unmarshal(v, Object.class), parked);
    }

    /** The value in the object now; null when it or a parent is absent. */
    Object get(Map<String, Object> object) {
        Object node = object;
        for (String key : path) {
            node = ObjectMaps.map(node).get(key);
        }
        return node;
    }

    String pointer() {
        return JsonPatch.pointer(path);
    }
}
