package io.pilotlight.integration;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.pilotlight.api.v1alpha1.ConditionTypes;
import io.pilotlight.api.v1alpha1.DisasterRecoveryPlan;
import io.pilotlight.api.v1alpha1.Failover;
import io.pilotlight.api.v1alpha1.failover.FailoverPhase;
import io.pilotlight.api.v1alpha1.failover.FailoverStep;
import io.pilotlight.status.Conditions;
import io.pilotlight.testsupport.ApiRequests;
import io.pilotlight.testsupport.BenchResults;
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
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * {@code make bench-failover}: how long a failover of N parked Deployments or StatefulSets takes
 * (bench.workloads, default 100; bench.workload-kind), against the floor: the time the same standby
 * needs to make the same Pods Ready when a plain client scales N such workloads up at once. Not a
 * test: it asserts nothing and runs only when asked by name.
 *
 * <ol>
 * <li>N workloads of 1 replica in one namespace of the primary; a plan keeps them parked (0
 * replicas) on the standby.</li>
 * <li>Floor: N identical workloads at 0 replicas in another namespace of the standby, scaled to
 * 1 by as many parallel patches as the ScaleUp step uses; time from the first patch until all N
 * report an available replica.</li>
 * <li>Failover: an Unplanned Failover (it probes and fences the primary, stops the sync, resumes the
 * copies, switches no traffic, activates the standby); time from its creation until all N copies
 * are available, and until the Failover is Completed. The primary is lost first (its API server
 * stopped, what an Unplanned failover is for), unless {@code bench.primary=answering}: then the Fence
 * step parks its N workloads before the standby's are resumed, and the primary's controllers scale
 * them down on the same CPUs while the standby scales up.</li>
 * </ol>
 * Bounded: fixed counts, waits of 5 minutes (half a second per workload beyond 600); everything it made is deleted at the end.
 */
@QuarkusTest
@QuarkusTestResource(value = OperatorTestResource.class, restrictToAnnotatedClass = false)
@Tag("bench")
class FailoverBenchmark {

    /** What ScaleUp reads: the workload kinds. */
    private static final Set<String> WORKLOAD_RESOURCES = Set.of("deployments", "statefulsets", "replicasets", "daemonsets",
            "cronjobs", "jobs", "horizontalpodautoscalers", "scaledobjects");

    private static final int DEPLOYMENTS = Integer.getInteger("bench.workloads", 100);
    /** Deployment or StatefulSet: the kind of every workload of the run. */
    private static final String KIND = System.getProperty("bench.workload-kind", "Deployment");
    /** lost (default): the primary's API server is stopped before the Failover; answering: it keeps running. */
    private static final boolean PRIMARY_LOST = !"answering".equals(System.getProperty("bench.primary", "lost"));
    private static final String CASE = System.getProperty("bench.case", "failover-" + DEPLOYMENTS + "-" + KIND.toLowerCase()
            + (PRIMARY_LOST ? "" : "-primary-answering"));
    private static final int PARALLELISM = io.pilotlight.util.BoundedParallel.PATCHES;
    /** Each wait: 5 minutes, or half a second per workload when that is longer. */
    private static final Duration WAIT = Duration.ofSeconds(Math.max(300, DEPLOYMENTS / 2));
    private static final KubernetesSerialization YAML = new KubernetesSerialization();

    @Test
    void failoverOfParkedDeploymentsAgainstTheFloor() throws Exception {
        TestClusters clusters = TestClusters.open("fobench");
        String ns = clusters.namespace();
        String app = ns + "-app";
        String floorNs = ns + "-floor";
        KubernetesClient primary = clusters.primary();
        KubernetesClient standby = clusters.standby();
        ExecutorService pool = Executors.newFixedThreadPool(PARALLELISM);
        StringBuilder out = new StringBuilder();
        boolean primaryStopped = false;
        try {
            primary.resource(new NamespaceBuilder().withNewMetadata().withName(app).endMetadata().build()).create();
            standby.resource(new NamespaceBuilder().withNewMetadata().withName(floorNs).endMetadata().build()).create();
            List<Future<?>> made = new ArrayList<>();
            for (int i = 0; i < DEPLOYMENTS; i++) {
                String name = "app-" + i;
                made.add(pool.submit(() -> primary.resource(workload(app, name, 1)).create()));
                made.add(pool.submit(() -> standby.resource(workload(floorNs, name, 0)).create()));
            }
            waitAll(made);
            standby.resource(PlanFixtures.kubeconfigSecret(ns, "primary-kubeconfig", "kubeconfig",
                    clusters.clusters().kubeconfigContent(Site.PRIMARY))).create();
            standby.resource(PlanFixtures.plan(ns, "bench", app, "velero", Map.of("backup", "{enabled: false}"))).create();
            await("the standby holds the parked copies", () -> inSync(standby, ns) && parked(standby, app) == DEPLOYMENTS);
            await("the primary runs its workloads", () -> available(primary, app) == DEPLOYMENTS);

            // ---- floor: a plain client scales the parked workloads at once
            Availability floorAvailable = new Availability(standby, floorNs);
            long floorStart = System.nanoTime();
            List<Future<?>> scaled = new ArrayList<>();
            for (int i = 0; i < DEPLOYMENTS; i++) {
                String name = "app-" + i;
                scaled.add(pool.submit(() -> scale(standby, floorNs, name)));
            }
            waitAll(scaled);
            await("the floor's workloads are available", () -> floorAvailable.count() == DEPLOYMENTS);
            double floor = seconds(System.nanoTime() - floorStart);
            floorAvailable.close();
            standby.namespaces().withName(floorNs).delete();
            // The namespace controller deletes its N workloads and their Pods on the same API server and cores:
            // done before the failover starts, so that it does not slow the failover down as it did not the floor.
            await("the floor's namespace is gone", () -> standby.namespaces().withName(floorNs).get() == null);

            // ---- failover
            if (PRIMARY_LOST) {
                clusters.clusters().stop(Site.PRIMARY);
                primaryStopped = true;
            }
            Availability copiesAvailable = new Availability(standby, app);
            ApiRequests before = ApiRequests.of(standby);
            long created = System.nanoTime();
            standby.resource(YAML.unmarshal("""
                    apiVersion: pilotlight.io/v1alpha1
                    kind: Failover
                    metadata: {name: bench, namespace: %s, labels: {%s: "%s"}}
                    spec: {planRef: {name: bench}, type: Unplanned}
                    """.formatted(ns, OperatorTestResource.RUN_LABEL, OperatorTestResource.runId()), Failover.class)).create();
            await("the copies are available", () -> copiesAvailable.count() == DEPLOYMENTS);
            double ready = seconds(System.nanoTime() - created);
            copiesAvailable.close();
            await("the Failover completes", () -> phase(standby, ns) == FailoverPhase.COMPLETED);
            double completed = seconds(System.nanoTime() - created);
            // The standby's LISTs of the kinds ScaleUp reads, from its creation to Completed (the clusters' own included).
            ApiRequests requests = ApiRequests.of(standby).minus(before);
            long workloadLists = requests.lists(WORKLOAD_RESOURCES, "namespace") + requests.lists(WORKLOAD_RESOURCES, "cluster");
            Failover done = standby.resources(Failover.class).inNamespace(ns).withName("bench").get();

            out.append(String.format("workloads: %d %ss of 1 replica, parked at 0 on the standby; the primary %s%n", DEPLOYMENTS, KIND,
                    PRIMARY_LOST ? "is lost (its API server stopped before the Failover)" : "answers (Fence parks its workloads)"));
            out.append(String.format("floor: %.2f s from a plain client scaling all %d at once (%d parallel patches) until all are available%n",
                    floor, DEPLOYMENTS, PARALLELISM));
            out.append(String.format("failover (Unplanned): all %d available %.2f s after the Failover's creation; Completed after %.2f s "
                    + "(status.rtoSeconds %s)%n", DEPLOYMENTS, ready, completed, done.getStatus().getRtoSeconds()));
            for (FailoverStep step : done.getStatus().getSteps()) {
                out.append(String.format("  %-14s %-9s %3d s  %s%n", step.getName(), step.getState(),
                        Duration.between(Instant.parse(step.getStartedAt()), Instant.parse(step.getFinishedAt())).toSeconds(),
                        step.getMessage()));
            }
            out.append(String.format("LISTs of workload kinds on the standby during the failover: %d (%s)%n", workloadLists,
                    requests.top(6)));
            out.append(String.format("ratio: %.2f x the floor (until available), %.2f x (until Completed); target <= 1.1 x until available: %s%n",
                    ready / floor, completed / floor, ready <= 1.1 * floor ? "met" : "MISSED"));
            String report = "\n===== bench-failover (local clusters, " + Runtime.getRuntime().availableProcessors() + " CPUs) =====\n"
                    + out + "=====\n";
            System.out.println(report);
            Files.createDirectories(Path.of("target"));
            Files.writeString(Path.of("target/bench-failover.txt"), report);
            new BenchResults(CASE, String.format("Unplanned failover of %,d parked %ss%s", DEPLOYMENTS, KIND,
                    PRIMARY_LOST ? "" : ", the primary answering"))
                    .figure("workloads", DEPLOYMENTS, KIND + "s").figure("floorSeconds", floor, "s")
                    .figure("availableSeconds", ready, "s").figure("completedSeconds", completed, "s")
                    .figure("availableOverFloor", ready / floor, "x", "<= 1.1", ready <= 1.1 * floor)
                    .figure("completedOverFloor", completed / floor, "x")
                    .figure("workloadLists", workloadLists, "LISTs of workload kinds on the standby, creation to Completed")
                    .note("floor: a plain client scaling every parked workload of a fresh namespace of the standby, "
                            + PARALLELISM + " patches in flight, until all are available (kwok's fake nodes run the Pods)")
                    .write();
        } finally {
            pool.shutdownNow();
            if (primaryStopped) {
                clusters.clusters().start(Site.PRIMARY);
            }
            standby.resources(Failover.class).inNamespace(ns).delete();
            standby.resources(DisasterRecoveryPlan.class).inNamespace(ns).delete();
            long deadline = System.nanoTime() + WAIT.toNanos();
            while (!standby.resources(DisasterRecoveryPlan.class).inNamespace(ns).list().getItems().isEmpty()
                    && System.nanoTime() < deadline) {
                Thread.sleep(200);
            }
            primary.namespaces().withName(app).delete();
            standby.namespaces().withName(app).delete();
            standby.namespaces().withName(floorNs).delete();
            clusters.close();
        }
    }

    private static void waitAll(List<Future<?>> futures) throws Exception {
        for (Future<?> f : futures) {
            f.get();
        }
    }

    private static void await(String what, BooleanSupplier done) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!done.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("bench-failover: gave up waiting until " + what);
            }
            Thread.sleep(100);
        }
    }

    private static HasMetadata workload(String namespace, String name, int replicas) {
        return "StatefulSet".equals(KIND) ? Workloads.statefulSet(namespace, name, replicas, Map.of("app", name))
                : Workloads.deployment(namespace, name, replicas, Map.of("app", name));
    }

    private static void scale(KubernetesClient site, String namespace, String name) {
        if ("StatefulSet".equals(KIND)) {
            site.apps().statefulSets().inNamespace(namespace).withName(name).scale(1);
        } else {
            site.apps().deployments().inNamespace(namespace).withName(name).scale(1);
        }
    }

    private static long available(KubernetesClient site, String namespace) {
        List<? extends HasMetadata> items = "StatefulSet".equals(KIND) ? site.apps().statefulSets().inNamespace(namespace).list().getItems()
                : site.apps().deployments().inNamespace(namespace).list().getItems();
        return items.stream().filter(FailoverBenchmark::isAvailable).count();
    }

    private static boolean isAvailable(HasMetadata workload) {
        Integer want;
        Integer have;
        if (workload instanceof StatefulSet s) {
            want = s.getSpec().getReplicas();
            have = s.getStatus() == null ? null : s.getStatus().getAvailableReplicas();
        } else {
            Deployment d = (Deployment) workload;
            want = d.getSpec().getReplicas();
            have = d.getStatus() == null ? null : d.getStatus().getAvailableReplicas();
        }
        return want != null && want > 0 && have != null && have >= want;
    }

    /**
     * The available workloads of a namespace, counted in an informer's cache: the timed waits would
     * otherwise list every workload ten times a second from the API server they measure.
     */
    private static final class Availability implements AutoCloseable {

        private final SharedIndexInformer<? extends HasMetadata> informer;

        Availability(KubernetesClient site, String namespace) {
            informer = "StatefulSet".equals(KIND) ? site.apps().statefulSets().inNamespace(namespace).inform()
                    : site.apps().deployments().inNamespace(namespace).inform();
        }

        long count() {
            return informer.getStore().list().stream().filter(FailoverBenchmark::isAvailable).count();
        }

        @Override
        public void close() {
            informer.stop();
        }
    }

    private static long parked(KubernetesClient site, String namespace) {
        if ("StatefulSet".equals(KIND)) {
            return site.apps().statefulSets().inNamespace(namespace).list().getItems().stream()
                    .filter(d -> d.getSpec().getReplicas() == 0).count();
        }
        return site.apps().deployments().inNamespace(namespace).list().getItems().stream()
                .map(Deployment::getSpec).filter(s -> s.getReplicas() == 0).count();
    }

    private static boolean inSync(KubernetesClient standby, String ns) {
        DisasterRecoveryPlan plan = standby.resources(DisasterRecoveryPlan.class).inNamespace(ns).withName("bench").get();
        return plan != null && plan.getStatus() != null
                && Conditions.isTrue(plan.getStatus().getConditions(), ConditionTypes.STANDBY_IN_SYNC);
    }

    private static FailoverPhase phase(KubernetesClient standby, String ns) {
        Failover f = standby.resources(Failover.class).inNamespace(ns).withName("bench").get();
        return f == null || f.getStatus() == null ? null : f.getStatus().getPhase();
    }

    private static double seconds(long nanos) {
        return nanos / 1e9;
    }
}
