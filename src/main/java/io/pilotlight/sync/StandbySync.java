package io.pilotlight.sync;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceList;
import io.fabric8.kubernetes.api.model.ListOptionsBuilder;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.FilterWatchListDeletable;
import io.fabric8.kubernetes.client.dsl.Resource;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.pilotlight.api.v1alpha1.plan.SyncMode;
import io.pilotlight.core.PlanLabels;
import io.pilotlight.core.SyncAnnotations;
import io.pilotlight.core.SyncKind;
import io.pilotlight.util.Json;
import io.pilotlight.util.ObjectMaps;
import io.pilotlight.util.RemoteErrors;
import io.pilotlight.workloads.Parking;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * The sync of one plan: keeps the standby's copies of the protected objects identical to the
 * primary's, parked. One coordinator thread per plan owns the state; the writes of a batch run on
 * the engine's shared writer pool, at most {@code parallelism} at a time, one per object.
 *
 * <ul>
 * <li>{@code Continuous}: after the first full pass, an informer per protected kind and namespace on
 * the primary feeds a bounded, coalescing {@link WorkQueue}; the coordinator writes each change to
 * the standby. (Starting them after the first pass keeps their initial lists from competing with
 * it; what changed in between shows up in their initial lists and is written, what was deleted in
 * between is found missing from their caches.)</li>
 * <li>Full passes (every {@code sync.interval}, at start, after a queue overflow or an informer
 * relist): list both sites, write what differs, delete the copies whose source is gone. This is all
 * that {@code Periodic} does.</li>
 * </ul>
 *
 * Safety: nothing is written over an object of the standby that does not carry the plan's labels
 * (a conflict, reported); nothing without them is deleted; a full pass whose primary lists did not
 * all succeed deletes nothing; a primary that does not answer leaves the standby as it is.
 */
final class StandbySync {

    private static final Logger LOG = Logger.getLogger(StandbySync.class);
    private static final Duration INCOMPLETE_PASS_RETRY = Duration.ofSeconds(10);
    private static final Duration MAX_BACKOFF = Duration.ofMinutes(5);
    private static final long LIST_PAGE = 500;

    /** A change seen on the primary: the object as it was seen (for a delete, as it was last seen). */
    record Change(boolean delete, GenericKubernetesResource object) {
    }

    /** What Pilotlight knows of a copy it holds on the standby. */
    record Copy(String sourceUid, String sourceVersion, String standbyUid, String standbyVersion, boolean parked) {
    }

    enum Result {
        WRITTEN, UNCHANGED, DELETED, GONE, CONFLICT, SKIPPED, FAILED, IGNORED
    }

    /** What one write did; applied to the session's state by the coordinator alone. */
    record Outcome(ObjectKey key, Result result, Copy copy, String detail, boolean drift, boolean standbyDown,
            boolean permanent) {

        static Outcome of(ObjectKey key, Result result, String detail) {
            return new Outcome(key, result, null, detail, false, false, false);
        }
    }

    private final SyncSettings settings;
    private final KubernetesClient primary;
    private final KubernetesClient standby;
    private final ExecutorService writers;
    private final Semaphore inFlight;
    private final int parallelism;
    private final Clock clock;
    private final Parking parking;
    private final Map<String, String> ownLabels;
    private final WorkQueue<ObjectKey, Change> queue;
    private final LagWindow lag = new LagWindow(1024);

    private final Map<ObjectKey, Copy> ledger = new ConcurrentHashMap<>();
    private final Map<ObjectKey, String> conflicts = new ConcurrentHashMap<>();
    private final Map<ObjectKey, String> failures = new ConcurrentHashMap<>();
    private final Map<String, SharedIndexInformer<GenericKubernetesResource>> informers = new ConcurrentHashMap<>();
    private final Set<String> standbyNamespaces = ConcurrentHashMap.newKeySet();
    /** Per informer (same keys as {@link #informers}): completes when its initial list is in. */
    private final Map<String, CompletableFuture<Void>> informersSynced = new ConcurrentHashMap<>();

    private volatile List<SyncKind> kinds;
    private volatile Set<String> kindLabels = Set.of();
    private volatile List<String> unknownKinds = List.of();
    private volatile String primaryProblem;
    private volatile String standbyProblem;
    private volatile Instant lastFullSync;
    private volatile int driftCount;
    private volatile int heldPrunes;
    private volatile boolean initialPassDone;
    private volatile boolean fullPassRequested = true;
    private volatile boolean stopped;
    private long nextFullPass;
    private volatile boolean cachesReconciled;
    private Thread thread;

    StandbySync(SyncSettings settings, KubernetesClient primary, KubernetesClient standby, ExecutorService writers,
            int parallelism, int queueCapacity, Clock clock) {
        this.settings = settings;
        this.primary = primary;
        this.standby = standby;
        this.writers = writers;
        this.parallelism = parallelism;
        this.inFlight = new Semaphore(parallelism);
        this.clock = clock;
        this.parking = new Parking(settings.pilotLight());
        this.ownLabels = PlanLabels.of(settings.planNamespace(), settings.planName());
        this.queue = new WorkQueue<>(queueCapacity);
    }

    SyncSettings settings() {
        return settings;
    }

    boolean uses(KubernetesClient primary, KubernetesClient standby) {
        return this.primary == primary && this.standby == standby;
    }

    synchronized void start() {
        thread = new Thread(this::run, "pilotlight-sync-" + settings.planKey());
        thread.setDaemon(true);
        thread.start();
    }

    /** Stops the informers and the coordinator; a write in flight may still finish. */
    void stop() {
        stopped = true;
        queue.wakeUp();
        Thread t;
        synchronized (this) {
            t = thread;
        }
        if (t != null) {
            t.interrupt();
            try {
                t.join(2_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        // After the coordinator, which starts them (and starts no more once stopped).
        informers.values().forEach(SharedIndexInformer::stop);
        informers.clear();
        queue.clear();
    }

    /** Asks for a full pass as soon as the current batch is written. */
    void requestFullPass() {
        fullPassRequested = true;
        queue.wakeUp();
    }

    SyncReport report() {
        Set<ObjectKey> pending = new HashSet<>(queue.keys());
        int inSync = 0;
        int parked = 0;
        for (Map.Entry<ObjectKey, Copy> e : ledger.entrySet()) {
            if (!pending.contains(e.getKey()) && !failures.containsKey(e.getKey())) {
                inSync++;
                if (e.getValue().parked()) {
                    parked++;
                }
            }
        }
        boolean following = initialPassDone && (settings.mode() != SyncMode.CONTINUOUS || cachesReconciled);
        SyncReport.Phase phase = kinds == null ? SyncReport.Phase.STARTING
                : following ? SyncReport.Phase.RUNNING : SyncReport.Phase.INITIAL_SYNC;
        Long oldest = queue.oldestSeenNanos();
        long oldestMillis = oldest == null ? 0 : Math.max(0, (System.nanoTime() - oldest) / 1_000_000);
        return new SyncReport(settings.mode(), phase, settings.namespaces().size(), inSync, parked, conflicts.size(),
                listed(conflicts), failures.size(), listed(failures), driftCount, lastFullSync, lag.percentile(50),
                lag.percentile(99), lag.count(), pending.size(), oldestMillis, unknownKinds, primaryProblem, standbyProblem,
                heldPrunes);
    }

    private static List<String> listed(Map<ObjectKey, String> problems) {
        return problems.entrySet().stream().map(e -> e.getKey() + (e.getValue().isEmpty() ? "" : ": " + e.getValue()))
                .sorted().limit(SyncReport.LISTED).toList();
    }

    // ---------------------------------------------------------------- coordinator

    private void run() {
        LOG.infof("sync of plan %s started: %s, %d namespace(s)", settings.planKey(), settings.mode(), settings.namespaces().size());
        long backoff = 1_000;
        while (!stopped) {
            try {
                if (kinds == null) {
                    resolveKinds();
                }
                if (settings.mode() == SyncMode.CONTINUOUS && initialPassDone) {
                    // Started after the first full pass, so that their initial lists do not compete with it.
                    ensureInformers();
                    reconcileWithCaches();
                }
                if (queue.takeOverflow()) {
                    LOG.infof("sync of plan %s: work queue full, falling back to a full pass", settings.planKey());
                    fullPassRequested = true;
                }
                if (fullPassRequested || System.nanoTime() - nextFullPass >= 0) {
                    fullPassRequested = false;
                    boolean complete = fullPass();
                    Duration next = complete ? settings.interval() : min(settings.interval(), INCOMPLETE_PASS_RETRY);
                    nextFullPass = System.nanoTime() + next.toNanos();
                }
                long wait = Math.max(0, nextFullPass - System.nanoTime());
                if (settings.mode() == SyncMode.CONTINUOUS && !cachesReconciled) {
                    wait = Math.min(wait, Duration.ofMillis(200).toNanos());
                }
                List<WorkQueue.Item<ObjectKey, Change>> batch = queue.take(parallelism * 4, wait);
                if (!batch.isEmpty() && !stopped) {
                    process(batch);
                }
                backoff = 1_000;
            } catch (InterruptedException e) {
                break;
            } catch (KubernetesClientException e) {
                if (stopped || Thread.currentThread().isInterrupted()) {
                    break;
                }
                primaryProblem = describe("reading the primary's API discovery", e);
                LOG.debugf("sync of plan %s: %s", settings.planKey(), primaryProblem);
                backoff = sleep(backoff);
            } catch (RuntimeException e) {
                if (stopped) {
                    break;
                }
                LOG.warnf("sync of plan %s: unexpected error, retrying: %s", settings.planKey(), RemoteErrors.describe(e));
                if (!RemoteErrors.fromRemote(e)) {
                    LOG.debug("the error, which no remote server caused", e);
                }
                backoff = sleep(backoff);
            }
        }
        LOG.infof("sync of plan %s stopped", settings.planKey());
    }

    private long sleep(long backoff) {
        try {
            Thread.sleep(backoff);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stopped = true;
        }
        return Math.min(backoff * 2, 30_000);
    }

    private void resolveKinds() {
        long t0 = System.nanoTime();
        KindResolver.Resolution r = KindResolver.resolve(primary, settings.kinds());
        LOG.debugf("sync of plan %s: %d kind(s) mapped in %d ms", settings.planKey(), r.kinds().size(),
                (System.nanoTime() - t0) / 1_000_000);
        unknownKinds = r.unknown();
        kindLabels = r.kinds().stream().map(SyncKind::label).collect(Collectors.toUnmodifiableSet());
        kinds = r.kinds();
        primaryProblem = null;
        if (!r.unknown().isEmpty()) {
            LOG.infof("sync of plan %s: kinds left out: %s", settings.planKey(), r.unknown());
        }
    }

    // ---------------------------------------------------------------- informers (Continuous)

    private void ensureInformers() {
        long t0 = System.nanoTime();
        int before = informers.size();
        for (SyncKind kind : kinds) {
            for (String ns : settings.namespaces()) {
                informers.computeIfAbsent(kind.label() + "|" + ns, k -> stopped ? null : startInformer(kind, ns));
            }
        }
        if (informers.size() > before) {
            LOG.debugf("sync of plan %s: %d informer(s) started in %d ms", settings.planKey(), informers.size() - before,
                    (System.nanoTime() - t0) / 1_000_000);
        }
    }

    private SharedIndexInformer<GenericKubernetesResource> startInformer(SyncKind kind, String ns) {
        FilterWatchListDeletable<GenericKubernetesResource, GenericKubernetesResourceList, Resource<GenericKubernetesResource>> op =
                primary.genericKubernetesResources(kind.context()).inNamespace(ns);
        if (settings.labelSelector() != null) {
            op = op.withLabelSelector(settings.labelSelector());
        }
        SharedIndexInformer<GenericKubernetesResource> informer = op.runnableInformer(0);
        informer.exceptionHandler((started, t) -> {
            if (!stopped) {
                primaryProblem = describe("watching " + kind.label() + " in " + ns + " on the primary", t);
                LOG.debugf("sync of plan %s: %s", settings.planKey(), primaryProblem);
            }
            return !stopped;
        });
        informer.addEventHandler(new ResourceEventHandler<>() {
            @Override
            public void onAdd(GenericKubernetesResource obj) {
                changed(kind, obj, false);
            }

            @Override
            public void onUpdate(GenericKubernetesResource old, GenericKubernetesResource obj) {
                if (!Objects.equals(old.getMetadata().getResourceVersion(), obj.getMetadata().getResourceVersion())) {
                    changed(kind, obj, false);
                }
            }

            @Override
            public void onDelete(GenericKubernetesResource obj, boolean deletedFinalStateUnknown) {
                if (deletedFinalStateUnknown) {
                    // Seen missing in a relist after a gap in the watch: confirm with fresh lists.
                    requestFullPass();
                } else {
                    changed(kind, obj, true);
                }
            }
        });
        informersSynced.put(kind.label() + "|" + ns, informer.start().toCompletableFuture().whenComplete((v, t) -> {
            if (t == null && !stopped) {
                primaryProblem = null;
            }
        }));
        return informer;
    }

    /**
     * Once every informer has its initial list: the copies the ledger holds whose source is missing
     * from the informers' caches were deleted on the primary while the informers started (after the
     * first full pass listed them), and are queued for deletion (checked again when handled).
     */
    private void reconcileWithCaches() {
        if (cachesReconciled || informersSynced.isEmpty()) {
            return;
        }
        for (Map.Entry<String, CompletableFuture<Void>> e : List.copyOf(informersSynced.entrySet())) {
            if (e.getValue().isCompletedExceptionally()) {
                // Gave up on its initial list: made again by the next ensureInformers().
                SharedIndexInformer<GenericKubernetesResource> dead = informers.remove(e.getKey());
                if (dead != null) {
                    dead.stop();
                }
                informersSynced.remove(e.getKey());
            }
        }
        if (informersSynced.size() < informers.size() || !informersSynced.values().stream().allMatch(CompletableFuture::isDone)) {
            return;
        }
        cachesReconciled = true;
        int gone = 0;
        for (ObjectKey key : List.copyOf(ledger.keySet())) {
            SharedIndexInformer<GenericKubernetesResource> informer = informers.get(key.kind().label() + "|" + key.namespace());
            if (informer != null && informer.hasSynced() && informer.isWatching()
                    && informer.getStore().getByKey(key.namespace() + "/" + key.name()) == null) {
                queue.offer(key, new Change(true, null), System.nanoTime());
                gone++;
            }
        }
        LOG.debugf("sync of plan %s: informers synced; %d copy(ies) whose source went meanwhile queued for deletion",
                settings.planKey(), gone);
    }

    private void changed(SyncKind kind, GenericKubernetesResource obj, boolean delete) {
        if (stopped) {
            return;
        }
        ObjectKey key = new ObjectKey(kind, obj.getMetadata().getNamespace(), obj.getMetadata().getName());
        queue.offer(key, new Change(delete, obj), System.nanoTime());
    }

    /**
     * The primary's object as the informer knows it now (at least as new as the queued change), or
     * null when the informer, in sync with the primary, no longer has it. Without a synced informer
     * (Periodic mode, a retry from a full pass) the object of the change itself.
     */
    private GenericKubernetesResource latest(ObjectKey key, GenericKubernetesResource ofChange) {
        SharedIndexInformer<GenericKubernetesResource> informer = informers.get(key.kind().label() + "|" + key.namespace());
        if (informer == null || !informer.hasSynced()) {
            return ofChange;
        }
        return informer.getStore().getByKey(key.namespace() + "/" + key.name());
    }

    // ---------------------------------------------------------------- changes

    private void process(List<WorkQueue.Item<ObjectKey, Change>> batch) throws InterruptedException {
        List<Callable<Outcome>> tasks = new ArrayList<>();
        for (WorkQueue.Item<ObjectKey, Change> item : batch) {
            tasks.add(() -> handle(item));
        }
        List<Outcome> outcomes = runAll(tasks);
        long now = System.nanoTime();
        for (int i = 0; i < outcomes.size(); i++) {
            WorkQueue.Item<ObjectKey, Change> item = batch.get(i);
            Outcome o = outcomes.get(i);
            apply(o);
            if (o.result() == Result.FAILED) {
                queue.retry(item, now + backoff(item.attempts(), o.standbyDown()).toNanos());
            } else if ((o.result() == Result.WRITTEN || o.result() == Result.DELETED) && item.attempts() == 0) {
                lag.record((now - item.seenNanos()) / 1_000_000);
            }
        }
    }

    private Outcome handle(WorkQueue.Item<ObjectKey, Change> item) {
        ObjectKey key = item.key();
        Change change = item.value();
        GenericKubernetesResource now = latest(key, change.delete() ? null : change.object());
        if (now != null) {
            return upsert(key, now, null); // a delete followed by a re-creation ends here too
        }
        // Only a delete seen by a live watch deletes; an object merely missing from a cache does not.
        return change.delete() ? delete(key, null) : Outcome.of(key, Result.IGNORED, "");
    }

    private static Duration backoff(int attempts, boolean standbyDown) {
        long base = standbyDown ? 1 : 15;
        long seconds = base << Math.min(attempts, 10);
        return min(Duration.ofSeconds(seconds), standbyDown ? Duration.ofSeconds(30) : MAX_BACKOFF);
    }

    /** Applies an outcome to the session's state. Coordinator thread only. */
    private void apply(Outcome o) {
        ObjectKey key = o.key();
        switch (o.result()) {
            case WRITTEN, UNCHANGED -> {
                if (o.copy() != null) {
                    ledger.put(key, o.copy());
                }
                conflicts.remove(key);
                failures.remove(key);
                standbyProblem = null;
            }
            case DELETED, GONE, SKIPPED -> {
                ledger.remove(key);
                conflicts.remove(key);
                failures.remove(key);
            }
            case CONFLICT -> {
                ledger.remove(key);
                failures.remove(key);
                conflicts.put(key, o.detail());
            }
            case FAILED -> {
                if (o.standbyDown()) {
                    standbyProblem = o.detail();
                } else {
                    failures.put(key, o.detail());
                }
            }
            case IGNORED -> {
            }
        }
    }

    // ---------------------------------------------------------------- full pass

    /**
     * Lists both sites, writes what differs, deletes the copies whose source is gone (only when every
     * primary list succeeded). Returns whether every list of the primary succeeded.
     */
    private boolean fullPass() throws InterruptedException {
        Instant started = clock.instant();
        boolean complete = true;
        boolean standbyReadable = true;
        Map<ObjectKey, GenericKubernetesResource> onPrimary = new LinkedHashMap<>();
        Map<ObjectKey, GenericKubernetesResource> onStandby = new HashMap<>();
        Set<String> compared = new HashSet<>();
        List<Callable<Lists>> reads = new ArrayList<>();
        for (String ns : settings.namespaces()) {
            for (SyncKind kind : kinds) {
                reads.add(() -> read(kind, ns));
            }
        }
        for (Lists l : runAll(reads)) {
            if (stopped) {
                return false;
            }
            if (l.primaryProblem() != null) {
                complete = false;
                primaryProblem = l.primaryProblem();
                continue;
            }
            if (l.standbyProblem() != null) {
                standbyReadable = false;
                standbyProblem = l.standbyProblem();
                continue;
            }
            compared.add(l.kind().label() + "|" + l.namespace());
            for (GenericKubernetesResource o : l.source()) {
                if (ObjectCleaner.skipReason(l.kind(), asMap(o), kindLabels) == null) {
                    onPrimary.put(new ObjectKey(l.kind(), l.namespace(), o.getMetadata().getName()), o);
                }
            }
            for (GenericKubernetesResource o : l.copies()) {
                onStandby.put(new ObjectKey(l.kind(), l.namespace(), o.getMetadata().getName()), o);
            }
        }
        if (complete) {
            primaryProblem = null;
        }
        LOG.debugf("sync of plan %s: full pass read %d kind(s) x %d namespace(s) from both sites in %d ms", settings.planKey(),
                kinds.size(), settings.namespaces().size(), Duration.between(started, clock.instant()).toMillis());

        List<ObjectKey> keys = new ArrayList<>();
        List<Callable<Outcome>> tasks = new ArrayList<>();
        Set<ObjectKey> confirmed = new HashSet<>();
        for (Map.Entry<ObjectKey, GenericKubernetesResource> e : onPrimary.entrySet()) {
            ObjectKey key = e.getKey();
            GenericKubernetesResource copy = onStandby.get(key);
            if (copy != null && inSync(key, e.getValue(), copy)) {
                confirmed.add(key);
                continue;
            }
            keys.add(key);
            tasks.add(() -> upsert(key, e.getValue(), copy == null ? Listed.ABSENT : new Listed(copy)));
        }
        int held = 0;
        for (Map.Entry<ObjectKey, GenericKubernetesResource> e : onStandby.entrySet()) {
            ObjectKey key = e.getKey();
            if (onPrimary.containsKey(key) || !ours(e.getValue())) {
                continue;
            }
            if (complete && settings.prune()) {
                keys.add(key);
                tasks.add(() -> delete(key, new Listed(e.getValue())));
            } else {
                held++;
            }
        }
        List<Outcome> outcomes = runAll(tasks);
        int drift = 0;
        boolean standbyDown = false;
        for (int i = 0; i < outcomes.size(); i++) {
            Outcome o = outcomes.get(i);
            apply(o);
            standbyDown |= o.standbyDown();
            if (o.drift()) {
                drift++;
            }
            if (o.result() == Result.FAILED) {
                GenericKubernetesResource source = onPrimary.get(keys.get(i));
                if (source != null) {
                    queue.retry(new WorkQueue.Item<>(keys.get(i), new Change(false, source), System.nanoTime(), 0, 0),
                            System.nanoTime() + backoff(0, o.standbyDown()).toNanos());
                }
            }
        }
        // Forget what this pass saw gone, and conflicts that went away, in the kinds and namespaces it compared.
        for (ObjectKey key : List.copyOf(ledger.keySet())) {
            if (compared.contains(key.kind().label() + "|" + key.namespace()) && !onPrimary.containsKey(key)
                    && (complete || !onStandby.containsKey(key))) {
                ledger.remove(key);
            }
        }
        conflicts.keySet().removeIf(key -> compared.contains(key.kind().label() + "|" + key.namespace())
                && !onPrimary.containsKey(key));
        heldPrunes = held;
        if (standbyReadable && !standbyDown) {
            standbyProblem = null;
        }
        if (complete) {
            initialPassDone = true;
            if (standbyReadable) {
                lastFullSync = clock.instant();
                driftCount = drift;
            }
        }
        LOG.debugf("sync of plan %s: full pass in %d ms: %d on the primary, %d confirmed, %d written or deleted, %d drifted, "
                + "%d held%s", settings.planKey(), Duration.between(started, clock.instant()).toMillis(), onPrimary.size(),
                confirmed.size(), tasks.size(), drift, held, complete ? "" : " (incomplete: nothing pruned)");
        return complete;
    }

    /** One kind in one namespace, as both sites list it; a problem instead when a list failed. */
    private record Lists(SyncKind kind, String namespace, List<GenericKubernetesResource> source,
            List<GenericKubernetesResource> copies, String primaryProblem, String standbyProblem) {
    }

    private Lists read(SyncKind kind, String ns) {
        List<GenericKubernetesResource> source;
        try {
            source = list(primary, kind, ns, true);
        } catch (KubernetesClientException e) {
            return new Lists(kind, ns, null, null, describe("listing " + kind.label() + " in " + ns + " on the primary", e), null);
        }
        try {
            return new Lists(kind, ns, source, list(standby, kind, ns, false), null, null);
        } catch (KubernetesClientException e) {
            return new Lists(kind, ns, null, null, null, describe("listing " + kind.label() + " in " + ns + " on the standby", e));
        }
    }

    /** The copy on the standby is ours and matches the primary's object as last written. */
    private boolean inSync(ObjectKey key, GenericKubernetesResource source, GenericKubernetesResource copy) {
        Copy known = ledger.get(key);
        return known != null && ours(copy)
                && known.sourceUid().equals(source.getMetadata().getUid())
                && known.sourceVersion().equals(source.getMetadata().getResourceVersion())
                && known.standbyUid().equals(copy.getMetadata().getUid())
                && known.standbyVersion().equals(version(copy));
    }

    private List<GenericKubernetesResource> list(KubernetesClient client, SyncKind kind, String ns, boolean selected) {
        List<GenericKubernetesResource> out = new ArrayList<>();
        String continueToken = null;
        do {
            ListOptionsBuilder options = new ListOptionsBuilder().withLimit(LIST_PAGE).withContinue(continueToken);
            if (selected && settings.labelSelector() != null) {
                options.withLabelSelector(selectorString(settings.labelSelector()));
            }
            GenericKubernetesResourceList page = client.genericKubernetesResources(kind.context()).inNamespace(ns)
                    .list(options.build());
            out.addAll(page.getItems());
            continueToken = page.getMetadata() == null ? null : page.getMetadata().getContinue();
        } while (continueToken != null && !continueToken.isEmpty());
        return out;
    }

    private static String selectorString(io.fabric8.kubernetes.api.model.LabelSelector selector) {
        List<String> parts = new ArrayList<>();
        if (selector.getMatchLabels() != null) {
            selector.getMatchLabels().forEach((k, v) -> parts.add(k + "=" + v));
        }
        if (selector.getMatchExpressions() != null) {
            for (var r : selector.getMatchExpressions()) {
                String values = r.getValues() == null ? "" : String.join(",", r.getValues());
                parts.add(switch (r.getOperator()) {
                    case "In" -> r.getKey() + " in (" + values + ")";
                    case "NotIn" -> r.getKey() + " notin (" + values + ")";
                    case "Exists" -> r.getKey();
                    case "DoesNotExist" -> "!" + r.getKey();
                    default -> throw new IllegalArgumentException("unknown selector operator " + r.getOperator());
                });
            }
        }
        return String.join(",", parts);
    }

    // ---------------------------------------------------------------- writes (writer threads)

    /** The copy on the standby as a list just returned it ({@link #ABSENT}: no copy), when known. */
    record Listed(GenericKubernetesResource object) {
        static final Listed ABSENT = new Listed(null);
    }

    /**
     * Writes the copy of a primary object. {@code listed} is the standby's object from a full pass's
     * list, or null on the change path (then the ledger says whether the copy is ours, or the
     * standby is asked).
     */
    private Outcome upsert(ObjectKey key, GenericKubernetesResource source, Listed listed) {
        if (stopped) {
            return Outcome.of(key, Result.IGNORED, ""); // a newer session may be writing already
        }
        SyncKind kind = key.kind();
        Map<String, Object> raw = asMap(source);
        String skip = ObjectCleaner.skipReason(kind, raw, kindLabels);
        if (skip != null) {
            return delete(key, listed);
        }
        Copy known = ledger.get(key);
        String sourceUid = source.getMetadata().getUid();
        String sourceVersion = source.getMetadata().getResourceVersion();
        if (listed == null && known != null && known.sourceUid().equals(sourceUid) && known.sourceVersion().equals(sourceVersion)) {
            return new Outcome(key, Result.UNCHANGED, known, "", false, false, false);
        }
        Map<String, Object> desired = ObjectCleaner.clean(kind, raw);
        Parking.Outcome parked = parking.park(kind, desired);
        Map<String, Object> metadata = ObjectMaps.child(desired, "metadata");
        ObjectMaps.child(metadata, "labels").putAll(ownLabels);
        ObjectMaps.child(metadata, "annotations").put(SyncAnnotations.SOURCE, sourceAnnotation(sourceUid, sourceVersion));

        GenericKubernetesResource current;
        boolean precondition = false;
        try {
            if (listed != null) {
                current = listed.object();
            } else if (known != null) {
                current = null;
                precondition = true;
                metadata.put("uid", known.standbyUid());
            } else {
                current = standbyResource(key).get();
            }
        } catch (KubernetesClientException e) {
            return failed(key, "reading the copy on the standby", e);
        }
        if (current != null && !ours(current)) {
            return Outcome.of(key, Result.CONFLICT, "exists on the standby without Pilotlight's labels: left as it is");
        }
        boolean force = precondition || current != null;
        try {
            ensureNamespace(key.namespace());
            GenericKubernetesResource written = write(key, desired, force);
            // Drift: this session wrote the copy of this very version of the source, yet the write changed it again.
            boolean drift = current != null && known != null && known.sourceUid().equals(sourceUid)
                    && known.sourceVersion().equals(sourceVersion)
                    && !Objects.equals(current.getMetadata().getResourceVersion(), written.getMetadata().getResourceVersion());
            Copy copy = new Copy(sourceUid, sourceVersion, written.getMetadata().getUid(), version(written),
                    parked == Parking.Outcome.PARKED);
            return new Outcome(key, Result.WRITTEN, copy, "", drift, false, false);
        } catch (KubernetesClientException e) {
            if (precondition && (e.getCode() == 409 || e.getCode() == 422)) {
                // The copy we knew was deleted or replaced on the standby: look again.
                ledger.remove(key);
                return upsert(key, source, null);
            }
            if (e.getCode() == 409 && !force) {
                return Outcome.of(key, Result.CONFLICT, "created on the standby by someone else meanwhile: left as it is");
            }
            if (e.getCode() == 404) {
                standbyNamespaces.remove(key.namespace());
            }
            return failed(key, "writing the copy on the standby", e);
        }
    }

    private GenericKubernetesResource write(ObjectKey key, Map<String, Object> desired, boolean force) {
        GenericKubernetesResource object = Json.convertValue(desired, GenericKubernetesResource.class);
        var apply = standby.genericKubernetesResources(key.kind().context()).inNamespace(key.namespace()).resource(object)
                .fieldManager(PlanLabels.FIELD_MANAGER);
        return force ? apply.forceConflicts().serverSideApply() : apply.serverSideApply();
    }

    /** Deletes the copy of an object that is gone from the primary, if the copy is Pilotlight's. */
    private Outcome delete(ObjectKey key, Listed listed) {
        if (stopped) {
            return Outcome.of(key, Result.IGNORED, "");
        }
        if (!settings.prune()) {
            return Outcome.of(key, Result.SKIPPED, "");
        }
        GenericKubernetesResource current;
        try {
            current = listed != null ? listed.object() : standbyResource(key).get();
        } catch (KubernetesClientException e) {
            return failed(key, "reading the copy on the standby", e);
        }
        if (current == null) {
            return Outcome.of(key, Result.GONE, "");
        }
        if (!ours(current)) {
            return Outcome.of(key, Result.SKIPPED, "");
        }
        try {
            standbyResource(key).lockResourceVersion(current.getMetadata().getResourceVersion()).delete();
            LOG.debugf("sync of plan %s: deleted %s from the standby", settings.planKey(), key);
            return Outcome.of(key, Result.DELETED, "");
        } catch (KubernetesClientException e) {
            if (e.getCode() == 404) {
                return Outcome.of(key, Result.GONE, "");
            }
            return failed(key, "deleting the copy on the standby", e);
        }
    }

    private Resource<GenericKubernetesResource> standbyResource(ObjectKey key) {
        return standby.genericKubernetesResources(key.kind().context()).inNamespace(key.namespace()).withName(key.name());
    }

    private Outcome failed(ObjectKey key, String what, KubernetesClientException e) {
        int code = e.getCode();
        boolean down = code == 0 || code == 429 || code >= 500;
        // Never quote the API server's message about a Secret: it may echo the content.
        String detail = key.kind().is("", "Secret") ? what + " failed: HTTP " + code : describe(what, e);
        LOG.debugf("sync of plan %s: %s: %s", settings.planKey(), key, detail);
        return new Outcome(key, Result.FAILED, null, detail, false, down, !down);
    }

    /**
     * Creates a missing namespace on the standby with Pilotlight's labels only: the source's labels are
     * not copied, since they include policy (pod-security.kubernetes.io/enforce=privileged, a tenant
     * label that a NetworkPolicy or admission webhook trusts) that a plan's author must not set here.
     */
    private void ensureNamespace(String ns) {
        if (standbyNamespaces.contains(ns)) {
            return;
        }
        if (standby.namespaces().withName(ns).get() == null) {
            try {
                standby.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(ns).withLabels(ownLabels)
                        .withAnnotations(Map.of(SyncAnnotations.CREATED_FOR, settings.planKey())).endMetadata().build()).create();
                LOG.infof("sync of plan %s: created namespace %s on the standby", settings.planKey(), ns);
            } catch (KubernetesClientException e) {
                if (e.getCode() != 409) {
                    throw e;
                }
            }
        }
        standbyNamespaces.add(ns);
    }

    // ---------------------------------------------------------------- helpers

    /** Runs the tasks on the writer pool, at most {@code parallelism} at a time; results in task order. */
    private <T> List<T> runAll(List<Callable<T>> tasks) throws InterruptedException {
        List<Future<T>> futures = new ArrayList<>(tasks.size());
        for (Callable<T> task : tasks) {
            inFlight.acquire();
            try {
                futures.add(writers.submit(() -> {
                    try {
                        return task.call();
                    } finally {
                        inFlight.release();
                    }
                }));
            } catch (RuntimeException e) {
                inFlight.release();
                throw e;
            }
        }
        List<T> outcomes = new ArrayList<>(futures.size());
        for (Future<T> f : futures) {
            try {
                outcomes.add(f.get());
            } catch (ExecutionException e) {
                throw new IllegalStateException("a sync write failed unexpectedly", e.getCause());
            }
        }
        return outcomes;
    }

    private boolean ours(GenericKubernetesResource object) {
        return PlanLabels.ownedBy(object.getMetadata().getLabels(), ownLabels);
    }

    private String sourceAnnotation(String uid, String resourceVersion) {
        Map<String, String> source = new LinkedHashMap<>();
        source.put("site", settings.sourceSite());
        source.put("uid", uid);
        source.put("resourceVersion", resourceVersion);
        return Json.asJson(source);
    }

    /** What changes when someone changes the copy: its generation when it has one, otherwise its resourceVersion. */
    private static String version(GenericKubernetesResource object) {
        Long generation = object.getMetadata().getGeneration();
        return generation != null && generation > 0 ? "g" + generation : "rv" + object.getMetadata().getResourceVersion();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> asMap(GenericKubernetesResource object) {
        return Json.convertValue(object, Map.class);
    }

    /** The remote site's answer is never quoted (it may be anyone's server): only its code or kind of failure. */
    private static String describe(String what, Throwable t) {
        return what + " failed: " + RemoteErrors.describe(t);
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
