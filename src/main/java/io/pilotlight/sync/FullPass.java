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
import java.util.function.BooleanSupplier;
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
     * source list succeeded). Returns whether every list of the source succeeded.
     */
    boolean run(KindResolver.Resolution kinds, BooleanSupplier stopped) throws InterruptedException {
        Instant started = clock.instant();
        List<Callable<List<Listing>>> reads = new ArrayList<>();
        List<String> namespaces = settings.namespaces();
        for (SyncKind kind : kinds.kinds()) {
            if (scope.clusterWide(source, kind, namespaces) || scope.clusterWide(target, kind, namespaces)) {
                reads.add(() -> Listing.readKind(source, target, kind, namespaces, settings.labelSelector(), scope));
                continue;
            }
            for (String ns : namespaces) {
                reads.add(() -> List.of(Listing.read(source, target, new WatchKey(kind, ns), settings.labelSelector())));
            }
        }
        List<Listing> listings = pool.runAll(reads).stream().flatMap(List::stream).toList();
        if (stopped.getAsBoolean()) {
            return false;
        }
        FullPassDiff.Result pass = FullPassDiff.diff(listings, ledger::copy, ownLabels, kinds.labels(), settings.prune(),
                settings.reportOrphans() ? o -> Selectors.matches(settings.labelSelector(), o.getMetadata().getLabels()) : null);
        FullPassDiff.Seen seen = pass.seen();
        ledger.sourceProblem(seen.sourceProblem());
        if (seen.targetProblem() != null) {
            ledger.targetProblem(seen.targetProblem());
        }
        LOG.debugf("sync of plan %s: full pass read %d kind(s) x %d namespace(s) from both sites in %d ms", settings.planKey(),
                kinds.kinds().size(), settings.namespaces().size(), Duration.between(started, clock.instant()).toMillis());
        int drift = write(pass);
        LOG.debugf("sync of plan %s: full pass in %d ms: %d on the %s, %d confirmed, %d written or deleted, %d drifted, "
                + "%d held%s", settings.planKey(), Duration.between(started, clock.instant()).toMillis(), seen.sources().size(),
                source.role(), pass.confirmed(), pass.tasks().size(), drift, pass.held(),
                seen.complete() ? "" : " (incomplete: nothing pruned)");
        return seen.complete();
    }

    /** Runs the pass's writes, applies them and the pass to the ledger; returns how many copies drifted. */
    private int write(FullPassDiff.Result pass) throws InterruptedException {
        List<Callable<Outcome>> calls = new ArrayList<>();
        pass.tasks().forEach(task -> calls.add(() -> writer.write(task)));
        List<Outcome> outcomes = pool.runAll(calls);
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
}
