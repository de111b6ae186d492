package io.pilotlight.sync;

import java.util.List;
import java.util.Set;
import java.util.function.BooleanSupplier;

/**
 * The changes the informers queued, written by the coordinator of a session (on its thread alone): each
 * due change goes to a writer as soon as a slot is free, one write per object at a time, and what the
 * writes did goes to the {@link Ledger} as they finish.
 */
final class ChangePath {

    private final WorkQueue<ObjectKey, Change> queue;
    private final InFlightWrites inFlight;
    private final Ledger ledger;
    private final SourceWatch watch;
    private final TargetWriter writer;

    ChangePath(WorkQueue<ObjectKey, Change> queue, InFlightWrites inFlight, Ledger ledger, SourceWatch watch, TargetWriter writer) {
        this.queue = queue;
        this.inFlight = inFlight;
        this.ledger = ledger;
        this.watch = watch;
        this.writer = writer;
    }

    /**
     * Starts the writes of the changes that are due, waiting up to {@code waitNanos} for one (or, with every
     * slot busy, for a write to finish), then records the writes that finished.
     *
     * @param synced the labels of the kinds carried over
     */
    void writeDue(long waitNanos, Set<String> synced, BooleanSupplier stopped) throws InterruptedException {
        int free = inFlight.free();
        List<WorkQueue.Item<ObjectKey, Change>> due = free == 0 ? List.of() : queue.take(free, waitNanos, inFlight::busy);
        for (WorkQueue.Item<ObjectKey, Change> item : due) {
            if (stopped.getAsBoolean()) {
                break;
            }
            Copy known = ledger.copy(item.key());
            inFlight.start(item, () -> write(item, known, synced));
        }
        if (free == 0) {
            queue.take(0, waitNanos); // woken by a finished write (or a full pass asked for)
        }
        inFlight.finished().forEach(this::record);
    }

    /** Waits for the writes in flight and records them: a full pass must not race them. */
    void finishAll() throws InterruptedException {
        inFlight.awaitAll().forEach(this::record);
    }

    /** A finished write into the ledger: a failed one is retried after its backoff. */
    private void record(InFlightWrites.Done done) {
        WorkQueue.Item<ObjectKey, Change> item = done.item();
        Outcome o = done.outcome();
        ledger.apply(o);
        long now = System.nanoTime();
        if (o.result() == Outcome.Result.FAILED) {
            queue.retry(item, now + o.retryAfter(item.attempts()).toNanos());
        } else if ((o.result() == Outcome.Result.WRITTEN || o.result() == Outcome.Result.DELETED) && item.attempts() == 0) {
            ledger.lag((now - item.seenNanos()) / 1_000_000);
        }
    }

    /** On a writer thread: writes the source object as the watch has it now. */
    private Outcome write(WorkQueue.Item<ObjectKey, Change> item, Copy known, Set<String> synced) {
        ObjectKey key = item.key();
        Change change = item.value();
        var now = watch.latest(key, change.delete() ? null : change.object());
        if (now != null) { // a delete followed by a re-creation ends here too
            return ObjectCleaner.skipped(key.kind(), now, synced) ? writer.delete(key, TargetCopy.UNKNOWN)
                    : writer.upsert(key, now, TargetCopy.UNKNOWN, known);
        }
        // Only a delete seen by a live watch deletes; an object merely missing from a cache does not.
        return change.delete() ? writer.delete(key, TargetCopy.UNKNOWN) : Outcome.of(key, Outcome.Result.IGNORED, "");
    }
}
