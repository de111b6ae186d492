package io.pilotlight.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.Watch;
import io.fabric8.kubernetes.client.Watcher;
import io.fabric8.kubernetes.client.WatcherException;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.pilotlight.api.v1alpha1.DisasterRecoveryPlan;
import io.pilotlight.api.v1alpha1.Failover;
import io.pilotlight.api.v1alpha1.FailoverStatus;
import io.pilotlight.api.v1alpha1.failover.FailoverPhase;
import io.pilotlight.api.v1alpha1.failover.FailoverStep;
import io.pilotlight.api.v1alpha1.failover.StepState;
import io.pilotlight.failover.StepRegistry;
import io.pilotlight.failover.actions.ActionStep;
import io.pilotlight.failover.actions.ActionSteps;
import io.pilotlight.failover.run.FailoverRun;
import io.pilotlight.failover.run.Step;
import io.pilotlight.failover.steps.QuiesceStep;
import io.pilotlight.failover.steps.ScaleUpWaveStep;
import io.pilotlight.testsupport.Invariants;
import io.pilotlight.testsupport.Invariants.ExpectedRun;
import io.pilotlight.testsupport.LocalClusters.Site;
import io.pilotlight.testsupport.OperatorProcess;
import io.pilotlight.testsupport.OperatorTestResource;
import io.pilotlight.testsupport.TestClusters;
import io.pilotlight.testsupport.TestCrds;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.lang.reflect.Constructor;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Kill points (issue 17): the operator, run as the packaged jar ({@link OperatorProcess}), is killed
 * with SIGKILL inside each step of each kind of Failover (Planned, Unplanned, Drill, and the failback,
 * a Planned one to the primary), started again, and the Failover must complete and pass
 * {@link Invariants}. The steps come from the operator's own {@link StepRegistry} for the plan and
 * Failover at hand, so a step added there is killed here without a new test.
 *
 * <p>How "inside a step" is reached, by what the step is (see {@link Hold}):
 * <ul>
 * <li>a step that waits for something the test controls is held until the operator was killed and
 * started again, and the kill comes when {@code status.steps[]} shows it {@code Running}: an approval
 * action (the approval is given after the restart), a Job action and a {@code ScaleUp} wave (their Pods
 * need a node label the target's nodes lack until after the restart), {@code Quiesce} (a Pod of the site
 * being left keeps a finalizer until after the restart);</li>
 * <li>every other step (Validate, Fence, FinalSync, PauseSync, DrillCopy, SwitchTraffic, Activate, and
 * any new one) finishes within one reconcile, so its {@code Running} state is never written: the kill
 * comes the moment its {@code StepStarted} event arrives (the operator records it before it runs the
 * step), by a watch. Where that kill landed (before the step's start was saved, while it ran, or after
 * it had finished) is printed in the matrix; nothing is simulated and no status is written by the test.</li>
 * </ul>
 * Which kill points run: system property {@code pilotlight-tests.kill-points}: {@code all} (make chaos),
 * {@code ci} (make test: {@link #CI}), or a comma-separated list of {@code <scenario>/<step>}.
 * Needs {@code target/quarkus-app/quarkus-run.jar}: failsafe runs it after {@code package}
 * (pom profile {@code kill-points}).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class KillPointChaos {

    /** The kill points of make test: one of each kind of hold and of the kill on a start event. */
    static final Set<String> CI = Set.of("Planned/Quiesce", "Unplanned/Fence");
    static final String LEADER_KILLED = "Replicas/leader-killed-in-ScaleUp/data";
    static final String LEASE_LOST = "Replicas/lease-lost-in-ScaleUp/data";

    private static final Duration WAIT = Duration.ofMinutes(3);
    private static final KubernetesSerialization YAML = new KubernetesSerialization();
    private static final String PLAN = "shop";
    private static final String HOLD_LABEL = "chaos.pilotlight.io/";
    private static final String HOLD_FINALIZER = "chaos.pilotlight.io/hold";
    private static final String APPROVE = "pilotlight.io/approve";
    private static final List<String> APPROVALS = List.of("checkpoint", "go-live");
    private static final Map<String, Integer> REPLICAS_OF = Map.of("StatefulSet/%s/db", 1, "Deployment/%s/web", 2, "Deployment/%s/worker", 1);

    enum Scenario {
        PLANNED("Planned", "{type: Planned}", Site.PRIMARY, Site.STANDBY),
        UNPLANNED("Unplanned", "{type: Unplanned}", Site.PRIMARY, Site.STANDBY),
        DRILL("Drill", "{type: Drill}", Site.STANDBY, Site.STANDBY),
        FAILBACK("Failback", "{type: Planned, direction: ToPrimary}", Site.STANDBY, Site.PRIMARY);

        final String label;
        final String spec;
        final Site from;
        final Site to;

        Scenario(String label, String spec, Site from, Site to) {
            this.label = label;
            this.spec = spec;
            this.from = from;
            this.to = to;
        }
    }

    /** How the test keeps a step from finishing until the operator was killed and started again. */
    sealed interface Hold {
        record Approval(String action) implements Hold {
        }

        record NodeLabel(String key) implements Hold {
        }

        record PodFinalizer() implements Hold {
        }

        /** Nothing to hold: killed when the step's start is announced. */
        record AtStart() implements Hold {
        }
    }

    record Outcome(String scenario, String step, String hold, String landed, long seconds, String result) {
    }

    private TestClusters clusters;
    private String ns;
    private String app;
    private String bystander;
    private OperatorProcess operator;
    private Invariants invariants;
    private Invariants.Snapshot before;
    private Invariants.ServingMonitor monitor;
    private final List<Outcome> outcomes = new ArrayList<>();
    private final AtomicInteger serial = new AtomicInteger();
    private final StepRegistry registry = registry();
    private final List<Replicas> replicaSets = new ArrayList<>();

    @BeforeAll
    void setUp() throws IOException {
        clusters = TestClusters.open("chaos");
        ns = clusters.namespace();
        app = ns + "-app";
        bystander = ns + "-by";
        String operatorNs = ns + "-op";
        for (Site site : Site.values()) {
            TestCrds.installAll(clusters.client(site));
            clusters.client(site).resource(new NamespaceBuilder().withNewMetadata().withName(bystander).endMetadata().build()).create();
            for (Node node : clusters.client(site).nodes().list().getItems()) {
                for (String key : List.of("data", "apps", "remaining", "jobs")) {
                    label(clusters.client(site), node.getMetadata().getName(), HOLD_LABEL + key, "open");
                }
            }
        }
        clusters.standby().resource(new NamespaceBuilder().withNewMetadata().withName(operatorNs).endMetadata().build()).create();
        clusters.primary().resource(new NamespaceBuilder().withNewMetadata().withName(app).endMetadata().build()).create();
        String primaryKubeconfig = clusters.clusters().kubeconfigContent(Site.PRIMARY);
        clusters.standby().resource(new io.fabric8.kubernetes.api.model.SecretBuilder().withNewMetadata().withName("primary-kubeconfig")
                .withNamespace(ns).endMetadata().withStringData(Map.of("kubeconfig", primaryKubeconfig)).build()).create();
        create(clusters.primary(), application(app));
        // Bystanders: objects Pilotlight must never touch, beside and among the protected ones.
        for (Site site : Site.values()) {
            create(clusters.client(site), """
                    apiVersion: v1
                    kind: ConfigMap
                    metadata: {name: bystander, namespace: %1$s}
                    data: {note: not protected}
                    ---
                    apiVersion: apps/v1
                    kind: Deployment
                    metadata: {name: bystander, namespace: %1$s}
                    spec:
                      replicas: 1
                      selector: {matchLabels: {app: bystander}}
                      template:
                        metadata: {labels: {app: bystander}}
                        spec: {containers: [{name: b, image: registry.invalid/b:1}]}
                    """.formatted(bystander));
        }

        operator = new OperatorProcess(clusters.clusters().kubeconfigPath(Site.STANDBY), operatorNs,
                OperatorTestResource.RUN_LABEL + "=" + OperatorTestResource.runId(), ns, Path.of("target", "chaos", ns));
        clusters.onFailure(() -> "failovers:\n" + YAML.asYaml(failovers()));
        clusters.onFailure(() -> "plan status:\n" + YAML.asYaml(plan().getStatus()));
        clusters.onFailure(() -> "operator log tail:\n" + operator.logTail(60));
        clusters.onFailure(() -> replicaSets.isEmpty() ? "" : "replicas' log tails:\n" + replicaSets.get(replicaSets.size() - 1).logTails(60));
        operator.start();

        clusters.standby().resource(plan()).create();
        clusters.await("the standby is in sync", WAIT, () -> assertThat(condition("StandbyInSync")).isEqualTo("True"));
        // An object on the parked site among the copies, that Pilotlight did not make: never pruned, never changed.
        create(clusters.standby(), """
                apiVersion: v1
                kind: ConfigMap
                metadata: {name: standby-only, namespace: %s}
                data: {note: made on the standby by someone else}
                """.formatted(app));
        Map<String, Integer> replicas = new LinkedHashMap<>();
        REPLICAS_OF.forEach((k, v) -> replicas.put(k.formatted(app), v));
        invariants = new Invariants(Map.of(Site.PRIMARY, clusters.primary(), Site.STANDBY, clusters.standby()), ns, PLAN,
                Map.of("dc1", Site.PRIMARY, "dc2", Site.STANDBY), List.of(app), List.of(app, bystander, ns), replicas,
                List.of(primaryKubeconfig, clusters.clusters().kubeconfigContent(Site.STANDBY)), this::allLogs);
        before = invariants.snapshot();
        System.out.printf("[chaos] snapshot of %d objects Pilotlight did not make%n", before.size());
        monitor = invariants.monitor();
    }

    @AfterAll
    void tearDown() throws IOException {
        try {
            if (monitor != null) {
                monitor.close();
                System.out.printf("[chaos] serving monitor: %d samples, both sites up: %s%n", monitor.samples(), monitor.bothUp());
            }
            writeMatrix();
            if (operator != null && operator.alive()) {
                clusters.standby().resources(Failover.class).inNamespace(ns).delete();
                clusters.standby().resources(DisasterRecoveryPlan.class).inNamespace(ns).delete();
                Awaitility.await("the plan is removed").atMost(WAIT).ignoreExceptions().until(() -> clusters.standby()
                        .resources(DisasterRecoveryPlan.class).inNamespace(ns).list().getItems().isEmpty());
            }
        } finally {
            if (operator != null) {
                operator.close();
            }
            if (clusters != null) {
                for (Site site : Site.values()) {
                    for (String n : List.of(app, bystander, app + "-drill", ns + "-op")) {
                        clusters.client(site).namespaces().withName(n).delete();
                    }
                }
                clusters.close();
            }
        }
    }

    @TestFactory
    @Order(1)
    Stream<DynamicTest> planned() {
        return killPoints(Scenario.PLANNED);
    }

    @TestFactory
    @Order(2)
    Stream<DynamicTest> failback() {
        return killPoints(Scenario.FAILBACK);
    }

    @TestFactory
    @Order(3)
    Stream<DynamicTest> unplanned() {
        return killPoints(Scenario.UNPLANNED);
    }

    @TestFactory
    @Order(4)
    Stream<DynamicTest> drill() {
        return killPoints(Scenario.DRILL);
    }

    /**
     * Issue 17, item 4's first case: the standby's API server (the operator's own cluster, where the
     * plan and the Failover live) stopped for 30 s while a Planned failover waits in its data wave. The
     * operator cannot renew its Lease meanwhile; if it stops, it is started again, as the kubelet would.
     */
    @TestFactory
    @Order(5)
    Stream<DynamicTest> outages() {
        return Stream.of(DynamicTest.dynamicTest("Outage/standby-api-30s-in-ScaleUp/data", this::standbyOutageInAWave),
                DynamicTest.dynamicTest("Outage/primary-api-30s-after-Quiesce", this::primaryOutageAfterQuiesce),
                DynamicTest.dynamicTest("Outage/both-apis-restarted-in-a-1000-object-sync", this::bothRestartedInASync))
                .filter(t -> selected(t.getDisplayName()));
    }

    /**
     * Issue 17, item 3: two replicas ({@link Replicas}), the leader losing the Lease while a Planned
     * failover waits in its data wave, by a SIGKILL or by the Lease being taken from it; the other must
     * take the Lease and finish, and the standby's audit log ({@link WriteLog}) must show that they never
     * wrote at the same time.
     */
    @TestFactory
    @Order(6)
    Stream<DynamicTest> replicas() {
        return Stream.of(DynamicTest.dynamicTest(LEADER_KILLED, () -> handover(LEADER_KILLED, true)),
                DynamicTest.dynamicTest(LEASE_LOST, () -> handover(LEASE_LOST, false))).filter(t -> selected(t.getDisplayName()));
    }

    private static boolean selected(String name) {
        String selection = System.getProperty("pilotlight-tests.kill-points", "ci");
        return selection.equals("all") || (selection.equals("ci") ? CI : Set.of(selection.split(","))).contains(name);
    }

    private void handover(String scenario, boolean kill) {
        Instant started = Instant.now();
        String landed = "-";
        operator.close(); // the single replica makes way for two
        Replicas replicas = new Replicas(clusters.standby(), ns + "-op", OperatorTestResource.RUN_LABEL + "=" + OperatorTestResource.runId(),
                ns, Path.of("target", "chaos", ns), List.of("a-" + serial.incrementAndGet(), "b-" + serial.get()));
        replicaSets.add(replicas);
        try {
            OperatorProcess a = replicas.get(0);
            OperatorProcess b = replicas.get(1);
            WriteLog writes = new WriteLog(Path.of("").toAbsolutePath(), Site.STANDBY.siteName());
            a.start();
            clusters.await(a.identity() + " leads", WAIT, () -> assertThat(replicas.holder()).isEqualTo(a.identity()));
            b.start();
            String name = "replicas-" + serial.incrementAndGet();
            Failover failover = failover(Scenario.PLANNED, name, APPROVALS);
            List<String> expected = names(registry.sequence(run(failover)));
            holdWave(clusters.standby(), "data", true);
            clusters.standby().resource(failover).create();
            clusters.await("ScaleUp/data of " + name + " is Running", WAIT, () -> assertThat(stepState(name, "ScaleUp/data"))
                    .isEqualTo(StepState.RUNNING));
            Duration lease = replicas.leaseDuration();
            Instant fault = Instant.now();
            if (kill) {
                a.kill();
            } else {
                replicas.steal("chaos-intruder");
                assertThat(a.awaitExit(lease)).as(a.identity() + " exits once its Lease is gone").hasValue(1);
            }
            Instant exited = Instant.now();
            clusters.await(b.identity() + " takes the Lease", lease.multipliedBy(2), () -> assertThat(replicas.holder()).isEqualTo(b.identity()));
            holdWave(clusters.standby(), "data", false);
            awaitCompleted(name);
            List<ExpectedRun> runs = new ArrayList<>(List.of(new ExpectedRun(name, expected, Set.of(), jobs(expected))));
            invariants.check(before, runs, false);
            landed = oneWriterAtATime(replicas, writes, fault, exited, lease, kill);
            runs.add(runUnkilled(Scenario.FAILBACK));
            invariants.check(before, runs, false);
            assertThat(monitor.bothUp()).as("the application never served from both sites").isEmpty();
            record(new Outcome("Replicas", scenario.substring(scenario.indexOf('/') + 1), "NodeLabel", landed,
                    Duration.between(started, Instant.now()).toSeconds(), "pass"));
        } catch (AssertionError | RuntimeException e) {
            record(new Outcome("Replicas", scenario.substring(scenario.indexOf('/') + 1), "NodeLabel", landed,
                    Duration.between(started, Instant.now()).toSeconds(), "FAIL: " + firstLine(e)));
            System.err.println(clusters.report(scenario));
            throw e;
        } finally {
            holdWave(clusters.standby(), "data", false);
            replicas.close();
            operator.start();
            resetAfterFailure();
        }
    }

    /**
     * What the audit log says: the old leader's last write was answered before the new one's first
     * request arrived, the new one's first write is its taking of the Lease, and it took it within one
     * lease duration of the Lease's last renewal as the candidate saw it. Fabric8's elector (as
     * client-go's) counts the duration from when it observed the renewal, and looks every retry period
     * (2 s, jitter up to 1.2): so up to two retry periods more than the duration after the renewal itself,
     * and a second for this host (measured: 18.4 s after the last renewal, 17 s after the SIGKILL).
     * Returns the matrix's line.
     */
    private String oneWriterAtATime(Replicas replicas, WriteLog log, Instant fault, Instant exited, Duration lease, boolean kill) {
        String a = replicas.user(replicas.get(0));
        String b = replicas.user(replicas.get(1));
        List<WriteLog.Write> byA = log.writes(a);
        List<WriteLog.Write> byB = log.writes(b);
        System.out.printf("[chaos] writes by %s: %d, by %s: %d; around the handover:%n", a, byA.size(), b, byB.size());
        byA.stream().skip(Math.max(0, byA.size() - 5)).forEach(w -> System.out.println("  " + w));
        byB.stream().limit(5).forEach(w -> System.out.println("  " + w));
        assertThat(byA).as("the leader wrote").isNotEmpty();
        assertThat(byB).as("the new leader wrote").isNotEmpty();
        Instant lastA = byA.stream().map(WriteLog.Write::answered).max(Instant::compareTo).orElseThrow();
        WriteLog.Write firstB = byB.stream().min((x, y) -> x.received().compareTo(y.received())).orElseThrow();
        assertThat(firstB.received()).as("%s's first write came after %s's last (%s)", b, a, lastA).isAfter(lastA);
        assertThat(firstB.lease()).as("%s's first write takes the Lease: %s", b, firstB).isTrue();
        assertThat(lastA).as("%s wrote nothing after it stopped", a).isBefore(exited);
        Instant lastRenewal = byA.stream().filter(WriteLog.Write::lease).map(WriteLog.Write::answered).max(Instant::compareTo).orElseThrow();
        Instant expiry = kill ? lastRenewal : fault; // a stolen Lease was renewed by the intruder at the fault
        assertThat(Duration.between(expiry, firstB.received())).as("the Lease was taken within one lease duration (%s)", lease)
                .isLessThanOrEqualTo(lease.plus(Replicas.RETRY.multipliedBy(24).dividedBy(10)).plusSeconds(1));
        long afterFault = byA.stream().filter(w -> !w.lease() && w.received().isAfter(fault)).count();
        return String.format("%s; A's last write %d ms after it (%d not on the Lease), B took the Lease %.1f s after it, %.1f s after A's"
                + " last renewal", kill ? "leader SIGKILLed" : "Lease taken, A exited " + Duration.between(fault, exited).toMillis() + " ms after",
                Duration.between(fault, lastA).toMillis(), afterFault, Duration.between(fault, firstB.received()).toMillis() / 1000.0,
                Duration.between(lastRenewal, firstB.received()).toMillis() / 1000.0);
    }

    /** Holds (or releases) a wave's Pods on one site by its node label. */
    private static void holdWave(KubernetesClient site, String wave, boolean hold) {
        for (Node node : site.nodes().list().getItems()) {
            label(site, node.getMetadata().getName(), HOLD_LABEL + wave, hold ? null : "open");
        }
    }

    /**
     * Issue 17, item 4: the primary's API server stopped for 30 s the moment the Quiesce of a Planned
     * failover succeeded (its StepSucceeded event), the primary parked and the standby not yet up; the
     * data wave is held so that the Failover is mid-flight whatever the next steps manage before the
     * stop. The Failover must wait, say so in its status, and finish once the primary is back.
     */
    private void primaryOutageAfterQuiesce() {
        Instant started = Instant.now();
        String landed = "-";
        String name = "outage-" + serial.incrementAndGet();
        boolean primaryDown = false;
        try {
            assertThat(invariants.activeSite()).isEqualTo(Site.PRIMARY);
            Failover failover = failover(Scenario.PLANNED, name, APPROVALS);
            List<String> expected = names(registry.sequence(run(failover)));
            holdWave(clusters.standby(), "data", true);
            CountDownLatch quiesced = new CountDownLatch(1);
            try (Watch watch = clusters.standby().v1().events().inNamespace(ns).watch(new Watcher<>() {
                @Override
                public void eventReceived(Action action, Event e) {
                    if ("StepSucceeded".equals(e.getReason()) && name.equals(e.getInvolvedObject().getName())
                            && String.valueOf(e.getMessage()).startsWith(QuiesceStep.NAME + ":")) {
                        quiesced.countDown();
                    }
                }

                @Override
                public void onClose(WatcherException cause) {
                }
            })) {
                clusters.standby().resource(failover).create();
                assertThat(quiesced.await(WAIT.toSeconds(), TimeUnit.SECONDS)).as("Quiesce of " + name + " succeeded").isTrue();
                clusters.clusters().stop(Site.PRIMARY);
                primaryDown = true;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            Instant down = Instant.now();
            landed = "down with " + done(name) + " done";
            Set<String> said = new java.util.LinkedHashSet<>();
            // 30 s of outage, sampled: what a user reading the Failover sees meanwhile.
            Awaitility.await("30 s of primary outage").atMost(Duration.ofSeconds(40)).pollInterval(Duration.ofSeconds(2))
                    .until(() -> {
                        Failover f = clusters.standby().resources(Failover.class).inNamespace(ns).withName(name).get();
                        said.add(said(f));
                        return Duration.between(down, Instant.now()).toSeconds() >= 30;
                    });
            clusters.clusters().start(Site.PRIMARY);
            primaryDown = false;
            System.out.printf("%s [chaos] %s: the primary's API server was down %d s (%s); the Failover said:%n", Instant.now(), name,
                    Duration.between(down, Instant.now()).toSeconds(), landed);
            said.forEach(m -> System.out.println("  " + m));
            holdWave(clusters.standby(), "data", false);
            awaitCompleted(name);
            assertThat(said).as("the Failover's status named the primary while it was away").anySatisfy(m -> assertThat(m).contains("primary"));
            List<ExpectedRun> runs = new ArrayList<>(List.of(new ExpectedRun(name, expected, Set.of(), jobs(expected))));
            invariants.check(before, runs, false);
            runs.add(runUnkilled(Scenario.FAILBACK));
            invariants.check(before, runs, false);
            assertThat(monitor.bothUp()).as("the application never served from both sites").isEmpty();
            record(new Outcome("Outage", "primary API 30 s after Quiesce", "NodeLabel", landed,
                    Duration.between(started, Instant.now()).toSeconds(), "pass"));
        } catch (AssertionError | RuntimeException e) {
            record(new Outcome("Outage", "primary API 30 s after Quiesce", "NodeLabel", landed,
                    Duration.between(started, Instant.now()).toSeconds(), "FAIL: " + firstLine(e)));
            System.err.println(clusters.report("primary outage after Quiesce"));
            throw e;
        } finally {
            if (primaryDown) {
                clusters.clusters().start(Site.PRIMARY);
            }
            holdWave(clusters.standby(), "data", false);
            resetAfterFailure();
        }
    }

    /**
     * Issue 17, item 4: 1,000 ConfigMaps made in a protected namespace of the primary, and both sites' API
     * servers restarted (stopped, then started, the standby's last) as soon as they are made, while the
     * standby is still copying them. The operator, whose own cluster went away, may exit (its Lease lost)
     * and is then started again, as the kubelet would. The sync must finish: StandbyInSync True and every
     * copy equal ({@link Invariants#parkedCopyMatches}); the plan's status meanwhile says what it waits for.
     */
    private void bothRestartedInASync() {
        Instant started = Instant.now();
        String landed = "-";
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(8);
        try {
            List<java.util.concurrent.Future<?>> made = new ArrayList<>();
            for (int i = 0; i < 1000; i++) {
                String name = "bulk-" + i;
                made.add(pool.submit(() -> clusters.primary().resource(new io.fabric8.kubernetes.api.model.ConfigMapBuilder().withNewMetadata()
                        .withName(name).withNamespace(app).withLabels(Map.of("chaos.pilotlight.io/bulk", "1")).endMetadata()
                        .withData(Map.of("payload", "x".repeat(256))).build()).create()));
            }
            for (java.util.concurrent.Future<?> f : made) {
                f.get();
            }
            int copied = clusters.standby().configMaps().inNamespace(app).withLabel("chaos.pilotlight.io/bulk").list().getItems().size();
            clusters.clusters().stop(Site.PRIMARY);
            clusters.clusters().stop(Site.STANDBY);
            Instant down = Instant.now();
            clusters.clusters().start(Site.PRIMARY);
            clusters.clusters().start(Site.STANDBY);
            landed = copied + "/1000 copied when stopped; down " + Duration.between(down, Instant.now()).toSeconds() + " s";
            Set<String> said = new java.util.LinkedHashSet<>();
            Awaitility.await("the operator exits or keeps leading").atMost(Duration.ofSeconds(20)).pollDelay(Duration.ofSeconds(15))
                    .until(() -> true);
            if (!operator.alive()) {
                landed += "; operator exited (lost its Lease), restarted";
                operator.start();
            }
            clusters.await("the standby has the 1,000 copies and is in sync", WAIT, () -> {
                said.add("StandbyInSync " + condition("StandbyInSync") + ": " + conditionMessage("StandbyInSync"));
                assertThat(clusters.standby().configMaps().inNamespace(app).withLabel("chaos.pilotlight.io/bulk").list().getItems()).hasSize(1000);
                assertThat(condition("StandbyInSync")).isEqualTo("True");
            });
            System.out.printf("%s [chaos] both API servers restarted in a sync (%s); the plan said:%n", Instant.now(), landed);
            said.forEach(m -> System.out.println("  " + m));
            invariants.check(before, List.of(), false);
            assertThat(monitor.bothUp()).as("the application never served from both sites").isEmpty();
            record(new Outcome("Outage", "both APIs restarted, 1,000-object sync", "-", landed,
                    Duration.between(started, Instant.now()).toSeconds(), "pass"));
        } catch (AssertionError | RuntimeException | java.util.concurrent.ExecutionException e) {
            record(new Outcome("Outage", "both APIs restarted, 1,000-object sync", "-", landed,
                    Duration.between(started, Instant.now()).toSeconds(), "FAIL: " + firstLine(e)));
            System.err.println(clusters.report("both API servers restarted in a sync"));
            throw e instanceof AssertionError a ? a : new AssertionError(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } finally {
            pool.shutdownNow();
            if (!operator.alive()) {
                operator.start();
            }
            clusters.primary().configMaps().inNamespace(app).withLabel("chaos.pilotlight.io/bulk").delete();
            clusters.await("the bulk copies are pruned", WAIT, () -> assertThat(clusters.standby().configMaps().inNamespace(app)
                    .withLabel("chaos.pilotlight.io/bulk").list().getItems()).isEmpty());
        }
    }

    /** What a user reading the Failover sees: its phase, message, the running step's message and the Reconciling condition's. */
    private static String said(Failover f) {
        FailoverStatus st = f.getStatus();
        String running = st.getSteps() == null ? "" : st.getSteps().stream().filter(x -> x.getState() == StepState.RUNNING)
                .map(x -> x.getName() + " Running: " + x.getMessage()).findFirst().orElse("");
        String reconciling = st.getConditions() == null ? "" : st.getConditions().stream().filter(c -> "Reconciling".equals(c.getType()))
                .map(c -> "Reconciling " + c.getStatus() + " " + c.getReason() + ": " + c.getMessage()).findFirst().orElse("");
        return st.getPhase() + ": " + st.getMessage() + " | " + running + " | " + reconciling;
    }

    /** The steps of a Failover that had finished, as its status says. */
    private List<String> done(String failover) {
        Failover f = clusters.standby().resources(Failover.class).inNamespace(ns).withName(failover).get();
        return f.getStatus().getSteps().stream().filter(st -> st.getState() != StepState.RUNNING).map(FailoverStep::getName).toList();
    }

    private String allLogs() {
        StringBuilder out = new StringBuilder(operator.allLogs());
        replicaSets.forEach(r -> out.append(r.allLogs()));
        return out.toString();
    }

    private void standbyOutageInAWave() {
        Instant started = Instant.now();
        String landed = "-";
        Step wave = registry.sequence(run(failover(Scenario.PLANNED, "probe", null))).stream()
                .filter(s -> s.name().equals("ScaleUp/data")).findFirst().orElseThrow();
        String hold = hold(wave).getClass().getSimpleName();
        try {
            assertThat(invariants.activeSite()).isEqualTo(Site.PRIMARY);
            String name = "outage-" + serial.incrementAndGet();
            Failover failover = failover(Scenario.PLANNED, name, APPROVALS);
            List<String> expected = names(registry.sequence(run(failover)));
            KubernetesClient standby = clusters.standby();
            for (Node node : standby.nodes().list().getItems()) {
                label(standby, node.getMetadata().getName(), HOLD_LABEL + "data", null);
            }
            standby.resource(failover).create();
            clusters.await("ScaleUp/data of " + name + " is Running", WAIT, () -> assertThat(stepState(name, "ScaleUp/data"))
                    .isEqualTo(StepState.RUNNING));
            clusters.clusters().stop(Site.STANDBY);
            Instant down = Instant.now();
            try {
                Thread.sleep(Duration.ofSeconds(30).toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            boolean diedDuringOutage = !operator.alive();
            clusters.clusters().start(Site.STANDBY);
            System.out.printf("%s [chaos] %s: the standby's API server was down %d s; the operator %s%n", Instant.now(), name,
                    Duration.between(down, Instant.now()).toSeconds(), diedDuringOutage ? "exited during it" : "kept running");
            landed = diedDuringOutage ? "operator exited in the outage" : "operator kept running";
            Awaitility.await("the operator exits or keeps leading").atMost(Duration.ofSeconds(20)).pollDelay(Duration.ofSeconds(15))
                    .until(() -> true);
            if (!operator.alive()) {
                landed = "operator exited (lost its Lease); restarted";
                operator.start();
            }
            for (Node node : standby.nodes().list().getItems()) {
                label(standby, node.getMetadata().getName(), HOLD_LABEL + "data", "open");
            }
            awaitCompleted(name);
            List<ExpectedRun> runs = new ArrayList<>(List.of(new ExpectedRun(name, expected, Set.of(), jobs(expected))));
            invariants.check(before, runs, false);
            runs.add(runUnkilled(Scenario.FAILBACK));
            invariants.check(before, runs, false);
            assertThat(monitor.bothUp()).as("the application never served from both sites").isEmpty();
            record(new Outcome("Outage", "ScaleUp/data (standby API 30 s)", hold, landed,
                    Duration.between(started, Instant.now()).toSeconds(), "pass"));
        } catch (AssertionError | RuntimeException e) {
            record(new Outcome("Outage", "ScaleUp/data (standby API 30 s)", hold, landed,
                    Duration.between(started, Instant.now()).toSeconds(), "FAIL: " + firstLine(e)));
            System.err.println(clusters.report("standby outage in a wave"));
            throw e;
        } finally {
            if (!operator.alive()) {
                operator.start();
            }
            resetAfterFailure();
        }
    }

    /**
     * Last, since it breaks what the others rely on: the checker is not one that accepts anything. A
     * bystander changed, one deleted, and a credential in an Event must each be reported.
     */
    @TestFactory
    @Order(7)
    Stream<DynamicTest> checkerCatchesViolations() {
        return Stream.of(DynamicTest.dynamicTest("the invariant checker reports what it must", () -> {
            clusters.primary().configMaps().inNamespace(bystander).withName("bystander").edit(c -> {
                c.getData().put("note", "changed");
                return c;
            });
            clusters.standby().apps().deployments().inNamespace(bystander).withName("bystander").delete();
            String kubeconfig = clusters.clusters().kubeconfigContent(Site.PRIMARY);
            String key = kubeconfig.lines().map(String::trim).filter(l -> l.startsWith("client-key-data:")).findFirst().orElseThrow()
                    .substring("client-key-data:".length()).trim();
            clusters.standby().v1().events().inNamespace(ns).resource(new io.fabric8.kubernetes.api.model.EventBuilder().withNewMetadata()
                    .withName("leak").withNamespace(ns).endMetadata().withReason("Leak").withMessage("oops " + key.substring(0, 80))
                    .withNewInvolvedObject().withKind("Namespace").withName(ns).withNamespace(ns).endInvolvedObject().build()).create();
            assertThat(invariants.untouched(before)).anySatisfy(p -> assertThat(p).contains("ConfigMap/" + bystander + "/bystander on primary was changed"))
                    .anySatisfy(p -> assertThat(p).contains("Deployment/" + bystander + "/bystander on standby was deleted"));
            assertThat(invariants.noCredentials()).anySatisfy(p -> assertThat(p).startsWith("the Events on standby contains credential data"));
            record(new Outcome("Checker", "(self-test)", "-", "-", 0, "pass"));
        }));
    }

    /** One dynamic test per step of the scenario's Failover, as the operator's registry lists them. */
    private Stream<DynamicTest> killPoints(Scenario scenario) {
        List<Step> steps = registry.sequence(run(failover(scenario, "probe", null)));
        return steps.stream().filter(s -> selected(scenario.label + "/" + s.name()))
                .map(s -> DynamicTest.dynamicTest(scenario.label + " killed in " + s.name() + " (" + hold(s).getClass().getSimpleName() + ")",
                        () -> killPoint(scenario, s)));
    }

    private void killPoint(Scenario scenario, Step step) {
        Instant started = Instant.now();
        String landed = "-";
        try {
            assertThat(invariants.activeSite()).as("each kill point starts from the primary serving").isEqualTo(Site.PRIMARY);
            List<ExpectedRun> runs = new ArrayList<>();
            if (scenario == Scenario.FAILBACK) {
                runs.add(runUnkilled(Scenario.PLANNED));
                invariants.check(before, runs, false);
            }
            Killed killed = runKilled(scenario, step);
            landed = killed.landed();
            runs.add(killed.run());
            if (scenario == Scenario.DRILL) {
                assertThat(clusters.standby().apps().deployments().inNamespace(app + "-drill").withName("web").get().getSpec().getReplicas())
                        .as("the drill's copy serves").isEqualTo(2);
            }
            invariants.check(before, runs, scenario == Scenario.DRILL);
            if (scenario == Scenario.PLANNED || scenario == Scenario.UNPLANNED) {
                runs.add(runUnkilled(Scenario.FAILBACK));
                invariants.check(before, runs, false);
            }
            if (scenario == Scenario.DRILL) {
                clusters.await("the drill's namespace is cleaned up", WAIT,
                        () -> assertThat(clusters.standby().namespaces().withName(app + "-drill").get()).isNull());
            }
            assertThat(monitor.bothUp()).as("the application never served from both sites").isEmpty();
            record(new Outcome(scenario.label, step.name(), hold(step).getClass().getSimpleName(), landed,
                    Duration.between(started, Instant.now()).toSeconds(), "pass"));
        } catch (AssertionError | RuntimeException e) {
            record(new Outcome(scenario.label, step.name(), hold(step).getClass().getSimpleName(), landed,
                    Duration.between(started, Instant.now()).toSeconds(), "FAIL: " + firstLine(e)));
            System.err.println(clusters.report("kill point " + scenario.label + "/" + step.name()));
            throw e;
        } finally {
            if (!operator.alive()) {
                operator.start();
            }
            resetAfterFailure();
        }
    }

    /** After a failed kill point, best effort: the primary serving again and no drill copy left, so that the next one is independent. */
    private void resetAfterFailure() {
        try {
            clusters.await("no Failover of the plan runs", WAIT, () -> assertThat(clusters.standby().resources(DisasterRecoveryPlan.class)
                    .inNamespace(ns).withName(PLAN).get().getStatus().getActiveFailover()).isNull());
            if (invariants.activeSite() != Site.PRIMARY) {
                runUnkilled(Scenario.FAILBACK);
            }
            clusters.await("no drill copy is left", WAIT,
                    () -> assertThat(clusters.standby().namespaces().withName(app + "-drill").get()).isNull());
        } catch (AssertionError | RuntimeException e) {
            System.err.println("[chaos] could not reset after the kill point: " + firstLine(e));
        }
    }

    record Killed(ExpectedRun run, String landed) {
    }

    private ExpectedRun runUnkilled(Scenario scenario) {
        String name = scenario.label.toLowerCase() + "-" + serial.incrementAndGet();
        Failover failover = failover(scenario, name, APPROVALS);
        List<String> expected = names(registry.sequence(run(failover)));
        clusters.standby().resource(failover).create();
        awaitCompleted(name);
        return new ExpectedRun(name, expected, Set.of(), jobs(expected));
    }

    private Killed runKilled(Scenario scenario, Step step) {
        String name = scenario.label.toLowerCase() + "-" + serial.incrementAndGet();
        Hold hold = hold(step);
        List<String> approvals = hold instanceof Hold.Approval a ? APPROVALS.stream().filter(x -> !x.equals(a.action())).toList() : APPROVALS;
        Failover failover = failover(scenario, name, approvals);
        List<String> expected = names(registry.sequence(run(failover)));
        KubernetesClient target = clusters.client(scenario.to);
        KubernetesClient source = clusters.client(scenario.from);
        String heldPod = null;
        if (hold instanceof Hold.NodeLabel l) {
            for (Node node : target.nodes().list().getItems()) {
                label(target, node.getMetadata().getName(), l.key(), null);
            }
        } else if (hold instanceof Hold.PodFinalizer) {
            Pod pod = source.pods().inNamespace(app).withLabel("app", "web").list().getItems().stream().findFirst()
                    .orElseThrow(() -> new AssertionError("no Pod of web on " + scenario.from.siteName() + " to hold"));
            heldPod = pod.getMetadata().getName();
            source.pods().inNamespace(app).withName(heldPod).edit(p -> {
                p.getMetadata().getFinalizers().add(HOLD_FINALIZER);
                return p;
            });
        }
        CountDownLatch killedAtStart = new CountDownLatch(1);
        Watch watch = null;
        if (hold instanceof Hold.AtStart) {
            watch = clusters.standby().v1().events().inNamespace(ns).watch(new Watcher<>() {
                @Override
                public void eventReceived(Action action, Event e) {
                    if (killedAtStart.getCount() > 0 && "StepStarted".equals(e.getReason()) && name.equals(e.getInvolvedObject().getName())
                            && (step.name() + " started").equals(e.getMessage())) {
                        operator.kill();
                        killedAtStart.countDown();
                    }
                }

                @Override
                public void onClose(WatcherException cause) {
                }
            });
        }
        try {
            clusters.standby().resource(failover).create();
            if (hold instanceof Hold.AtStart) {
                try {
                    assertThat(killedAtStart.await(WAIT.toSeconds(), TimeUnit.SECONDS)).as(step.name() + " started").isTrue();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                }
            } else {
                clusters.await(step.name() + " of " + name + " is Running", WAIT, () -> assertThat(stepState(name, step.name()))
                        .isEqualTo(StepState.RUNNING));
                operator.kill();
            }
        } finally {
            if (watch != null) {
                watch.close();
            }
        }
        StepState state = stepState(name, step.name());
        // A quick step (Validate) may have finished before the kill landed, and the next one may have started
        // (its StepStarted event sent) without its start saved: that one starts again after the restart.
        Set<String> unsaved = firstUnfinished(name, expected).filter(s -> stepState(name, s) == null).map(Set::of).orElse(Set.of());
        String landed = state == null ? "before its start was saved" : state == StepState.RUNNING ? "while Running" : "after it had finished (" + state + ")";
        System.out.printf(Instant.now() + " [chaos] %s: SIGKILL in %s landed %s%n", name, step.name(), landed);
        operator.start();
        // Released only now: the restarted operator has to pick the step up where it was.
        if (hold instanceof Hold.NodeLabel l) {
            for (Node node : target.nodes().list().getItems()) {
                label(target, node.getMetadata().getName(), l.key(), "open");
            }
        } else if (hold instanceof Hold.PodFinalizer) {
            Pod held = source.pods().inNamespace(app).withName(heldPod).get();
            if (held != null) {
                source.pods().inNamespace(app).withName(heldPod).edit(p -> {
                    p.getMetadata().getFinalizers().remove(HOLD_FINALIZER);
                    return p;
                });
            }
        } else if (hold instanceof Hold.Approval) {
            clusters.standby().resources(Failover.class).inNamespace(ns).withName(name).edit(f -> {
                f.getMetadata().getAnnotations().put(APPROVE, String.join(",", APPROVALS));
                return f;
            });
        }
        awaitCompleted(name);
        return new Killed(new ExpectedRun(name, expected, unsaved, jobs(expected)), landed);
    }

    private Failover awaitCompleted(String name) {
        clusters.await(name + " completes", WAIT, () -> {
            Failover f = clusters.standby().resources(Failover.class).inNamespace(ns).withName(name).get();
            assertThat(f.getStatus()).isNotNull();
            assertThat(f.getStatus().getPhase()).as(f.getStatus().getMessage()).isNotEqualTo(FailoverPhase.FAILED);
            assertThat(f.getStatus().getPhase()).isEqualTo(FailoverPhase.COMPLETED);
        });
        return clusters.standby().resources(Failover.class).inNamespace(ns).withName(name).get();
    }

    // ------------------------------------------------------------------------------------------
    // The steps, from the operator's registry

    /** The registry with steps that are only asked their names and types (their collaborators are not needed for that). */
    private static StepRegistry registry() {
        return (StepRegistry) make(StepRegistry.class);
    }

    /** An instance made with null collaborators, its steps made the same way; the first constructor (fewest parameters) that takes them. */
    private static Object make(Class<?> type) {
        List<Constructor<?>> constructors = Arrays.stream(type.getConstructors())
                .sorted((a, b) -> a.getParameterCount() - b.getParameterCount()).toList();
        RuntimeException last = new IllegalStateException(type + " has no public constructor");
        for (Constructor<?> constructor : constructors) {
            try {
                Object[] args = Arrays.stream(constructor.getParameterTypes())
                        .map(p -> Step.class.isAssignableFrom(p) || p == ActionSteps.class ? make(p) : null).toArray();
                return constructor.newInstance(args);
            } catch (ReflectiveOperationException | RuntimeException e) {
                last = new IllegalStateException("cannot make " + type + " with null collaborators", e);
            }
        }
        throw last;
    }

    private FailoverRun run(Failover failover) {
        Failover copy = YAML.clone(failover);
        copy.setStatus(new FailoverStatus());
        copy.getStatus().setSteps(new ArrayList<>());
        DisasterRecoveryPlan plan = clusters.standby().resources(DisasterRecoveryPlan.class).inNamespace(ns).withName(PLAN).get();
        return new FailoverRun(copy, plan, null, Instant.now());
    }

    private static List<String> names(List<Step> steps) {
        return steps.stream().map(Step::name).toList();
    }

    /** What this test's fixture can hold the step with; a step it does not know is killed at its start. */
    static Hold hold(Step step) {
        if (step instanceof ActionStep action) {
            if (action.action().getApproval() != null) {
                return new Hold.Approval(action.action().getName());
            }
            if (action.action().getJob() != null) {
                return new Hold.NodeLabel(HOLD_LABEL + "jobs");
            }
        }
        if (step instanceof ScaleUpWaveStep) {
            return new Hold.NodeLabel(HOLD_LABEL + step.name().substring(step.name().indexOf('/') + 1));
        }
        if (step instanceof QuiesceStep) {
            return new Hold.PodFinalizer();
        }
        return new Hold.AtStart();
    }

    private static int jobs(List<String> steps) {
        return (int) steps.stream().filter(s -> s.endsWith("/promote")).count();
    }

    // ------------------------------------------------------------------------------------------
    // Fixture

    /** The application: a data wave (db), an app wave (web), the rest (worker, a CronJob) and their configuration. */
    private static String application(String app) {
        return """
                apiVersion: apps/v1
                kind: StatefulSet
                metadata: {name: db, namespace: %1$s, labels: {tier: data}}
                spec:
                  replicas: 1
                  serviceName: db
                  selector: {matchLabels: {app: db}}
                  template:
                    metadata: {labels: {app: db}}
                    spec: {nodeSelector: {chaos.pilotlight.io/data: open}, containers: [{name: db, image: registry.invalid/db:1}]}
                ---
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: web, namespace: %1$s, labels: {tier: app}}
                spec:
                  replicas: 2
                  selector: {matchLabels: {app: web}}
                  template:
                    metadata: {labels: {app: web}}
                    spec: {nodeSelector: {chaos.pilotlight.io/apps: open}, containers: [{name: web, image: registry.invalid/web:1}]}
                ---
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: worker, namespace: %1$s}
                spec:
                  replicas: 1
                  selector: {matchLabels: {app: worker}}
                  template:
                    metadata: {labels: {app: worker}}
                    spec: {nodeSelector: {chaos.pilotlight.io/remaining: open}, containers: [{name: worker, image: registry.invalid/worker:1}]}
                ---
                apiVersion: batch/v1
                kind: CronJob
                metadata: {name: report, namespace: %1$s}
                spec:
                  schedule: "*/5 * * * *"
                  jobTemplate:
                    spec:
                      template:
                        spec: {restartPolicy: Never, containers: [{name: report, image: registry.invalid/report:1}]}
                ---
                apiVersion: v1
                kind: ConfigMap
                metadata: {name: settings, namespace: %1$s}
                data: {color: blue}
                ---
                apiVersion: v1
                kind: Secret
                metadata: {name: app-credentials, namespace: %1$s}
                stringData: {password: not-a-real-one}
                ---
                apiVersion: v1
                kind: Service
                metadata: {name: web, namespace: %1$s}
                spec: {selector: {app: web}, ports: [{port: 80}]}
                """.formatted(app);
    }

    private DisasterRecoveryPlan plan() {
        String yaml = """
                apiVersion: pilotlight.io/v1alpha1
                kind: DisasterRecoveryPlan
                metadata: {name: %1$s, namespace: %2$s, labels: {%3$s: "%4$s"}}
                spec:
                  primary: {name: dc1, kubeconfigSecretRef: {name: primary-kubeconfig}}
                  standby: {name: dc2}
                  protect: {namespaces: [%5$s]}
                  objectives: {rpo: 1h, rto: 15m}
                  # 5s: on a loaded CI host a cold client's first answer from a live primary can take over 1s, and an
                  # Unplanned Fence that gets none goes on without parking it (a slow primary is a fault of its own).
                  healthCheck: {interval: 5s, timeout: 5s}
                  traffic: {externalDNS: {dnsEndpointName: shop, recordName: app.pilotlight.test, primaryTargets: [192.0.2.10], standbyTargets: [198.51.100.20]}}
                  failover:
                    readinessTimeout: 3m
                    drill: {ttl: 5s}
                    beforeQuiesce: [{name: checkpoint, approval: {}}]
                    waves:
                      - name: data
                        selector: {matchLabels: {tier: data}}
                        after:
                          - name: promote
                            job:
                              namespace: %5$s
                              template: {backoffLimit: 0, template: {spec: {restartPolicy: Never, nodeSelector: {chaos.pilotlight.io/jobs: open},
                                         containers: [{name: promote, image: registry.invalid/promote:1}]}}}
                      - {name: apps, selector: {matchLabels: {tier: app}}}
                    beforeSwitchTraffic: [{name: go-live, approval: {}}]
                """.formatted(PLAN, ns, OperatorTestResource.RUN_LABEL, OperatorTestResource.runId(), app);
        return YAML.unmarshal(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)), DisasterRecoveryPlan.class);
    }

    private Failover failover(Scenario scenario, String name, List<String> approvals) {
        String annotations = approvals == null || approvals.isEmpty() ? "{}" : "{" + APPROVE + ": \"" + String.join(",", approvals) + "\"}";
        String yaml = """
                apiVersion: pilotlight.io/v1alpha1
                kind: Failover
                metadata: {name: %s, namespace: %s, labels: {%s: "%s"}, annotations: %s}
                spec: %s
                """.formatted(name, ns, OperatorTestResource.RUN_LABEL, OperatorTestResource.runId(), annotations,
                scenario.spec.replaceFirst("\\{", "{planRef: {name: " + PLAN + "}, "));
        return YAML.unmarshal(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)), Failover.class);
    }

    private List<Failover> failovers() {
        return clusters.standby().resources(Failover.class).inNamespace(ns).list().getItems();
    }

    /** The first of the steps that has not succeeded or been skipped in the Failover's status. */
    private Optional<String> firstUnfinished(String failover, List<String> steps) {
        return steps.stream().filter(s -> {
            StepState st = stepState(failover, s);
            return st != StepState.SUCCEEDED && st != StepState.SKIPPED;
        }).findFirst();
    }

    private StepState stepState(String failover, String step) {
        Failover f = clusters.standby().resources(Failover.class).inNamespace(ns).withName(failover).get();
        if (f == null || f.getStatus() == null || f.getStatus().getSteps() == null) {
            return null;
        }
        return f.getStatus().getSteps().stream().filter(s -> step.equals(s.getName())).map(FailoverStep::getState).findFirst().orElse(null);
    }

    private String condition(String type) {
        DisasterRecoveryPlan p = clusters.standby().resources(DisasterRecoveryPlan.class).inNamespace(ns).withName(PLAN).get();
        if (p == null || p.getStatus() == null || p.getStatus().getConditions() == null) {
            return null;
        }
        return p.getStatus().getConditions().stream().filter(c -> type.equals(c.getType())).map(c -> String.valueOf(c.getStatus()))
                .findFirst().orElse(null);
    }

    private String conditionMessage(String type) {
        DisasterRecoveryPlan p = clusters.standby().resources(DisasterRecoveryPlan.class).inNamespace(ns).withName(PLAN).get();
        return p == null || p.getStatus() == null || p.getStatus().getConditions() == null ? null : p.getStatus().getConditions().stream()
                .filter(c -> type.equals(c.getType())).map(c -> c.getMessage()).findFirst().orElse(null);
    }

    private static void create(KubernetesClient client, String yaml) {
        for (HasMetadata item : client.load(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8))).items()) {
            client.resource(item).create();
        }
    }

    /** Sets (value) or removes (null) a node label by a JSON merge patch. */
    private static void label(KubernetesClient client, String node, String key, String value) {
        String patch = "{\"metadata\":{\"labels\":{\"" + key + "\":" + (value == null ? "null" : "\"" + value + "\"") + "}}}";
        client.nodes().withName(node).patch(PatchContext.of(PatchType.JSON_MERGE), patch);
    }

    private void record(Outcome outcome) {
        outcomes.add(outcome);
        try {
            writeMatrix(false);
        } catch (IOException e) {
            System.err.println("cannot write the matrix: " + e.getMessage());
        }
    }

    private void writeMatrix() throws IOException {
        writeMatrix(true);
    }

    private void writeMatrix(boolean print) throws IOException {
        StringBuilder out = new StringBuilder(String.format("%-10s %-36s %-13s %-28s %6s  %s%n", "scenario", "step", "hold", "kill landed",
                "secs", "result"));
        for (Outcome o : outcomes) {
            out.append(String.format("%-10s %-36s %-13s %-28s %6d  %s%n", o.scenario(), o.step(), o.hold(), o.landed(), o.seconds(), o.result()));
        }
        Path file = Path.of("target", "chaos", "kill-points.txt");
        Files.createDirectories(file.getParent());
        Files.writeString(file, out.toString());
        if (print) {
            System.out.println("[chaos] kill points:\n" + out);
        }
    }

    private static String firstLine(Throwable e) {
        String m = String.valueOf(e.getMessage());
        int nl = m.indexOf('\n');
        return (nl < 0 ? m : m.substring(0, nl)).replaceAll("\\s+", " ");
    }
}
