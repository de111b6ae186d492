package io.pilotlight.integration;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.pilotlight.api.v1alpha1.ConditionStatus;
import io.pilotlight.api.v1alpha1.ConditionTypes;
import io.pilotlight.api.v1alpha1.DisasterRecoveryPlan;
import io.pilotlight.api.v1alpha1.Failover;
import io.pilotlight.api.v1alpha1.Reasons;
import io.pilotlight.api.v1alpha1.failover.FailoverPhase;
import io.pilotlight.api.v1alpha1.failover.FailoverStep;
import io.pilotlight.api.v1alpha1.failover.StepState;
import io.pilotlight.failover.actions.ApprovalGate;
import io.pilotlight.failover.actions.JobAction;
import io.pilotlight.testsupport.OperatorTestResource;
import io.pilotlight.testsupport.TestClusters;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A plan's recovery actions in real failovers between the two local clusters (the operator in the
 * standby): a Job after the data wave, an HTTP check of a server this test runs on 127.0.0.1 (allowed
 * in the test profile), an approval gate, and failing Jobs. kwok completes a Job's Pods at once; a
 * failing Job is one whose Pod no node can take (a nodeSelector no node has) with a short
 * activeDeadlineSeconds, so the Job controller fails it with DeadlineExceeded.
 */
@QuarkusTest
@QuarkusTestResource(value = OperatorTestResource.class, restrictToAnnotatedClass = false)
class RecoveryActionsTest {

    private static final Duration WAIT = Duration.ofSeconds(180);
    private static final String PLAN = "shop";
    private static final String PROMOTE = "Action/data/after/promote";
    private static final String CHECKPOINT = "Action/Quiesce/before/checkpoint";

    private AppScene scene;
    private TestClusters clusters;
    private String ns;
    private String app;
    private HttpServer health;
    private final AtomicInteger healthCalls = new AtomicInteger();

    @BeforeEach
    void setUp() throws IOException {
        scene = AppScene.open("act");
        clusters = scene.clusters();
        ns = scene.ns();
        app = scene.app();
        clusters.onFailure(() -> "Jobs on the standby:\n" + PlanFixtures.yaml(clusters.standby().batch().v1().jobs().inNamespace(app)
                .list().getItems().stream().map(j -> Map.of("name", j.getMetadata().getName(), "status", j.getStatus())).toList()));
        health = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        health.createContext("/healthz", x -> {
            healthCalls.incrementAndGet();
            byte[] body = "status: ok".getBytes(StandardCharsets.UTF_8);
            x.sendResponseHeaders(200, body.length);
            x.getResponseBody().write(body);
            x.close();
        });
        health.start();
        PlanFixtures.create(clusters.primary(), """
                apiVersion: apps/v1
                kind: StatefulSet
                metadata: {name: db, namespace: %1$s, labels: {tier: data}}
                spec:
                  replicas: 1
                  serviceName: db
                  selector: {matchLabels: {app: db}}
                  template:
                    metadata: {labels: {app: db}}
                    spec: {containers: [{name: db, image: registry.invalid/db:1}]}
                ---
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: web, namespace: %1$s, labels: {tier: app}}
                spec:
                  replicas: 2
                  selector: {matchLabels: {app: web}}
                  template:
                    metadata: {labels: {app: web}}
                    spec: {containers: [{name: web, image: registry.invalid/web:1}]}
                """.formatted(app));
    }

    @AfterEach
    void tearDown() {
        health.stop(0);
        scene.close(WAIT, app + "-drill");
    }

    @Test
    void aPlannedFailoverRunsItsJobChecksTheNewSiteAndWaitsForApprovalBeforeTheTrafficSwitch() {
        scene.plans().resource(plan("""
                {readinessTimeout: 2m,
                 beforeQuiesce: [{name: checkpoint, job: {namespace: %1$s,
                          template: {template: {spec: {restartPolicy: Never, containers: [{name: checkpoint, image: registry.invalid/checkpoint:1}]}}}}}],
                 waves: [{name: data, selector: {matchLabels: {tier: data}}, after: [{name: promote, job: {namespace: %1$s,
                          template: {backoffLimit: 0, template: {spec: {restartPolicy: Never, containers: [{name: promote, image: registry.invalid/promote:1}]}}}}}]},
                         {name: apps, selector: {matchLabels: {tier: app}}}],
                 beforeSwitchTraffic: [{name: health, httpGet: {url: 'http://127.0.0.1:%2$d/healthz', bodyContains: ok}},
                                       {name: go-live, approval: {message: check the shop's front page}}]}
                """.formatted(app, health.getAddress().getPort()))).create();
        awaitInSync();

        scene.failovers().resource(failover("go", "{type: Planned}")).create();
        clusters.await("the Failover waits for its approval", WAIT, () -> {
            Failover go = scene.failovers().withName("go").get();
            assertThat(go.getStatus().getPhase()).isEqualTo(FailoverPhase.WAITING_APPROVAL);
            assertThat(go.getStatus().getMessage()).contains("waiting for approval go-live (check the shop's front page)",
                    "kubectl annotate failover go -n " + ns + " --overwrite pilotlight.io/approve=go-live");
        });
        Failover waiting = scene.failovers().withName("go").get();
        assertThat(waiting.getStatus().getSteps()).extracting(FailoverStep::getName).containsExactly("Validate", CHECKPOINT, "Quiesce", "FinalSync",
                "PauseSync", "ScaleUp/data", PROMOTE, "ScaleUp/apps", "ScaleUp/remaining", "Action/SwitchTraffic/before/health",
                "Action/SwitchTraffic/before/go-live");
        FailoverStep promote = PlanFixtures.step(waiting, PROMOTE);
        String jobName = JobAction.jobName(waiting, PROMOTE);
        assertThat(promote.getMessage()).isEqualTo("Job " + app + "/" + jobName + " completed");
        assertThat(Instant.parse(promote.getFinishedAt())).as("the Job completed before the app wave started")
                .isBeforeOrEqualTo(Instant.parse(PlanFixtures.step(waiting, "ScaleUp/apps").getStartedAt()));
        assertThat(PlanFixtures.step(waiting, "Action/SwitchTraffic/before/health").getMessage()).endsWith("passed; the body matched")
                .doesNotContain("status: ok");
        assertThat(healthCalls.get()).isEqualTo(1);
        assertThat(dnsEndpoint()).as("traffic is not switched yet").isNull();
        Job job = clusters.standby().batch().v1().jobs().inNamespace(app).withName(jobName).get();
        assertThat(job.getMetadata().getLabels()).containsEntry(JobAction.FAILOVER_UID, waiting.getMetadata().getUid());
        assertThat(clusters.primary().batch().v1().jobs().inNamespace(app).list().getItems()).as("the source runs only its checkpoint")
                .extracting(j -> j.getMetadata().getName()).containsExactly(JobAction.jobName(waiting, CHECKPOINT));
        assertThat(PlanFixtures.step(waiting, CHECKPOINT).getMessage()).endsWith(" completed");
        assertThat(Instant.parse(PlanFixtures.step(waiting, CHECKPOINT).getFinishedAt())).as("on the source while it served")
                .isBeforeOrEqualTo(Instant.parse(PlanFixtures.step(waiting, "Quiesce").getStartedAt()));

        // As after an operator restart that lost the step's end: the step runs again and finds its Job.
        // Optimistic locking keeps the operator's own status writes; a conflict with one is tried again.
        clusters.await("the promote step is marked running again", WAIT, () -> scene.failovers().withName("go").editStatus(f -> {
            FailoverStep s = PlanFixtures.step(f, PROMOTE);
            s.setState(StepState.RUNNING);
            s.setFinishedAt(null);
            return f;
        }));
        clusters.await("the promote step runs again", WAIT, () -> {
            FailoverStep again = PlanFixtures.step(scene.failovers().withName("go").get(), PROMOTE);
            assertThat(again.getState()).isEqualTo(StepState.SUCCEEDED);
            assertThat(again.getFinishedAt()).isNotNull();
        });
        List<Job> jobs = clusters.standby().batch().v1().jobs().inNamespace(app)
                .withLabel(JobAction.FAILOVER_UID, waiting.getMetadata().getUid()).list().getItems();
        assertThat(jobs).as("the Job is found again, not made twice").singleElement()
                .satisfies(j -> assertThat(j.getMetadata().getUid()).isEqualTo(job.getMetadata().getUid()));

        // As kubectl annotate does: a merge patch, which the operator's concurrent status writes do not conflict with.
        scene.failovers().withName("go").patch(PatchContext.of(PatchType.JSON_MERGE),
                "{\"metadata\": {\"annotations\": {\"" + ApprovalGate.ANNOTATION + "\": \"go-live\"}}}");
        Failover go = awaitEnded("go", FailoverPhase.COMPLETED);
        assertThat(PlanFixtures.step(go, "Action/SwitchTraffic/before/go-live").getMessage()).isEqualTo("approved (annotation pilotlight.io/approve)");
        assertThat(dnsTargets()).containsExactly("198.51.100.20");
    }

    @Test
    void aDrillRunsItsWaveActionsInItsCopiesOnly() {
        scene.plans().resource(plan("""
                {readinessTimeout: 2m,
                 waves: [{name: data, selector: {matchLabels: {tier: data}}, after: [{name: promote, job: {namespace: %s,
                          template: {template: {spec: {restartPolicy: Never, containers: [{name: promote, image: registry.invalid/promote:1}]}}}}}]}],
                 beforeSwitchTraffic: [{name: go-live, approval: {}}]}
                """.formatted(app))).create();
        awaitInSync();

        scene.failovers().resource(failover("drill", "{type: Drill}")).create();
        Failover drill = awaitEnded("drill", FailoverPhase.COMPLETED);
        assertThat(drill.getStatus().getSteps()).extracting(FailoverStep::getName).as("no traffic switch, so no approval before it")
                .containsExactly("Validate", "DrillCopy", "ScaleUp/data", PROMOTE, "ScaleUp/remaining");
        String jobName = JobAction.jobName(drill, PROMOTE);
        assertThat(PlanFixtures.step(drill, PROMOTE).getMessage()).isEqualTo("Job " + app + "-drill/" + jobName + " completed");
        assertThat(clusters.standby().batch().v1().jobs().inNamespace(app + "-drill").withName(jobName).get()).isNotNull();
        assertThat(clusters.standby().batch().v1().jobs().inNamespace(app).list().getItems()).as("not in the parked copy").isEmpty();
        assertThat(clusters.primary().batch().v1().jobs().inNamespace(app).list().getItems()).as("never on the primary").isEmpty();
    }

    @Test
    void aFailedActionGoesOnWithContinueAndStopsTheFailoverWithFail() {
        String failing = "{namespace: " + app + ", template: {backoffLimit: 0, activeDeadlineSeconds: 3, template: {spec: {restartPolicy: Never,"
                + " nodeSelector: {no-such-node: 'true'}, containers: [{name: x, image: registry.invalid/x:1}]}}}}";
        scene.plans().resource(plan("{readinessTimeout: 2m, waves: [{name: data, selector: {matchLabels: {tier: data}},"
                + " after: [{name: warm-cache, onFailure: Continue, job: " + failing + "}]}],"
                + " beforeSwitchTraffic: [{name: smoke-test, job: " + failing + "}]}")).create();
        awaitInSync();

        scene.failovers().resource(failover("go", "{type: Planned}")).create();
        Failover go = awaitEnded("go", FailoverPhase.FAILED);
        FailoverStep warm = PlanFixtures.step(go, "Action/data/after/warm-cache");
        assertThat(warm.getState()).isEqualTo(StepState.SUCCEEDED);
        assertThat(warm.getMessage()).startsWith("action warm-cache failed: Job " + app + "/")
                .contains("failed (DeadlineExceeded)").endsWith("onFailure is Continue, so the failover goes on");
        assertThat(PlanFixtures.step(go, "ScaleUp/remaining").getState()).as("the failover went on").isEqualTo(StepState.SUCCEEDED);
        FailoverStep smoke = PlanFixtures.step(go, "Action/SwitchTraffic/before/smoke-test");
        assertThat(smoke.getState()).isEqualTo(StepState.FAILED);
        assertThat(go.getStatus().getMessage()).startsWith("Action/SwitchTraffic/before/smoke-test: action smoke-test failed: Job ")
                .endsWith("failed (DeadlineExceeded)");
        assertThat(go.getStatus().getConditions()).anySatisfy(c -> {
            assertThat(c.getType()).isEqualTo(ConditionTypes.STALLED);
            assertThat(c.getReason()).isEqualTo(Reasons.ACTION_FAILED);
        });
        assertThat(go.getStatus().getSteps()).extracting(FailoverStep::getName).doesNotContain("SwitchTraffic");
        assertThat(clusters.standby().batch().v1().jobs().inNamespace(app).withLabel(JobAction.FAILOVER_UID, go.getMetadata().getUid())
                .list().getItems()).as("one Job per action, although each step was run again while its Job ran")
                .extracting(j -> j.getMetadata().getName()).containsExactlyInAnyOrder(JobAction.jobName(go, "Action/data/after/warm-cache"),
                        JobAction.jobName(go, "Action/SwitchTraffic/before/smoke-test"));
        assertThat(dnsEndpoint()).as("traffic was not switched").isNull();
    }

    private void awaitInSync() {
        clusters.await("the standby is in sync", WAIT, () -> assertThat(
                PlanFixtures.condition(clusters.standby(), ns, PLAN, ConditionTypes.STANDBY_IN_SYNC).getStatus())
                .isEqualTo(ConditionStatus.TRUE));
    }

    private Failover awaitEnded(String name, FailoverPhase phase) {
        clusters.await("Failover " + name + " ends " + phase, WAIT, () -> {
            Failover f = scene.failovers().withName(name).get();
            assertThat(f.getStatus()).isNotNull();
            assertThat(f.getStatus().getPhase()).as(() -> "message: " + f.getStatus().getMessage()).isEqualTo(phase);
        });
        return scene.failovers().withName(name).get();
    }

    private GenericKubernetesResource dnsEndpoint() {
        return clusters.standby().genericKubernetesResources("externaldns.k8s.io/v1alpha1", "DNSEndpoint").inNamespace(ns)
                .withName(PLAN).get();
    }

    @SuppressWarnings("unchecked")
    private List<String> dnsTargets() {
        GenericKubernetesResource d = dnsEndpoint();
        assertThat(d).as("DNSEndpoint " + ns + "/" + PLAN).isNotNull();
        Map<String, Object> spec = (Map<String, Object>) d.getAdditionalProperties().get("spec");
        List<Map<String, Object>> endpoints = (List<Map<String, Object>>) spec.get("endpoints");
        return (List<String>) endpoints.get(0).get("targets");
    }

    private DisasterRecoveryPlan plan(String failover) {
        return PlanFixtures.plan(ns, PLAN, app, "velero", Map.of("protect", "{namespaces: [" + app + "]}", "backup", "{enabled: false}",
                "failover", failover.replace('\n', ' '),
                "traffic", "{externalDNS: {dnsEndpointName: shop, recordName: app.pilotlight.test, primaryTargets: [192.0.2.10],"
                        + " standbyTargets: [198.51.100.20]}}"));
    }

    private Failover failover(String name, String spec) {
        return PlanFixtures.failover(ns, PLAN, name, spec);
    }

}
