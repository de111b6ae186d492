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
                List.of(primaryKubeconfig, clusters.clusters().kubeconfigContent(Site.STANDBY)), operator::allLogs);
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
        String name = "Outage/standby-api-30s-in-ScaleUp/data";
        String selection = System.getProperty("pilotlight-tests.kill-points", "ci");
        if (!selection.equals("all") && !Set.of(selection.split(",")).contains(name)) {
            return Stream.empty();
        }
        return Stream.of(DynamicTest.dynamicTest(name, this::standbyOutageInAWave));
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
    @Order(6)
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
        String selection = System.getProperty("pilotlight-tests.kill-points", "ci");
        Set<String> chosen = selection.equals("ci") ? CI : selection.equals("all") ? null : Set.of(selection.split(","));
        return steps.stream().filter(s -> chosen == null || chosen.contains(scenario.label + "/" + s.name()))
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
        Set<String> restarted = state == null ? Set.of(step.name()) : Set.of();
        return new Killed(new ExpectedRun(name, expected, restarted, jobs(expected)), landed);
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
