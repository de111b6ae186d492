package io.pilotlight.integration;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.pilotlight.api.v1alpha1.ConditionTypes;
import io.pilotlight.api.v1alpha1.DisasterRecoveryPlan;
import io.pilotlight.api.v1alpha1.plan.StandbyStatus;
import io.pilotlight.core.PlanLabels;
import io.pilotlight.status.Conditions;
import io.pilotlight.testsupport.ApiRequests;
import io.pilotlight.testsupport.BenchObjects;
import io.pilotlight.testsupport.BenchResults;
import io.pilotlight.testsupport.LineChart;
import io.pilotlight.testsupport.MachineCpu;
import io.pilotlight.testsupport.LocalClusters.Site;
import io.pilotlight.testsupport.OperatorTestResource;
import io.pilotlight.testsupport.TestClusters;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * {@code make bench-sync} (and the sync cases of {@code make bench}, {@code make bench-quick}): the
 * standby sync on the local clusters against its floor, side by side in one run. Not a test: it
 * asserts nothing and runs only when named. Sizes from system properties (bench.objects,
 * bench.namespaces, bench.lag.rate, bench.lag.seconds, bench.lag.window, bench.case).
 *
 * <ol>
 * <li>Floor: the same objects written to two fresh namespace sets of the standby by a plain client at
 * the sync's parallelism (8): once by server-side apply (as the sync writes), once by create.</li>
 * <li>Initial sync: from the plan's creation until a standby watch saw the last copy; the first copy;
 * StandbyInSync after the last copy; the LISTs and open WATCHes both API servers served for it.</li>
 * <li>Change lag: ConfigMap updates at a fixed rate ({@link ChangeLag}), p50/p99 overall and per window.</li>
 * </ol>
 * Bounded: fixed counts and durations, 5-minute waits; everything it made is deleted at the end.
 */
@QuarkusTest
@QuarkusTestResource(value = OperatorTestResource.class, restrictToAnnotatedClass = false)
@Tag("bench")
class StandbySyncBenchmark {

    private static final int OBJECTS = Integer.getInteger("bench.objects", 1000);
    private static final int NAMESPACES = Integer.getInteger("bench.namespaces", 10);
    private static final double RATE = Double.parseDouble(System.getProperty("bench.lag.rate", "200"));
    private static final long LAG_SECONDS = Long.getLong("bench.lag.seconds", 60);
    private static final long WINDOW = Long.getLong("bench.lag.window", 5);
    private static final String CASE = System.getProperty("bench.case", "sync-" + OBJECTS);
    private static final int PARALLELISM = 8;
    /** 5 minutes, and one more per 1,000 objects: 10,000 on the loaded 2-core machine took over 5. */
    private static final Duration WAIT = Duration.ofMinutes(5 + OBJECTS / 1000);

    @Test
    void initialSyncAgainstTheFloorThenChangeLag() throws Exception {
        TestClusters clusters = TestClusters.open("bench");
        clusters.awaitNoNamespaceDeletion("bench-sync"); // an earlier run's
        String ns = clusters.namespace();
        KubernetesClient primary = clusters.primary();
        KubernetesClient standby = clusters.standby();
        int perNs = OBJECTS / NAMESPACES;
        List<String> protectedNs = names(ns, "p", NAMESPACES);
        List<String> floorApply = names(ns, "fa", NAMESPACES);
        List<String> floorCreate = names(ns, "fc", NAMESPACES);
        BenchResults results = new BenchResults(CASE, String.format("standby sync of %,d objects in %d namespaces", OBJECTS, NAMESPACES));
        StandbyWatch watch = null;
        try {
            double made = BenchObjects.write(primary, protectedNs, perNs, 1, Map.of(), PARALLELISM, BenchObjects.create(primary));
            Map<String, String> labels = PlanLabels.of(ns, "bench");
            // Open before the floor: its objects carry the plan's labels, so the floor's writes pay for the same
            // watch (events sent, decoded and dropped) as the sync's, which it times.
            watch = new StandbyWatch(standby, ns, Set.copyOf(protectedNs));
            MachineCpu beforeFloor = MachineCpu.now();
            double apply = BenchObjects.write(standby, floorApply, perNs, 0, labels, PARALLELISM, BenchObjects.apply(standby));
            MachineCpu afterFloor = MachineCpu.now();
            double create = BenchObjects.write(standby, floorCreate, perNs, 0, labels, PARALLELISM, BenchObjects.create(standby));
            System.out.printf("bench-sync: made on the primary in %.1f s; floor apply %.2f s, create %.2f s%n", made, apply, create);

            standby.resource(PlanFixtures.kubeconfigSecret(ns, "primary-kubeconfig", "kubeconfig",
                    clusters.clusters().kubeconfigContent(Site.PRIMARY))).create();
            ApiRequests before = ApiRequests.of(primary).plus(ApiRequests.of(standby));
            MachineCpu beforeSync = MachineCpu.now();
            long planCreated = System.nanoTime();
            standby.resource(PlanFixtures.plan(ns, "bench", String.join(", ", protectedNs), "velero",
                    Map.of("backup", "{enabled: false}"))).create();
            int total = perNs * NAMESPACES;
            long deadline = System.nanoTime() + WAIT.toNanos();
            while (watch.firstSeen.size() < total && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            MachineCpu afterSync = MachineCpu.now();
            double initial = (watch.last() - planCreated) / 1e9;
            double firstWrite = (watch.first() - planCreated) / 1e9;
            while (System.nanoTime() < deadline && !inSync(standby, ns)) {
                Thread.sleep(20);
            }
            boolean all = watch.firstSeen.size() == total;
            boolean inSync = inSync(standby, ns);
            double inSyncAfterLast = inSync ? (System.nanoTime() - watch.last()) / 1e9 : -1;
            ApiRequests used = ApiRequests.of(primary).plus(ApiRequests.of(standby)).minus(before);
            results.note("LISTs by resource and scope: " + used.top(12));

            results.figure("objects", total, "objects").figure("namespaces", NAMESPACES, "namespaces")
                    .figure("copiesSeen", watch.firstSeen.size(), "objects", "= " + total, watch.firstSeen.size() == total)
                    .figure("floorApplySeconds", apply, "s").figure("floorCreateSeconds", create, "s")
                    .figure("initialSyncSeconds", initial, "s")
                    .figure("floorApplyMachineCpuBusyPercent", afterFloor.busyPercentSince(beforeFloor), "% of all cores")
                    .figure("floorApplyJvmCpuPercent", afterFloor.jvmPercentSince(beforeFloor), "% of all cores (the plain client, in this JVM)")
                    .figure("initialSyncMachineCpuBusyPercent", afterSync.busyPercentSince(beforeSync), "% of all cores (until the last copy)")
                    .figure("initialSyncJvmCpuPercent", afterSync.jvmPercentSince(beforeSync), "% of all cores (the operator, in this JVM)")
                    .figure("initialSyncOverApplyFloor", initial / apply, "x", "<= 1.2", all && initial <= 1.2 * apply)
                    .figure("initialSyncOverCreateFloor", initial / create, "x")
                    .figure("firstWriteSeconds", firstWrite, "s", "<= 0.5", firstWrite <= 0.5)
                    .figure("standbyInSyncAfterLastWriteSeconds", inSyncAfterLast, "s (-1: never within the wait)", "<= 1",
                            inSync && inSyncAfterLast <= 1)
                    .figure("listRequests", used.lists(), "requests (both sites, whole cluster)")
                    .figure("syncedKindListsClusterScope", used.lists(ApiRequests.SYNCED, "cluster"), "requests (both sites)")
                    .figure("syncedKindListsNamespaceScope", used.lists(ApiRequests.SYNCED, "namespace"), "requests (both sites)")
                    .figure("watchesOpened", used.watchesOpen(), "watches (both sites, whole cluster)");
            results.note("floor: a plain client at parallelism " + PARALLELISM + ", namespaces first, into fresh namespaces of the standby,"
                    + " under the same watch of the standby that times the sync");
            results.note("requests: deltas of the API servers' own metrics over the initial sync, so they include the clusters' "
                    + "controllers (the namespace controller lists every resource of a namespace it deletes); the sync's own: "
                    + "the protected kinds' LISTs (14 default kinds: a full pass lists each once per site cluster-wide, the "
                    + "informers once more on the source; the per-namespace path: kinds x namespaces each time)");
            results.write();
            lag(primary, standby, ns, protectedNs, watch, perNs, total / apply, results);
            results.write();
        } finally {
            if (watch != null) {
                watch.close();
            }
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
            floorApply.forEach(p -> standby.namespaces().withName(p).delete());
            floorCreate.forEach(p -> standby.namespaces().withName(p).delete());
            clusters.close();
        }
    }

    private static void lag(KubernetesClient primary, KubernetesClient standby, String ns, List<String> protectedNs,
            StandbyWatch watch, int perNs, double floorWritesPerSecond, BenchResults results) throws Exception {
        if (LAG_SECONDS <= 0) {
            return;
        }
        MachineCpu cpu = MachineCpu.now();
        List<ChangeLag.Sample> samples = ChangeLag.run(primary, watch, protectedNs, BenchObjects.configMaps(perNs), RATE, LAG_SECONDS);
        MachineCpu after = MachineCpu.now();
        long seen = samples.stream().filter(s -> s.lagMillis() >= 0).count();
        int asked = (int) Math.round(RATE * LAG_SECONDS);
        long p99 = ChangeLag.pct(samples, 99);
        results.figure("lagRatePerSecond", RATE, "changes/s").figure("lagSeconds", LAG_SECONDS, "s")
                // Each change is two writes (the load's on the primary, the copy's on the standby) on the same cores
                // that wrote the floor: above 1, the machine cannot keep up, whatever the sync does.
                .figure("lagWritesOverFloorRate", 2 * RATE / floorWritesPerSecond, "x (2 writes per change / the floor's SSA writes per s)")
                .figure("lagChangesSent", samples.size(), "changes", "= " + asked, samples.size() == asked)
                .figure("lagChangesSeen", seen, "changes (copied, by themselves or by a later change of their object)",
                        "= " + samples.size(), seen == samples.size())
                .figure("lagChangesCoalesced", samples.stream().filter(ChangeLag.Sample::coalesced).count(),
                        "changes (overtaken before they were copied: copied by the later one)")
                .figure("lagMachineCpuBusyPercent", after.busyPercentSince(cpu), "% of all cores (API servers, etcd, operator and load together)")
                .figure("lagJvmCpuPercent", after.jvmPercentSince(cpu), "% of all cores (the operator, the load and the watch, in this JVM)")
                .figure("lagP50Millis", ChangeLag.pct(samples, 50), "ms")
                .figure("lagP99Millis", p99, "ms", "<= 250", p99 >= 0 && p99 <= 250 && seen == samples.size());
        LineChart chart = new LineChart(String.format("Change lag at %.1f changes/s", RATE), "seconds into the run", "lag (ms)");
        List<List<ChangeLag.Sample>> windows = ChangeLag.windows(samples, WINDOW);
        long worst = 0;
        for (int w = 0; w < windows.size(); w++) {
            long wp99 = ChangeLag.pct(windows.get(w), 99);
            if (wp99 >= 0) { // a window none of whose changes was seen has no percentile: a gap in the chart
                chart.point("p50", (w + 1) * WINDOW, ChangeLag.pct(windows.get(w), 50)).point("p99", (w + 1) * WINDOW, wp99);
            }
            results.figure("lagP99Window" + (w + 1), wp99, "ms");
            worst = Math.max(worst, wp99);
        }
        results.note(String.format("lag: update sent to the primary -> the copy seen by a standby watch with that value or a later "
                + "one of the same object; windows of %d s", WINDOW));
        chart.writePng(BenchResults.DIR.resolve(CASE + "-lag.png"), 900, 500);
        StandbyStatus st = status(standby, ns);
        if (st != null && st.getSyncLagP99Millis() != null) {
            results.figure("engineLagP99Millis", st.getSyncLagP99Millis(), "ms (seen on the primary -> written, last 1,024)");
        }
        System.out.printf("bench-sync: lag at %.1f/s: p50 %d ms, p99 %d ms, worst window p99 %d ms, %d/%d seen%n", RATE,
                ChangeLag.pct(samples, 50), p99, worst, seen, samples.size());
    }

    private static List<String> names(String ns, String set, int n) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(ns + "-" + set + i);
        }
        return out;
    }

    private static StandbyStatus status(KubernetesClient standby, String ns) {
        DisasterRecoveryPlan plan = standby.resources(DisasterRecoveryPlan.class).inNamespace(ns).withName("bench").get();
        return plan == null || plan.getStatus() == null ? null : plan.getStatus().getStandby();
    }

    private static boolean inSync(KubernetesClient standby, String ns) {
        DisasterRecoveryPlan plan = standby.resources(DisasterRecoveryPlan.class).inNamespace(ns).withName("bench").get();
        return plan != null && plan.getStatus() != null
                && Conditions.isTrue(plan.getStatus().getConditions(), ConditionTypes.STANDBY_IN_SYNC);
    }
}
