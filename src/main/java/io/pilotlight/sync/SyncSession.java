package io.pilotlight.sync;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.pilotlight.api.v1alpha1.plan.SyncMode;
import io.pilotlight.core.PlanLabels;
import io.pilotlight.util.RemoteErrors;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import org.jboss.logging.Logger;

/**
 * The sync of one plan: keeps the target site's copies of the protected objects identical to the
 * source site's, parked. This class is the coordinator loop; the parts are the {@link SourceWatch}
 * (Continuous: informers feeding a bounded, coalescing {@link WorkQueue}), the {@link FullPassDiff}
 * (every {@code sync.interval}, at start, after a queue overflow or an informer relist: list both
 * sites, write what differs, delete the copies whose source is gone; all that {@code Periodic} does;
 * run by {@link FullPass}), the {@link TargetWriter} and the {@link Ledger}. The informers start
 * after the first full pass, so that their initial lists do not compete with it; what changed in
 * between shows up in those lists, what was deleted in between is found missing from their caches.
 *
 * <p>Threads: one coordinator thread per session runs {@link #run} and alone writes the ledger and
 * the fields marked so below; it hands each change to a writer as soon as one of the session's
 * {@code parallelism} slots is free ({@link ChangePath}, one write per object at a time) and applies
 * the {@link Outcome}s as they come back; a full pass first waits for the writes in flight. Writers
 * read the source watch's caches and touch only the {@link TargetWriter}'s own state.
 * Informer threads only offer to the queue, ask for a full pass and set the source problem.
 *
 * <p>Safety: nothing is written over an object of the target that does not carry the plan's labels
 * (a conflict, reported); nothing without them is deleted; a full pass whose source lists did not
 * all succeed deletes nothing; a source that does not answer leaves the target as it is.
 */
final class SyncSession implements SourceWatch.Events {

    private static final Logger LOG = Logger.getLogger(SyncSession.class);
    private static final Duration INCOMPLETE_PASS_RETRY = Duration.ofSeconds(10);
    private static final Duration STARTING_POLL = Duration.ofMillis(25);

    private final SyncSettings settings;
    private final Site source;
    private final Site target;
    private final Map<String, String> ownLabels;
    private final WriterPool pool;
    private final WorkQueue<ObjectKey, Change> queue;
    private final ChangePath changes;
    private final Ledger ledger = new Ledger();
    private final TargetWriter writer;
    private final SourceWatch watch;
    private final FullPass fullPass;
    private final ListScope scope = new ListScope();
    private final WatchBudget watchBudget;
    private final Runnable phaseChanged;

    private volatile boolean stopped;
    private volatile boolean fullPassRequested = true;
    /** The phase the plan was last told of (coordinator thread only). */
    private Ledger.Phase told;
    private Thread thread; // guarded by this

    // Coordinator thread only.
    private KindResolver.Resolution kinds;
    private long nextFullPass;

    /** @param phaseChanged told on the coordinator thread when the session's phase changed (the plan's status then does) */
    SyncSession(SyncSettings settings, Site source, Site target, ExecutorService writers, SessionLimits limits, Clock clock,
            Runnable phaseChanged) {
        this.settings = settings;
        this.phaseChanged = phaseChanged;
        this.source = source;
        this.target = target;
        this.ownLabels = PlanLabels.of(settings.planNamespace(), settings.planName());
        this.pool = new WriterPool(writers, limits.parallelWrites());
        this.queue = new WorkQueue<>(limits.queueCapacity());
        this.watchBudget = new WatchBudget(limits.maxWatches());
        this.writer = new TargetWriter(target, settings, ownLabels);
        this.watch = new SourceWatch(source, settings.labelSelector(), settings.planKey(), this, scope);
        this.changes = new ChangePath(queue, new InFlightWrites(pool, queue::wakeUp), ledger, watch, writer);
        this.fullPass = new FullPass(settings, source, target, ownLabels, pool, writer, ledger, queue, clock, scope);
    }

    SyncSettings settings() {
        return settings;
    }

    boolean uses(KubernetesClient source, KubernetesClient target) {
        return this.source.client() == source && this.target.client() == target;
    }

    synchronized void start() {
        thread = new Thread(this::run, "pilotlight-sync-" + settings.planKey());
        thread.setDaemon(true);
        thread.start();
    }

    /** Stops the informers and the coordinator; a write in flight may still finish. */
    void stop() {
        stopped = true;
        writer.stop();
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
        watch.stop();
        queue.clear();
    }

    /** Asks for a full pass as soon as the current batch is written. */
    void requestFullPass() {
        fullPassRequested = true;
        queue.wakeUp();
    }

    SyncReport report() {
        return ledger.report(settings.mode(), settings.namespaces().size(), queue.keys(), queue.oldestSeenNanos(),
                System.nanoTime());
    }

    // ---------------------------------------------------------------- source watch events (informer threads)

    /**
     * Queues a change, unless it is of the very version of the source already copied: the informers'
     * initial lists, after the first full pass copied everything, would otherwise queue every object
     * again (and overflow the queue at its capacity, forcing a second full pass).
     */
    @Override
    public void changed(ObjectKey key, Change change) {
        Copy known = ledger.copy(key);
        var meta = change.object() == null ? null : change.object().getMetadata();
        if (!change.delete() && known != null && meta != null && known.of(meta.getUid(), meta.getResourceVersion())) {
            return;
        }
        queue.offer(key, change, System.nanoTime());
    }

    @Override
    public void relisted() {
        requestFullPass();
    }

    @Override
    public void problem(String problem) {
        ledger.sourceProblem(problem);
    }

    @Override
    public boolean stopped() {
        return stopped;
    }

    // ---------------------------------------------------------------- coordinator

    private void run() {
        LOG.infof("sync of plan %s started: %s, %d namespace(s)", settings.planKey(), settings.mode(), settings.namespaces().size());
        long backoff = 1_000;
        told = ledger.phase();
        while (!stopped) {
            try {
                runOnce();
                backoff = 1_000;
                tellPhase();
            } catch (InterruptedException e) {
                break;
            } catch (KubernetesClientException e) {
                if (stopped || Thread.currentThread().isInterrupted()) {
                    break;
                }
                String problem = Site.describe("reading the " + source.role() + "'s API discovery", e);
                ledger.sourceProblem(problem);
                LOG.debugf("sync of plan %s: %s", settings.planKey(), problem);
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

    /** One turn of the loop: a full pass when one is due, then the changes that can be written now. */
    private void runOnce() throws InterruptedException {
        if (ledger.phase() == Ledger.Phase.RESOLVING_KINDS) {
            scope.askAhead(List.of(source, target), settings.namespaces(), pool);
            resolveKinds();
            if (ledger.refusal() != null) {
                // Asked again later: a role granted meanwhile (to read cluster-wide) may bring the plan within its budget.
                Thread.sleep(settings.interval().toMillis());
                scope.forget();
                return;
            }
        }
        boolean continuous = settings.mode() == SyncMode.CONTINUOUS;
        if (continuous && ledger.phase().compareTo(Ledger.Phase.STARTING_WATCH) >= 0) {
            followChanges();
        }
        if (queue.takeOverflow()) {
            LOG.infof("sync of plan %s: work queue full, falling back to a full pass", settings.planKey());
            fullPassRequested = true;
        }
        if (fullPassRequested || System.nanoTime() - nextFullPass >= 0) {
            fullPassRequested = false;
            changes.finishAll();
            boolean complete = fullPass.run(kinds, () -> stopped);
            Duration retry = settings.interval().compareTo(INCOMPLETE_PASS_RETRY) < 0 ? settings.interval() : INCOMPLETE_PASS_RETRY;
            Duration next = complete ? settings.interval() : retry;
            nextFullPass = System.nanoTime() + next.toNanos();
            return; // the next turn starts the informers at once after the first pass
        }
        long wait = Math.max(0, nextFullPass - System.nanoTime());
        if (continuous && ledger.phase() != Ledger.Phase.FOLLOWING) {
            wait = Math.min(wait, STARTING_POLL.toNanos()); // until the informers have synced: the plan waits for it
        }
        tellPhase(); // before waiting for changes: the informers may just have synced (StandbyInSync)
        changes.writeDue(wait, kinds.labels(), () -> stopped);
    }

    /** Tells the plan when the phase changed since it was last told; on the coordinator thread. */
    private void tellPhase() {
        Ledger.Phase now = ledger.phase();
        if (now != told) {
            told = now;
            phaseChanged.run();
        }
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

    private void resolveKinds() throws InterruptedException {
        long t0 = System.nanoTime();
        KindResolver.Resolution r = KindResolver.resolve(source.client(), settings.kinds(), pool);
        LOG.debugf("sync of plan %s: %d kind(s) mapped in %d ms", settings.planKey(), r.kinds().size(),
                (System.nanoTime() - t0) / 1_000_000);
        kinds = r;
        Optional<String> excess = watchBudget.excess(source, r.kinds(), settings.namespaces(), scope, settings.mode());
        if (excess.isPresent()) {
            if (!excess.get().equals(ledger.refusal())) {
                LOG.infof("sync of plan %s not started: %s", settings.planKey(), excess.get());
                ledger.refused(excess.get());
                phaseChanged.run(); // the phase stays before the first pass: the loop would not tell
            }
            return;
        }
        ledger.kindsResolved(r.unknown());
        if (!r.unknown().isEmpty()) {
            LOG.infof("sync of plan %s: kinds left out: %s", settings.planKey(), r.unknown());
        }
    }

    /**
     * Keeps the informers running. Once they all have their initial lists, the copies the ledger holds
     * whose source is missing from their caches were deleted on the source while they started (after
     * the first full pass listed them), and are queued for deletion (checked again when handled).
     */
    private void followChanges() {
        watch.ensure(kinds.kinds(), settings.namespaces());
        if (ledger.phase() != Ledger.Phase.STARTING_WATCH || !watch.synced()) {
            return;
        }
        ledger.following();
        int gone = 0;
        for (ObjectKey key : ledger.keys()) {
            if (watch.lacks(key)) {
                queue.offer(key, new Change(true, null), System.nanoTime());
                gone++;
            }
        }
        LOG.debugf("sync of plan %s: informers synced; %d copy(ies) whose source went meanwhile queued for deletion",
                settings.planKey(), gone);
    }
}
