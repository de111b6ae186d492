package io.pilotlight.integration;

import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.pilotlight.api.v1alpha1.DisasterRecoveryPlan;
import io.pilotlight.api.v1alpha1.Failover;
import io.pilotlight.api.v1alpha1.failover.FailoverPhase;
import io.pilotlight.status.Conditions;
import io.pilotlight.testsupport.LocalClusters.Site;
import io.pilotlight.testsupport.OperatorTestResource;
import io.pilotlight.testsupport.TestClusters;
import io.pilotlight.testsupport.Workloads;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * {@code make bench-reprotect}: re-protect on the 1,000-object set of {@link StandbySyncBenchmark}
 * (10 namespaces × 50 ConfigMaps, 48 Secrets, 2 Deployments). Not a test: it asserts nothing and only
 * runs when asked by name.
 * <ol>
 * <li>An Unplanned failover with the primary's API server stopped; then the primary is started again,
 * and measured: from the first moment its API server answers until the plan reports the sync
 * {@code dc2 → dc1} in sync (a full pass there finished after it answered): every object adopted or
 * written, parked.</li>
 * <li>The failback (Planned, ToPrimary) and its RTO, against the floor: a plain client scaling the same
 * 20 Deployments, parked in a namespace of their own on the primary, until they are available.</li>
 * </ol>
 */
@QuarkusTest
@QuarkusTestResource(value = OperatorTestResource.class, restrictToAnnotatedClass = false)
@Tag("bench")
class ReprotectBenchmark {

    private static final int NAMESPACES = 10;
    private static final int CONFIG_MAPS = 50;
    private static final int SECRETS = 48;
    private static final int DEPLOYMENTS = 2;
    private static final int TOTAL = NAMESPACES * (CONFIG_MAPS + SECRETS + DEPLOYMENTS);
    private static final Duration WAIT = Duration.ofMinutes(5);

    @Test
    void reprotectAndFailback() throws Exception {
        TestClusters clusters = TestClusters.open("bench-rp");
        String ns = clusters.namespace();
        KubernetesClient primary = clusters.primary();
        KubernetesClient standby = clusters.standby();
        List<String> protectedNs = new ArrayList<>();
        for (int i = 0; i < NAMESPACES; i++) {
            protectedNs.add(ns + "-" + i);
        }
        ExecutorService pool = Executors.newFixedThreadPool(8);
        StringBuilder out = new StringBuilder();
        try {
            create(primary, protectedNs, pool);
            standby.resource(PlanFixtures.kubeconfigSecret(ns, "primary-kubeconfig", "kubeconfig",
                    clusters.clusters().kubeconfigContent(Site.PRIMARY))).create();
            standby.resource(PlanFixtures.plan(ns, "bench", protectedNs.get(0), "velero", Map.of(
                    "protect", "{namespaces: [" + String.join(", ", protectedNs) + "]}", "backup", "{enabled: false}",
                    "failover", "{readinessTimeout: 5m}"))).create();
            await(() -> inSync(standby, ns, "dc1 → dc2", null));
            out.append(String.format("objects: %d in %d namespaces; the standby in sync%n", TOTAL, NAMESPACES));

            clusters.clusters().stop(Site.PRIMARY);
            try {
                standby.resource(PlanFixtures.failover(ns, "bench", "lost", "{type: Unplanned}")).create();
                await(() -> completed(standby, ns, "lost"));
            } finally {
                clusters.clusters().start(Site.PRIMARY);
            }
            // start() returns once the primary's Pods run again; its API server answered before: the time it first did.
            Instant answered = Instant.now();
            long t0 = System.nanoTime();
            await(() -> inSync(standby, ns, "dc2 → dc1", answered));
            double reprotect = seconds(System.nanoTime() - t0);
            out.append(String.format("re-protect: %.2f s from the primary answering again (clusters.sh start returned) until the plan"
                    + " said dc2 → dc1 in sync, with a full pass done after that: %d objects adopted, parked%n", reprotect, TOTAL));

            String floorNs = ns + "-floor";
            double floor = floor(primary, floorNs, pool);
            out.append(String.format("floor: %.2f s for a plain client to scale %d parked Deployments on the primary (8 parallel"
                    + " patches) until available%n", floor, NAMESPACES * DEPLOYMENTS));

            standby.resource(PlanFixtures.failover(ns, "bench", "back", "{type: Planned, direction: ToPrimary}")).create();
            await(() -> completed(standby, ns, "back"));
            Failover back = standby.resources(Failover.class).inNamespace(ns).withName("back").get();
            double rto = Duration.between(Instant.parse(back.getMetadata().getCreationTimestamp()),
                    Instant.parse(back.getStatus().getCompletedAt())).toMillis() / 1000.0;
            out.append(String.format("failback: RTO %d s (status.rtoSeconds; %.1f s creation to completion), RPO %d s;"
                    + " %.2f x the floor%n", back.getStatus().getRtoSeconds(), rto, back.getStatus().getRpoSeconds(), rto / floor));
            back.getStatus().getSteps().forEach(s -> out.append(String.format("  %-18s %s -> %s%n", s.getName(), s.getStartedAt(),
                    s.getFinishedAt())));
        } finally {
            System.out.print(out);
            Files.writeString(Path.of("target", "bench-reprotect.txt"), out.toString());
            standby.resources(Failover.class).inNamespace(ns).delete();
            standby.resources(DisasterRecoveryPlan.class).inNamespace(ns).delete();
            for (String p : protectedNs) {
                primary.namespaces().withName(p).delete();
                standby.namespaces().withName(p).delete();
            }
            primary.namespaces().withName(ns + "-floor").delete();
            pool.shutdownNow();
            clusters.close();
        }
    }

    private static void create(KubernetesClient primary, List<String> protectedNs, ExecutorService pool) throws Exception {
        List<Future<?>> made = new ArrayList<>();
        for (String p : protectedNs) {
            primary.resource(new NamespaceBuilder().withNewMetadata().withName(p).endMetadata().build()).create();
            for (int c = 0; c < CONFIG_MAPS; c++) {
                String name = "cm-" + c;
                made.add(pool.submit(() -> primary.resource(new ConfigMapBuilder().withNewMetadata().withName(name).withNamespace(p)
                        .endMetadata().withData(Map.of("payload", "x".repeat(512))).build()).create()));
            }
            for (int s = 0; s < SECRETS; s++) {
                String name = "secret-" + s;
                made.add(pool.submit(() -> primary.resource(new SecretBuilder().withNewMetadata().withName(name).withNamespace(p)
                        .endMetadata().withStringData(Map.of("password", "bench-" + name)).build()).create()));
            }
            for (int d = 0; d < DEPLOYMENTS; d++) {
                String name = "app-" + d;
                made.add(pool.submit(() -> primary.resource(Workloads.deployment(p, name, 1, Map.of("app", name))).create()));
            }
        }
        for (Future<?> f : made) {
            f.get();
        }
    }

    private static double floor(KubernetesClient primary, String floorNs, ExecutorService pool) throws Exception {
        int count = NAMESPACES * DEPLOYMENTS;
        primary.resource(new NamespaceBuilder().withNewMetadata().withName(floorNs).endMetadata().build()).create();
        for (int d = 0; d < count; d++) {
            primary.resource(Workloads.deployment(floorNs, "app-" + d, 0, Map.of("app", "app-" + d))).create();
        }
        long start = System.nanoTime();
        List<Future<?>> scaled = new ArrayList<>();
        for (int d = 0; d < count; d++) {
            String name = "app-" + d;
            scaled.add(pool.submit(() -> primary.apps().deployments().inNamespace(floorNs).withName(name).scale(1)));
        }
        for (Future<?> f : scaled) {
            f.get();
        }
        await(() -> primary.apps().deployments().inNamespace(floorNs).list().getItems().stream()
                .filter(d -> d.getStatus() != null && Integer.valueOf(1).equals(d.getStatus().getAvailableReplicas())).count() == count);
        double floor = seconds(System.nanoTime() - start);
        primary.namespaces().withName(floorNs).delete();
        return floor;
    }

    private static boolean inSync(KubernetesClient standby, String ns, String direction, Instant after) {
        DisasterRecoveryPlan p = standby.resources(DisasterRecoveryPlan.class).inNamespace(ns).withName("bench").get();
        if (p == null || p.getStatus() == null || !direction.equals(p.getStatus().getSyncDirection())
                || !Conditions.isTrue(p.getStatus().getConditions(), "StandbyInSync")) {
            return false;
        }
        String last = p.getStatus().getStandby() == null ? null : p.getStatus().getStandby().getLastFullSync();
        return after == null || last != null && !Instant.parse(last).isBefore(after.minusSeconds(1));
    }

    private static boolean completed(KubernetesClient standby, String ns, String name) {
        Failover f = standby.resources(Failover.class).inNamespace(ns).withName(name).get();
        return f != null && f.getStatus() != null && f.getStatus().getPhase() == FailoverPhase.COMPLETED;
    }

    /** Polls with a deadline: a benchmark, so a miss ends it rather than asserting. */
    private static void await(BooleanSupplier done) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!done.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("not reached within " + WAIT);
            }
            Thread.sleep(50);
        }
    }

    private static double seconds(long nanos) {
        return nanos / 1e9;
    }
}
