package io.pilotlight.soak;

import static org.assertj.core.api.Assertions.assertThat;

import io.pilotlight.api.v1alpha1.Failover;
import io.pilotlight.api.v1alpha1.failover.FailoverPhase;
import io.pilotlight.testsupport.LineChart;
import io.pilotlight.testsupport.LocalClusters.Site;
import io.pilotlight.testsupport.OperatorProcess;
import io.pilotlight.testsupport.ProcessSample;
import io.pilotlight.testsupport.TestClusters;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.ToDoubleFunction;
import org.awaitility.Awaitility;

/**
 * One soak run's schedule and figures (see {@link SoakRun}): at the start of minute m a Drill when
 * (m - 1) is a multiple of {@link SoakRun#DRILL_EVERY}, the primary's API server restarted when m - 1 is
 * a positive multiple of {@link SoakRun#RESTART_EVERY}; at the end of each minute a {@link ProcessSample}.
 */
final class Soak {

    /** Growth bounds (least-squares slopes): a leak of 3 MiB RSS a minute would be 180 MiB an hour. */
    static final double RSS_SLOPE = 3.0;
    static final double HEAP_SLOPE = 1.0;
    static final double P99_SLOPE = 250.0;

    record Minute(int minute, long sent, int failed, int lagSamples, long lagP50Ms, long lagP99Ms, double rssMiB, double heapAfterGcMiB,
            int threads, int sockets, long errorLines, String events) {
    }

    record Drill(String name, String phase, long seconds, String message) {
    }

    private final TestClusters clusters;
    private final String ns;
    private final OperatorProcess operator;
    private final Kubelet kubelet;
    private final int minutes;
    private Instant start;
    private final List<ProcessSample> samples = new ArrayList<>();
    private final List<Long> errorLines = new ArrayList<>();
    private final Map<Integer, String> events = new LinkedHashMap<>();
    private final List<Drill> drills = java.util.Collections.synchronizedList(new ArrayList<>());
    private final List<Minute> table = new ArrayList<>();
    private final ExecutorService background = Executors.newCachedThreadPool();

    Soak(TestClusters clusters, String ns, OperatorProcess operator, Kubelet kubelet, int minutes) {
        this.clusters = clusters;
        this.ns = ns;
        this.operator = operator;
        this.kubelet = kubelet;
        this.minutes = minutes;
    }

    void run(ChangeLoad load) throws Exception {
        List<Future<?>> pending = new ArrayList<>();
        load.start(SoakRun.CHANGES_PER_MINUTE);
        start = Instant.now();
        int restartsBefore = kubelet.restarts().size();
        for (int m = 1; m <= minutes; m++) {
            int minute = m;
            if ((m - 1) % SoakRun.DRILL_EVERY == 0) {
                String name = "drill-" + m;
                clusters.standby().resource(SoakRun.drill(ns, name)).create();
                events.merge(m, name + " created", (a, b) -> a + "; " + b);
                pending.add(background.submit(() -> awaitDrill(name)));
            }
            if (m > 1 && (m - 1) % SoakRun.RESTART_EVERY == 0) {
                events.merge(m, "primary API server restarted", (a, b) -> a + "; " + b);
                pending.add(background.submit(() -> {
                    clusters.clusters().stop(Site.PRIMARY);
                    clusters.clusters().start(Site.PRIMARY);
                    System.out.printf("%s [soak] minute %d: the primary's API server is back%n", Instant.now(), minute);
                }));
            }
            Instant end = start.plus(Duration.ofMinutes(m));
            Awaitility.await("minute " + m).atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(500))
                    .until(() -> !Instant.now().isBefore(end));
            Awaitility.await("the operator runs (minute " + m + ")").atMost(Duration.ofMinutes(3)).until(operator::alive);
            samples.add(ProcessSample.of(operator.pid()));
            errorLines.add(operator.allLogs().lines().filter(l -> l.contains(" ERROR ")).count());
            System.out.printf("%s [soak] minute %d: %s%n", Instant.now(), m, samples.get(samples.size() - 1));
        }
        load.stop();
        for (Future<?> f : pending) {
            f.get();
        }
        // The last changes' copies arrive, or the wait ends: a change never seen (one a later change to the same
        // ConfigMap overtook while the primary restarted) shows as sent but not seen in its minute.
        try {
            Awaitility.await("the last changes reach the standby").atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofSeconds(1))
                    .ignoreExceptions().until(() -> load.unseen() == 0);
        } catch (org.awaitility.core.ConditionTimeoutException stillUnseen) {
            System.out.printf("[soak] %d change(s) never seen on the standby%n", load.unseen());
        }
        for (Instant r : kubelet.restarts().subList(restartsBefore, kubelet.restarts().size())) {
            events.merge((int) Duration.between(start, r).toMinutes() + 1, "operator exited, restarted", (a, b) -> a + "; " + b);
        }
        for (int m = 1; m <= minutes; m++) {
            List<Long> lags = load.lags(m);
            ProcessSample s = samples.get(m - 1);
            table.add(new Minute(m, load.sentIn(m), load.failedIn(m), lags.size(), ChangeLoad.pct(lags, 50), ChangeLoad.pct(lags, 99),
                    s.rssMiB(), s.heapAfterGcMiB(), s.threads(), s.sockets(), errorLines.get(m - 1) - (m == 1 ? 0 : errorLines.get(m - 2)),
                    events.getOrDefault(m, "")));
        }
        background.shutdown();
    }

    private void awaitDrill(String name) {
        Instant created = Instant.now();
        try {
            Awaitility.await(name + " completes").atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(1)).ignoreExceptions()
                    .until(() -> phase(name) == FailoverPhase.COMPLETED || phase(name) == FailoverPhase.FAILED);
        } catch (RuntimeException timedOut) {
            // recorded below with the phase it was left in
        }
        Failover f = clusters.standby().resources(Failover.class).inNamespace(ns).withName(name).get();
        drills.add(new Drill(name, String.valueOf(f.getStatus() == null ? null : f.getStatus().getPhase()),
                Duration.between(created, Instant.now()).toSeconds(), f.getStatus() == null ? "" : f.getStatus().getMessage()));
    }

    private FailoverPhase phase(String name) {
        Failover f = clusters.standby().resources(Failover.class).inNamespace(ns).withName(name).get();
        return f == null || f.getStatus() == null ? null : f.getStatus().getPhase();
    }

    /** Least-squares slope of y over the minutes given (per minute). */
    static double slope(List<Minute> rows, ToDoubleFunction<Minute> y) {
        double n = rows.size();
        double sx = 0;
        double sy = 0;
        double sxy = 0;
        double sxx = 0;
        for (Minute r : rows) {
            double v = y.applyAsDouble(r);
            sx += r.minute();
            sy += v;
            sxy += r.minute() * v;
            sxx += (double) r.minute() * r.minute();
        }
        return n < 2 ? 0 : (n * sxy - sx * sy) / (n * sxx - sx * sx);
    }

    /** Minutes 2..N, or, if the operator was restarted, those after the minute of its last restart: a new JVM's growth is its warm-up. */
    private List<Minute> warm() {
        int from = 1;
        for (Minute r : table) {
            if (r.events().contains("operator exited")) {
                from = r.minute() + 1;
            }
        }
        return table.subList(Math.min(from, table.size()), table.size());
    }

    private List<Minute> withoutRestart() {
        return warm().stream().filter(r -> !r.events().contains("restarted") && r.lagSamples() > 0).toList();
    }

    Map<String, Double> trends() {
        Map<String, Double> t = new LinkedHashMap<>();
        t.put("rssMiBPerMinute", slope(warm(), Minute::rssMiB));
        t.put("heapAfterGcMiBPerMinute", slope(warm(), Minute::heapAfterGcMiB));
        t.put("lagP99MsPerMinuteWithoutRestart", slope(withoutRestart(), Minute::lagP99Ms));
        t.put("threadsPerMinute", slope(warm(), Minute::threads));
        t.put("socketsPerMinute", slope(warm(), Minute::sockets));
        return t;
    }

    void writeResults(Path dir) throws java.io.IOException {
        Map<String, Object> results = new LinkedHashMap<>();
        results.put("minutes", minutes);
        results.put("changesPerMinute", SoakRun.CHANGES_PER_MINUTE);
        results.put("namespaces", SoakRun.NAMESPACES);
        results.put("bounds", Map.of("rssMiBPerMinute", RSS_SLOPE, "heapAfterGcMiBPerMinute", HEAP_SLOPE, "lagP99MsPerMinuteWithoutRestart",
                P99_SLOPE));
        results.put("trends", trends());
        results.put("drills", drills);
        results.put("operatorRestarts", kubelet.restarts().stream().map(Instant::toString).toList());
        results.put("trendMinutes", warm().stream().map(Minute::minute).toList());
        results.put("perMinute", table);
        SoakRun.writeJson(dir.resolve("results.json"), results);
        LineChart lag = SoakRun.chart("Soak: sync lag per minute", "ms");
        LineChart resources = SoakRun.chart("Soak: operator resources per minute", "MiB / count");
        for (Minute r : table) {
            lag.point("lag p50", r.minute(), r.lagP50Ms()).point("lag p99", r.minute(), r.lagP99Ms());
            resources.point("RSS MiB", r.minute(), r.rssMiB()).point("heap after GC MiB", r.minute(), r.heapAfterGcMiB())
                    .point("threads", r.minute(), r.threads()).point("open sockets", r.minute(), r.sockets())
                    .point("ERROR log lines", r.minute(), r.errorLines());
        }
        lag.writePng(dir.resolve("soak-lag.png"), 900, 500);
        resources.writePng(dir.resolve("soak-resources.png"), 900, 500);
        StringBuilder out = new StringBuilder(String.format("%6s %6s %6s %6s %8s %8s %8s %8s %7s %7s %6s  %s%n", "minute", "sent", "failed",
                "seen", "p50 ms", "p99 ms", "RSS MiB", "heap MiB", "threads", "sockets", "errors", "events"));
        for (Minute r : table) {
            out.append(String.format("%6d %6d %6d %6d %8d %8d %8.1f %8.1f %7d %7d %6d  %s%n", r.minute(), r.sent(), r.failed(), r.lagSamples(),
                    r.lagP50Ms(), r.lagP99Ms(), r.rssMiB(), r.heapAfterGcMiB(), r.threads(), r.sockets(), r.errorLines(), r.events()));
        }
        out.append("trends over minutes ").append(warm().stream().map(Minute::minute).toList()).append(": ").append(trends()).append('\n').append("drills: ").append(drills).append('\n');
        java.nio.file.Files.writeString(dir.resolve("soak.txt"), out.toString());
        System.out.println("[soak]\n" + out);
    }

    void assertPassed() {
        assertThat(drills).as("a drill every %d minutes", SoakRun.DRILL_EVERY).hasSize((minutes + SoakRun.DRILL_EVERY - 1) / SoakRun.DRILL_EVERY)
                .allSatisfy(d -> assertThat(d.phase()).as(d.name() + ": " + d.message()).isEqualTo(String.valueOf(FailoverPhase.COMPLETED)));
        assertThat(warm()).as("minutes without an operator restart to measure a trend over").hasSizeGreaterThanOrEqualTo(3);
        Map<String, Double> t = trends();
        assertThat(t.get("rssMiBPerMinute")).as("RSS growth, MiB/min").isLessThan(RSS_SLOPE);
        assertThat(t.get("heapAfterGcMiBPerMinute")).as("heap-after-GC growth, MiB/min").isLessThan(HEAP_SLOPE);
        assertThat(t.get("lagP99MsPerMinuteWithoutRestart")).as("lag p99 growth, ms/min").isLessThan(P99_SLOPE);
    }
}
