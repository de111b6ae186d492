package io.pilotlight.integration;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.pilotlight.api.v1alpha1.ConditionTypes;
import io.pilotlight.api.v1alpha1.DisasterRecoveryPlan;
import io.pilotlight.api.v1alpha1.Failover;
import io.pilotlight.api.v1alpha1.failover.FailoverPhase;
import io.pilotlight.api.v1alpha1.failover.FailoverStep;
import io.pilotlight.status.Conditions;
import io.pilotlight.testsupport.LocalClusters.Site;
import io.pilotlight.testsupport.OperatorTestResource;
import io.pilotlight.testsupport.RealVelero;
import io.pilotlight.testsupport.TestClusters;
import io.pilotlight.testsupport.Workloads;
import io.pilotlight.velero.v1.Backup;
import io.pilotlight.velero.v1.BackupPhase;
import io.pilotlight.velero.v1.BackupSpec;
import io.pilotlight.velero.v1.Restore;
import io.pilotlight.velero.v1.RestorePhase;
import io.pilotlight.velero.v1.RestoreSpec;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;
import org.awaitility.core.ThrowingRunnable;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * {@code make bench-velero}: the RTO of a restore from a real Velero backup against Pilotlight's
 * Unplanned failover and the floor, for one namespace of 100 Deployments (1 replica each) and 1,000,
 * then 10,000, non-workload objects (50% ConfigMaps of about 1 KiB, 40% Secrets, 10% Services:
 * one headless Service per Deployment selecting its Pods, the rest ExternalName Services). Not a
 * test: it checks only that each path got where it was going, and runs only when asked by name.
 *
 * <p>For each size, from scratch: the namespace on the primary; a plan (no backups of its own)
 * that keeps the standby's copy in sync and parked (0 replicas); a Velero Backup of the namespace
 * on the primary, listed by Velero on the standby through the shared bucket (the standby's server
 * is restarted, which syncs the bucket at once: the minute a real standby may wait for it is not
 * counted in its RTO). Then three measurements on the standby, one after the other, each on an
 * otherwise quiet standby (whatever the previous one made is deleted and gone first):
 * <ol>
 * <li><b>floor</b>, as in {@link FailoverBenchmark}: 100 identical Deployments parked at 0 in a
 * namespace of their own, scaled to 1 by a plain client (8 parallel patches); from the first patch
 * until all 100 are available. What the standby's control plane needs to start the Pods; nothing
 * can fail over faster.</li>
 * <li><b>Velero restore-then-scale</b>: a Restore of the backup into a fresh namespace (namespace
 * mapping, as onto a standby that holds nothing), waited on until Completed; then every restored
 * Deployment scaled to the replicas it has on the primary (Velero restores them with the replicas
 * of the backup, so that patch finds nothing to do here, and Deployments restored early may start
 * before the restore ends), and waited on until all 100 are available. From the Restore's creation.</li>
 * <li><b>Pilotlight</b>: an Unplanned Failover of the plan (probes and fences the primary, stops
 * the sync, resumes the parked copies, no traffic switch, activates the standby); wall clock from
 * its creation until all 100 copies are available, and until it is Completed, which is the RTO
 * compared; its own {@code status.rtoSeconds} is printed beside.</li>
 * </ol>
 * Ratios: Velero/Pilotlight (until all available against until Completed) and Pilotlight/floor. The
 * expectation it checks: Pilotlight's RTO does not grow with the objects beside the workloads,
 * Velero's does (it restores items one at a time).
 *
 * <p>Bounded: every wait has a deadline (scaled with the object count where Velero or the sync
 * walks every object); everything it made is deleted at the end: namespaces, plans, Failovers,
 * the Restores (whose finalizer removes their logs from the bucket) and the Backups (by a
 * DeleteBackupRequest on the primary, which owns the bucket; then the copy the standby listed). A
 * wait that runs out prints the Backup, Restore, plan and Failover, both Velero servers' log tails
 * and the operator's log tail.
 */
@QuarkusTest
@QuarkusTestResource(value = OperatorTestResource.class, restrictToAnnotatedClass = false)
@Tag("bench")
class VeleroRestoreBenchmark {

    /** The object counts, in order; BENCH_VELERO_SIZES (e.g. {@code 200,400}) replaces them for a quick try, and says so. */
    private static final int[] SIZES = sizes(System.getenv("BENCH_VELERO_SIZES"));
    private static final int DEPLOYMENTS = 100;
    private static final String VELERO = RealVelero.NAMESPACE;
    private static final Duration WAIT = Duration.ofMinutes(5);
    private static final String PAYLOAD = payload();

    private final List<String> report = new ArrayList<>();

    /** What one size measured, in seconds. */
    private record Row(int objects, double created, double synced, double backup, int backupItems, double floor,
            double veleroCompleted, double veleroAvailable, int restoredItems, String restoreOutcome, long veleroOwn,
            int veleroScaled, double pilotlightAvailable, double pilotlightCompleted, Long rtoSeconds, String failoverCreated, List<FailoverStep> steps) {
    }

    @Test
    void veleroRestoreThenScaleAgainstPilotlightAndTheFloor() throws Exception {
        RealVelero velero = RealVelero.get();
        TestClusters clusters = TestClusters.open("vbench");
        ExecutorService pool = Executors.newFixedThreadPool(16);
        List<Row> rows = new ArrayList<>();
        for (Site site : Site.values()) {
            clusters.onFailure(() -> "Velero Backups and Restores of this run on " + site.siteName() + ":\n"
                    + PlanFixtures.yaml(ours(clusters, clusters.client(site).resources(Backup.class).inNamespace(VELERO).list().getItems()))
                    + PlanFixtures.yaml(ours(clusters, clusters.client(site).resources(Restore.class).inNamespace(VELERO).list().getItems())));
            clusters.onFailure(() -> "velero server log on " + site.siteName() + ":\n" + velero.logTail(site, 25));
            // A scheduler that did not start (its port taken) leaves every Pod Pending: the floor's wait would say only that.
            clusters.onFailure(() -> "kube-scheduler log on " + site.siteName() + ":\n"
                    + clusters.clusters().logTail(site, "kube-scheduler", 5));
        }
        clusters.onFailure(() -> "plans:\n" + PlanFixtures.yaml(clusters.standby().resources(DisasterRecoveryPlan.class)
                .inNamespace(clusters.namespace()).list().getItems()));
        clusters.onFailure(() -> "failovers:\n" + PlanFixtures.yaml(clusters.standby().resources(Failover.class)
                .inNamespace(clusters.namespace()).list().getItems()));
        long start = System.nanoTime();
        try {
            for (int size : SIZES) {
                rows.add(measure(clusters, velero, pool, size));
            }
            String out = table(rows, seconds(System.nanoTime() - start));
            System.out.println(out);
            Files.createDirectories(Path.of("target"));
            Files.writeString(Path.of("target/bench-velero.txt"), out);
        } finally {
            pool.shutdownNow();
            clusters.close();
        }
    }

    private Row measure(TestClusters clusters, RealVelero velero, ExecutorService pool, int objects) throws Exception {
        String ns = clusters.namespace();
        String plan = "bench-" + objects;
        String app = ns + "-" + objects;
        String restored = app + "-velero";
        String floorNs = app + "-floor";
        String backupName = app;
        String restoreName = app + "-restore";
        KubernetesClient primary = clusters.primary();
        KubernetesClient standby = clusters.standby();
        Duration perObject = Duration.ofMillis(objects * 150L); // Velero restores 12-25 items/s here: generous
        log(objects, "start");
        try {
            // ---- the namespace on the primary, the floor's Deployments on the standby
            long t = System.nanoTime();
            primary.resource(namespace(app)).create();
            standby.resource(namespace(floorNs)).create();
            List<Future<?>> made = new ArrayList<>();
            for (HasMetadata o : objects(app, objects)) {
                made.add(pool.submit(() -> primary.resource(o).create()));
            }
            for (int i = 0; i < DEPLOYMENTS; i++) {
                String name = "app-" + i;
                made.add(pool.submit(() -> primary.resource(Workloads.deployment(app, name, 1, Map.of("app", name))).create()));
                made.add(pool.submit(() -> standby.resource(Workloads.deployment(floorNs, name, 0, Map.of("app", name))).create()));
            }
            waitAll(made, WAIT.plus(perObject));
            double created = seconds(System.nanoTime() - t);
            log(objects, "%d objects and %d Deployments created on the primary in %.1f s", objects, DEPLOYMENTS, created);

            // ---- the plan's parked copy, and (meanwhile) a Velero backup, listed on the standby
            t = System.nanoTime();
            if (standby.secrets().inNamespace(ns).withName("primary-kubeconfig").get() == null) {
                standby.resource(PlanFixtures.kubeconfigSecret(ns, "primary-kubeconfig", "kubeconfig",
                        clusters.clusters().kubeconfigContent(Site.PRIMARY))).create();
            }
            standby.resource(PlanFixtures.plan(ns, plan, app, VELERO, Map.of("backup", "{enabled: false}"))).create();
            long backupStart = System.nanoTime();
            primary.resource(backup(backupName, app)).create();
            await(clusters, "Velero completes backup " + backupName, WAIT.plus(perObject), Duration.ofMillis(500), () -> assertThat(
                    primary.resources(Backup.class).inNamespace(VELERO).withName(backupName).get().getStatus().phase())
                    .isEqualTo(BackupPhase.COMPLETED));
            double backupSeconds = seconds(System.nanoTime() - backupStart);
            Backup done = primary.resources(Backup.class).inNamespace(VELERO).withName(backupName).get();
            int backupItems = done.getStatus().getProgress() == null || done.getStatus().getProgress().getItemsBackedUp() == null ? -1
                    : done.getStatus().getProgress().getItemsBackedUp();
            log(objects, "backup Completed after %.1f s, %d items", backupSeconds, backupItems);
            await(clusters, "the standby holds " + objects + " objects and " + DEPLOYMENTS + " parked Deployments, in sync",
                    WAIT.plus(perObject), Duration.ofSeconds(2), () -> {
                        assertThat(inSync(standby, ns, plan)).isTrue();
                        assertThat(parked(standby, app)).isEqualTo(DEPLOYMENTS);
                        assertThat(nonWorkloads(standby, app)).isGreaterThanOrEqualTo(objects);
                    });
            double synced = seconds(System.nanoTime() - t);
            log(objects, "standby in sync %.1f s after the plan's creation", synced);
            velero.restart(Site.STANDBY);
            await(clusters, "Velero on the standby lists backup " + backupName, WAIT, Duration.ofMillis(500), () -> assertThat(
                    standby.resources(Backup.class).inNamespace(VELERO).withName(backupName).get().getStatus().phase())
                    .isEqualTo(BackupPhase.COMPLETED));
            await(clusters, "the primary runs its " + DEPLOYMENTS + " Deployments", WAIT, Duration.ofSeconds(1),
                    () -> assertThat(available(primary, app)).isEqualTo(DEPLOYMENTS));

            // ---- floor: a plain client scales 100 parked Deployments at once
            long floorStart = System.nanoTime();
            List<Future<?>> scaled = new ArrayList<>();
            for (int i = 0; i < DEPLOYMENTS; i++) {
                String name = "app-" + i;
                scaled.add(pool.submit(() -> standby.apps().deployments().inNamespace(floorNs).withName(name).scale(1)));
            }
            waitAll(scaled, WAIT);
            awaitAvailable(clusters, standby, floorNs, "the floor's");
            double floor = seconds(System.nanoTime() - floorStart);
            log(objects, "floor: all available after %.2f s", floor);
            deleteAndAwaitGone(clusters, standby, floorNs, WAIT);

            // ---- Velero: restore into a fresh namespace, wait Completed, scale, wait all available
            Map<String, Integer> replicas = primary.apps().deployments().inNamespace(app).list().getItems().stream()
                    .collect(Collectors.toMap(d -> d.getMetadata().getName(), d -> d.getSpec().getReplicas()));
            long restoreStart = System.nanoTime();
            standby.resource(restore(restoreName, backupName, app, restored)).create();
            Set<RestorePhase> finished = EnumSet.of(RestorePhase.COMPLETED, RestorePhase.PARTIALLY_FAILED, RestorePhase.FAILED,
                    RestorePhase.FAILED_VALIDATION);
            await(clusters, "Velero finishes restore " + restoreName, WAIT.plus(perObject), Duration.ofMillis(250),
                    () -> assertThat(restorePhase(standby, restoreName)).isIn(finished));
            double veleroCompleted = seconds(System.nanoTime() - restoreStart);
            Restore r = standby.resources(Restore.class).inNamespace(VELERO).withName(restoreName).get();
            assertThat(restorePhase(standby, restoreName)).as("the restore's outcome").isIn(RestorePhase.COMPLETED,
                    RestorePhase.PARTIALLY_FAILED);
            String outcome = r.getStatus().getPhase() + (r.getStatus().getWarnings() == null ? "" : ", " + r.getStatus().getWarnings()
                    + " warning(s)") + (r.getStatus().getErrors() == null ? "" : ", " + r.getStatus().getErrors() + " error(s)");
            int restoredItems = r.getStatus().getProgress() == null || r.getStatus().getProgress().getItemsRestored() == null ? -1
                    : r.getStatus().getProgress().getItemsRestored();
            long veleroOwn = Duration.between(Instant.parse(r.getStatus().getStartTimestamp()),
                    Instant.parse(r.getStatus().getCompletionTimestamp())).toSeconds();
            log(objects, "restore %s after %.1f s (%d items)", outcome, veleroCompleted, restoredItems);
            List<Future<?>> scaling = new ArrayList<>();
            for (Deployment d : standby.apps().deployments().inNamespace(restored).list().getItems()) {
                Integer want = replicas.get(d.getMetadata().getName());
                if (want != null && !want.equals(d.getSpec().getReplicas())) {
                    scaling.add(pool.submit(() -> standby.apps().deployments().inNamespace(restored)
                            .withName(d.getMetadata().getName()).scale(want)));
                }
            }
            waitAll(scaling, WAIT);
            awaitAvailable(clusters, standby, restored, "the restored");
            double veleroAvailable = seconds(System.nanoTime() - restoreStart);
            log(objects, "Velero: all available after %.1f s", veleroAvailable);
            deleteAndAwaitGone(clusters, standby, restored, WAIT.plus(perObject));

            // ---- Pilotlight: an Unplanned Failover of the parked copy
            long created0 = System.nanoTime();
            double pilotlightAvailable;
            double pilotlightCompleted;
            try (Timeline timeline = new Timeline(standby, ns, plan, created0)) {
                standby.resource(PlanFixtures.failover(ns, plan, plan, "{type: Unplanned}")).create();
                awaitAvailable(clusters, standby, app, "the parked copies'");
                pilotlightAvailable = seconds(System.nanoTime() - created0);
                await(clusters, "the Failover completes", WAIT, Duration.ofMillis(100),
                        () -> assertThat(failoverPhase(standby, ns, plan)).isEqualTo(FailoverPhase.COMPLETED));
                pilotlightCompleted = seconds(System.nanoTime() - created0);
                timeline.lines().forEach(l -> log(objects, "  Failover %s", l));
            }
            Failover fo = standby.resources(Failover.class).inNamespace(ns).withName(plan).get();
            log(objects, "Pilotlight: all available after %.2f s, Completed after %.2f s (rtoSeconds %s)", pilotlightAvailable,
                    pilotlightCompleted, fo.getStatus().getRtoSeconds());
            return new Row(objects, created, synced, backupSeconds, backupItems, floor, veleroCompleted, veleroAvailable,
                    restoredItems, outcome, veleroOwn, scaling.size(), pilotlightAvailable, pilotlightCompleted,
                    fo.getStatus().getRtoSeconds(), fo.getMetadata().getCreationTimestamp(), fo.getStatus().getSteps());
        } finally {
            cleanUp(clusters, plan, List.of(app, restored, floorNs), backupName, restoreName);
        }
    }

    // ---- the objects

    /** The non-workload objects of a namespace of {@code count}: 50% ConfigMaps, 40% Secrets, 10% Services. */
    private static List<HasMetadata> objects(String namespace, int count) {
        int services = count / 10;
        int configMaps = count / 2;
        List<HasMetadata> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String owner = "app-" + i % DEPLOYMENTS;
            var meta = new ObjectMetaBuilder().withNamespace(namespace).withLabels(Map.of("app", owner, "part-of", "bench"));
            if (i < services) {
                meta.withName("svc-" + i);
                out.add(i < DEPLOYMENTS
                        ? new ServiceBuilder().withMetadata(meta.build()).withNewSpec().withClusterIP("None")
                                .withSelector(Map.of("app", owner)).addNewPort().withName("http").withPort(80).endPort().endSpec().build()
                        : new ServiceBuilder().withMetadata(meta.build()).withNewSpec().withType("ExternalName")
                                .withExternalName("db-" + i + ".example.com").endSpec().build());
            } else if (i < services + configMaps) {
                meta.withName("config-" + i);
                out.add(new ConfigMapBuilder().withMetadata(meta.build())
                        .withData(Map.of("application.properties", PAYLOAD, "revision", String.valueOf(i))).build());
            } else {
                meta.withName("secret-" + i);
                out.add(new SecretBuilder().withMetadata(meta.build()).withType("Opaque")
                        .withStringData(Map.of("username", "user-" + i, "password", "p-" + Integer.toHexString(i * 7919) + "-bench"))
                        .build());
            }
        }
        return out;
    }

    private static int[] sizes(String env) {
        return env == null || env.isBlank() ? new int[] { 1_000, 10_000 }
                : java.util.Arrays.stream(env.split(",")).map(String::trim).mapToInt(Integer::parseInt).toArray();
    }

    /** About 1 KiB of an application's settings. */
    private static String payload() {
        StringBuilder s = new StringBuilder();
        for (int i = 0; s.length() < 1000; i++) {
            s.append("feature.").append(i).append(".enabled=true\nfeature.").append(i).append(".endpoint=https://svc-")
                    .append(i).append(".example.com/api\n");
        }
        return s.toString();
    }

    private static Backup backup(String name, String namespace) {
        Backup backup = new Backup();
        backup.setMetadata(new ObjectMetaBuilder().withName(name).withNamespace(VELERO).build());
        BackupSpec spec = new BackupSpec();
        spec.setIncludedNamespaces(List.of(namespace));
        spec.setStorageLocation(RealVelero.LOCATION);
        spec.setTtl("2h");
        backup.setSpec(spec);
        return backup;
    }

    private static Restore restore(String name, String backup, String from, String into) {
        Restore restore = new Restore();
        restore.setMetadata(new ObjectMetaBuilder().withName(name).withNamespace(VELERO).build());
        RestoreSpec spec = new RestoreSpec();
        spec.setBackupName(backup);
        spec.setIncludedNamespaces(List.of(from));
        spec.setNamespaceMapping(Map.of(from, into));
        restore.setSpec(spec);
        return restore;
    }

    private static io.fabric8.kubernetes.api.model.Namespace namespace(String name) {
        return new NamespaceBuilder().withNewMetadata().withName(name).endMetadata().build();
    }

    // ---- cleaning up

    private void cleanUp(TestClusters clusters, String plan, List<String> namespaces, String backup, String restore) {
        KubernetesClient primary = clusters.primary();
        KubernetesClient standby = clusters.standby();
        String ns = clusters.namespace();
        quietly(() -> standby.resources(Failover.class).inNamespace(ns).withName(plan).delete());
        quietly(() -> standby.resources(DisasterRecoveryPlan.class).inNamespace(ns).withName(plan).delete());
        quietly(() -> awaitGone(clusters, "plan " + plan + " removed", WAIT,
                () -> standby.resources(DisasterRecoveryPlan.class).inNamespace(ns).withName(plan).get()));
        // The Restore first: its finalizer removes its logs from the bucket, and needs the Backup for that.
        quietly(() -> standby.resources(Restore.class).inNamespace(VELERO).withName(restore).delete());
        quietly(() -> awaitGone(clusters, "Restore " + restore + " removed", WAIT,
                () -> standby.resources(Restore.class).inNamespace(VELERO).withName(restore).get()));
        quietly(() -> {
            if (primary.resources(Backup.class).inNamespace(VELERO).withName(backup).get() != null) {
                primary.resource(deleteBackupRequest(backup)).create();
                awaitGone(clusters, "Backup " + backup + " deleted from the primary and the bucket", WAIT,
                        () -> primary.resources(Backup.class).inNamespace(VELERO).withName(backup).get());
            }
        });
        quietly(() -> standby.resources(Backup.class).inNamespace(VELERO).withName(backup).delete());
        for (String n : namespaces) {
            for (Site site : Site.values()) {
                quietly(() -> clusters.client(site).namespaces().withName(n).delete());
            }
        }
        // The next size starts on quiet clusters.
        for (String n : namespaces) {
            for (Site site : Site.values()) {
                quietly(() -> awaitGone(clusters, "namespace " + n + " gone from " + site.siteName(), Duration.ofMinutes(10),
                        () -> clusters.client(site).namespaces().withName(n).get()));
            }
        }
    }

    private static GenericKubernetesResource deleteBackupRequest(String backup) {
        return new GenericKubernetesResourceBuilder().withApiVersion("velero.io/v1").withKind("DeleteBackupRequest")
                .withNewMetadata().withGenerateName(backup + "-").withNamespace(VELERO).endMetadata()
                .withAdditionalProperties(Map.of("spec", Map.of("backupName", backup))).build();
    }

    private void deleteAndAwaitGone(TestClusters clusters, KubernetesClient site, String namespace, Duration atMost) {
        site.namespaces().withName(namespace).delete();
        awaitGone(clusters, "namespace " + namespace + " gone", atMost, () -> site.namespaces().withName(namespace).get());
    }

    private static void quietly(Runnable r) {
        try {
            r.run();
        } catch (RuntimeException | AssertionError e) {
            System.err.println("bench-velero: clean-up step failed: " + e);
        }
    }

    // ---- waiting and observing

    private static void await(TestClusters clusters, String what, Duration atMost, Duration poll, ThrowingRunnable assertion) {
        try {
            Awaitility.await(what).atMost(atMost).pollDelay(Duration.ZERO).pollInterval(poll).ignoreExceptions()
                    .untilAsserted(assertion);
        } catch (ConditionTimeoutException | AssertionError e) {
            System.err.println(clusters.report("bench-velero: " + what));
            throw e;
        }
    }

    private static void awaitGone(TestClusters clusters, String what, Duration atMost, Supplier<Object> get) {
        await(clusters, what, atMost, Duration.ofMillis(500), () -> assertThat(get.get()).isNull());
    }

    private static void awaitAvailable(TestClusters clusters, KubernetesClient site, String namespace, String whose) {
        await(clusters, whose + " " + DEPLOYMENTS + " Deployments are available", WAIT, Duration.ofMillis(100),
                () -> assertThat(available(site, namespace)).isEqualTo(DEPLOYMENTS));
    }

    private static void waitAll(List<Future<?>> futures, Duration atMost) throws Exception {
        long deadline = System.nanoTime() + atMost.toNanos();
        for (Future<?> f : futures) {
            f.get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        }
    }

    private static long available(KubernetesClient site, String namespace) {
        return site.apps().deployments().inNamespace(namespace).list().getItems().stream()
                .filter(d -> d.getStatus() != null && d.getStatus().getAvailableReplicas() != null
                        && d.getSpec().getReplicas() > 0 && d.getStatus().getAvailableReplicas() >= d.getSpec().getReplicas())
                .count();
    }

    private static long parked(KubernetesClient site, String namespace) {
        return site.apps().deployments().inNamespace(namespace).list().getItems().stream()
                .map(Deployment::getSpec).filter(s -> s.getReplicas() == 0).count();
    }

    /** The bench's ConfigMaps, Secrets and Services in a namespace of a site. */
    private static long nonWorkloads(KubernetesClient site, String namespace) {
        return site.configMaps().inNamespace(namespace).withLabel("part-of", "bench").list().getItems().size()
                + site.secrets().inNamespace(namespace).withLabel("part-of", "bench").list().getItems().size()
                + site.services().inNamespace(namespace).withLabel("part-of", "bench").list().getItems().size();
    }

    private static boolean inSync(KubernetesClient standby, String ns, String plan) {
        DisasterRecoveryPlan p = standby.resources(DisasterRecoveryPlan.class).inNamespace(ns).withName(plan).get();
        return p != null && p.getStatus() != null && Conditions.isTrue(p.getStatus().getConditions(), ConditionTypes.STANDBY_IN_SYNC);
    }

    private static RestorePhase restorePhase(KubernetesClient standby, String name) {
        Restore r = standby.resources(Restore.class).inNamespace(VELERO).withName(name).get();
        return r == null || r.getStatus() == null ? null : RestorePhase.fromValue(r.getStatus().getPhase());
    }

    private static FailoverPhase failoverPhase(KubernetesClient standby, String ns, String name) {
        Failover f = standby.resources(Failover.class).inNamespace(ns).withName(name).get();
        return f == null || f.getStatus() == null ? null : f.getStatus().getPhase();
    }

    private static <T extends HasMetadata> List<T> ours(TestClusters clusters, List<T> items) {
        return items.stream().filter(i -> i.getMetadata().getName().contains(clusters.namespace())).toList();
    }

    /**
     * The Failover's phase, workloads ready and message each time they change (polled every 250 ms),
     * seconds after its creation: where its RTO went, beside the steps' whole seconds.
     */
    private static final class Timeline implements AutoCloseable {

        private static final int MAX_LINES = 40;
        private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor();
        private final List<String> lines = new CopyOnWriteArrayList<>();
        private volatile String last;

        Timeline(KubernetesClient standby, String ns, String name, long start) {
            ticker.scheduleWithFixedDelay(() -> {
                try {
                    Failover f = standby.resources(Failover.class).inNamespace(ns).withName(name).get();
                    if (f == null || f.getStatus() == null) {
                        return;
                    }
                    String message = String.valueOf(f.getStatus().getMessage());
                    String now = f.getStatus().getPhase() + " [" + f.getStatus().getProgress() + "] "
                            + (message.length() > 110 ? message.substring(0, 110) + "..." : message);
                    if (!now.equals(last) && lines.size() < MAX_LINES) {
                        last = now;
                        lines.add(String.format("%6.1f s  %s", seconds(System.nanoTime() - start), now));
                    }
                } catch (RuntimeException e) {
                    // the next poll tries again
                }
            }, 0, 250, TimeUnit.MILLISECONDS);
        }

        List<String> lines() {
            return List.copyOf(lines);
        }

        @Override
        public void close() {
            ticker.shutdownNow();
        }
    }

    // ---- the report

    private void log(int objects, String format, Object... args) {
        String line = String.format("bench-velero [%,d objects] %s", objects, String.format(format, args));
        System.out.println(line);
        report.add(line);
    }

    private String table(List<Row> rows, double total) {
        StringBuilder out = new StringBuilder();
        out.append("\n===== bench-velero (local clusters, ").append(Runtime.getRuntime().availableProcessors())
                .append(" CPUs; Velero v1.18.1 with S3Proxy) =====\n");
        if (System.getenv("BENCH_VELERO_SIZES") != null) {
            out.append("sizes from BENCH_VELERO_SIZES=").append(System.getenv("BENCH_VELERO_SIZES")).append(" (not the benchmark's own)\n");
        }
        out.append(String.format("one namespace: %d Deployments of 1 replica and N non-workload objects (50%% ConfigMaps of ~1 KiB, "
                + "40%% Secrets, 10%% Services)%n", DEPLOYMENTS));
        out.append("""
                floor      : a plain client scales %1$d identical parked Deployments (0 -> 1, 8 parallel patches) on the standby;
                             from the first patch until all %1$d are available
                Velero     : a Restore on the standby of a Backup of the namespace taken on the primary (shared bucket),
                             into a fresh namespace; from its creation until Completed, then every Deployment scaled to its
                             replicas on the primary and all %1$d available ("available" = its RTO here)
                Pilotlight : an Unplanned Failover of the parked copy the plan keeps in sync; from its creation until all %1$d
                             are available, and until Completed ("Completed" = its RTO here; rtoSeconds = its own figure)
                """.formatted(DEPLOYMENTS));
        out.append(String.format("%n%8s | %7s | %15s %15s | %14s %14s %10s | %15s %14s%n", "objects", "floor", "Velero Completed",
                "Velero avail.", "Pilotl. avail.", "Pilotl. Compl.", "rtoSeconds", "Velero/Pilotl.", "Pilotl./floor"));
        for (Row r : rows) {
            out.append(String.format("%,8d | %6.1fs | %15.1fs %14.1fs | %13.1fs %13.1fs %10s | %14.1fx %13.2fx%n", r.objects(),
                    r.floor(), r.veleroCompleted(), r.veleroAvailable(), r.pilotlightAvailable(), r.pilotlightCompleted(),
                    r.rtoSeconds(), r.veleroAvailable() / r.pilotlightCompleted(), r.pilotlightCompleted() / r.floor()));
        }
        out.append('\n');
        for (Row r : rows) {
            out.append(String.format("%,d objects: created in %.1f s; standby in sync %.1f s after the plan; backup %.1f s (%d items); "
                    + "restore %s, %d items in %.1f s (%.1f items/s; %d s by Velero's own timestamps), %d Deployment(s) needed "
                    + "scaling after it%n", r.objects(), r.created(), r.synced(), r.backup(), r.backupItems(), r.restoreOutcome(),
                    r.restoredItems(), r.veleroCompleted(), r.restoredItems() / r.veleroCompleted(), r.veleroOwn(), r.veleroScaled()));
            // StepLog stamps finishedAt with the time the reconcile started: a step done within one reconcile reads 0 s.
            out.append("    Pilotlight's steps as status.steps records them (start: whole seconds after the Failover's creation; "
                    + "duration: finishedAt - startedAt, where a step done in the reconcile that started it reads 0 s and its time "
                    + "shows as the gap until the next step's start; the timeline in the log has the real ends):\n");
            for (FailoverStep step : r.steps()) {
                out.append(String.format("    +%3d s  %-18s %-9s %3d s  %s%n",
                        Duration.between(Instant.parse(r.failoverCreated()), Instant.parse(step.getStartedAt())).toSeconds(),
                        step.getName(), step.getState(),
                        Duration.between(Instant.parse(step.getStartedAt()), Instant.parse(step.getFinishedAt())).toSeconds(),
                        step.getMessage()));
            }
        }
        if (rows.size() == 2) {
            Row small = rows.get(0);
            Row large = rows.get(1);
            out.append(String.format("%nfrom %,d to %,d objects: Velero %.1f x longer (%.1f -> %.1f s), Pilotlight %.2f x "
                    + "(%.1f -> %.1f s), floor %.2f x%n", small.objects(), large.objects(),
                    large.veleroAvailable() / small.veleroAvailable(), small.veleroAvailable(), large.veleroAvailable(),
                    large.pilotlightCompleted() / small.pilotlightCompleted(), small.pilotlightCompleted(),
                    large.pilotlightCompleted(), large.floor() / small.floor()));
            boolean flat = large.pilotlightCompleted() <= 1.5 * small.pilotlightCompleted() + 2;
            boolean grows = large.veleroAvailable() >= 2 * small.veleroAvailable();
            out.append(String.format("expectation: Pilotlight's RTO does not grow with the objects (<= 1.5 x + 2 s): %s; "
                    + "Velero's does (>= 2 x): %s%n", flat ? "met" : "MISSED", grows ? "met" : "MISSED"));
        }
        out.append(String.format("run: %.1f min%n", total / 60));
        out.append("log:\n");
        report.forEach(l -> out.append("  ").append(l).append('\n'));
        return out.append("=====\n").toString();
    }

    private static double seconds(long nanos) {
        return nanos / 1e9;
    }
}
