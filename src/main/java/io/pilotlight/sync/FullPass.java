package io.pilotlight.sync;

import io.pilotlight.api.v1alpha1.plan.SyncMode;
import io.pilotlight.core.Selectors;
import io.pilotlight.core.SyncKind;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
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
        List<Supplier<List<Listing>>> reads = reads(kinds);
        BlockingQueue<Finished> finished = new LinkedBlockingQueue<>();
        for (Supplier<List<Listing>> read : reads) {
            pool.start(() -> new Finished(read.get(), null, null), Finished::failed, finished::add);
        }
        List<Listing> listings = new ArrayList<>();
        List<Outcome> outcomes = new ArrayList<>();
        int writes = 0;
        for (int readsLeft = reads.size(); readsLeft > 0 || outcomes.size() < writes;) {
            Finished f = finished.take();
            f.rethrow();
            if (f.outcome() != null) {
                outcomes.add(f.outcome());
                continue;
            }
            readsLeft--;
            listings.addAll(f.listings());
            if (!stopped.getAsBoolean()) { // the upserts of this kind; prunes wait for the whole pass (held here)
                writes += start(diff(f.listings(), kinds, false, false).tasks(), finished);
            }
        }
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
     * One list task per kind: in it, whether a site may read the kind cluster-wide (an access review the
     * first time), then one list per site, or one per namespace. Asked inside the tasks, the reviews of
     * all kinds run in parallel instead of one after the other before the first list.
     */
    private List<Supplier<List<Listing>>> reads(KindResolver.Resolution kinds) {
        List<Supplier<List<Listing>>> reads = new ArrayList<>();
        List<String> namespaces = settings.namespaces();
        for (SyncKind kind : kinds.kinds()) {
            reads.add(() -> scope.clusterWide(source, kind, namespaces) || scope.clusterWide(target, kind, namespaces)
                    ? Listing.readKind(source, target, kind, namespaces, settings.labelSelector(), scope)
                    : namespaces.stream().map(ns -> Listing.read(source, target, new WatchKey(kind, ns), settings.labelSelector())).toList());
        }
        return reads;
    }

    private FullPassDiff.Result diff(List<Listing> listings, KindResolver.Resolution kinds, boolean prune, boolean orphans) {
        return FullPassDiff.diff(listings, ledger::copy, ownLabels, kinds.labels(), prune,
                orphans ? o -> Selectors.matches(settings.labelSelector(), o.getMetadata().getLabels()) : null);
    }

    /** Starts the writes on the pool, their outcomes to {@code finished}; returns how many. */
    private int start(List<WriteTask> tasks, BlockingQueue<Finished> finished) throws InterruptedException {
        for (WriteTask task : tasks) {
            pool.start(() -> new Finished(null, writer.write(task), null), Finished::failed, finished::add);
        }
        return tasks.size();
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
     * What a task of the pass handed back on its writer thread: a kind's listings, a write's outcome, or
     * the unexpected error it threw (rethrown on the coordinator, which retries the pass).
     */
    private record Finished(List<Listing> listings, Outcome outcome, RuntimeException error) {

        static Finished failed(RuntimeException error) {
            return new Finished(null, null, error);
        }

        void rethrow() {
            if (error != null) {
                throw new IllegalStateException("a full pass task failed unexpectedly", error);
            }
        }
    }
}
