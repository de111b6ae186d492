package io.pilotlight.sync;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;

/** A change seen on the source: the object as it was seen (for a delete, as it was last seen, or null). */
record Change(boolean delete, GenericKubernetesResource object) {
}
