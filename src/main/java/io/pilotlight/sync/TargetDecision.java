package io.pilotlight.sync;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.pilotlight.core.PlanLabels;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * What the {@link TargetWriter} does with an object, decided from what is known of its copy alone:
 * no I/O here, so that every case is a unit test. Safety lives here: a copy without the plan's labels
 * is never overwritten nor deleted, unless the sync can show it is the origin of the source's object
 * ({@link Adoption}), and then it is adopted first.
 */
final class TargetDecision {

    private TargetDecision() {
    }

    /** The next step of an upsert. */
    sealed interface Upsert {
        /** The ledger says the copy of this very version is on the target: nothing to write. */
        record Unchanged(Copy known) implements Upsert {
        }

        /** Nothing is known: read the copy from the target, then decide again. */
        record Read() implements Upsert {
        }

        /** The target holds an object of that name that is not Pilotlight's. */
        record Conflict() implements Upsert {
        }

        /** The target holds the original of the source's object (re-protect): record the adoption, then apply. */
        record Adopt(GenericKubernetesResource current) implements Upsert {
        }

        /**
         * Apply the copy. {@code current}: the copy as listed, or null; {@code expectedUid}: the uid of
         * the copy the ledger knows (written as a precondition, so that a copy deleted or replaced
         * meanwhile fails the write instead of being taken over), or null.
         */
        record Apply(GenericKubernetesResource current, String expectedUid) implements Upsert {
            /** Taking over fields is only for a copy known to be Pilotlight's; a create must not clobber. */
            boolean force() {
                return current != null || expectedUid != null;
            }
        }
    }

    /** The next step of a delete. */
    sealed interface Delete {
        /** Prune is off, or the object on the target is not Pilotlight's: left as it is. */
        record Skip() implements Delete {
        }

        record Read() implements Delete {
        }

        /** No copy on the target. */
        record Gone() implements Delete {
        }

        /** Delete the copy, as long as it is still at this resourceVersion. */
        record Remove(String resourceVersion) implements Delete {
        }
    }

    /** @param adoptable whether an object of the target that is not Pilotlight's is the origin of the source's ({@link Adoption}) */
    static Upsert upsert(Copy known, String sourceUid, String sourceVersion, TargetCopy target, Map<String, String> ownLabels,
            Predicate<GenericKubernetesResource> adoptable) {
        if (target instanceof TargetCopy.Present present) {
            if (ours(present.object(), ownLabels)) {
                return new Upsert.Apply(present.object(), null);
            }
            return adoptable.test(present.object()) ? new Upsert.Adopt(present.object()) : new Upsert.Conflict();
        }
        if (target instanceof TargetCopy.Absent) {
            return new Upsert.Apply(null, null);
        }
        if (known == null) {
            return new Upsert.Read();
        }
        return known.of(sourceUid, sourceVersion) ? new Upsert.Unchanged(known) : new Upsert.Apply(null, known.targetUid());
    }

    static Delete delete(boolean prune, TargetCopy target, Map<String, String> ownLabels) {
        if (!prune) {
            return new Delete.Skip();
        }
        if (target instanceof TargetCopy.Present present) {
            return ours(present.object(), ownLabels) ? new Delete.Remove(present.object().getMetadata().getResourceVersion())
                    : new Delete.Skip();
        }
        return target instanceof TargetCopy.Absent ? new Delete.Gone() : new Delete.Read();
    }

    /** This session wrote the copy of this very version of the source, yet the write changed the copy again. */
    static boolean drift(Copy known, String sourceUid, String sourceVersion, GenericKubernetesResource current,
            GenericKubernetesResource written) {
        return current != null && known != null && known.of(sourceUid, sourceVersion)
                && !Objects.equals(current.getMetadata().getResourceVersion(), written.getMetadata().getResourceVersion());
    }

    static boolean ours(GenericKubernetesResource object, Map<String, String> ownLabels) {
        return PlanLabels.ownedBy(object.getMetadata().getLabels(), ownLabels);
    }
}
