package io.pilotlight.testsupport;

import java.util.Map;

/** Reading an object's JSON tree (maps of maps) in a test. */
public final class JsonTrees {

    private JsonTrees() {
    }

    /** The map at {@code path} below {@code root}; the root itself for no path. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> map(Map<String, Object> root, String... path) {
        Map<String, Object> m = root;
        for (String p : path) {
            m = (Map<String, Object>) m.get(p);
        }
        return m;
    }
}
