package io.pilotlight.util;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * Runs a call per item with at most a bound in flight: the Failover steps' patches of many workloads,
 * which one after the other take a round trip each (1,000 Deployments: seconds), and all at once would
 * flood the API server. The caller's thread waits for all of them; the first failure is thrown after.
 */
public final class BoundedParallel {

    /** Patches in flight per call: an API server's default max-mutating-requests-inflight is 200, this stays well below. */
    public static final int PATCHES = 16;

    private static final AtomicInteger THREADS = new AtomicInteger();
    private static final ExecutorService POOL = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "pilotlight-patch-" + THREADS.incrementAndGet());
        t.setDaemon(true);
        return t;
    });

    private BoundedParallel() {
    }

    /** The results in item order; a RuntimeException of a call is thrown once every call has ended. */
    public static <T, R> List<R> map(List<T> items, int bound, Function<T, R> call) {
        if (items.size() <= 1) {
            return items.stream().map(call).toList();
        }
        Semaphore inFlight = new Semaphore(bound);
        List<Future<R>> futures = new ArrayList<>(items.size());
        try {
            for (T item : items) {
                inFlight.acquire();
                futures.add(POOL.submit(() -> {
                    try {
                        return call.apply(item);
                    } finally {
                        inFlight.release();
                    }
                }));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            futures.forEach(f -> f.cancel(true));
            throw new IllegalStateException("interrupted while patching", e);
        }
        return results(futures);
    }

    private static <R> List<R> results(List<Future<R>> futures) {
        List<R> out = new ArrayList<>(futures.size());
        RuntimeException failure = null;
        for (Future<R> f : futures) {
            try {
                out.add(f.get());
            } catch (ExecutionException e) {
                if (failure == null) {
                    failure = e.getCause() instanceof RuntimeException re ? re : new IllegalStateException(e.getCause());
                }
                out.add(null);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while patching", e);
            }
        }
        if (failure != null) {
            throw failure;
        }
        return out;
    }
}
