package io.pilotlight.sync;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The full pass as a pure function: from what both sites list and what the ledger knows, the writes
 * that make the target match the source. A copy confirmed in sync is not written; a copy whose source
 * is gone is deleted only when it is Pilotlight's, prune is on and every list of the source succeeded
 * (otherwise it is held); an object of the target that is not Pilotlight's is never deleted and, in the
 * way of a copy, is left to the writer to report as a conflict.
 */
final class FullPassDiff {

    /**
     * The writes, how many copies were confirmed in sync, how many prunes were held, what was seen, and
     * the orphans: objects of the target that Pilotlight neither made nor adopted and the source does not
     * have, when the plan reports them (a site left by a failover), else none.
     */
    record Result(List<WriteTask> tasks, int confirmed, int held, Seen seen, List<ObjectKey> orphans) {
    }

    /**
     * What the listings showed.
     *
     * @param sources the source's objects that are carried over, in listing order
     * @param targets every object the target listed (Pilotlight's or not)
     * @param compared the kinds and namespaces both sites listed
     * @param complete every list of the source succeeded
     * @param targetListed every list of the target succeeded
     * @param sourceProblem the last failed list of the source, or null
     * @param targetProblem the last failed list of the target, or null
     */
    record Seen(Map<ObjectKey, GenericKubernetesResource> sources, Map<ObjectKey, GenericKubernetesResource> targets,
            Set<WatchKey> compared, boolean complete, boolean targetListed, String sourceProblem, String targetProblem) {

        static Seen of(List<Listing> listings, Set<String> syncedKinds) {
            Map<ObjectKey, GenericKubernetesResource> sources = new LinkedHashMap<>();
            Map<ObjectKey, GenericKubernetesResource> targets = new LinkedHashMap<>();
            Set<WatchKey> compared = new HashSet<>();
            String sourceProblem = null;
            String targetProblem = null;
            for (Listing l : listings) {
                if (l.sourceProblem() != null) {
                    sourceProblem = l.sourceProblem();
                } else if (l.targetProblem() != null) {
                    targetProblem = l.targetProblem();
                } else {
                    compared.add(l.key());
                    for (GenericKubernetesResource o : l.source()) {
                        if (!ObjectCleaner.skipped(l.key().kind(), o, syncedKinds)) {
                            sources.put(key(l, o), o);
                        }
                    }
                    l.target().forEach(o -> targets.put(key(l, o), o));
                }
            }
            boolean complete = listings.stream().allMatch(l -> l.sourceProblem() == null);
            boolean targetListed = listings.stream().allMatch(l -> l.targetProblem() == null);
            return new Seen(sources, targets, compared, complete, targetListed, sourceProblem, targetProblem);
        }

        /** Whether the ledger may forget its copy of the key: the source is gone where this pass looked. */
        boolean copyGone(ObjectKey key) {
            return sourceGone(key) && (complete || !targets.containsKey(key));
        }

        /** Whether no source object was found for the key where this pass looked. */
        boolean sourceGone(ObjectKey key) {
            return compared.contains(WatchKey.of(key)) && !sources.containsKey(key);
        }

        private static ObjectKey key(Listing listing, GenericKubernetesResource object) {
            return new ObjectKey(listing.key().kind(), listing.key().namespace(), object.getMetadata().getName());
        }
    }

    private FullPassDiff() {
    }

    /**
     * @param known what the ledger holds for a key, or null
     * @param ownLabels the labels that make an object Pilotlight's, for this plan
     * @param syncedKinds labels of the kinds carried over (for {@link ObjectCleaner#skipReason})
     * @param orphan which of the target's objects that are not Pilotlight's and lack a source are reported
     *        (never touched); null: none
     */
    static Result diff(List<Listing> listings, Function<ObjectKey, Copy> known, Map<String, String> ownLabels,
            Set<String> syncedKinds, boolean prune, Predicate<GenericKubernetesResource> orphan) {
        Seen seen = Seen.of(listings, syncedKinds);
        List<WriteTask> tasks = new ArrayList<>();
        int confirmed = 0;
        for (Map.Entry<ObjectKey, GenericKubernetesResource> e : seen.sources().entrySet()) {
            ObjectKey key = e.getKey();
            GenericKubernetesResource copy = seen.targets().get(key);
            Copy copyKnown = known.apply(key);
            if (copy != null && inSync(copyKnown, e.getValue(), copy, ownLabels)) {
                confirmed++;
            } else {
                tasks.add(new WriteTask.Upsert(key, e.getValue(), TargetCopy.listed(copy), copyKnown));
            }
        }
        int held = 0;
        List<ObjectKey> orphans = new ArrayList<>();
        for (Map.Entry<ObjectKey, GenericKubernetesResource> e : seen.targets().entrySet()) {
            if (seen.sources().containsKey(e.getKey())) {
                continue;
            }
            if (!TargetDecision.ours(e.getValue(), ownLabels)) {
                if (orphan != null && !ObjectCleaner.skipped(e.getKey().kind(), e.getValue(), syncedKinds)
                        && orphan.test(e.getValue())) {
                    orphans.add(e.getKey());
                }
                continue;
            }
            if (seen.complete() && prune) {
                tasks.add(new WriteTask.Delete(e.getKey(), new TargetCopy.Present(e.getValue())));
            } else {
                held++;
            }
        }
        return new Result(List.copyOf(tasks), confirmed, held, seen, List.copyOf(orphans));
    }

    /** The copy on the target is ours and matches the source's object as last written. */
    private static boolean inSync(Copy known, GenericKubernetesResource source, GenericKubernetesResource copy,
            Map<String, String> ownLabels) {
        return known != null && TargetDecision.ours(copy, ownLabels)
                && known.of(source.getMetadata().getUid(), source.getMetadata().getResourceVersion())
                && known.targetUid().equals(copy.getMetadata().getUid())
                && known.targetVersion().equals(Copy.versionOf(copy));
    }
}
