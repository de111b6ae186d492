package io.pilotlight.integration;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.pilotlight.api.v1alpha1.ConditionStatus;
import io.pilotlight.api.v1alpha1.ConditionTypes;
import io.pilotlight.api.v1alpha1.DisasterRecoveryPlan;
import io.pilotlight.api.v1alpha1.Failover;
import io.pilotlight.api.v1alpha1.Reasons;
import io.pilotlight.api.v1alpha1.failover.FailoverPhase;
import io.pilotlight.api.v1alpha1.failover.FailoverStep;
import io.pilotlight.testsupport.LocalClusters.Site;
import io.pilotlight.testsupport.OperatorTestResource;
import io.pilotlight.testsupport.TestClusters;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Re-protect (issue 12) on the two local clusters: after a failover the site left becomes the parked
 * copy of the active one (its originals adopted, what Pilotlight cannot show it owns left alone and
 * reported), and a failback carries back what changed while the standby served.
 */
@QuarkusTest
@QuarkusTestResource(value = OperatorTestResource.class, restrictToAnnotatedClass = false)
class ReprotectTest {

    private static final Duration WAIT = Duration.ofSeconds(120);
    private static final String PLAN = "shop";
    private static final String ADOPTED = "pilotlight.io/adopted";

    private AppScene scene;
    private TestClusters clusters;
    private String ns;
    private String app;

    @BeforeEach
    void setUp() {
        scene = AppScene.open("rp");
        clusters = scene.clusters();
        ns = scene.ns();
        app = scene.app();
        clusters.onFailure(() -> "primary's objects:\n" + PlanFixtures.yaml(summary(clusters.primary())));
        clusters.onFailure(() -> "events:\n" + PlanFixtures.yaml(events().stream().map(e -> e.getReason() + ": " + e.getMessage()).toList()));
        PlanFixtures.create(clusters.primary(), deployment("web", 2) + "---\n" + deployment("old", 1) + "---\n" + configMap("settings", "v1"));
    }

    @AfterEach
    void tearDown() {
        scene.close(WAIT);
    }

    @Test
    void plannedFailoverReprotectsTheSiteLeftAndTheFailbackCarriesBackWhatChanged() {
        KubernetesClient primary = clusters.primary();
        KubernetesClient standby = clusters.standby();
        createPlan();
        awaitInSync("dc1 → dc2");

        awaitCompleted(failover("go", "{type: Planned}"));
        awaitInSync("dc2 → dc1");
        Deployment web = deployment(primary, "web");
        assertThat(web.getMetadata().getUid()).as("the original, adopted, not replaced").isEqualTo(originalUid("web"));
        assertThat(web.getMetadata().getLabels()).containsEntry(ADOPTED, "true").containsEntry("pilotlight.io/plan", PLAN);
        assertThat(web.getMetadata().getAnnotations()).containsKey("pilotlight.io/adopted-from")
                .containsEntry("pilotlight.io/primary-replicas", "2").doesNotContainKey("pilotlight.io/parked-by");
        assertThat(web.getSpec().getReplicas()).isZero();
        assertThat(plan().getStatus().getStandby().getSite()).isEqualTo("dc1");

        standby.resource(new ConfigMapBuilder(standby.configMaps().inNamespace(app).withName("settings").get())
                .withData(Map.of("value", "v2")).build()).update();
        PlanFixtures.create(standby, deployment("new", 1));
        standby.apps().deployments().inNamespace(app).withName("old").delete();
        clusters.await("the changes on the active site are on the parked primary", WAIT, () -> {
            assertThat(value(primary, "settings")).isEqualTo("v2");
            assertThat(deployment(primary, "old")).as("an adopted copy whose source is gone is pruned").isNull();
            Deployment copy = deployment(primary, "new");
            assertThat(copy).isNotNull();
            assertThat(copy.getSpec().getReplicas()).isZero();
            assertThat(copy.getMetadata().getAnnotations()).containsEntry("pilotlight.io/primary-replicas", "1");
        });
        awaitInSync("dc2 → dc1");

        Failover back = awaitCompleted(failover("back", "{type: Planned, direction: ToPrimary}"));
        assertThat(back.getStatus().getSteps()).extracting(FailoverStep::getName).containsExactly("Validate", "Quiesce", "FinalSync",
                "PauseSync", "ScaleUp/all", "SwitchTraffic", "Activate");
        assertThat(back.getStatus().getRpoSeconds()).as("the failback's final sync: RPO 0 for the configuration").isZero();
        assertThat(deployment(primary, "new").getStatus().getAvailableReplicas()).isEqualTo(1);
        assertThat(deployment(primary, "web").getStatus().getAvailableReplicas()).isEqualTo(2);
        assertThat(value(primary, "settings")).isEqualTo("v2");
        assertThat(deployment(primary, "old")).isNull();
        awaitInSync("dc1 → dc2");
        assertThat(deployment(standby, "new").getSpec().getReplicas()).as("the standby parked again").isZero();
    }

    @Test
    void anObjectMadeByHandOnTheParkedSiteIsNeverTouchedButReported() {
        KubernetesClient primary = clusters.primary();
        KubernetesClient standby = clusters.standby();
        createPlan();
        awaitInSync("dc1 → dc2");
        awaitCompleted(failover("go", "{type: Planned}"));
        awaitInSync("dc2 → dc1");

        PlanFixtures.create(primary, configMap("mine", "by hand") + "---\n" + configMap("clash", "by hand on dc1"));
        PlanFixtures.create(standby, configMap("clash", "on the active site"));
        clusters.await("both reported as conflicts", WAIT, () -> {
            var status = plan().getStatus().getStandby();
            assertThat(status.getConflicts()).isEqualTo(2);
            assertThat(status.getConflictList()).anySatisfy(c -> assertThat(c).contains("ConfigMap " + app + "/clash"))
                    .anySatisfy(c -> assertThat(c).contains("ConfigMap " + app + "/mine", "neither made nor adopted"));
            assertThat(PlanFixtures.condition(standby, ns, PLAN, ConditionTypes.STANDBY_IN_SYNC).getReason())
                    .isEqualTo(Reasons.DRIFT_DETECTED);
            assertThat(events()).anySatisfy(e -> assertThat(e.getReason()).isEqualTo(Reasons.SYNC_CONFLICT));
        });
        for (String name : List.of("mine", "clash")) {
            ConfigMap cm = primary.configMaps().inNamespace(app).withName(name).get();
            assertThat(cm.getData().get("value")).startsWith("by hand");
            assertThat(cm.getMetadata().getLabels()).as(name + " never labelled").isNullOrEmpty();
        }
    }

    @Test
    void aPrimaryBackAfterAnUnplannedFailoverIsParkedFirstThenReprotectedAndKeepsWhatItOwns() {
        KubernetesClient primary = clusters.primary();
        KubernetesClient standby = clusters.standby();
        createPlan();
        awaitInSync("dc1 → dc2");
        clusters.clusters().stop(Site.PRIMARY);
        try {
            awaitCompleted(failover("lost", "{type: Unplanned}"));
            // While the primary is away: the copy of "old" goes, so nothing proves the primary's "old" is Pilotlight's.
            standby.apps().deployments().inNamespace(app).withName("old").delete();
            clusters.await("the sync waits for the site left", WAIT, () -> assertThat(plan().getStatus().getSyncDirection())
                    .isEqualTo("dc2 → dc1"));
        } finally {
            clusters.clusters().start(Site.PRIMARY);
        }
        clusters.await("parked, then re-protected", WAIT, () -> {
            Deployment web = deployment(primary, "web");
            assertThat(web.getSpec().getReplicas()).isZero();
            assertThat(web.getMetadata().getLabels()).containsEntry(ADOPTED, "true");
            assertThat(plan().getStatus().getStandby().getConflictList()).singleElement().asString()
                    .contains("Deployment " + app + "/old", "neither made nor adopted");
        });
        Instant parked = events().stream().filter(e -> Reasons.FENCED_SITE_PARKED.equals(e.getReason()))
                .map(e -> Instant.parse(e.getLastTimestamp() != null ? e.getLastTimestamp() : e.getEventTime().getTime()))
                .min(Instant::compareTo).orElseThrow();
        String adoptedAt = deployment(primary, "web").getMetadata().getAnnotations().get("pilotlight.io/adopted-from");
        assertThat(Instant.parse(adoptedAt.replaceAll(".*\"at\":\"([^\"]+)\".*", "$1"))).as("parked before anything else")
                .isAfterOrEqualTo(parked.minusSeconds(1));
        Deployment old = deployment(primary, "old");
        assertThat(old).as("not shown to be Pilotlight's: never deleted").isNotNull();
        assertThat(old.getMetadata().getUid()).isEqualTo(originalUid("old"));
        assertThat(old.getSpec().getReplicas()).as("but kept parked, being fenced").isZero();
        assertThat(old.getMetadata().getLabels()).doesNotContainKey(ADOPTED);
        assertThat(deployment(standby, "web").getSpec().getReplicas()).as("the standby keeps serving").isEqualTo(2);
    }

    // ---------------------------------------------------------------- fixtures

    private final Map<String, String> uids = new java.util.HashMap<>();

    private void createPlan() {
        for (String name : List.of("web", "old")) {
            uids.put(name, deployment(clusters.primary(), name).getMetadata().getUid());
        }
        clusters.standby().resource(PlanFixtures.plan(ns, PLAN, app, "velero", Map.of("backup", "{enabled: false}",
                "sync", "{mode: Continuous, interval: 10s}", "failover", "{readinessTimeout: 1m}"))).create();
    }

    private String originalUid(String name) {
        return uids.get(name);
    }

    private void awaitInSync(String direction) {
        clusters.await("in sync " + direction, WAIT, () -> {
            DisasterRecoveryPlan p = plan();
            assertThat(p.getStatus().getSyncDirection()).isEqualTo(direction);
            assertThat(PlanFixtures.condition(clusters.standby(), ns, PLAN, ConditionTypes.STANDBY_IN_SYNC).getStatus())
                    .isEqualTo(ConditionStatus.TRUE);
            assertThat(PlanFixtures.condition(clusters.standby(), ns, PLAN, ConditionTypes.READY).getStatus())
                    .isEqualTo(ConditionStatus.TRUE);
        });
    }

    private String failover(String name, String spec) {
        clusters.standby().resource(PlanFixtures.failover(ns, PLAN, name, spec)).create();
        return name;
    }

    private Failover awaitCompleted(String name) {
        clusters.await("Failover " + name + " completes", WAIT, () -> {
            Failover f = clusters.standby().resources(Failover.class).inNamespace(ns).withName(name).get();
            assertThat(f.getStatus()).isNotNull();
            assertThat(f.getStatus().getPhase()).as(() -> "message: " + f.getStatus().getMessage()).isEqualTo(FailoverPhase.COMPLETED);
        });
        return clusters.standby().resources(Failover.class).inNamespace(ns).withName(name).get();
    }

    private DisasterRecoveryPlan plan() {
        return clusters.standby().resources(DisasterRecoveryPlan.class).inNamespace(ns).withName(PLAN).get();
    }

    private List<Event> events() {
        return clusters.standby().v1().events().inNamespace(ns).list().getItems().stream()
                .filter(e -> PLAN.equals(e.getInvolvedObject().getName())).toList();
    }

    private Deployment deployment(KubernetesClient client, String name) {
        return client.apps().deployments().inNamespace(app).withName(name).get();
    }

    private String value(KubernetesClient client, String configMap) {
        ConfigMap cm = client.configMaps().inNamespace(app).withName(configMap).get();
        return cm == null ? null : cm.getData().get("value");
    }

    private List<String> summary(KubernetesClient client) {
        return client.apps().deployments().inNamespace(app).list().getItems().stream().map(d -> d.getMetadata().getName() + " replicas="
                + d.getSpec().getReplicas() + " labels=" + d.getMetadata().getLabels() + " annotations=" + d.getMetadata().getAnnotations())
                .toList();
    }

    private String deployment(String name, int replicas) {
        return """
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: %2$s, namespace: %1$s}
                spec:
                  replicas: %3$d
                  selector: {matchLabels: {app: %2$s}}
                  template:
                    metadata: {labels: {app: %2$s}}
                    spec: {containers: [{name: %2$s, image: registry.invalid/%2$s:1}]}
                """.formatted(app, name, replicas);
    }

    private String configMap(String name, String value) {
        return """
                apiVersion: v1
                kind: ConfigMap
                metadata: {name: %2$s, namespace: %1$s}
                data: {value: "%3$s"}
                """.formatted(app, name, value);
    }
}
