package io.pilotlight.sync;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;

/** One write handed from the coordinator to a writer thread; immutable. */
sealed interface WriteTask {

    ObjectKey key();

    /**
     * Make the copy of {@code source} on the target.
     *
     * @param known what the ledger held for the key when the task was made, or null
     */
    record Upsert(ObjectKey key, GenericKubernetesResource source, TargetCopy target, Copy known) implements WriteTask {
    }

    /** Delete the copy whose source is gone, if it is Pilotlight's. */
    record Delete(ObjectKey key, TargetCopy target) implements WriteTask {
    }
}
