package io.pilotlight.integration;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Change lag at a fixed rate: ConfigMap updates on the primary (one merge patch each, spread over the
 * namespaces), and for each the time from sending it until a standby watch saw the copy with its
 * value: an upper bound of the sync's own lag, as it includes the primary's write and the watch's
 * delivery. Bounded: {@code rate x seconds} changes, then at most 30 s of waiting.
 */
final class ChangeLag {

    /** One change sent: when (ms since the run began) and its lag in ms (-1: never seen). */
    record Sample(long sentMillis, long lagMillis) {
    }

    static List<Sample> run(KubernetesClient primary, StandbyWatch watch, List<String> namespaces, int configMapsPerNs,
            double rate, long seconds) throws InterruptedException {
        int changes = (int) Math.round(rate * seconds);
        long[] sent = new long[changes];
        String[] keys = new String[changes];
        AtomicInteger next = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor();
        long start = System.nanoTime();
        try {
            ticker.scheduleAtFixedRate(() -> {
                int n = next.getAndIncrement();
                if (n >= changes) {
                    return;
                }
                String ns = namespaces.get(n % namespaces.size());
                String name = "cm-" + (n / namespaces.size()) % configMapsPerNs;
                keys[n] = "ConfigMap/" + ns + "/" + name + "#" + n;
                pool.submit(() -> {
                    sent[n] = System.nanoTime();
                    primary.configMaps().inNamespace(ns).withName(name)
                            .patch(PatchContext.of(PatchType.JSON_MERGE), "{\"data\":{\"seq\":\"" + n + "\"}}");
                });
            }, 0, Math.round(1_000_000 / rate), TimeUnit.MICROSECONDS);
            long deadline = start + (seconds + 30) * 1_000_000_000L;
            while (System.nanoTime() < deadline && (next.get() < changes || !allSeen(watch, keys))) {
                Thread.sleep(50);
            }
        } finally {
            ticker.shutdownNow();
            pool.shutdownNow();
        }
        List<Sample> out = new ArrayList<>();
        for (int n = 0; n < changes; n++) {
            Long seen = keys[n] == null ? null : watch.changeSeen.get(keys[n]);
            if (sent[n] != 0) { // not sent: the run's deadline came first (counted as unseen by the caller)
                out.add(new Sample((sent[n] - start) / 1_000_000, seen == null ? -1 : (seen - sent[n]) / 1_000_000));
            }
        }
        return out;
    }

    private static boolean allSeen(StandbyWatch watch, String[] keys) {
        for (String k : keys) {
            if (k == null || !watch.changeSeen.containsKey(k)) {
                return false;
            }
        }
        return true;
    }

    /** The p-th percentile of the seen changes' lags, -1 when none was seen. */
    static long pct(List<Sample> samples, double p) {
        List<Long> sorted = samples.stream().map(Sample::lagMillis).filter(l -> l >= 0).sorted().toList();
        if (sorted.isEmpty()) {
            return -1;
        }
        int rank = (int) Math.ceil(p / 100.0 * sorted.size());
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, rank - 1)));
    }

    /** The samples sent in each window of {@code windowSeconds}, in order. */
    static List<List<Sample>> windows(List<Sample> samples, long windowSeconds) {
        List<List<Sample>> out = new ArrayList<>();
        for (Sample s : samples) {
            int w = (int) (s.sentMillis() / (windowSeconds * 1000));
            while (out.size() <= w) {
                out.add(new ArrayList<>());
            }
            out.get(w).add(s);
        }
        return out;
    }
}
