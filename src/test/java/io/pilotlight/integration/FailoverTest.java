package io.pilotlight.integration;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.pilotlight.api.v1alpha1.ConditionStatus;
import io.pilotlight.api.v1alpha1.ConditionTypes;
import io.pilotlight.api.v1alpha1.DisasterRecoveryPlan;
import io.pilotlight.api.v1alpha1.Failover;
import io.pilotlight.api.v1alpha1.FailoverStatus;
import io.pilotlight.api.v1alpha1.Reasons;
import io.pilotlight.api.v1alpha1.failover.FailoverPhase;
import io.pilotlight.api.v1alpha1.failover.FailoverStep;
import io.pilotlight.api.v1alpha1.failover.FailoverType;
import io.pilotlight.failover.steps.ReadinessWatches;
import io.pilotlight.testsupport.ApiRequests;
import io.pilotlight.testsupport.Bind9Server;
import io.pilotlight.testsupport.FakeVelero;
import io.pilotlight.testsupport.LocalClusters.Site;
import io.pilotlight.testsupport.OperatorTestResource;
import io.pilotlight.testsupport.TestClusters;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.Type;

/**
 * Failovers against the two local clusters: the operator runs in the standby, the plan keeps a
 * parked copy of one namespace there, and a Failover brings it up.
 */
@QuarkusTest
@QuarkusTestResource(value = OperatorTestResource.class, restrictToAnnotatedClass = false)
class FailoverTest {

    private static final Duration WAIT = Duration.ofSeconds(180);
    private static final KubernetesSerialization JSON = new KubernetesSerialization();
    private static final String PLAN = "shop";
    private static final String TRAFFIC = "{externalDNS: {dnsEndpointName: shop, recordName: app.pilotlight.test, primaryTargets: [192.0.2.10], "
            + "standbyTargets: [198.51.100.20]}}";

    @Inject
    ReadinessWatches readiness;

    private AppScene scene;
    private TestClusters clusters;
    private String ns;
    private String app;

    @BeforeEach
    void setUp() {
        scene = AppScene.open("fo");
        clusters = scene.clusters();
        ns = scene.ns();
        app = scene.app();
        clusters.onFailure(() -> "Deployments on the standby:\n" + PlanFixtures.yaml(clusters.standby().apps().deployments()
                .inNamespace(app).list().getItems().stream().map(d -> Map.of("name", d.getMetadata().getName(),
                        "replicas", String.valueOf(d.getSpec().getReplicas()), "status", d.getStatus())).toList()));
    }

    @AfterEach
    void tearDown() {
        scene.close(WAIT, app + "-drill");
    }

    @Test
    void plannedFailoverScalesUpInWavesSwitchesTrafficAndFailsBack() {
        KubernetesClient primary = clusters.primary();
        KubernetesClient standby = clusters.standby();
        PlanFixtures.create(primary, """
                apiVersion: apps/v1
                kind: StatefulSet
                metadata: {name: db, namespace: %1$s, labels: {tier: data}}
                spec:
                  replicas: 2
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
                  replicas: 3
                  selector: {matchLabels: {app: web}}
                  template:
                    metadata: {labels: {app: web}}
                    spec: {containers: [{name: web, image: registry.invalid/web:1}]}
                ---
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: api, namespace: %1$s, labels: {tier: app}}
                spec:
                  replicas: 2
                  selector: {matchLabels: {app: api}}
                  template:
                    metadata: {labels: {app: api}}
                    spec: {containers: [{name: api, image: registry.invalid/api:1}]}
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
                """.formatted(app));
        scene.plans().resource(plan(Map.of(
                "failover", "{readinessTimeout: 2m, waves: [{name: data, selector: {matchLabels: {tier: data}}},"
                        + " {name: apps, selector: {matchLabels: {tier: app}}}]}",
                "traffic", TRAFFIC, "sync", "{mode: Continuous, interval: 10s}"))).create();
        awaitInSync();

        scene.failovers().resource(failover("go", "{type: Planned}")).create();
        clusters.await("the first Failover holds the plan", WAIT,
                () -> assertThat(plan().getStatus().getActiveFailover()).isEqualTo("go"));
        scene.failovers().resource(failover("second", "{type: Planned}")).create();
        clusters.await("the second Failover is refused", WAIT, () -> {
            Failover second = scene.failovers().withName("second").get();
            assertThat(second.getStatus().getPhase()).isEqualTo(FailoverPhase.FAILED);
            assertThat(second.getStatus().getMessage()).contains("Failover go", "did nothing");
            assertThat(second.getStatus().getConditions()).anySatisfy(c -> assertThat(c.getReason()).isEqualTo(Reasons.CONFLICT));
        });

        Failover go = awaitCompleted("go");
        assertThat(go.getStatus().getSteps()).extracting(FailoverStep::getName).containsExactly("Validate", "Quiesce", "FinalSync",
                "PauseSync", "ScaleUp/data", "ScaleUp/apps", "ScaleUp/remaining", "SwitchTraffic", "Activate");
        assertThat(Instant.parse(PlanFixtures.step(go, "ScaleUp/data").getFinishedAt()))
                .isBeforeOrEqualTo(Instant.parse(PlanFixtures.step(go, "ScaleUp/apps").getStartedAt()));
        assertThat(go.getStatus().getRtoSeconds()).isNotNull().isPositive();
        assertThat(go.getStatus().getRpoSeconds()).as("a Planned failover syncs after quiescing").isZero();
        assertThat(go.getStatus().getProgress()).isEqualTo("3/3 workloads ready");
        assertThat(go.getStatus().getFromSite()).isEqualTo("dc1");
        assertThat(go.getStatus().getToSite()).isEqualTo("dc2");

        assertThat(deployment(standby, "web").getStatus().getAvailableReplicas()).isEqualTo(3);
        assertThat(deployment(standby, "api").getStatus().getAvailableReplicas()).isEqualTo(2);
        StatefulSet db = standby.apps().statefulSets().inNamespace(app).withName("db").get();
        assertThat(db.getSpec().getReplicas()).isEqualTo(2);
        assertThat(db.getMetadata().getAnnotations()).doesNotContainKey("pilotlight.io/parked");
        assertThat(standby.batch().v1().cronjobs().inNamespace(app).withName("report").get().getSpec().getSuspend()).isFalse();

        clusters.await("the quiesced primary is parked, and re-protected as the parked copy", WAIT, () -> {
            Deployment webOnPrimary = deployment(primary, "web");
            assertThat(webOnPrimary.getSpec().getReplicas()).isZero();
            assertThat(webOnPrimary.getMetadata().getAnnotations()).containsEntry("pilotlight.io/primary-replicas", "3");
            assertThat(primary.batch().v1().cronjobs().inNamespace(app).withName("report").get().getSpec().getSuspend()).isTrue();
        });
        assertThat(dnsTargets()).containsExactly("198.51.100.20");

        DisasterRecoveryPlan plan = plan();
        assertThat(plan.getStatus().getActiveSite()).isEqualTo("dc2");
        assertThat(plan.getStatus().getActiveFailover()).isNull();
        assertThat(plan.getStatus().getFencedSite()).as("the quiesced primary stays parked until a failback").isEqualTo("dc1");
        clusters.await("the plan syncs the other way", WAIT, () -> assertThat(plan().getStatus().getSyncDirection())
                .isEqualTo("dc2 → dc1"));
        awaitInSync();

        primary.apps().deployments().inNamespace(app).withName("web").scale(1);
        clusters.await("the re-protected primary is parked again when someone scales it up (the next full pass)", WAIT, () -> {
            Deployment web = deployment(primary, "web");
            assertThat(web.getSpec().getReplicas()).isZero();
            assertThat(web.getMetadata().getAnnotations()).as("the active site's count").containsEntry("pilotlight.io/primary-replicas", "3");
        });

        scene.failovers().resource(failover("back", "{type: Planned, direction: ToPrimary}")).create();
        Failover back = awaitCompleted("back");
        assertThat(back.getStatus().getSteps()).extracting(FailoverStep::getName).containsExactly("Validate", "Quiesce", "FinalSync",
                "PauseSync", "ScaleUp/data", "ScaleUp/apps", "ScaleUp/remaining", "SwitchTraffic", "Activate");
        assertThat(back.getStatus().getRpoSeconds()).as("a failback syncs back after quiescing the standby").isZero();
        Deployment webBack = deployment(primary, "web");
        assertThat(webBack.getSpec().getReplicas()).isEqualTo(3);
        assertThat(webBack.getMetadata().getAnnotations()).doesNotContainKeys("pilotlight.io/parked", "pilotlight.io/parked-by",
                "pilotlight.io/primary-replicas");
        assertThat(primary.batch().v1().cronjobs().inNamespace(app).withName("report").get().getSpec().getSuspend()).isFalse();
        assertThat(dnsTargets()).containsExactly("192.0.2.10");
        assertThat(plan().getStatus().getActiveSite()).isEqualTo("dc1");
        assertThat(plan().getStatus().getFencedSite()).isNull();
        clusters.await("the sync parks the standby again", WAIT, () -> {
            Deployment web = deployment(standby, "web");
            assertThat(web.getSpec().getReplicas()).isZero();
            assertThat(web.getMetadata().getAnnotations()).containsEntry("pilotlight.io/primary-replicas", "3");
            assertThat(PlanFixtures.condition(standby, ns, PLAN, ConditionTypes.STANDBY_IN_SYNC).getStatus())
                    .isEqualTo(ConditionStatus.TRUE);
        });
    }

    /**
     * The plan polls every 10 minutes here, so only an event from its Failover can make it react within
     * the deadlines: when the Failover stops the sync, and when it ends. The reaction times are printed.
     */
    @Test
    void thePlanReactsToItsFailoverAtOnceNotAtItsNextPoll() {
        PlanFixtures.create(clusters.primary(), deploymentYaml("web", 1));
        scene.plans().resource(plan(Map.of("failover", "{readinessTimeout: 2m, beforeSwitchTraffic: [{name: go-live, approval: {}}]}")))
                .create();
        awaitInSync();
        scene.plans().withName(PLAN).edit(p -> {
            p.getSpec().getHealthCheck().setInterval("10m");
            return p;
        });
        clusters.await("the plan saw its 10m interval", WAIT, () -> assertThat(plan().getStatus().getObservedGeneration())
                .isEqualTo(plan().getMetadata().getGeneration()));

        scene.failovers().resource(failover("quick", "{type: Planned}")).create();
        clusters.await("the Failover stopped the sync", WAIT, () -> assertThat(scene.failovers().withName("quick").get().getStatus()
                .getSteps()).extracting(FailoverStep::getName).contains("PauseSync"));
        Instant paused = Instant.now();
        clusters.await("the plan says the Failover stopped its sync", Duration.ofSeconds(15), () -> assertThat(
                PlanFixtures.condition(clusters.standby(), ns, PLAN, ConditionTypes.STANDBY_IN_SYNC).getReason())
                .isEqualTo(Reasons.FAILOVER_IN_PROGRESS));
        Duration toPaused = Duration.between(paused, Instant.now());

        clusters.await("the Failover waits for its approval", WAIT, () -> assertThat(
                scene.failovers().withName("quick").get().getStatus().getPhase()).isEqualTo(FailoverPhase.WAITING_APPROVAL));
        scene.failovers().withName("quick").edit(f -> {
            f.getMetadata().setAnnotations(Map.of("pilotlight.io/approve", "go-live"));
            return f;
        });
        awaitCompleted("quick");
        Instant ended = Instant.now();
        clusters.await("the plan re-protects the primary", Duration.ofSeconds(15), () -> assertThat(
                plan().getStatus().getSyncDirection()).isEqualTo("dc2 → dc1"));
        Duration toEnded = Duration.between(ended, Instant.now());
        System.out.printf("plan reaction: %d ms after the Failover waited for approval (sync stopped), %d ms after it completed%n",
                toPaused.toMillis(), toEnded.toMillis());
    }

    @Test
    void unplannedFailoverGoesWithoutThePrimaryAndParksItWhenItReturns() {
        KubernetesClient primary = clusters.primary();
        KubernetesClient standby = clusters.standby();
        PlanFixtures.create(primary, deploymentYaml("web", 2));
        standby.resource(new SecretBuilder().withNewMetadata().withName("dns-key").withNamespace(ns).endMetadata()
                .addToStringData("keyName", dns().keyName()).addToStringData("secret", dns().secret()).build()).create();
        clusters.onFailure(() -> "named log:\n" + dns().logTail(30));
        scene.plans().resource(plan(Map.of("traffic", "{rfc2136: {server: " + dns().host() + ", port: " + dns().port()
                + ", zone: failover.test, recordName: app.failover.test, recordType: A, ttl: 30,"
                + " primaryAddresses: [192.0.2.10], standbyAddresses: [198.51.100.20], tsigSecretRef: {name: dns-key}}}"))).create();
        awaitInSync();
        assertThat(dns().query("app.failover.test", Type.A)).containsExactly("192.0.2.10");

        clusters.clusters().stop(Site.PRIMARY);
        try {
            scene.failovers().resource(failover("lost", "{type: Unplanned}")).create();
            Failover lost = awaitCompleted("lost");
            assertThat(PlanFixtures.step(lost, "Fence").getMessage()).contains("dc1 fenced without waiting");
            assertThat(lost.getStatus().getRpoSeconds()).isNotNull();
            assertThat(deployment(standby, "web").getStatus().getAvailableReplicas()).isEqualTo(2);
            assertThat(dns().query("app.failover.test", Type.A)).as("BIND answers the standby").containsExactly("198.51.100.20");
            DisasterRecoveryPlan plan = plan();
            assertThat(plan.getStatus().getActiveSite()).isEqualTo("dc2");
            assertThat(plan.getStatus().getFencedSite()).isEqualTo("dc1");
        } finally {
            clusters.clusters().start(Site.PRIMARY);
        }
        clusters.await("the fenced primary is parked when it answers again", WAIT, () -> {
            Deployment web = deployment(primary, "web");
            assertThat(web.getSpec().getReplicas()).isZero();
            assertThat(web.getMetadata().getAnnotations()).containsEntry("pilotlight.io/primary-replicas", "2");
            assertThat(events(PLAN)).anySatisfy(e -> assertThat(e.getReason()).isEqualTo(Reasons.FENCED_SITE_PARKED));
        });
        assertThat(deployment(standby, "web").getSpec().getReplicas()).as("the standby keeps serving").isEqualTo(2);
    }

    @Test
    void drillRunsACopyBesideTheParkedOneAndCleansUp() {
        KubernetesClient primary = clusters.primary();
        KubernetesClient standby = clusters.standby();
        PlanFixtures.create(primary, deploymentYaml("web", 2));
        // 10 s: enough for the reads below, made once the drill completed, before its TTL deletes the copy.
        scene.plans().resource(plan(Map.of("traffic", TRAFFIC, "failover", "{drill: {ttl: 10s}}"))).create();
        awaitInSync();

        scene.failovers().resource(failover("drill", "{type: Drill}")).create();
        Failover drill = awaitCompleted("drill");
        assertThat(drill.getStatus().getSteps()).extracting(FailoverStep::getName).startsWith("Validate", "DrillCopy", "ScaleUp/all");
        assertThat(drill.getStatus().getRtoSeconds()).isNotNull();
        String copy = app + "-drill";
        assertThat(standby.apps().deployments().inNamespace(copy).withName("web").get().getStatus().getAvailableReplicas()).isEqualTo(2);
        assertThat(deployment(standby, "web").getSpec().getReplicas()).as("the parked copy stays parked").isZero();
        assertThat(deployment(primary, "web").getSpec().getReplicas()).as("the primary is not touched").isEqualTo(2);
        assertThat(deployment(primary, "web").getMetadata().getAnnotations()).doesNotContainKeys("pilotlight.io/parked",
                "pilotlight.io/parked-by");
        assertThat(dnsEndpoint()).as("traffic is not touched").isNull();
        assertThat(plan().getStatus().getActiveSite()).isEqualTo("dc1");

        clusters.await("the drill's namespace is removed after its TTL", WAIT, () -> {
            var namespace = standby.namespaces().withName(copy).get();
            assertThat(namespace == null || namespace.getMetadata().getDeletionTimestamp() != null).isTrue();
            assertThat(scene.failovers().withName("drill").get().getStatus().getSteps()).extracting(FailoverStep::getName).contains("Cleanup");
        });

        // A drill deleted after it ended but before its TTL takes its copies with it: nothing else would delete them.
        clusters.await("the first drill's namespace is gone", WAIT, () -> assertThat(standby.namespaces().withName(copy).get()).isNull());
        scene.failovers().resource(failover("early", "{type: Drill, drill: {ttl: 1h}}")).create();
        awaitCompleted("early");
        assertThat(standby.namespaces().withName(copy).get()).isNotNull();
        scene.failovers().withName("early").delete();
        clusters.await("the early-deleted drill's namespace is removed with it", WAIT, () -> {
            var namespace = standby.namespaces().withName(copy).get();
            assertThat(namespace == null || namespace.getMetadata().getDeletionTimestamp() != null).isTrue();
            assertThat(scene.failovers().withName("early").get()).isNull();
        });
    }

    @Test
    void aDrillWhoseCopyOfASelectedNamespaceWouldBeNamedTooLongFailsBeforeMakingAnything() {
        KubernetesClient primary = clusters.primary();
        KubernetesClient standby = clusters.standby();
        // 58 characters: with -drill, 64, one more than a namespace name may have; admission cannot see it behind a selector.
        String longName = (app + "-" + "x".repeat(63)).substring(0, 58);
        // On both sites: a drill resolves the selector on the standby.
        for (Site site : Site.values()) {
            clusters.client(site).resource(new NamespaceBuilder().withNewMetadata().withName(longName).addToLabels("drill-test", ns)
                    .endMetadata().build()).create();
        }
        try {
            PlanFixtures.create(primary, deploymentYaml("web", 1));
            scene.plans().resource(plan(Map.of("protect", "{namespaces: [" + app + "], namespaceSelector: {matchLabels: {drill-test: "
                    + ns + "}}}"))).create();
            awaitInSync();
            scene.failovers().resource(failover("long", "{type: Drill}")).create();
            clusters.await("the drill fails", WAIT, () -> {
                Failover drill = scene.failovers().withName("long").get();
                assertThat(drill.getStatus().getPhase()).isEqualTo(FailoverPhase.FAILED);
                assertThat(drill.getStatus().getConditions()).anySatisfy(c -> assertThat(c.getReason()).isEqualTo(Reasons.INVALID_SPEC));
                assertThat(drill.getStatus().getMessage()).contains(longName).contains("namespaceSuffix");
            });
            assertThat(standby.namespaces().withName(app + "-drill").get()).as("no drill namespace was made").isNull();
        } finally {
            for (Site site : Site.values()) {
                clusters.client(site).namespaces().withName(longName).delete();
            }
        }
    }

    @Test
    void theOperatorCreatesOneUnplannedFailoverWhenThePrimaryIsLost() {
        KubernetesClient standby = clusters.standby();
        PlanFixtures.create(clusters.primary(), deploymentYaml("web", 1));
        scene.plans().resource(plan(Map.of("healthCheck", "{interval: 2s, timeout: 1s, failureThreshold: 2, autoFailover: true}"))).create();
        awaitInSync();

        clusters.clusters().stop(Site.PRIMARY);
        try {
            clusters.await("an automatic Failover completes", WAIT, () -> {
                List<Failover> auto = scene.failovers().withLabel("pilotlight.io/auto-failover", "true").list().getItems();
                assertThat(auto).singleElement().satisfies(f -> {
                    assertThat(f.getSpec().getType()).isEqualTo(FailoverType.UNPLANNED);
                    assertThat(f.getStatus().getPhase()).isEqualTo(FailoverPhase.COMPLETED);
                });
            });
            assertThat(deployment(standby, "web").getStatus().getAvailableReplicas()).isEqualTo(1);
            assertThat(events(PLAN)).anySatisfy(e -> {
                assertThat(e.getReason()).isEqualTo(Reasons.AUTO_FAILOVER);
                assertThat(e.getMessage()).contains("failed 2 probes in a row", "created Unplanned Failover " + PLAN + "-auto-");
            });
            assertThat(scene.failovers().list().getItems()).as("never a second one").hasSize(1);
        } finally {
            clusters.clusters().start(Site.PRIMARY);
        }
    }

    @Test
    void aFailoverTheOperatorCannotRunIsRefusedAndChangesNothing() {
        Failover noPlan = failover("orphan", "{type: Planned}");
        noPlan.getSpec().getPlanRef().setName("nope");
        scene.failovers().resource(noPlan).create();
        scene.plans().resource(plan(Map.of("sync", "{mode: Off}"))).create();
        clusters.await("the plan has an active site", WAIT, () -> assertThat(plan().getStatus().getActiveSite()).isEqualTo("dc1"));
        scene.failovers().resource(failover("back", "{type: Planned, direction: ToPrimary}")).create();

        clusters.await("both are refused", WAIT, () -> {
            Failover orphan = scene.failovers().withName("orphan").get();
            assertThat(orphan.getStatus().getPhase()).isEqualTo(FailoverPhase.FAILED);
            assertThat(orphan.getStatus().getMessage()).contains("DisasterRecoveryPlan nope does not exist");
            Failover back = scene.failovers().withName("back").get();
            assertThat(back.getStatus().getPhase()).isEqualTo(FailoverPhase.FAILED);
            assertThat(back.getStatus().getMessage()).contains("the primary site dc1 serves already");
            assertThat(back.getStatus().getConditions()).anySatisfy(c -> assertThat(c.getReason()).isEqualTo(Reasons.WRONG_DIRECTION));
        });
        DisasterRecoveryPlan plan = plan();
        assertThat(plan.getStatus().getActiveFailover()).isNull();
        assertThat(plan.getStatus().getActiveSite()).isEqualTo("dc1");
        assertThat(events("back")).anySatisfy(e -> assertThat(e.getType()).isEqualTo("Warning"));
    }

    @Test
    void aFailoverDeletedWhileScalingUpIsRolledBackAndALaterOneFinishes() {
        KubernetesClient primary = clusters.primary();
        KubernetesClient standby = clusters.standby();
        PlanFixtures.create(primary, deploymentYaml("web", 2));
        // A wave that cannot become ready in time keeps the first Failover in ScaleUp.
        PlanFixtures.create(primary, """
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: stuck, namespace: %1$s}
                spec:
                  replicas: 1
                  selector: {matchLabels: {app: stuck}}
                  template:
                    metadata: {labels: {app: stuck}}
                    spec:
                      nodeSelector: {no-such-node: "true"}
                      containers: [{name: stuck, image: registry.invalid/stuck:1}]
                """.formatted(app));
        scene.plans().resource(plan(Map.of())).create();
        awaitInSync();

        scene.failovers().resource(failover("first", "{type: Unplanned}")).create();
        clusters.await("the first Failover parked the primary and waits for its workloads", WAIT, () -> {
            Failover first = scene.failovers().withName("first").get();
            assertThat(first.getStatus().getPhase()).isEqualTo(FailoverPhase.WAITING_READY);
            assertThat(first.getStatus().getSteps()).extracting(FailoverStep::getName).contains("ScaleUp/all");
            assertThat(deployment(standby, "web").getSpec().getReplicas()).isEqualTo(2);
        });
        assertThat(deployment(primary, "web").getSpec().getReplicas()).as("Fence parked the primary, which answers").isZero();
        Failover first = scene.failovers().withName("first").get();
        clusters.await("the wave waits on a watch of the standby's workloads", WAIT,
                () -> assertThat(readiness.watches(first)).as("watches of the waiting Failover").hasValue(4));
        // Waiting re-reads the workloads every second: from the watch, not by listing them again (10 LISTs of
        // each kind in 10 s). The namespace controller lists every resource of each namespace it deletes (an
        // earlier test's) and nothing else lists ConfigMaps there meanwhile: what it listed is not counted.
        ApiRequests before = ApiRequests.of(standby);
        Awaitility.await("the Failover keeps waiting").during(Duration.ofSeconds(10)).atMost(Duration.ofSeconds(30))
                .until(() -> scene.failovers().withName("first").get().getStatus().getPhase() == FailoverPhase.WAITING_READY);
        Map<String, Long> lists = ApiRequests.of(standby).minus(before).listsBy();
        long namespaceController = lists.getOrDefault("configmaps/namespace", 0L);
        assertThat(lists.getOrDefault("deployments/namespace", 0L) - namespaceController)
                .as("Deployment LISTs on the standby in 10 s of waiting, beyond the namespace controller's: %s", lists)
                .isLessThanOrEqualTo(2);
        assertThat(lists.getOrDefault("statefulsets/namespace", 0L) - namespaceController).as("StatefulSet LISTs likewise: %s", lists)
                .isLessThanOrEqualTo(2);
        scene.failovers().withName("first").delete();
        clusters.await("the primary serves again, the standby is parked again, the plan is free", WAIT, () -> {
            assertThat(scene.failovers().withName("first").get()).isNull();
            assertThat(deployment(primary, "web").getSpec().getReplicas()).isEqualTo(2);
            assertThat(deployment(primary, "web").getMetadata().getAnnotations()).doesNotContainKeys("pilotlight.io/parked",
                    "pilotlight.io/parked-by");
            assertThat(deployment(standby, "web").getSpec().getReplicas()).isZero();
            DisasterRecoveryPlan plan = plan();
            assertThat(plan.getStatus().getActiveFailover()).isNull();
            assertThat(plan.getStatus().getFencedSite()).isNull();
            assertThat(plan.getStatus().getActiveSite()).isEqualTo("dc1");
        });
        assertThat(events("first")).anySatisfy(e -> {
            assertThat(e.getReason()).isEqualTo(Reasons.ROLLED_BACK);
            assertThat(e.getMessage()).contains("2 workload(s) resumed on dc1").contains("parked again by the standby sync");
        });
        awaitInSync();

        standby.apps().deployments().inNamespace(app).withName("stuck").delete();
        primary.apps().deployments().inNamespace(app).withName("stuck").delete();
        scene.failovers().resource(failover("second", "{type: Unplanned}")).create();
        Failover second = awaitCompleted("second");
        assertThat(second.getStatus().getProgress()).isEqualTo("1/1 workloads ready");
        assertThat(plan().getStatus().getActiveSite()).isEqualTo("dc2");
        assertThat(readiness.watches(first)).as("the deleted Failover's watch").isEmpty();
        assertThat(readiness.watches(second)).as("the completed Failover's watch").isEmpty();
    }

    @Test
    void aPlannedFailoverDeletedAfterItParkedThePrimaryIsRolledBack() {
        KubernetesClient primary = clusters.primary();
        KubernetesClient standby = clusters.standby();
        String velero = ns + "-velero";
        FakeVelero onPrimary = new FakeVelero(primary, velero).install();
        try {
            PlanFixtures.create(primary, deploymentYaml("web", 2));
            PlanFixtures.create(primary, deploymentYaml("api", 1));
            // The final backup is never completed here, so the Failover stays in FinalBackup, right after Quiesce.
            scene.plans().resource(plan(Map.of("backup", "{veleroNamespace: " + velero + "}", "failover", "{restoreVolumes: true}")))
                    .create();
            awaitInSync();
            scene.failovers().resource(failover("parked", "{type: Planned}")).create();
            clusters.await("the Failover parked the primary", WAIT, () -> {
                Failover parked = scene.failovers().withName("parked").get();
                assertThat(parked.getMetadata().getFinalizers()).contains("pilotlight.io/rollback");
                assertThat(parked.getStatus().getSteps()).extracting(FailoverStep::getName).contains("FinalBackup");
                assertThat(deployment(primary, "web").getSpec().getReplicas()).isZero();
                assertThat(deployment(primary, "api").getSpec().getReplicas()).isZero();
            });
            assertThat(plan().getStatus().getFencedSite()).isEqualTo("dc1");

            scene.failovers().withName("parked").delete();
            clusters.await("the primary's workloads run again and the plan is free", WAIT, () -> {
                assertThat(scene.failovers().withName("parked").get()).isNull();
                assertThat(deployment(primary, "web").getSpec().getReplicas()).isEqualTo(2);
                assertThat(deployment(primary, "api").getSpec().getReplicas()).isEqualTo(1);
                assertThat(deployment(primary, "web").getMetadata().getAnnotations()).doesNotContainKeys("pilotlight.io/parked",
                        "pilotlight.io/parked-by", "pilotlight.io/primary-replicas");
                DisasterRecoveryPlan plan = plan();
                assertThat(plan.getStatus().getActiveFailover()).isNull();
                assertThat(plan.getStatus().getFencedSite()).isNull();
                assertThat(plan.getStatus().getActiveSite()).isEqualTo("dc1");
            });
            assertThat(deployment(standby, "web").getSpec().getReplicas()).as("the standby stays parked").isZero();
            assertThat(deployment(standby, "api").getSpec().getReplicas()).as("the standby stays parked").isZero();
            assertThat(events("parked")).anySatisfy(e -> {
                assertThat(e.getReason()).isEqualTo(Reasons.ROLLED_BACK);
                assertThat(e.getMessage()).contains("2 workload(s) resumed on dc1").contains("plan " + PLAN + " released");
            });
            awaitInSync();

            scene.failovers().resource(failover("again", "{type: Planned, restore: {enabled: false}}")).create();
            awaitCompleted("again");
            assertThat(deployment(standby, "web").getStatus().getAvailableReplicas()).isEqualTo(2);
            assertThat(plan().getStatus().getActiveSite()).isEqualTo("dc2");
        } finally {
            onPrimary.delete();
        }
    }

    @Test
    void aFailoverResumesAtTheStepItWasInAndNeverRedoesAFinishedOne() {
        KubernetesClient primary = clusters.primary();
        KubernetesClient standby = clusters.standby();
        PlanFixtures.create(primary, deploymentYaml("web", 2));
        scene.plans().resource(plan(Map.of())).create();
        awaitInSync();

        // What an operator stopped after PauseSync leaves: a Failover holding the plan, its status saying
        // which steps are done. Made with another run's label, so that this operator does not see it yet.
        Failover left = failover("resumed", "{type: Planned}");
        left.getMetadata().getLabels().put(OperatorTestResource.RUN_LABEL, "stopped-operator");
        scene.failovers().resource(left).create();
        String earlier = Instant.now().minusSeconds(30).toString();
        Failover withStatus = scene.failovers().withName("resumed").get();
        withStatus.setStatus(JSON.unmarshal("""
                phase: ScalingUp
                fromSite: dc1
                toSite: dc2
                startedAt: "%1$s"
                steps:
                - {name: Validate, phase: Validating, state: Succeeded, startedAt: "%1$s", finishedAt: "%1$s", message: before the restart}
                - {name: Quiesce, phase: Fencing, state: Succeeded, startedAt: "%1$s", finishedAt: "%1$s", message: before the restart}
                - {name: FinalSync, phase: FinalSync, state: Succeeded, startedAt: "%1$s", finishedAt: "%1$s", message: before the restart}
                - {name: PauseSync, phase: ScalingUp, state: Succeeded, startedAt: "%1$s", finishedAt: "%1$s", message: before the restart}
                """.formatted(earlier), FailoverStatus.class));
        scene.failovers().resource(withStatus).updateStatus();
        DisasterRecoveryPlan held = plan();
        held.getStatus().setActiveFailover("resumed");
        scene.plans().resource(held).updateStatus();

        scene.failovers().withName("resumed").edit(f -> {
            f.getMetadata().getLabels().put(OperatorTestResource.RUN_LABEL, OperatorTestResource.runId());
            return f;
        });
        Failover resumed = awaitCompleted("resumed");
        assertThat(resumed.getStatus().getSteps()).extracting(FailoverStep::getName).containsExactly("Validate", "Quiesce", "FinalSync",
                "PauseSync", "ScaleUp/all", "SwitchTraffic", "Activate");
        // Not run again: a step run again records its own start and message. (The primary's replicas tell nothing
        // here: once the standby serves, the plan parks the site left to re-protect it.)
        assertThat(resumed.getStatus().getSteps().subList(0, 4)).allSatisfy(st -> {
            assertThat(st.getMessage()).isEqualTo("before the restart");
            assertThat(Instant.parse(st.getStartedAt())).isEqualTo(Instant.parse(earlier));
        });
        assertThat(deployment(standby, "web").getStatus().getAvailableReplicas()).isEqualTo(2);
        assertThat(plan().getStatus().getActiveSite()).isEqualTo("dc2");
    }

    // ---------------------------------------------------------------- helpers

    private static Bind9Server dns;

    /** The BIND9 server of the RFC 2136 failover, started by the first test that needs it. */
    private static synchronized Bind9Server dns() {
        if (dns == null) {
            dns = Bind9Server.start(Bind9Server.zone("failover.test").record("app 60 IN A 192.0.2.10"));
        }
        return dns;
    }

    @AfterAll
    static void stopDns() {
        if (dns != null) {
            dns.close();
        }
    }

    private List<Event> events(String about) {
        return clusters.standby().v1().events().inNamespace(ns).list().getItems().stream()
                .filter(e -> about.equals(e.getInvolvedObject().getName())).toList();
    }

    private void awaitInSync() {
        clusters.await("the standby is in sync", WAIT, () -> assertThat(
                PlanFixtures.condition(clusters.standby(), ns, PLAN, ConditionTypes.STANDBY_IN_SYNC).getStatus())
                .isEqualTo(ConditionStatus.TRUE));
    }

    private Failover awaitCompleted(String name) {
        clusters.await("Failover " + name + " completes", WAIT, () -> {
            Failover f = scene.failovers().withName(name).get();
            assertThat(f.getStatus()).isNotNull();
            assertThat(f.getStatus().getPhase()).as(() -> "message: " + f.getStatus().getMessage()).isEqualTo(FailoverPhase.COMPLETED);
        });
        return scene.failovers().withName(name).get();
    }

    private Deployment deployment(KubernetesClient client, String name) {
        return client.apps().deployments().inNamespace(app).withName(name).get();
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

    /** Pods with a grace period of 1 s, as {@link io.pilotlight.testsupport.Workloads#deployment}'s, for namespaces that go quickly. */
    private String deploymentYaml(String name, int replicas) {
        return """
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: %2$s, namespace: %1$s}
                spec:
                  replicas: %3$d
                  selector: {matchLabels: {app: %2$s}}
                  template:
                    metadata: {labels: {app: %2$s}}
                    spec: {terminationGracePeriodSeconds: 1, containers: [{name: %2$s, image: registry.invalid/%2$s:1}]}
                """.formatted(app, name, replicas);
    }

    private DisasterRecoveryPlan plan(Map<String, String> overrides) {
        Map<String, String> spec = new HashMap<>(Map.of("protect", "{namespaces: [" + app + "]}", "backup", "{enabled: false}"));
        spec.putAll(overrides);
        return PlanFixtures.plan(ns, PLAN, app, "velero", spec);
    }

    private DisasterRecoveryPlan plan() {
        return scene.plans().withName(PLAN).get();
    }

    private Failover failover(String name, String spec) {
        return PlanFixtures.failover(ns, PLAN, name, spec);
    }

}
