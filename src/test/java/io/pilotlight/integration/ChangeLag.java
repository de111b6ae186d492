package io.pilotlight.integration;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Change lag at a fixed rate: ConfigMap updates on the primary (one merge patch each, spread over the
 * namespaces), and for each the time from sending it until a standby watch saw the copy with its
 * value (or a later one of the same object): an upper bound of the sync's own lag, as it includes the primary's write and the watch's
 * delivery. Bounded: {@code rate x seconds} changes, then at most 30 s of waiting.
 */
final class ChangeLag {

    /**
     * One change sent: when (ms since the run began), its lag in ms (-1: never copied), and whether it was
     * copied by a later change of its object (coalesced) rather than seen with its own value.
     */
    record Sample(long sentMillis, long lagMillis, boolean coalesced) {
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
        return samples(keys, sent, start, watch);
    }

    /**
     * A change counts as copied when the standby showed it or a later change of the same object: the sync
     * keeps one pending change per object, so a change overtaken before it was copied is copied by the later
     * one (and only that one's value is ever seen). Walks each object's changes from the newest back.
     */
    private static List<Sample> samples(String[] keys, long[] sent, long start, StandbyWatch watch) {
        Sample[] out = new Sample[keys.length];
        Map<String, Long> laterSeen = new HashMap<>();
        for (int n = keys.length - 1; n >= 0; n--) {
            if (keys[n] == null || sent[n] == 0) { // not sent: the run's deadline came first (counted as unseen by the caller)
                continue;
            }
            String object = keys[n].substring(0, keys[n].indexOf('#'));
            Long own = watch.changeSeen.get(keys[n]);
            Long later = laterSeen.get(object);
            Long seen = own == null ? later : later == null ? own : Math.min(own, later);
            if (seen != null) {
                laterSeen.put(object, seen);
            }
            out[n] = new Sample((sent[n] - start) / 1_000_000, seen == null ? -1 : Math.max(0, (seen - sent[n]) / 1_000_000),
                    own == null && seen != null);
        }
        return Arrays.stream(out).filter(Objects::nonNull).toList();
    }

    /** Whether every object's last change was seen (which copies its earlier ones too). */
    private static boolean allSeen(StandbyWatch watch, String[] keys) {
        Map<String, String> last = new HashMap<>();
        for (String k : keys) {
            if (k == null) {
                return false;
            }
            last.put(k.substring(0, k.indexOf('#')), k);
        }
        return last.values().stream().allMatch(watch.changeSeen::containsKey);
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
