package io.pilotlight.workloads;

import io.pilotlight.util.Json;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** An RFC 6902 JSON patch being built: applied in one request, so a change is all or nothing. */
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

    /** The path of an annotation ({@code /} escaped as the RFC says). */
    static String annotation(String key) {
        return "/metadata/annotations/" + escape(key);
    }

    static String escape(String key) {
        return key.replace("~", "~0").replace("/", "~1");
    }

    public List<Map<String, Object>> ops() {
        return ops;
    }

    public String toJson() {
        return Json.asJson(ops);
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
