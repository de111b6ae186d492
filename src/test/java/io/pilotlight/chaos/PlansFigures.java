package io.pilotlight.chaos;

import io.pilotlight.testsupport.ApiRequests;
import io.pilotlight.testsupport.BenchResults;
import io.pilotlight.testsupport.OperatorProcess;
import io.pilotlight.testsupport.ProcessSample;
import java.io.IOException;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * What {@link PlansCheck} saw, in the order it saw it, written to target/bench/cases/plans-&lt;n&gt;.json:
 * the operator idle (started, no plan yet), at the moment every plan was in sync, and after the steady
 * window. Per-plan figures are differences against the idle operator: what each plan adds.
 */
final class PlansFigures {

    private final String ns;
    private final long pid;
    private ProcessSample idle;
    private ApiRequests primaryIdle;
    private ApiRequests standbyIdle;
    private ApiRequests primarySynced;
    private ApiRequests standbySynced;
    private double syncSeconds;
    private double syncCpuSeconds;
    private int kinds;
    private double steadyCpu;
    private double steadyPeakCpu;
    private double steadyGcSeconds;
    private int inSyncAtEnd;
    private ApiRequests primaryEnd;

    PlansFigures(String ns, long pid) {
        this.ns = ns;
        this.pid = pid;
    }

    void idle(ProcessSample sample, ApiRequests primary, ApiRequests standby) {
        this.idle = sample;
        this.primaryIdle = primary;
        this.standbyIdle = standby;
    }

    void synced(double seconds, double cpuSeconds, ApiRequests primary, ApiRequests standby, int kinds) {
        this.syncSeconds = seconds;
        this.syncCpuSeconds = cpuSeconds;
        this.primarySynced = primary;
        this.standbySynced = standby;
        this.kinds = kinds;
        System.out.printf("bench-plans: %d plans in sync %.1f s after the first one's creation, %.1f CPU s%n", PlansCheck.PLANS,
                seconds, cpuSeconds);
    }

    /** @param cpu mean CPU over the window as a fraction of one core; {@code peak} its busiest stretch */
    void steady(double cpu, double peak, double gcSeconds, int inSync, ApiRequests primary) {
        this.steadyCpu = cpu;
        this.steadyPeakCpu = peak;
        this.steadyGcSeconds = gcSeconds;
        this.inSyncAtEnd = inSync;
        this.primaryEnd = primary;
    }

    void write(ProcessSample end) throws IOException {
        int plans = PlansCheck.PLANS;
        ApiRequests primaryUsed = primarySynced.minus(primaryIdle);
        ApiRequests standbyUsed = standbySynced.minus(standbyIdle);
        long steadyLists = primaryEnd.minus(primarySynced).lists();
        String heap = ProcessSample.jcmd(pid, "GC.heap_info").replaceAll("\\s+", " ").trim();
        BenchResults r = new BenchResults("plans-" + plans, String.format("%d plans of %d namespaces (%d objects each) on one packaged"
                + " operator (deploy/'s JVM settings)", plans, PlansCheck.PLAN_NAMESPACES, PlansCheck.OBJECTS));
        r.figure("plans", plans, "plans").figure("namespaces", plans * PlansCheck.PLAN_NAMESPACES, "namespaces")
                .figure("objects", plans * PlansCheck.PLAN_NAMESPACES * PlansCheck.OBJECTS, "objects")
                .figure("allInSyncSeconds", syncSeconds, "s (first plan created -> every StandbyInSync True)")
                .figure("syncCpuPercent", 100 * syncCpuSeconds / syncSeconds, "% of one core, during that sync")
                .figure("steadyCpuPercent", 100 * steadyCpu, "% of one core, mean over " + PlansCheck.STEADY_SECONDS + " s in sync")
                .figure("steadyCpuPeakPercent", 100 * steadyPeakCpu, "% of one core, the busiest 5 s of that window")
                .figure("inSyncAtEnd", inSyncAtEnd, "plans still in sync after the window")
                .figure("rssMiB", end.rssMiB(), "MiB", "< 512 (deploy/'s memory limit)", end.rssMiB() < 512).figure("rssIdleMiB", idle.rssMiB(), "MiB (started, no plan)")
                .figure("heapAfterGcMiB", end.heapAfterGcMiB(), "MiB").figure("heapIdleMiB", idle.heapAfterGcMiB(), "MiB")
                .figure("gcSeconds", ProcessSample.gcSeconds(pid), "s (total since start, jstat GCT)")
                .figure("steadyGcSeconds", steadyGcSeconds, "s (in the window)")
                .figure("threads", end.threads(), "threads").figure("threadsIdle", idle.threads(), "threads")
                .figure("threadsPerPlan", (end.threads() - idle.threads()) / (double) plans, "threads")
                .figure("sockets", end.sockets(), "sockets").figure("socketsIdle", idle.sockets(), "sockets")
                .figure("primaryWatches", primaryUsed.watchesOpen(), "WATCHes opened on the primary (apiserver_longrunning_requests)")
                .figure("standbyWatches", standbyUsed.watchesOpen(), "WATCHes opened on the standby")
                .figure("primaryListsToSync", primaryUsed.lists(), "LISTs on the primary until all in sync")
                .figure("standbyListsToSync", standbyUsed.lists(), "LISTs on the standby until all in sync")
                .figure("primaryListsPerMinuteSteady", steadyLists * 60.0 / PlansCheck.STEADY_SECONDS, "LISTs/min on the primary in sync");
        r.note("JVM: " + PlansCheck.JVM + ", environment " + OperatorProcess.deployEnvironment()
                + " (the image's settings under deploy/'s 512Mi limit); " + heap)
                .note(String.format("watch budget: each plan protects %d namespaces x %d kinds = %d watches by"
                        + " pilotlight.security.max-watches-per-plan's count (default 2000: none refused)",
                        PlansCheck.PLAN_NAMESPACES, kinds, PlansCheck.PLAN_NAMESPACES * kinds))
                .note("LISTs on the primary until in sync, most: " + primaryUsed.top(5) + "; synced kinds cluster-wide "
                        + primaryUsed.lists(ApiRequests.SYNCED, "cluster") + ", per namespace " + primaryUsed.lists(ApiRequests.SYNCED, "namespace"))
                .note("WATCHes opened, most: on the primary " + primaryUsed.topWatches(6) + "; on the standby " + standbyUsed.topWatches(6))
                .note("threads by name (digits as #), most: " + threadGroups())
                .note("plans use the default healthCheck.interval (10 s): StandbyInSync is set by the plan's pass, so the"
                        + " in-sync time is up to 10 s late");
        r.write();
        System.out.printf("bench-plans: steady CPU %.1f%% (peak %.1f%%), RSS %.0f MiB, heap %.0f MiB, %d threads, %d sockets,"
                + " %d watches on the primary%n", 100 * steadyCpu, 100 * steadyPeakCpu, end.rssMiB(), end.heapAfterGcMiB(),
                end.threads(), end.sockets(), primaryUsed.watchesOpen());
    }

    /** The operator's threads grouped by name, plan names and numbers folded: shows what grows with the plans. */
    private String threadGroups() throws IOException {
        Map<String, Long> groups = new TreeMap<>(ProcessSample.jcmd(pid, "Thread.print").lines().filter(l -> l.startsWith("\""))
                .map(l -> l.substring(1, l.indexOf('"', 1)).replace(ns, "<ns>").replaceAll("\\d+", "#"))
                .collect(Collectors.groupingBy(n -> n, Collectors.counting())));
        return groups.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(8)
                .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(", "));
    }
}
