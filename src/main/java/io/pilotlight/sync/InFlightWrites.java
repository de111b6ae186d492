package io.pilotlight.sync;

import io.pilotlight.util.RemoteErrors;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * The change path's writes in flight, pipelined: the coordinator hands a change to a writer as soon as
 * one of its session's slots is free, instead of writing changes in batches that each wait for their
 * slowest write (which, at a steady rate of changes, put most of the lag in the wait). At most one write
 * per object is in flight; outcomes come back here and are applied by the coordinator, which alone
 * calls every method but the writers' completion.
 */
final class InFlightWrites {

    private static final Logger LOG = Logger.getLogger(InFlightWrites.class);

    /** A finished write: the change it wrote and what it did. */
    record Done(WorkQueue.Item<ObjectKey, Change> item, Outcome outcome) {
    }

    private final WriterPool pool;
    private final Runnable wakeCoordinator;
    private final Set<ObjectKey> keys = new HashSet<>(); // coordinator only
    private final LinkedBlockingQueue<Done> done = new LinkedBlockingQueue<>();

    InFlightWrites(WriterPool pool, Runnable wakeCoordinator) {
        this.pool = pool;
        this.wakeCoordinator = wakeCoordinator;
    }

    /** How many more writes may start now. */
    int free() {
        return pool.parallelism() - keys.size();
    }

    boolean busy(ObjectKey key) {
        return keys.contains(key);
    }

    /** Starts the write of a change on the pool; its outcome is handed out by {@link #finished}. */
    void start(WorkQueue.Item<ObjectKey, Change> item, Supplier<Outcome> write) throws InterruptedException {
        keys.add(item.key());
        try {
            pool.start(write, e -> unexpected(item.key(), e), outcome -> {
                done.add(new Done(item, outcome));
                wakeCoordinator.run();
            });
        } catch (RuntimeException e) { // the pool is shut down: the write never started
            keys.remove(item.key());
            throw e;
        }
    }

    /** A write that threw: a failed outcome (retried), so that {@link #awaitAll} always ends. */
    private static Outcome unexpected(ObjectKey key, RuntimeException e) {
        LOG.warnf("a sync write of %s failed unexpectedly, retrying: %s", key, RemoteErrors.describe(e));
        return Outcome.of(key, Outcome.Result.FAILED, "failed unexpectedly");
    }

    /** The writes finished since the last call, in the order they finished; their keys are free again. */
    List<Done> finished() {
        List<Done> out = new ArrayList<>();
        done.drainTo(out);
        out.forEach(d -> keys.remove(d.item().key()));
        return out;
    }

    /** Waits for every write in flight (before a full pass, whose writes must not race the changes'). */
    List<Done> awaitAll() throws InterruptedException {
        List<Done> out = new ArrayList<>();
        while (out.size() < keys.size()) {
            out.add(done.take());
        }
        out.forEach(d -> keys.remove(d.item().key()));
        return out;
    }
}
