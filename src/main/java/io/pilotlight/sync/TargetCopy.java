package io.pilotlight.sync;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;

/** What is known of an object's copy on the target when a write is handed out. */
sealed interface TargetCopy {

    /** A list of the target just showed there is no copy. */
    record Absent() implements TargetCopy {
    }

    /** Not looked at (a change followed by a watch): the ledger, or the target itself, says. */
    record Unknown() implements TargetCopy {
    }

    /** A list of the target just returned this object. */
    record Present(GenericKubernetesResource object) implements TargetCopy {
    }

    TargetCopy ABSENT = new Absent();
    TargetCopy UNKNOWN = new Unknown();

    static TargetCopy listed(GenericKubernetesResource objectOrNull) {
        return objectOrNull == null ? ABSENT : new Present(objectOrNull);
    }
}
