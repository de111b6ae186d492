package io.pilotlight.sync;

import io.pilotlight.api.v1alpha1.plan.SyncMode;
import io.pilotlight.core.Selectors;
import io.pilotlight.core.SyncKind;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * Runs one full pass for the coordinator, on its thread: the lists of both sites and the writes on the
 * writer pool, the decisions in {@link FullPassDiff}, the results into the {@link Ledger}; a write that
 * failed goes back to the queue as a change.
 */
final class FullPass {

    private static final Logger LOG = Logger.getLogger(FullPass.class);

    private final SyncSettings settings;
    private final Site source;
    private final Site target;
    private final Map<String, String> ownLabels;
    private final WriterPool pool;
    private final TargetWriter writer;
    private final Ledger ledger;
    private final WorkQueue<ObjectKey, Change> queue;
    private final Clock clock;
    private final ListScope scope;
    /** Whether a pass of this session has made the protected namespaces missing on the target (coordinator thread only). */
    private boolean namespacesPrepared;

    FullPass(SyncSettings settings, Site source, Site target, Map<String, String> ownLabels, WriterPool pool,
            TargetWriter writer, Ledger ledger, WorkQueue<ObjectKey, Change> queue, Clock clock, ListScope scope) {
        this.scope = scope;
        this.settings = settings;
        this.source = source;
        this.target = target;
        this.ownLabels = ownLabels;
        this.pool = pool;
        this.writer = writer;
        this.ledger = ledger;
        this.queue = queue;
        this.clock = clock;
    }

    /**
     * Lists both sites, writes what differs, deletes the copies whose source is gone (only when every
     * source list succeeded). A kind's copies are written as soon as its lists are in, while the other
     * kinds are still being listed; the deletes wait for every list. Returns whether every list of the
     * source succeeded.
     */
    boolean run(KindResolver.Resolution kinds, BooleanSupplier stopped) throws InterruptedException {
        Instant started = clock.instant();
        List<Listing> listings = new ArrayList<>();
        List<Outcome> outcomes = new ArrayList<>();
        listAndUpsert(kinds, stopped, listings, outcomes);
        FullPassDiff.Result pass = diff(listings, kinds, settings.prune(), settings.reportOrphans());
        FullPassDiff.Seen seen = pass.seen();
        ledger.sourceProblem(seen.sourceProblem());
        if (seen.targetProblem() != null) {
            ledger.targetProblem(seen.targetProblem());
        }
        LOG.debugf("sync of plan %s: full pass listed %d kind(s) x %d namespace(s) on both sites and wrote their copies in %d ms", settings.planKey(),
                kinds.kinds().size(), settings.namespaces().size(), Duration.between(started, clock.instant()).toMillis());
        if (stopped.getAsBoolean()) {
            return false;
        }
        List<WriteTask> deletes = pass.tasks().stream().filter(WriteTask.Delete.class::isInstance).toList();
        outcomes.addAll(pool.runAll(deletes.stream().<Callable<Outcome>>map(t -> () -> writer.write(t)).toList()));
        int drift = record(pass, outcomes);
        LOG.debugf("sync of plan %s: full pass in %d ms: %d on the %s, %d confirmed, %d written or deleted, %d drifted, "
                + "%d held%s", settings.planKey(), Duration.between(started, clock.instant()).toMillis(), seen.sources().size(),
                source.role(), pass.confirmed(), outcomes.size(), drift, pass.held(),
                seen.complete() ? "" : " (incomplete: nothing pruned)");
        return seen.complete();
    }

    /**
     * The lists of both sites and the upserts they call for. The coordinator starts tasks only into free
     * slots, the writes before the reads, and waits only for a task to finish: blocked on a slot to start
     * the last reads, it would leave the lists already in unread and their copies unwritten until then
     * (the first copy of a pass came that much later).
     */
    private void listAndUpsert(KindResolver.Resolution kinds, BooleanSupplier stopped, List<Listing> listings,
            List<Outcome> outcomes) throws InterruptedException {
        Deque<Supplier<Finished>> pending = withNamespaces(reads(kinds));
        Deque<Supplier<Finished>> writes = new ArrayDeque<>();
        BlockingQueue<Finished> finished = new LinkedBlockingQueue<>();
        Map<SyncKind, Listing.Side> halves = new HashMap<>();
        int inFlight = 0;
        while (inFlight > 0 || !pending.isEmpty() || !writes.isEmpty()) {
            if (stopped.getAsBoolean()) {
                pending.clear(); // what was started still finishes; nothing more is
                writes.clear();
                if (inFlight == 0) {
                    break;
                }
            }
            inFlight += startFree(writes, finished, inFlight == 0);
            inFlight += startFree(pending, finished, inFlight == 0);
            Finished f = finished.take();
            inFlight--;
            f.rethrow();
            if (f.outcome() != null) {
                outcomes.add(f.outcome());
            } else if (f != Finished.NAMESPACE) {
                Listing.Side other = halves.remove(f.kind());
                if (other == null) {
                    halves.put(f.kind(), f.side());
                    continue;
                }
                List<Listing> kind = f.source() ? Listing.of(f.kind(), settings.namespaces(), f.side(), other)
                        : Listing.of(f.kind(), settings.namespaces(), other, f.side());
                listings.addAll(kind);
                if (!stopped.getAsBoolean()) { // the upserts of this kind; prunes wait for the whole pass (held here)
                    diff(kind, kinds, false, false).tasks().forEach(task -> writes.add(() -> Finished.wrote(writer.write(task))));
                }
            }
        }
    }

    /**
     * Two list tasks per kind, one per site, so that both sites are listed at once: in each, whether the
     * site may read the kind cluster-wide (an access review the first time, unless {@link ListScope#askAhead}
     * answered for every kind), then one list, or one per namespace.
     */
    private Deque<Supplier<Finished>> reads(KindResolver.Resolution kinds) {
        Deque<Supplier<Finished>> reads = new ArrayDeque<>();
        List<String> namespaces = settings.namespaces();
        for (SyncKind kind : kinds.kinds()) {
            reads.add(() -> Finished.listed(kind, true,
                    Listing.Side.read(source, kind, namespaces, settings.labelSelector(), scope)));
            reads.add(() -> Finished.listed(kind, false, Listing.Side.read(target, kind, namespaces, null, scope)));
        }
        return reads;
    }

    /**
     * The reads with, on the session's first pass, a task after each kind's two that makes a protected
     * namespace missing on the target (one namespace each): the namespaces are made beside the first lists,
     * and the first copies do not wait for theirs, nor the first lists for every namespace.
     */
    private Deque<Supplier<Finished>> withNamespaces(Deque<Supplier<Finished>> reads) {
        // The session's first pass only: later passes leave a missing namespace to its next copy, so that an identity
        // that may not create namespaces is not refused one each pass.
        Deque<String> missing = new ArrayDeque<>(namespacesPrepared ? List.of()
                : settings.namespaces().stream().filter(writer::lacksNamespace).toList());
        namespacesPrepared = true;
        Deque<Supplier<Finished>> out = new ArrayDeque<>();
        while (!reads.isEmpty() || !missing.isEmpty()) {
            for (int i = 0; i < 2 && !reads.isEmpty(); i++) {
                out.add(reads.poll());
            }
            String ns = missing.poll();
            if (ns != null) {
                out.add(() -> {
                    writer.prepareNamespace(ns);
                    return Finished.NAMESPACE;
                });
            }
        }
        return out;
    }

    private FullPassDiff.Result diff(List<Listing> listings, KindResolver.Resolution kinds, boolean prune, boolean orphans) {
        return FullPassDiff.diff(listings, ledger::copy, ownLabels, kinds.labels(), prune,
                orphans ? o -> Selectors.matches(settings.labelSelector(), o.getMetadata().getLabels()) : null);
    }

    /**
     * Starts tasks from the head of the queue into the session's free slots, their results to {@code
     * finished}; with {@code wait}, the first one waits for a slot (nothing of the pass is in flight whose
     * end would bring the coordinator back: a slot is held by a task of the session's start). Returns how many.
     */
    private int startFree(Deque<Supplier<Finished>> tasks, BlockingQueue<Finished> finished, boolean wait)
            throws InterruptedException {
        int n = 0;
        if (wait && !tasks.isEmpty()) {
            pool.start(tasks.poll(), Finished::failed, finished::add);
            n++;
        }
        while (!tasks.isEmpty() && pool.tryStart(tasks.peek(), Finished::failed, finished::add)) {
            tasks.poll();
            n++;
        }
        return n;
    }

    /** Applies the pass's writes and the pass to the ledger; returns how many copies drifted. */
    private int record(FullPassDiff.Result pass, List<Outcome> outcomes) {
        int drift = 0;
        boolean targetDown = false;
        for (Outcome o : outcomes) {
            ledger.apply(o);
            targetDown |= o.targetDown();
            if (o.drift()) {
                drift++;
            }
            var object = pass.seen().sources().get(o.key());
            if (o.result() == Outcome.Result.FAILED && object != null) {
                long now = System.nanoTime();
                queue.retry(new WorkQueue.Item<>(o.key(), new Change(false, object), now, 0, 0),
                        now + o.retryAfter(0).toNanos());
            }
        }
        ledger.passDone(pass, drift, targetDown, settings.mode() == SyncMode.CONTINUOUS, clock.instant());
        return drift;
    }

    /**
     * What a task of the pass handed back on its writer thread: one site's lists of a kind, a write's
     * outcome, a namespace made ready, or the unexpected error it threw (rethrown on the coordinator,
     * which retries the pass).
     */
    private record Finished(SyncKind kind, boolean source, Listing.Side side, Outcome outcome, RuntimeException error) {

        /** A namespace made ready on the target ({@link TargetWriter#prepareNamespace}). */
        static final Finished NAMESPACE = new Finished(null, false, null, null, null);

        static Finished listed(SyncKind kind, boolean source, Listing.Side side) {
            return new Finished(kind, source, side, null, null);
        }

        static Finished wrote(Outcome outcome) {
            return new Finished(null, false, null, outcome, null);
        }

        static Finished failed(RuntimeException error) {
            return new Finished(null, false, null, null, error);
        }

        void rethrow() {
            if (error != null) {
                throw new IllegalStateException("a full pass task failed unexpectedly", error);
            }
        }
    }
}
