package io.pilotlight.soak;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.Watch;
import io.fabric8.kubernetes.client.Watcher;
import io.fabric8.kubernetes.client.WatcherException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The soak's changes: ConfigMap updates on the primary at a fixed rate, round-robin over the protected
 * namespaces, each carrying its sequence number; a watch on the standby notes when each copy with that
 * number is first seen. Lag, as in StandbySyncBenchmark: from sending the update to the primary until
 * the standby's watch sees the copy (an upper bound of the sync's own lag). An update the primary
 * refuses or does not answer (its API server restarting) is counted as failed, not as lag.
 */
final class ChangeLoad implements AutoCloseable {

    record Change(int minute, long sentNanos, String key) {
    }

    private final KubernetesClient primary;
    private final List<String> namespaces;
    private final int configMaps;
    private final long startNanos = System.nanoTime();
    private final Map<String, Long> seen = new ConcurrentHashMap<>();
    private final List<Change> sent = java.util.Collections.synchronizedList(new ArrayList<>());
    private final Map<Integer, AtomicInteger> failed = new ConcurrentHashMap<>();
    private final AtomicInteger next = new AtomicInteger();
    private final ExecutorService pool = Executors.newFixedThreadPool(8);
    private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor();
    private final Watch watch;
    private ScheduledFuture<?> tick;

    /** The objects the load changes on the primary, as the invariant checker names them. */
    static List<String> keys(List<String> namespaces, int configMaps) {
        List<String> keys = new ArrayList<>();
        for (String ns : namespaces) {
            for (int c = 0; c < configMaps; c++) {
                keys.add("ConfigMap/" + ns + "/cm-" + c);
            }
        }
        return keys;
    }

    ChangeLoad(KubernetesClient primary, KubernetesClient standby, String planNamespace, List<String> namespaces, int configMaps) {
        this.primary = primary;
        this.namespaces = namespaces;
        this.configMaps = configMaps;
        this.watch = standby.configMaps().inAnyNamespace().withLabel("pilotlight.io/plan-namespace", planNamespace).watch(new Watcher<>() {
            @Override
            public void eventReceived(Action action, ConfigMap cm) {
                if (cm.getData() != null && cm.getData().get("seq") != null) {
                    seen.putIfAbsent(cm.getMetadata().getNamespace() + "/" + cm.getMetadata().getName() + "#" + cm.getData().get("seq"),
                            System.nanoTime());
                }
            }

            @Override
            public void onClose(WatcherException cause) {
                // A closed watch (the standby restarting) loses lag samples, never the run: the sample count shows it.
            }
        });
    }

    /** Starts sending {@code perMinute} updates a minute. */
    void start(int perMinute) {
        tick = ticker.scheduleAtFixedRate(() -> pool.submit(this::send), 0, 60_000_000 / perMinute, TimeUnit.MICROSECONDS);
    }

    private void send() {
        int n = next.getAndIncrement();
        String ns = namespaces.get(n % namespaces.size());
        String name = "cm-" + (n / namespaces.size()) % configMaps;
        int minute = minute();
        long at = System.nanoTime();
        try {
            primary.configMaps().inNamespace(ns).withName(name).edit(cm -> new ConfigMapBuilder(cm).addToData("seq", String.valueOf(n)).build());
            sent.add(new Change(minute, at, ns + "/" + name + "#" + n));
        } catch (RuntimeException e) {
            failed.computeIfAbsent(minute, m -> new AtomicInteger()).incrementAndGet();
        }
    }

    /** Minutes since the load began, from 1. */
    int minute() {
        return (int) ((System.nanoTime() - startNanos) / 60_000_000_000L) + 1;
    }

    void stop() {
        if (tick != null) {
            tick.cancel(false);
        }
    }

    /** The changes sent so far whose copy was not seen yet. */
    long unseen() {
        synchronized (sent) {
            return sent.stream().filter(c -> !seen.containsKey(c.key())).count();
        }
    }

    /** Lags in ms of the changes sent in that minute that were seen, sorted; the unseen count apart. */
    List<Long> lags(int minute) {
        List<Long> lags = new ArrayList<>();
        synchronized (sent) {
            for (Change c : sent) {
                Long at = seen.get(c.key());
                if (c.minute() == minute && at != null) {
                    lags.add((at - c.sentNanos()) / 1_000_000);
                }
            }
        }
        lags.sort(Long::compare);
        return lags;
    }

    long sentIn(int minute) {
        synchronized (sent) {
            return sent.stream().filter(c -> c.minute() == minute).count();
        }
    }

    int failedIn(int minute) {
        AtomicInteger f = failed.get(minute);
        return f == null ? 0 : f.get();
    }

    static long pct(List<Long> sorted, int p) {
        return sorted.isEmpty() ? -1 : sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
    }

    @Override
    public void close() {
        stop();
        watch.close();
        ticker.shutdownNow();
        pool.shutdownNow();
    }
}
