package io.pilotlight.sync;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;

/**
 * What Pilotlight knows of a copy it holds on the target: which version of the source it copied, and
 * which version of the copy that write left ({@link #versionOf}).
 */
record Copy(String sourceUid, String sourceVersion, String targetUid, String targetVersion, boolean parked) {

    /** Whether this copy was made from exactly this version of the source object. */
    boolean of(String uid, String resourceVersion) {
        return sourceUid.equals(uid) && sourceVersion.equals(resourceVersion);
    }

    /** What changes when someone changes the copy: its generation when it has one, otherwise its resourceVersion. */
    static String versionOf(GenericKubernetesResource object) {
        Long generation = object.getMetadata().getGeneration();
        return generation != null && generation > 0 ? "g" + generation : "rv" + object.getMetadata().getResourceVersion();
    }
}
