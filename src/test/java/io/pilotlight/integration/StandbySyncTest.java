package io.pilotlight.integration;

import static io.pilotlight.integration.PlanFixtures.condition;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.Resource;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.pilotlight.api.v1alpha1.Condition;
import io.pilotlight.api.v1alpha1.ConditionStatus;
import io.pilotlight.api.v1alpha1.ConditionTypes;
import io.pilotlight.api.v1alpha1.DisasterRecoveryPlan;
import io.pilotlight.api.v1alpha1.Reasons;
import io.pilotlight.testsupport.SpecEdit;
import io.pilotlight.testsupport.LocalClusters.Site;
import io.pilotlight.testsupport.OperatorTestResource;
import io.pilotlight.testsupport.TestClusters;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The standby sync of the plan reconciler against the two local clusters: the operator runs in the
 * standby and copies a namespace of the primary (which does not exist on the standby beforehand)
 * into it, parked.
 */
@QuarkusTest
@QuarkusTestResource(value = OperatorTestResource.class, restrictToAnnotatedClass = false)
class StandbySyncTest {

    private static final Duration WAIT = Duration.ofSeconds(120);
    private static final KubernetesSerialization JSON = new KubernetesSerialization();
    private static final String PLAN = "shop";

    private AppScene scene;
    private TestClusters clusters;
    private String ns;
    /** The protected namespace: made on the primary by each test; on the standby by Pilotlight, or by the test. */
    private String app;

    @BeforeEach
    void setUp() {
        scene = AppScene.open("sync", Map.of("team", "shop"));
        clusters = scene.clusters();
        ns = scene.ns();
        app = scene.app();
        clusters.onFailure(() -> "copies on the standby:\n" + clusters.standby().configMaps().inNamespace(app).list().getItems()
                .stream().map(c -> c.getMetadata().getName() + " " + c.getMetadata().getLabels()).collect(Collectors.joining("\n")));
    }

    @AfterEach
    void tearDown() {
        scene.close(WAIT);
    }

    @Test
    void everyKindIsCopiedParkedAndAnnotated() {
        KubernetesClient primary = clusters.primary();
        KubernetesClient standby = clusters.standby();
        PlanFixtures.create(primary, """
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: web, namespace: %1$s, labels: {app: web}}
                spec:
                  replicas: 3
                  selector: {matchLabels: {app: web}}
                  template:
                    metadata: {labels: {app: web}}
                    spec: {containers: [{name: web, image: registry.invalid/web:1}]}
                ---
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: cache, namespace: %1$s, labels: {app: cache, tier: warm}}
                spec:
                  replicas: 2
                  selector: {matchLabels: {app: cache}}
                  template:
                    metadata: {labels: {app: cache}}
                    spec: {containers: [{name: cache, image: registry.invalid/cache:1}]}
                ---
                apiVersion: apps/v1
                kind: StatefulSet
                metadata: {name: db, namespace: %1$s}
                spec:
                  replicas: 2
                  serviceName: db
                  selector: {matchLabels: {app: db}}
                  template:
                    metadata: {labels: {app: db}}
                    spec: {containers: [{name: db, image: registry.invalid/db:1}]}
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
                metadata: {name: credentials, namespace: %1$s}
                stringData: {password: s3cr3t-do-not-log}
                ---
                apiVersion: v1
                kind: Service
                metadata: {name: web, namespace: %1$s}
                spec:
                  selector: {app: web}
                  ports: [{port: 80, targetPort: 8080}]
                ---
                apiVersion: autoscaling/v2
                kind: HorizontalPodAutoscaler
                metadata: {name: web, namespace: %1$s}
                spec:
                  scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: web}
                  minReplicas: 3
                  maxReplicas: 10
                  metrics: [{type: Resource, resource: {name: cpu, target: {type: Utilization, averageUtilization: 70}}}]
                  behavior:
                    scaleDown: {stabilizationWindowSeconds: 120}
                """.formatted(app));
        scene.plans().resource(plan(Map.of("pilotLight", "{keepWarm: [{selector: {matchLabels: {tier: warm}}, replicas: 1}]}"))).create();

        clusters.await("every object copied and parked", WAIT, () -> {
            Namespace copyNs = standby.namespaces().withName(app).get();
            // Only Pilotlight's labels: the source's may be policy (SECURITY.md).
            assertThat(copyNs.getMetadata().getLabels()).containsEntry("pilotlight.io/plan", PLAN)
                    .doesNotContainKey("team");

            Deployment web = standby.apps().deployments().inNamespace(app).withName("web").get();
            Deployment webOnPrimary = primary.apps().deployments().inNamespace(app).withName("web").get();
            assertThat(web.getSpec().getReplicas()).isZero();
            assertThat(web.getMetadata().getAnnotations()).containsEntry("pilotlight.io/primary-replicas", "3")
                    .containsEntry("pilotlight.io/parked", "0");
            assertThat(web.getMetadata().getLabels()).containsEntry("pilotlight.io/plan", PLAN)
                    .containsEntry("pilotlight.io/plan-namespace", ns).containsEntry("app.kubernetes.io/managed-by", "pilotlight")
                    .containsEntry("app", "web");
            Map<String, Object> source = JSON.unmarshal(web.getMetadata().getAnnotations().get("pilotlight.io/source"), Map.class);
            assertThat(source).containsEntry("uid", webOnPrimary.getMetadata().getUid()).containsEntry("site", "dc1")
                    .containsKey("resourceVersion");
            assertThat(web.getMetadata().getAnnotations().get("deployment.kubernetes.io/revision"))
                    .as("the standby's own Deployment controller numbers its revisions").isIn(null, "1");

            Deployment cache = standby.apps().deployments().inNamespace(app).withName("cache").get();
            assertThat(cache.getSpec().getReplicas()).as("keepWarm").isEqualTo(1);
            assertThat(cache.getMetadata().getAnnotations()).containsEntry("pilotlight.io/primary-replicas", "2");

            StatefulSet db = standby.apps().statefulSets().inNamespace(app).withName("db").get();
            assertThat(db.getSpec().getReplicas()).isZero();
            assertThat(db.getMetadata().getAnnotations()).containsEntry("pilotlight.io/primary-replicas", "2");

            CronJob report = standby.batch().v1().cronjobs().inNamespace(app).withName("report").get();
            assertThat(report.getSpec().getSuspend()).isTrue();
            assertThat(report.getMetadata().getAnnotations()).containsEntry("pilotlight.io/primary-suspend", "false");

            assertThat(standby.configMaps().inNamespace(app).withName("settings").get().getData()).containsEntry("color", "blue");
            assertThat(standby.secrets().inNamespace(app).withName("credentials").get().getData())
                    .isEqualTo(primary.secrets().inNamespace(app).withName("credentials").get().getData());

            Service svc = standby.services().inNamespace(app).withName("web").get();
            assertThat(svc.getSpec().getPorts()).singleElement().satisfies(p -> assertThat(p.getPort()).isEqualTo(80));
            assertThat(svc.getSpec().getClusterIP()).as("allocated by the standby").isNotBlank();

            HorizontalPodAutoscaler hpa = standby.autoscaling().v2().horizontalPodAutoscalers().inNamespace(app).withName("web").get();
            assertThat(hpa.getSpec().getBehavior().getScaleUp().getSelectPolicy()).isEqualTo("Disabled");
            assertThat(hpa.getSpec().getBehavior().getScaleDown().getSelectPolicy()).isEqualTo("Disabled");
            assertThat(hpa.getSpec().getMinReplicas()).isEqualTo(3);
            assertThat(hpa.getSpec().getScaleTargetRef().getName()).isEqualTo("web");
            Map<?, ?> behavior = JSON.unmarshal(hpa.getMetadata().getAnnotations().get("pilotlight.io/primary-behavior"), Map.class);
            assertThat(behavior).isEqualTo(JSON.unmarshal(JSON.asJson(primary.autoscaling().v2().horizontalPodAutoscalers()
                    .inNamespace(app).withName("web").get().getSpec().getBehavior()), Map.class));

            Condition inSync = condition(standby, ns, PLAN, ConditionTypes.STANDBY_IN_SYNC);
            assertThat(inSync.getStatus()).as(inSync.getMessage()).isEqualTo(ConditionStatus.TRUE);
            assertThat(inSync.getReason()).isEqualTo(Reasons.IN_SYNC);
            DisasterRecoveryPlan p = scene.plans().withName(PLAN).get();
            assertThat(p.getStatus().getStandby().getObjectsInSync()).isEqualTo(8);
            assertThat(p.getStatus().getStandby().getWorkloadsParked()).isEqualTo(4); // web, db, report, the HPA
            assertThat(p.getStatus().getStandby().getConflicts()).isZero();
            assertThat(p.getStatus().getStandby().getLastFullSync()).isNotNull();
        });
        clusters.await("the keepWarm workload runs on the standby", WAIT, () -> assertThat(runningPods(standby, "cache")).hasSize(1));
        assertThat(runningPods(standby, "web")).as("parked: no Pods").isEmpty();
        assertThat(runningPods(standby, "db")).as("parked: no Pods").isEmpty();

        assertThat(standby.serviceAccounts().inNamespace(app).withName("default").get().getMetadata().getLabels())
                .as("each cluster's own default ServiceAccount is left alone").doesNotContainKey("pilotlight.io/plan");
        assertThat(standby.configMaps().inNamespace(app).withName("kube-root-ca.crt").get().getMetadata().getLabels())
                .as("each cluster's own CA bundle is left alone").doesNotContainKey("pilotlight.io/plan");
        String everything = PlanFixtures.yaml(scene.plans().list().getItems()) + PlanFixtures.yaml(events()) + operatorLog();
        assertThat(everything).as("a Secret's content is never in status, events or logs").doesNotContain("s3cr3t-do-not-log")
                .doesNotContain("czNjcjN0LWRvLW5vdC1sb2c");
    }

    @Test
    void changesArePropagatedDeletionsPrunedAndConflictsLeftAlone() {
        KubernetesClient primary = clusters.primary();
        KubernetesClient standby = clusters.standby();
        standby.resource(new NamespaceBuilder().withNewMetadata().withName(app).endMetadata().build()).create();
        primary.resource(configMap("settings", "v1")).create();
        primary.resource(configMap("doomed", "v1")).create();
        primary.resource(configMap("hand-made", "from the primary")).create();
        standby.resource(configMap("hand-made", "made on the standby")).create();
        standby.resource(configMap("standby-only", "made on the standby")).create();
        scene.plans().resource(plan(Map.of())).create();

        clusters.await("copied, with the conflict reported", WAIT, () -> {
            assertThat(data(standby, "settings")).isEqualTo("v1");
            assertThat(data(standby, "doomed")).isEqualTo("v1");
            Condition inSync = condition(standby, ns, PLAN, ConditionTypes.STANDBY_IN_SYNC);
            assertThat(inSync.getStatus()).isEqualTo(ConditionStatus.FALSE);
            assertThat(inSync.getReason()).isEqualTo(Reasons.DRIFT_DETECTED);
            assertThat(inSync.getMessage()).contains("ConfigMap " + app + "/hand-made");
            assertThat(scene.plans().withName(PLAN).get().getStatus().getStandby().getConflicts()).isEqualTo(1);
            assertThat(events()).anySatisfy(e -> {
                assertThat(e.getType()).isEqualTo("Warning");
                assertThat(e.getReason()).isEqualTo(Reasons.SYNC_CONFLICT);
                assertThat(e.getMessage()).contains("ConfigMap " + app + "/hand-made");
            });
        });
        assertThat(data(standby, "hand-made")).as("never overwritten").isEqualTo("made on the standby");
        assertThat(standby.configMaps().inNamespace(app).withName("hand-made").get().getMetadata().getLabels())
                .isNullOrEmpty();
        assertThat(standby.namespaces().withName(app).get().getMetadata().getLabels())
                .as("a namespace Pilotlight did not create is not relabelled").doesNotContainKey("pilotlight.io/plan");

        primary.resource(configMap("settings", "v2")).update();
        primary.configMaps().inNamespace(app).withName("doomed").delete();
        primary.configMaps().inNamespace(app).withName("hand-made").delete();
        clusters.await("change copied, deletion pruned, conflict gone", WAIT, () -> {
            assertThat(data(standby, "settings")).isEqualTo("v2");
            assertThat(standby.configMaps().inNamespace(app).withName("doomed").get()).isNull();
            Condition inSync = condition(standby, ns, PLAN, ConditionTypes.STANDBY_IN_SYNC);
            assertThat(inSync.getStatus()).as(inSync.getMessage()).isEqualTo(ConditionStatus.TRUE);
            DisasterRecoveryPlan p = scene.plans().withName(PLAN).get();
            assertThat(p.getStatus().getStandby().getConflicts()).isZero();
            assertThat(p.getStatus().getStandby().getSyncLagP99Millis()).isNotNull();
        });
        assertThat(data(standby, "hand-made")).as("an object Pilotlight did not create is never deleted")
                .isEqualTo("made on the standby");
        assertThat(data(standby, "standby-only")).isEqualTo("made on the standby");
    }

    /**
     * Discovery: a kind served only in a version other than its group's preferred one is found (Beta: v1, the
     * group's preferred version being Alpha's v2), and the kinds that cannot be copied are named with why.
     */
    @Test
    void kindsOutsideThePreferredVersionAreFoundAndTheOnesThatCannotBeCopiedAreNamed() {
        KubernetesClient primary = clusters.primary();
        KubernetesClient standby = clusters.standby();
        for (KubernetesClient site : List.of(primary, standby)) {
            for (String crd : List.of(lookupCrd("alphas", "Alpha", "v2", "Namespaced"), lookupCrd("betas", "Beta", "v1", "Namespaced"),
                    lookupCrd("gammas", "Gamma", "v2", "Cluster"))) {
                site.resource(site.apiextensions().v1().customResourceDefinitions()
                        .load(new ByteArrayInputStream(crd.getBytes(StandardCharsets.UTF_8))).item())
                        .serverSideApply();
            }
            clusters.await("the lookup CRDs served", WAIT, () -> assertThat(site.getApiGroup("lookup.example.org")
                    .getPreferredVersion().getVersion()).isEqualTo("v2"));
        }
        PlanFixtures.create(primary, """
                apiVersion: lookup.example.org/v1
                kind: Beta
                metadata: {name: b1, namespace: %s}
                spec: {size: 2}
                """.formatted(app));
        primary.resource(configMap("settings", "v1")).create();
        scene.plans().resource(plan(Map.of("protect", "{namespaces: [" + app + "], resources: [{kind: ConfigMap},"
                + " {group: lookup.example.org, kind: Beta}, {group: example.com, kind: Widget},"
                + " {group: lookup.example.org, kind: Gamma}]}"))).create();

        var betas = new ResourceDefinitionContext.Builder().withGroup("lookup.example.org")
                .withVersion("v1").withPlural("betas").withKind("Beta").withNamespaced(true).build();
        clusters.await("the served kinds copied, the others named", WAIT, () -> {
            assertThat(data(standby, "settings")).isEqualTo("v1");
            var copy = standby.genericKubernetesResources(betas).inNamespace(app).withName("b1").get();
            assertThat(copy.getMetadata().getLabels()).containsEntry("pilotlight.io/plan", PLAN);
            assertThat(copy.getAdditionalProperties()).containsEntry("spec", Map.of("size", 2));
            Condition inSync = condition(standby, ns, PLAN, ConditionTypes.STANDBY_IN_SYNC);
            assertThat(inSync.getStatus()).isEqualTo(ConditionStatus.FALSE);
            assertThat(inSync.getReason()).isEqualTo(Reasons.UNKNOWN_KIND);
            assertThat(inSync.getMessage()).contains("example.com/Widget (not served by the primary)")
                    .contains("lookup.example.org/Gamma (cluster-scoped: only namespaced kinds can be protected)")
                    .doesNotContain("Beta").doesNotContain("ConfigMap (");
        });
    }

    private static String lookupCrd(String plural, String kind, String version, String scope) {
        return """
                apiVersion: apiextensions.k8s.io/v1
                kind: CustomResourceDefinition
                metadata: {name: %1$s.lookup.example.org}
                spec:
                  group: lookup.example.org
                  scope: %5$s
                  names: {plural: %1$s, singular: %3$s, kind: %2$s}
                  versions:
                  - name: %4$s
                    served: true
                    storage: true
                    schema: {openAPIV3Schema: {type: object, x-kubernetes-preserve-unknown-fields: true}}
                """.formatted(plural, kind, kind.toLowerCase(Locale.ROOT), version, scope);
    }

    @Test
    void primaryOutageDeletesNothingAndSyncResumes() {
        KubernetesClient primary = clusters.primary();
        KubernetesClient standby = clusters.standby();
        int count = 150;
        IntStream.range(0, count).forEach(i -> primary.resource(configMap("cm-" + i, "v1")).create());
        scene.plans().resource(plan(Map.of("sync", "{interval: 10s}"))).create();

        clusters.await("the sync has started", WAIT, () -> assertThat(copies(standby)).isNotEmpty());
        long logMark = operatorLog().length();
        clusters.clusters().stop(Site.PRIMARY);
        Set<String> before;
        try {
            before = copies(standby);
            clusters.await("the outage is reported", WAIT, () -> {
                Condition c = condition(standby, ns, PLAN, ConditionTypes.STANDBY_IN_SYNC);
                assertThat(c.getStatus()).isEqualTo(ConditionStatus.UNKNOWN);
                assertThat(c.getReason()).isEqualTo(Reasons.SITE_UNREACHABLE);
            });
            clusters.await("full passes tried during the outage", WAIT, () -> assertThat(operatorLog().substring((int) logMark))
                    .contains("sync of plan " + ns + "/" + PLAN + ": full pass").contains("(incomplete: nothing pruned)"));
            assertThat(copies(standby)).as("nothing deleted while the primary is down").containsAll(before);
        } finally {
            clusters.clusters().start(Site.PRIMARY);
        }
        clusters.await("every object copied once the primary is back", WAIT, () -> {
            assertThat(copies(standby)).hasSize(count);
            Condition c = condition(standby, ns, PLAN, ConditionTypes.STANDBY_IN_SYNC);
            assertThat(c.getStatus()).as(c.getMessage()).isEqualTo(ConditionStatus.TRUE);
        });
        primary.resource(configMap("cm-1", "v2")).update();
        primary.configMaps().inNamespace(app).withName("cm-2").delete();
        clusters.await("changes follow again", WAIT, () -> {
            assertThat(data(standby, "cm-1")).isEqualTo("v2");
            assertThat(standby.configMaps().inNamespace(app).withName("cm-2").get()).isNull();
        });
    }

    @Test
    void periodicRepairsDriftOnItsIntervalAndOffStopsSyncing() {
        KubernetesClient primary = clusters.primary();
        KubernetesClient standby = clusters.standby();
        primary.resource(configMap("settings", "v1")).create();
        scene.plans().resource(plan(Map.of("sync", "{mode: Periodic, interval: 10s}"))).create();
        clusters.await("copied by the first pass", WAIT, () -> {
            assertThat(data(standby, "settings")).isEqualTo("v1");
            assertThat(condition(standby, ns, PLAN, ConditionTypes.STANDBY_IN_SYNC).getStatus()).isEqualTo(ConditionStatus.TRUE);
        });

        // A change and a new object between two passes: the next pass brings both (one interval less to wait).
        primary.resource(configMap("settings", "v2")).update();
        ConfigMap copy = standby.configMaps().inNamespace(app).withName("settings").get();
        copy.getData().put("value", "edited on the standby");
        standby.resource(copy).update();
        primary.resource(configMap("other", "v1")).create();
        clusters.await("the next pass copies the change", WAIT, () -> assertThat(data(standby, "settings")).isEqualTo("v2"));
        clusters.await("a new object comes with a later pass", WAIT, () -> assertThat(data(standby, "other")).isEqualTo("v1"));

        ConfigMap again = standby.configMaps().inNamespace(app).withName("other").get();
        again.getData().put("value", "edited on the standby");
        standby.resource(again).update();
        clusters.await("drift repaired and counted", WAIT, () -> {
            assertThat(data(standby, "other")).isEqualTo("v1");
            assertThat(scene.plans().withName(PLAN).get().getStatus().getStandby().getDriftCount()).isEqualTo(1);
        });

        SpecEdit.of(scene.plans(), PLAN, spec -> spec.getSync().setMode(io.pilotlight.api.v1alpha1.plan.SyncMode.OFF));
        clusters.await("Off: reported, not required by Ready", WAIT, () -> {
            Condition c = condition(standby, ns, PLAN, ConditionTypes.STANDBY_IN_SYNC);
            assertThat(c.getStatus()).isEqualTo(ConditionStatus.UNKNOWN);
            assertThat(c.getReason()).isEqualTo(Reasons.SYNC_OFF);
            assertThat(scene.plans().withName(PLAN).get().getStatus().getStandby()).isNull();
            assertThat(condition(standby, ns, PLAN, ConditionTypes.READY).getMessage()).doesNotContain("StandbyInSync");
        });
        assertThat(data(standby, "settings")).as("turning sync off keeps the copies").isEqualTo("v2");
    }

    // ---------------------------------------------------------------- helpers

    private DisasterRecoveryPlan plan(Map<String, String> overrides) {
        Map<String, String> spec = new java.util.HashMap<>(Map.of(
                "protect", "{namespaces: [" + app + "]}",
                "backup", "{enabled: false}"));
        spec.putAll(overrides);
        return PlanFixtures.plan(ns, PLAN, app, "velero", spec);
    }

    private ConfigMap configMap(String name, String value) {
        return new ConfigMapBuilder().withNewMetadata().withName(name).withNamespace(app).endMetadata()
                .withData(Map.of("value", value)).build();
    }

    private String data(KubernetesClient client, String name) {
        ConfigMap cm = client.configMaps().inNamespace(app).withName(name).get();
        return cm == null ? null : cm.getData().get("value");
    }

    /** Names of the ConfigMaps that Pilotlight copied to the standby. */
    private Set<String> copies(KubernetesClient standby) {
        return standby.configMaps().inNamespace(app).withLabel("pilotlight.io/plan", PLAN).list().getItems().stream()
                .map(c -> c.getMetadata().getName()).collect(Collectors.toSet());
    }

    private List<Pod> runningPods(KubernetesClient client, String appLabel) {
        return client.pods().inNamespace(app).withLabel("app", appLabel).list().getItems().stream()
                .filter(p -> p.getMetadata().getDeletionTimestamp() == null).toList();
    }

    private List<Event> events() {
        return clusters.standby().v1().events().inNamespace(ns).list().getItems();
    }

    private static String operatorLog() {
        try {
            Path log = Path.of("target/operator-test.log");
            return Files.exists(log) ? Files.readString(log) : "";
        } catch (IOException e) {
            return "";
        }
    }

}
