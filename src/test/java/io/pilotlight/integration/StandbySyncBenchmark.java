package io.pilotlight.integration;

import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.Watch;
import io.fabric8.kubernetes.client.Watcher;
import io.fabric8.kubernetes.client.WatcherException;
import io.pilotlight.api.v1alpha1.DisasterRecoveryPlan;
import io.pilotlight.api.v1alpha1.plan.StandbyStatus;
import io.pilotlight.testsupport.LocalClusters.Site;
import io.pilotlight.testsupport.OperatorTestResource;
import io.pilotlight.testsupport.TestClusters;
import io.pilotlight.testsupport.Workloads;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * {@code make bench-sync}: measures the standby sync on the local clusters. Not a test: it asserts
 * nothing and only runs when asked by name (its class name matches none of surefire's includes).
 *
 * <ol>
 * <li>Initial sync: 1,000 objects (500 ConfigMaps, 480 Secrets, 20 Deployments) in 10 namespaces
 * of the primary; time from the plan's creation until a watch on the standby has seen the last copy.</li>
 * <li>Propagation lag, once the plan reports StandbyInSync: 20 ConfigMap updates per second on the primary for 30 s; for each, time from
 * sending the update to the primary until a watch on the standby sees the copy with the new value
 * (an upper bound of the sync's own lag: it includes the primary's write and the standby watch's
 * delivery). The lag the engine measures itself (watch event on the primary to write done on the
 * standby), from the plan's status, is printed too.</li>
 * </ol>
 * Bounded: fixed object count and duration, 3-minute waits; everything it made is deleted at the end.
 */
@QuarkusTest
@QuarkusTestResource(value = OperatorTestResource.class, restrictToAnnotatedClass = false)
@Tag("bench")
class StandbySyncBenchmark {

    private static final int NAMESPACES = 10;
    private static final int CONFIG_MAPS = 50;
    private static final int SECRETS = 48;
    private static final int DEPLOYMENTS = 2;
    private static final int TOTAL = NAMESPACES * (CONFIG_MAPS + SECRETS + DEPLOYMENTS);
    private static final int RATE = 20;
    private static final Duration CHANGES_FOR = Duration.ofSeconds(30);
    private static final Duration WAIT = Duration.ofMinutes(3);

    @Test
    void initialSyncAndPropagationLag() throws Exception {
        TestClusters clusters = TestClusters.open("bench");
        String ns = clusters.namespace();
        KubernetesClient primary = clusters.primary();
        KubernetesClient standby = clusters.standby();
        List<String> protectedNs = new ArrayList<>();
        for (int i = 0; i < NAMESPACES; i++) {
            protectedNs.add(ns + "-" + i);
        }
        List<Watch> watches = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor();
        StringBuilder out = new StringBuilder();
        try {
            // ---- the objects, on the primary
            long t = System.nanoTime();
            List<Future<?>> made = new ArrayList<>();
            for (String p : protectedNs) {
                primary.resource(new NamespaceBuilder().withNewMetadata().withName(p).endMetadata().build()).create();
                for (int c = 0; c < CONFIG_MAPS; c++) {
                    String name = "cm-" + c;
                    made.add(pool.submit(() -> primary.resource(new ConfigMapBuilder().withNewMetadata().withName(name)
                            .withNamespace(p).endMetadata().withData(Map.of("seq", "-1", "payload", "x".repeat(512))).build()).create()));
                }
                for (int s = 0; s < SECRETS; s++) {
                    String name = "secret-" + s;
                    made.add(pool.submit(() -> primary.resource(new SecretBuilder().withNewMetadata().withName(name)
                            .withNamespace(p).endMetadata().withStringData(Map.of("password", "bench-" + name)).build()).create()));
                }
                for (int d = 0; d < DEPLOYMENTS; d++) {
                    String name = "app-" + d;
                    made.add(pool.submit(() -> primary.resource(Workloads.deployment(p, name, 1, Map.of("app", name))).create()));
                }
            }
            for (Future<?> f : made) {
                f.get();
            }
            System.out.printf("bench-sync: %d objects created on the primary in %.1f s%n", TOTAL, seconds(System.nanoTime() - t));

            // ---- watches on the standby: when each copy is first seen, and when each change arrives
            Map<String, Long> firstSeen = new ConcurrentHashMap<>();
            Map<String, Long> changeSeen = new ConcurrentHashMap<>();
            Watcher<HasMetadata> watcher = new Watcher<>() {
                @Override
                public void eventReceived(Action action, HasMetadata o) {
                    long now = System.nanoTime();
                    String key = o.getKind() + "/" + o.getMetadata().getNamespace() + "/" + o.getMetadata().getName();
                    firstSeen.putIfAbsent(key, now);
                    if (o instanceof io.fabric8.kubernetes.api.model.ConfigMap cm && cm.getData() != null) {
                        changeSeen.putIfAbsent(key + "#" + cm.getData().get("seq"), now);
                    }
                }

                @Override
                public void onClose(WatcherException cause) {
                }
            };
            @SuppressWarnings({ "unchecked", "rawtypes" })
            Watcher<io.fabric8.kubernetes.api.model.ConfigMap> cmWatcher = (Watcher) watcher;
            @SuppressWarnings({ "unchecked", "rawtypes" })
            Watcher<io.fabric8.kubernetes.api.model.Secret> secretWatcher = (Watcher) watcher;
            @SuppressWarnings({ "unchecked", "rawtypes" })
            Watcher<io.fabric8.kubernetes.api.model.apps.Deployment> deploymentWatcher = (Watcher) watcher;
            watches.add(standby.configMaps().inAnyNamespace().withLabel("pilotlight.io/plan-namespace", ns).watch(cmWatcher));
            watches.add(standby.secrets().inAnyNamespace().withLabel("pilotlight.io/plan-namespace", ns).watch(secretWatcher));
            watches.add(standby.apps().deployments().inAnyNamespace().withLabel("pilotlight.io/plan-namespace", ns)
                    .watch(deploymentWatcher));

            // ---- initial sync
            clusters.standby().resource(PlanFixtures.kubeconfigSecret(ns, "primary-kubeconfig", "kubeconfig",
                    clusters.clusters().kubeconfigContent(Site.PRIMARY))).create();
            long planCreated = System.nanoTime();
            standby.resource(PlanFixtures.plan(ns, "bench", protectedNs.get(0), "velero", Map.of(
                    "protect", "{namespaces: [" + String.join(", ", protectedNs) + "]}",
                    "backup", "{enabled: false}"))).create();
            long deadline = System.nanoTime() + WAIT.toNanos();
            while (firstSeen.size() < TOTAL && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            long last = firstSeen.values().stream().mapToLong(Long::longValue).max().orElse(planCreated);
            long first = firstSeen.values().stream().mapToLong(Long::longValue).min().orElse(planCreated);
            double initial = seconds(last - planCreated);
            out.append(String.format("objects: %d (%d ConfigMaps, %d Secrets, %d Deployments) in %d namespaces%n", TOTAL,
                    NAMESPACES * CONFIG_MAPS, NAMESPACES * SECRETS, NAMESPACES * DEPLOYMENTS, NAMESPACES));
            out.append(String.format("initial sync: %.2f s from the plan's creation until the last copy was seen on the standby "
                    + "(%d/%d copies; first copy after %.2f s, so %.2f s of copying)%n", initial, firstSeen.size(), TOTAL,
                    seconds(first - planCreated), seconds(last - first)));

            // ---- the plan says the standby is in sync (and, Continuous, that changes are followed)
            deadline = System.nanoTime() + WAIT.toNanos();
            while (System.nanoTime() < deadline && !inSync(standby, ns)) {
                Thread.sleep(50);
            }
            out.append(String.format("StandbyInSync True (first pass done, changes followed) %.2f s after the plan's creation%n",
                    seconds(System.nanoTime() - planCreated)));

            // ---- propagation lag at RATE changes/s
            int changes = (int) (RATE * CHANGES_FOR.toSeconds());
            long[] sent = new long[changes];
            String[] keys = new String[changes];
            AtomicInteger next = new AtomicInteger();
            List<Future<?>> updates = new ArrayList<>();
            var tick = ticker.scheduleAtFixedRate(() -> {
                int n = next.getAndIncrement();
                if (n >= changes) {
                    return;
                }
                String p = protectedNs.get(n % NAMESPACES);
                String name = "cm-" + (n / NAMESPACES) % CONFIG_MAPS;
                keys[n] = "ConfigMap/" + p + "/" + name + "#" + n;
                synchronized (updates) {
                    updates.add(pool.submit(() -> {
                        sent[n] = System.nanoTime();
                        primary.configMaps().inNamespace(p).withName(name)
                                .edit(cm -> new ConfigMapBuilder(cm).addToData("seq", String.valueOf(n)).build());
                    }));
                }
            }, 0, 1000 / RATE, TimeUnit.MILLISECONDS);
            long changesStarted = System.nanoTime();
            while (next.get() < changes && System.nanoTime() - changesStarted < CHANGES_FOR.toNanos() * 2) {
                Thread.sleep(50);
            }
            tick.cancel(false);
            double sendingTook = seconds(System.nanoTime() - changesStarted);
            synchronized (updates) {
                for (Future<?> f : updates) {
                    f.get();
                }
            }
            deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (Arrays.stream(keys).filter(k -> k != null && !changeSeen.containsKey(k)).count() > 0 && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            List<Long> lags = new ArrayList<>();
            for (int n = 0; n < changes; n++) {
                Long seen = keys[n] == null ? null : changeSeen.get(keys[n]);
                if (seen != null) {
                    lags.add((seen - sent[n]) / 1_000_000);
                }
            }
            lags.sort(Long::compare);
            out.append(String.format("changes: %d ConfigMap updates at %d/s (sent in %.1f s); seen on the standby: %d%n", changes,
                    RATE, sendingTook, lags.size()));
            out.append(String.format("propagation lag (update sent to the primary -> copy seen by a standby watch): "
                    + "p50 %d ms, p99 %d ms, max %d ms%n", pct(lags, 50), pct(lags, 99), lags.isEmpty() ? -1 : lags.get(lags.size() - 1)));
            StandbyStatus st = null;
            deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (System.nanoTime() < deadline) { // the next reconcile publishes the engine's figures
                DisasterRecoveryPlan plan = standby.resources(DisasterRecoveryPlan.class).inNamespace(ns).withName("bench").get();
                st = plan.getStatus() == null ? null : plan.getStatus().getStandby();
                if (st != null && st.getSyncLagP99Millis() != null && st.getObjectsInSync() != null && st.getObjectsInSync() >= TOTAL) {
                    break;
                }
                Thread.sleep(200);
            }
            if (st != null) {
                out.append(String.format("engine-measured lag (change seen on the primary -> standby write done, last 1,024 "
                        + "changes): p50 %s ms, p99 %s ms; objects in sync %s, workloads parked %s%n", st.getSyncLagP50Millis(),
                        st.getSyncLagP99Millis(), st.getObjectsInSync(), st.getWorkloadsParked()));
            }
            out.append(String.format("targets: initial sync <= 10 s: %s; p99 lag <= 1 s: %s%n",
                    initial <= 10 && firstSeen.size() == TOTAL ? "met" : "MISSED",
                    !lags.isEmpty() && lags.size() == changes && pct(lags, 99) <= 1000 ? "met" : "MISSED"));
            String report = "\n===== bench-sync (local clusters, " + Runtime.getRuntime().availableProcessors() + " CPUs) =====\n"
                    + out + "=====\n";
            System.out.println(report);
            Files.createDirectories(Path.of("target"));
            Files.writeString(Path.of("target/bench-sync.txt"), report);
        } finally {
            ticker.shutdownNow();
            watches.forEach(Watch::close);
            pool.shutdownNow();
            standby.resources(DisasterRecoveryPlan.class).inNamespace(ns).delete();
            long deadline = System.nanoTime() + WAIT.toNanos();
            while (!standby.resources(DisasterRecoveryPlan.class).inNamespace(ns).list().getItems().isEmpty()
                    && System.nanoTime() < deadline) {
                Thread.sleep(200);
            }
            for (String p : protectedNs) {
                primary.namespaces().withName(p).delete();
                standby.namespaces().withName(p).delete();
            }
            clusters.close();
        }
    }

    private static boolean inSync(KubernetesClient standby, String ns) {
        DisasterRecoveryPlan plan = standby.resources(DisasterRecoveryPlan.class).inNamespace(ns).withName("bench").get();
        return plan != null && plan.getStatus() != null && io.pilotlight.status.Conditions.isTrue(plan.getStatus().getConditions(),
                io.pilotlight.api.v1alpha1.ConditionTypes.STANDBY_IN_SYNC);
    }

    private static long pct(List<Long> sorted, double p) {
        if (sorted.isEmpty()) {
            return -1;
        }
        int rank = (int) Math.ceil(p / 100.0 * sorted.size());
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, rank - 1)));
    }

    private static double seconds(long nanos) {
        return nanos / 1e9;
    }
}
