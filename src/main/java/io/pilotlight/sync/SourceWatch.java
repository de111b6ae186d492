package io.pilotlight.sync;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.pilotlight.core.SyncKind;
import io.pilotlight.core.clusters.SlimStore;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.logging.Logger;

/**
 * The watch of the source site (Continuous): an informer per protected kind, cluster-wide where the
 * source's identity may watch the kind in every namespace ({@link ListScope}), else one per kind and
 * namespace; events of unprotected namespaces are dropped, and the caches are {@link SlimStore}s. The
 * events go to {@link Events}. Threads: the coordinator starts and drops informers ({@link #ensure},
 * {@link #synced}), and {@link #stop} runs once it has ended; the informers' own threads call
 * {@link Events}; writer threads read the caches ({@link #latest}). Hence the concurrent maps.
 */
final class SourceWatch {

    /** Where the informers' events go; called on the informers' threads. */
    interface Events {
        void changed(ObjectKey key, Change change);

        /** An object was seen missing in a relist after a gap in the watch: confirm with fresh lists. */
        void relisted();

        /** Why the source cannot be watched, or null once it can again. */
        void problem(String problem);

        /** Whether the session stops: no informer starts, retries or reports any more. */
        boolean stopped();
    }

    private static final Logger LOG = Logger.getLogger(SourceWatch.class);

    private final Site source;
    private final LabelSelector selector;
    private final String planKey;
    private final Events events;
    private final ListScope scope;
    private final Map<WatchKey, SharedIndexInformer<GenericKubernetesResource>> informers = new ConcurrentHashMap<>();
    /** Per informer: completes when its initial list is in. */
    private final Map<WatchKey, CompletableFuture<Void>> initialLists = new ConcurrentHashMap<>();

    SourceWatch(Site source, LabelSelector selector, String planKey, Events events, ListScope scope) {
        this.source = source;
        this.scope = scope;
        this.selector = selector;
        this.planKey = planKey;
        this.events = events;
    }

    /** Starts the informers that are missing (all of them at first, then those given up on). */
    void ensure(List<SyncKind> kinds, List<String> namespaces) {
        long t0 = System.nanoTime();
        int before = informers.size();
        Set<String> protectedNs = Set.copyOf(namespaces);
        for (SyncKind kind : kinds) {
            if (scope.clusterWide(source, kind, namespaces)) {
                informers.computeIfAbsent(WatchKey.everywhere(kind), k -> events.stopped() ? null : start(k, protectedNs));
                continue;
            }
            for (String ns : namespaces) {
                informers.computeIfAbsent(new WatchKey(kind, ns), k -> events.stopped() ? null : start(k, null));
            }
        }
        if (informers.size() > before) {
            LOG.debugf("sync of plan %s: %d informer(s) started in %d ms", planKey, informers.size() - before,
                    (System.nanoTime() - t0) / 1_000_000);
        }
    }

    /**
     * Whether there are informers and each has its initial list. Drops those that gave up on theirs,
     * for the next {@link #ensure} to make again.
     */
    boolean synced() {
        for (Map.Entry<WatchKey, CompletableFuture<Void>> e : List.copyOf(initialLists.entrySet())) {
            if (e.getValue().isCompletedExceptionally()) {
                SharedIndexInformer<GenericKubernetesResource> dead = informers.remove(e.getKey());
                if (dead != null) {
                    dead.stop();
                }
                initialLists.remove(e.getKey());
            }
        }
        return !initialLists.isEmpty() && initialLists.size() >= informers.size()
                && initialLists.values().stream().allMatch(CompletableFuture::isDone);
    }

    /** Whether a live, synced informer of the object's kind and namespace does not have it. */
    boolean lacks(ObjectKey key) {
        SharedIndexInformer<GenericKubernetesResource> informer = informerOf(key);
        return informer != null && informer.hasSynced() && informer.isWatching()
                && informer.getStore().getByKey(key.namespace() + "/" + key.name()) == null;
    }

    /**
     * The source's object as the informer knows it now (at least as new as the queued change), or null
     * when the informer, in sync with the source, no longer has it. Without a synced informer (Periodic
     * mode, a retry from a full pass) the object of the change itself.
     */
    GenericKubernetesResource latest(ObjectKey key, GenericKubernetesResource ofChange) {
        SharedIndexInformer<GenericKubernetesResource> informer = informerOf(key);
        if (informer == null || !informer.hasSynced()) {
            return ofChange;
        }
        return informer.getStore().getByKey(key.namespace() + "/" + key.name());
    }

    /** Stops the informers; after the coordinator, which starts them (and starts no more once stopped). */
    void stop() {
        informers.values().forEach(SharedIndexInformer::stop);
        informers.clear();
    }

    /** The informer that watches the object's kind and namespace: its namespace's, or its kind's cluster-wide one. */
    private SharedIndexInformer<GenericKubernetesResource> informerOf(ObjectKey key) {
        SharedIndexInformer<GenericKubernetesResource> informer = informers.get(WatchKey.of(key));
        return informer != null ? informer : informers.get(WatchKey.everywhere(key.kind()));
    }

    /** @param kept the protected namespaces for a cluster-wide informer, null for one in a namespace */
    private SharedIndexInformer<GenericKubernetesResource> start(WatchKey key, Set<String> kept) {
        var kindOp = source.client().genericKubernetesResources(key.kind().context());
        var op = kept == null ? kindOp.inNamespace(key.namespace()) : kindOp.inAnyNamespace();
        SharedIndexInformer<GenericKubernetesResource> informer =
                (selector == null ? op : op.withLabelSelector(selector)).runnableInformer(0);
        SlimStore store = SlimStore.withoutStatus(kept);
        informer.itemStore(store);
        informer.exceptionHandler((started, t) -> {
            if (!events.stopped()) {
                String problem = Site.describe("watching " + key + " " + source.on(), t);
                events.problem(problem);
                LOG.debugf("sync of plan %s: %s", planKey, problem);
            }
            return !events.stopped();
        });
        informer.addEventHandler(new Handler(key.kind(), store));
        initialLists.put(key, informer.start().toCompletableFuture().whenComplete((v, t) -> {
            if (t == null && !events.stopped()) {
                events.problem(null);
            }
        }));
        return informer;
    }

    private final class Handler implements ResourceEventHandler<GenericKubernetesResource> {

        private final SyncKind kind;
        private final SlimStore store;

        Handler(SyncKind kind, SlimStore store) {
            this.kind = kind;
            this.store = store;
        }

        @Override
        public void onAdd(GenericKubernetesResource obj) {
            changed(obj, false);
        }

        @Override
        public void onUpdate(GenericKubernetesResource old, GenericKubernetesResource obj) {
            if (!Objects.equals(old.getMetadata().getResourceVersion(), obj.getMetadata().getResourceVersion())) {
                changed(obj, false);
            }
        }

        @Override
        public void onDelete(GenericKubernetesResource obj, boolean deletedFinalStateUnknown) {
            if (!store.keeps(obj)) {
                return;
            }
            if (deletedFinalStateUnknown) {
                events.relisted();
            } else {
                changed(obj, true);
            }
        }

        private void changed(GenericKubernetesResource obj, boolean delete) {
            if (!events.stopped() && store.keeps(obj)) {
                events.changed(new ObjectKey(kind, obj.getMetadata().getNamespace(), obj.getMetadata().getName()),
                        new Change(delete, obj));
            }
        }
    }
}
