package io.pilotlight.workloads;

import io.pilotlight.util.Json;
import io.pilotlight.util.ObjectMaps;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An RFC 6902 JSON patch being built: applied in one request, so a change is all or nothing. The
 * parking protocol also applies it to a copy's JSON tree ({@link #applyTo}), so that a copy and an
 * object parked in place get the very same edits.
 */
public final class JsonPatch {

    private final List<Map<String, Object>> ops = new ArrayList<>();

    /** Makes the patch fail unless the object is still the one that was read. */
    JsonPatch test(String path, Object value) {
        return op("test", path, value);
    }

    /** Sets a value, whether or not it is there. */
    JsonPatch set(String path, Object value) {
        return op("add", path, value);
    }

    JsonPatch remove(String path) {
        Map<String, Object> op = new LinkedHashMap<>();
        op.put("op", "remove");
        op.put("path", path);
        ops.add(op);
        return this;
    }

    JsonPatch addAll(JsonPatch other) {
        ops.addAll(other.ops);
        return this;
    }

    boolean isEmpty() {
        return ops.isEmpty();
    }

    /** The path of an annotation ({@code /} escaped as the RFC says). */
    static String annotation(String key) {
        return pointer(List.of("metadata", "annotations", key));
    }

    /** The RFC 6901 pointer to the field at these keys. */
    static String pointer(List<String> keys) {
        StringBuilder pointer = new StringBuilder();
        keys.forEach(k -> pointer.append('/').append(k.replace("~", "~0").replace("/", "~1")));
        return pointer.toString();
    }

    /**
     * Applies the patch to an object's JSON tree (maps). Unlike the API server it creates a missing
     * parent of a value it sets and ignores the removal of a missing value: a copy being built has
     * none of the fields the server would add.
     */
    void applyTo(Map<String, Object> object) {
        for (Map<String, Object> op : ops) {
            List<String> keys = keys(String.valueOf(op.get("path")));
            String last = keys.get(keys.size() - 1);
            List<String> parents = keys.subList(0, keys.size() - 1);
            switch (String.valueOf(op.get("op"))) {
                case "add" -> {
                    Map<String, Object> parent = object;
                    for (String key : parents) {
                        parent = ObjectMaps.child(parent, key);
                    }
                    Object value = op.get("value");
                    parent.put(last, value instanceof Map<?, ?> m ? ObjectMaps.deepCopy(ObjectMaps.map(m)) : value);
                }
                case "remove" -> {
                    Map<String, Object> parent = object;
                    for (String key : parents) {
                        parent = ObjectMaps.map(parent.get(key));
                    }
                    parent.remove(last);
                }
                // A test guards a request against a concurrent change; a copy being built has none.
                default -> throw new IllegalArgumentException("not applicable to a copy: " + op);
            }
        }
    }

    public List<Map<String, Object>> ops() {
        return ops;
    }

    public String toJson() {
        return Json.asJson(ops);
    }

    private static List<String> keys(String pointer) {
        List<String> keys = new ArrayList<>();
        for (String part : pointer.substring(1).split("/", -1)) {
            keys.add(part.replace("~1", "/").replace("~0", "~"));
        }
        return keys;
    }

    private JsonPatch op(String name, String path, Object value) {
        Map<String, Object> op = new LinkedHashMap<>();
        op.put("op", name);
        op.put("path", path);
        op.put("value", value);
        ops.add(op);
        return this;
    }
}
