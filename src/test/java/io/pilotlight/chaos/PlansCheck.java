package io.pilotlight.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.pilotlight.api.v1alpha1.ConditionTypes;
import io.pilotlight.api.v1alpha1.DisasterRecoveryPlan;
import io.pilotlight.status.Conditions;
import io.pilotlight.testsupport.ApiRequests;
import io.pilotlight.testsupport.BenchObjects;
import io.pilotlight.testsupport.LocalClusters.Site;
import io.pilotlight.testsupport.OperatorProcess;
import io.pilotlight.testsupport.OperatorTestResource;
import io.pilotlight.testsupport.ProcessSample;
import io.pilotlight.testsupport.TestClusters;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.Test;

/**
 * {@code make bench-plans}, issue 13's many plans on one operator: the packaged operator with deploy/'s
 * JVM settings and environment ({@link OperatorProcess#deploySettings()}) and bench.plans plans (default 50), each
 * protecting bench.plan-namespaces namespaces of its own on the primary (default 20) that hold
 * bench.objects-per-namespace ConfigMaps and Secrets (default 2). Measures the time from the first
 * plan's creation until every plan's StandbyInSync is True, then a steady window of
 * bench.steady-seconds (default 60); {@link PlansFigures} writes what it saw. A benchmark: it asserts
 * only that every plan got in sync within bench.in-sync-minutes; run by name after {@code mvn package}.
 * It deletes its plans while the operator runs (their finalizers), then every namespace it made.
 */
class PlansCheck {

    static final int PLANS = Integer.getInteger("bench.plans", 50);
    static final int PLAN_NAMESPACES = Integer.getInteger("bench.plan-namespaces", 20);
    static final int OBJECTS = Integer.getInteger("bench.objects-per-namespace", 2);
    static final int STEADY_SECONDS = Integer.getInteger("bench.steady-seconds", 60);
    /** deploy/'s JVM settings, and what bench.extra-jvm-options adds (e.g. -XX:NativeMemoryTracking=summary to read RSS). */
    static final String JVM = OperatorProcess.deployJvmOptions();
    private static final Duration IN_SYNC_WAIT = Duration.ofMinutes(Integer.getInteger("bench.in-sync-minutes", 6));
    /** The steady window's CPU is read this often, for its busiest stretch. */
    private static final Duration CPU_STEP = Duration.ofSeconds(5);
    private static final KubernetesSerialization YAML = new KubernetesSerialization();

    @Test
    void manyPlansOfManyNamespacesOnOneOperator() throws Exception {
        TestClusters clusters = TestClusters.open("plans");
        String ns = clusters.namespace();
        String operatorNs = ns + "-op";
        List<List<String>> protectedNs = new ArrayList<>();
        for (int p = 0; p < PLANS; p++) {
            List<String> own = new ArrayList<>();
            for (int i = 0; i < PLAN_NAMESPACES; i++) {
                own.add(ns + "-" + p + "-" + i);
            }
            protectedNs.add(own);
        }
        List<String> all = protectedNs.stream().flatMap(List::stream).toList();
        String runLabel = OperatorTestResource.RUN_LABEL + "=" + OperatorTestResource.runId();
        try {
            try (OperatorProcess op = new OperatorProcess(clusters.clusters().kubeconfigPath(Site.STANDBY), operatorNs, runLabel, ns,
                    Path.of("target", "bench", "plans")).deploySettings()) {
                OperatorProcess.prepare(clusters, operatorNs, ns);
                KubernetesClient primary = clusters.primary();
                double written = BenchObjects.write(primary, all, n -> BenchObjects.configOnly(n, OBJECTS), 8,
                        BenchObjects.create(primary));
                System.out.printf("bench-plans: %,d namespaces and %,d objects written on the primary in %.1f s%n", all.size(),
                        all.size() * OBJECTS, written);
                op.start();
                clusters.onFailure(() -> "operator log tail:\n" + op.logTail(60));
                clusters.onFailure(() -> "plans not in sync: " + notInSync(clusters, ns));
                try {
                    measure(clusters, op, protectedNs);
                } finally {
                    deletePlans(clusters, ns);
                }
            }
        } finally {
            deleteNamespaces(clusters, all);
            clusters.standby().namespaces().withName(operatorNs).delete(); // its Lease
            clusters.close();
        }
    }

    private void measure(TestClusters clusters, OperatorProcess op, List<List<String>> protectedNs) throws Exception {
        String ns = clusters.namespace();
        long pid = op.pid();
        PlansFigures figures = new PlansFigures(ns, pid);
        figures.idle(ProcessSample.of(pid), ApiRequests.of(clusters.primary()), ApiRequests.of(clusters.standby()));
        double cpu0 = ProcessSample.cpuSeconds(pid);
        long t0 = System.nanoTime();
        for (int p = 0; p < PLANS; p++) {
            clusters.standby().resource(plan(ns, p, protectedNs.get(p))).create();
        }
        clusters.await("all " + PLANS + " plans are in sync", IN_SYNC_WAIT, () -> assertThat(notInSync(clusters, ns)).isEmpty());
        figures.synced((System.nanoTime() - t0) / 1e9, ProcessSample.cpuSeconds(pid) - cpu0, ApiRequests.of(clusters.primary()),
                ApiRequests.of(clusters.standby()), clusters.standby().resources(DisasterRecoveryPlan.class).inNamespace(ns)
                        .withName("plan-0").get().getSpec().getProtect().getResources().size());
        double gc0 = ProcessSample.gcSeconds(pid);
        double steadyCpu0 = ProcessSample.cpuSeconds(pid);
        double peak = 0;
        for (long done = 0; done < STEADY_SECONDS * 1000L; done += CPU_STEP.toMillis()) {
            double before = ProcessSample.cpuSeconds(pid);
            Thread.sleep(CPU_STEP.toMillis()); // a measurement window, not a wait on a condition
            peak = Math.max(peak, (ProcessSample.cpuSeconds(pid) - before) / (CPU_STEP.toMillis() / 1000.0));
        }
        double steadyCpu = (ProcessSample.cpuSeconds(pid) - steadyCpu0) / STEADY_SECONDS;
        figures.steady(steadyCpu, peak, ProcessSample.gcSeconds(pid) - gc0, PLANS - notInSync(clusters, ns).size(),
                ApiRequests.of(clusters.primary()));
        figures.write(ProcessSample.of(pid));
    }

    /** The plans of this run whose StandbyInSync is not True. */
    private static List<String> notInSync(TestClusters clusters, String ns) {
        return clusters.standby().resources(DisasterRecoveryPlan.class).inNamespace(ns).list().getItems().stream()
                .filter(p -> p.getStatus() == null || !Conditions.isTrue(p.getStatus().getConditions(), ConditionTypes.STANDBY_IN_SYNC))
                .map(p -> p.getMetadata().getName()).sorted().toList();
    }

    /** While the operator still runs: it removes each plan's finalizer once the plan's sync is stopped. */
    static void deletePlans(TestClusters clusters, String ns) {
        var plans = clusters.standby().resources(DisasterRecoveryPlan.class).inNamespace(ns);
        plans.delete();
        try {
            clusters.await("the plans are gone", Duration.ofMinutes(2), () -> assertThat(plans.list().getItems()).isEmpty());
        } catch (ConditionTimeoutException | AssertionError e) {
            // Its own plans only, so that the namespace can go: the operator did not remove their finalizers.
            System.err.println("bench-plans: removing the finalizers of the plans left: " + e.getMessage());
            plans.list().getItems().forEach(p -> plans.withName(p.getMetadata().getName())
                    .edit(d -> {
                        d.getMetadata().setFinalizers(List.of());
                        return d;
                    }));
        }
    }

    /** The protected namespaces on both sites (the standby's hold the copies); 8 deletions at a time. */
    private static void deleteNamespaces(TestClusters clusters, List<String> namespaces) throws InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        for (String n : namespaces) {
            for (Site site : Site.values()) {
                pool.submit(() -> clusters.client(site).namespaces().withName(n).delete());
            }
        }
        pool.shutdown();
        if (!pool.awaitTermination(5, TimeUnit.MINUTES)) {
            pool.shutdownNow();
            System.err.println("bench-plans: not every namespace deletion was sent within 5 minutes");
        }
    }

    private static DisasterRecoveryPlan plan(String ns, int p, List<String> protectedNs) {
        return YAML.unmarshal("""
                apiVersion: pilotlight.io/v1alpha1
                kind: DisasterRecoveryPlan
                metadata: {name: plan-%d, namespace: %s, labels: {%s: "%s"}}
                spec:
                  primary: {name: dc1, kubeconfigSecretRef: {name: primary-kubeconfig}}
                  standby: {name: dc2}
                  protect: {namespaces: [%s]}
                  backup: {enabled: false}
                """.formatted(p, ns, OperatorTestResource.RUN_LABEL, OperatorTestResource.runId(), String.join(", ", protectedNs)),
                DisasterRecoveryPlan.class);
    }
}
