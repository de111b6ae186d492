package io.pilotlight.chaos;


import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.pilotlight.api.v1alpha1.ConditionTypes;
import io.pilotlight.api.v1alpha1.DisasterRecoveryPlan;
import io.pilotlight.status.Conditions;
import io.pilotlight.testsupport.BenchObjects;
import io.pilotlight.testsupport.BenchResults;
import io.pilotlight.testsupport.LocalClusters.Site;
import io.pilotlight.testsupport.OperatorProcess;
import io.pilotlight.testsupport.OperatorTestResource;
import io.pilotlight.testsupport.ProcessSample;
import io.pilotlight.testsupport.TestClusters;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code make bench-memory}: the packaged operator with deploy/'s JVM settings under its 512 Mi limit
 * ({@link OperatorProcess#deploySettings()}) holding the copies of
 * bench.objects objects (default 10,000 in 100 namespaces): time to /q/health/ready, RSS and GC time
 * once the standby is in sync, and with -Dbench.jfr=true a JFR recording of the initial sync (target/bench/memory.jfr).
 * A benchmark: it asserts nothing but that the operator got there; run by name after {@code mvn package}.
 */
class MemoryCheck {

    private static final int OBJECTS = Integer.getInteger("bench.objects", 10000);
    private static final int NAMESPACES = Integer.getInteger("bench.namespaces", 100);
    /** A JFR recording of the initial sync, target/bench/memory.jfr; off by default, as its buffers and classes add to the RSS measured. */
    private static final boolean JFR = Boolean.getBoolean("bench.jfr");
    private static final KubernetesSerialization YAML = new KubernetesSerialization();

    @Test
    void residentMemoryAndGcHoldingTheCopies() throws Exception {
        TestClusters clusters = TestClusters.open("mem");
        String ns = clusters.namespace();
        String operatorNs = ns + "-op";
        List<String> protectedNs = new ArrayList<>();
        for (int i = 0; i < NAMESPACES; i++) {
            protectedNs.add(ns + "-p" + i);
        }
        String runLabel = OperatorTestResource.RUN_LABEL + "=" + OperatorTestResource.runId();
        try (OperatorProcess op = new OperatorProcess(clusters.clusters().kubeconfigPath(Site.STANDBY), operatorNs, runLabel, ns,
                Path.of("target", "bench", "memory")).deploySettings()) {
            OperatorProcess.prepare(clusters, operatorNs, ns);
            BenchObjects.write(clusters.primary(), protectedNs, OBJECTS / NAMESPACES, 1, Map.of(), 8, BenchObjects.create(clusters.primary()));
            try {
                clusters.awaitNoNamespaceDeletion("bench-memory");
                long t0 = System.nanoTime();
                op.start();
                double ready = (System.nanoTime() - t0) / 1e9;
                Path jfr = BenchResults.DIR.resolve("memory.jfr").toAbsolutePath();
                if (JFR) {
                    ProcessSample.jcmd(op.pid(), "JFR.start", "name=sync", "settings=profile", "filename=" + jfr);
                }
                long planCreated = System.nanoTime();
                clusters.standby().resource(plan(ns, protectedNs)).create();
                clusters.await("the standby is in sync", Duration.ofMinutes(10), () -> {
                    if (!inSync(clusters, ns)) {
                        throw new AssertionError("not in sync yet");
                    }
                });
                double inSync = (System.nanoTime() - planCreated) / 1e9;
                if (JFR) {
                    ProcessSample.jcmd(op.pid(), "JFR.stop", "name=sync");
                }
                ProcessSample.jcmd(op.pid(), "GC.run"); // what stays: the caches, the ledger
                Thread.sleep(2000); // let the collection finish before reading RSS (a measurement pause, not a wait on a condition)
                double rssMiB = ProcessSample.of(op.pid()).rssMiB();
                double peakRssMiB = ProcessSample.peakRssMiB(op.pid());
                String gc = ProcessSample.jcmd(op.pid(), "GC.heap_info");
                double gcSeconds = ProcessSample.gcSeconds(op.pid());
                // With -Dbench.extra-jvm-options=-XX:NativeMemoryTracking=summary: where the RSS beyond the heap goes.
                String nmt = OperatorProcess.deployJvmOptions().contains("NativeMemoryTracking")
                        ? ProcessSample.jcmd(op.pid(), "VM.native_memory", "summary", "scale=MB") : "";
                new BenchResults("memory-" + OBJECTS,
                        String.format("the packaged operator holding %,d copies (deploy/'s heap setting)", OBJECTS))
                        .figure("objects", OBJECTS, "objects").figure("readySeconds", ready, "s", "<= 3", ready <= 3)
                        .figure("inSyncSeconds", inSync, "s")
                        .figure("rssMiB", rssMiB, "MiB", "<= 256", rssMiB <= 256)
                        .figure("peakRssMiB", peakRssMiB, "MiB (VmHWM: the most since start, the initial sync included)", "<= 512",
                                peakRssMiB <= 512)
                        .figure("gcSeconds", gcSeconds, "s (total GC time since start, jstat GCT)")
                        .note("JVM: " + OperatorProcess.deployJvmOptions() + ", environment " + OperatorProcess.deployEnvironment()
                                + " (the image's settings under deploy/'s 512Mi limit)")
                        .note("heap after a full GC: " + gc.replaceAll("\\s+", " ").trim())
                        .note(JFR ? "JFR of the initial sync (its buffers count in RSS): " + jfr
                                : "no JFR recording (-Dbench.jfr=true records one)")
                        .write();
                System.out.printf("bench-memory: ready %.2f s, in sync %.1f s, RSS %.0f MiB (peak %.0f), GC %.2f s%n%s%n%s%n", ready,
                        inSync, rssMiB, peakRssMiB, gcSeconds, gc, nmt);
            } finally {
                PlansCheck.deletePlans(clusters, ns);
            }
        } finally {
            for (String p : protectedNs) {
                clusters.primary().namespaces().withName(p).delete();
                clusters.standby().namespaces().withName(p).delete();
            }
            clusters.standby().namespaces().withName(operatorNs).delete(); // its Lease
            clusters.close();
        }
    }


    private static boolean inSync(TestClusters clusters, String ns) {
        DisasterRecoveryPlan p = clusters.standby().resources(DisasterRecoveryPlan.class).inNamespace(ns).withName("mem").get();
        return p != null && p.getStatus() != null && Conditions.isTrue(p.getStatus().getConditions(), ConditionTypes.STANDBY_IN_SYNC);
    }

    private static DisasterRecoveryPlan plan(String ns, List<String> protectedNs) {
        return YAML.unmarshal("""
                apiVersion: pilotlight.io/v1alpha1
                kind: DisasterRecoveryPlan
                metadata: {name: mem, namespace: %s, labels: {%s: "%s"}}
                spec:
                  primary: {name: dc1, kubeconfigSecretRef: {name: primary-kubeconfig}}
                  standby: {name: dc2}
                  protect: {namespaces: [%s]}
                  backup: {enabled: false}
                  healthCheck: {interval: 2s, timeout: 1s}
                """.formatted(ns, OperatorTestResource.RUN_LABEL, OperatorTestResource.runId(), String.join(", ", protectedNs)),
                DisasterRecoveryPlan.class);
    }
}
