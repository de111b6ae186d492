package io.pilotlight.sync;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * One session's share of the engine's writer threads: runs a batch of tasks on the shared pool, at
 * most {@code parallelism} at a time, so that one plan cannot take every thread.
 */
final class WriterPool {

    private final ExecutorService writers;
    private final Semaphore inFlight;
    private final int parallelism;

    WriterPool(ExecutorService writers, int parallelism) {
        this.writers = writers;
        this.parallelism = parallelism;
        this.inFlight = new Semaphore(parallelism);
    }

    int parallelism() {
        return parallelism;
    }

    /**
     * Starts a task (waiting for a free slot) and hands its result to {@code done} on the writer thread,
     * after freeing the slot; a task that throws hands over {@code failed}'s result for the error instead,
     * so that whoever waits for every {@code done} never waits for ever.
     */
    <T> void start(Supplier<T> task, Function<RuntimeException, T> failed, Consumer<T> done) throws InterruptedException {
        inFlight.acquire();
        submit(task, failed, done);
    }

    /** As {@link #start}, but only when a slot is free now; returns whether the task was started. */
    <T> boolean tryStart(Supplier<T> task, Function<RuntimeException, T> failed, Consumer<T> done) {
        if (!inFlight.tryAcquire()) {
            return false;
        }
        submit(task, failed, done);
        return true;
    }

    /** Runs the task in the slot the caller holds. */
    private <T> void submit(Supplier<T> task, Function<RuntimeException, T> failed, Consumer<T> done) {
        try {
            writers.execute(() -> {
                T result;
                try {
                    result = task.get();
                } catch (RuntimeException e) {
                    result = failed.apply(e);
                } finally {
                    inFlight.release();
                }
                done.accept(result);
            });
        } catch (RuntimeException e) {
            inFlight.release();
            throw e;
        }
    }

    /** Runs the tasks and waits for all of them; results in task order. A task's RuntimeException is rethrown as it is. */
    <T> List<T> runAll(List<Callable<T>> tasks) throws InterruptedException {
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
        List<T> results = new ArrayList<>(futures.size());
        for (Future<T> f : futures) {
            try {
                results.add(f.get());
            } catch (ExecutionException e) {
                if (e.getCause() instanceof RuntimeException r) {
                    throw r; // e.g. a KubernetesClientException, for the caller to describe
                }
                throw new IllegalStateException("a sync task failed unexpectedly", e.getCause());
            }
        }
        return results;
    }
}
