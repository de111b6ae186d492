package io.pilotlight.integration;

import static io.pilotlight.integration.PlanFixtures.condition;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceBuilder;
import io.fabric8.kubernetes.api.model.KubernetesResourceList;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaimBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinitionBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.NonNamespaceOperation;
import io.fabric8.kubernetes.client.dsl.Resource;
import io.pilotlight.api.v1alpha1.Condition;
import io.pilotlight.api.v1alpha1.ConditionStatus;
import io.pilotlight.api.v1alpha1.ConditionTypes;
import io.pilotlight.api.v1alpha1.DisasterRecoveryPlan;
import io.pilotlight.api.v1alpha1.Reasons;
import io.pilotlight.core.clusters.SiteClients;
import io.pilotlight.testsupport.SpecEdit;
import io.pilotlight.testsupport.FakeVelero;
import io.pilotlight.testsupport.LocalClusters.Site;
import io.pilotlight.testsupport.OperatorTestResource;
import io.pilotlight.testsupport.TestClusters;
import io.pilotlight.velero.v1.Backup;
import io.pilotlight.velero.v1.BackupSpec;
import io.pilotlight.velero.v1.Schedule;
import io.pilotlight.velero.v1.ScheduleSpec;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The DisasterRecoveryPlan reconciler against the two local clusters: the operator runs in the
 * standby, reaches the primary through a kubeconfig Secret, and Velero's part is played by the test.
 */
@QuarkusTest
@QuarkusTestResource(value = OperatorTestResource.class, restrictToAnnotatedClass = false)
class DisasterRecoveryPlanReconcilerTest {

    private static final Duration WAIT = Duration.ofSeconds(90);

    @Inject
    SiteClients siteClients;

    @TestHTTPResource("/q/health/ready")
    URI readiness;

    @TestHTTPResource("/q/metrics")
    URI metricsEndpoint;

    private TestClusters clusters;
    private FakeVelero velero;
    private String ns;

    @BeforeEach
    void setUp() {
        clusters = TestClusters.open("drp");
        ns = clusters.namespace();
        velero = new FakeVelero(clusters.primary(), ns + "-velero").install();
        clusters.standby().resource(PlanFixtures.kubeconfigSecret(ns, "primary-kubeconfig", "kubeconfig",
                clusters.clusters().kubeconfigContent(Site.PRIMARY))).create();
        clusters.onFailure(() -> "plans:\n" + PlanFixtures.yaml(plans().list().getItems()));
        clusters.onFailure(() -> "schedules on the primary:\n" + PlanFixtures.yaml(schedules().list().getItems()));
    }

    @AfterEach
    void tearDown() {
        plans().delete();
        clusters.await("plans removed", WAIT, () -> assertThat(plans().list().getItems()).isEmpty());
        velero.delete();
        clusters.close();
    }

    @Test
    void ownsAVeleroScheduleThatFollowsThePlanAndGoesWithIt() {
        Schedule foreign = new Schedule();
        foreign.setMetadata(new ObjectMetaBuilder().withName("hand-made")
                .withNamespace(velero.namespace()).build());
        foreign.setSpec(new ScheduleSpec());
        foreign.getSpec().setSchedule("0 3 * * *");
        foreign.getSpec().setTemplate(new BackupSpec()); // Velero's CRD requires one
        schedules().resource(foreign).create();

        int openBefore = siteClients.openClients();
        plans().resource(PlanFixtures.plan(ns, "shop", ns, velero.namespace())).create();
        String name = "pilotlight-" + ns + ".shop";

        clusters.await("Schedule created", WAIT, () -> {
            Schedule s = schedules().withName(name).get();
            assertThat(s).isNotNull();
            assertThat(s.getSpec().getSchedule()).isEqualTo("0 * * * *");
            assertThat(s.getSpec().getTemplate().getIncludedNamespaces()).containsExactly(ns);
            assertThat(s.getSpec().getTemplate().getTtl()).isEqualTo("72h");
            assertThat(s.getSpec().getTemplate().getMetadata().getLabels()).containsEntry("pilotlight.io/plan", "shop");
            assertThat(s.getMetadata().getLabels()).containsEntry("app.kubernetes.io/managed-by", "pilotlight");
        });
        clusters.await("BackupScheduled", WAIT, () -> assertThat(condition(clusters.standby(), ns, "shop",
                ConditionTypes.BACKUP_SCHEDULED)).extracting(Condition::getStatus).isEqualTo(ConditionStatus.TRUE));
        assertThat(siteClients.openClients()).as("one client for the plan's kubeconfig Secret").isEqualTo(openBefore + 1);

        SpecEdit.of(plans(), "shop", spec -> {
            spec.getBackup().setSchedule("*/30 * * * *");
            spec.getBackup().setTtl("24h");
        });
        clusters.await("Schedule updated", WAIT, () -> {
            Schedule s = schedules().withName(name).get();
            assertThat(s.getSpec().getSchedule()).isEqualTo("*/30 * * * *");
            assertThat(s.getSpec().getTemplate().getTtl()).isEqualTo("24h");
        });

        velero.backup("kept-backup", name, "Completed", Instant.now().minusSeconds(120), Instant.now().minusSeconds(60));
        plans().withName("shop").delete();
        clusters.await("Schedule deleted with the plan", WAIT, () -> {
            assertThat(plans().withName("shop").get()).isNull();
            assertThat(schedules().withName(name).get()).isNull();
        });
        assertThat(schedules().withName("hand-made").get()).as("a Schedule Pilotlight did not create").isNotNull();
        clusters.await("the primary's client is closed once no plan uses it", WAIT,
                () -> assertThat(siteClients.openClients()).isEqualTo(openBefore));
        assertThat(clusters.primary().resources(Backup.class).inNamespace(velero.namespace())
                .withName("kept-backup").get()).as("backups are recovery points and are kept").isNotNull();
    }

    @Test
    void backupsDriveLastBackupRpoAndRpoMet() {
        plans().resource(PlanFixtures.plan(ns, "shop", ns, velero.namespace())).create();
        String schedule = "pilotlight-" + ns + ".shop";
        clusters.await("no recovery point yet", WAIT, () -> assertThat(condition(clusters.standby(), ns, "shop",
                ConditionTypes.RPO_MET)).extracting(Condition::getReason).isEqualTo(Reasons.NO_RECOVERY_POINT));

        Instant now = Instant.now();
        velero.backup(schedule + "-1", schedule, "Completed", now.minus(Duration.ofMinutes(10)), now.minus(Duration.ofMinutes(5)));
        clusters.await("completed backup becomes the recovery point", WAIT, () -> {
            DisasterRecoveryPlan p = plans().withName("shop").get();
            assertThat(p.getStatus().getLastBackup().getName()).isEqualTo(schedule + "-1");
            assertThat(p.getStatus().getLastGoodBackup().getName()).isEqualTo(schedule + "-1");
            assertThat(p.getStatus().getRpoSeconds()).isBetween(300L, 420L);
            assertThat(p.getStatus().getRpo()).matches("[5-7]m");
            assertThat(condition(clusters.standby(), ns, "shop", ConditionTypes.RPO_MET).getStatus()).isEqualTo(ConditionStatus.TRUE);
            assertThat(condition(clusters.standby(), ns, "shop", ConditionTypes.READY).getStatus()).isEqualTo(ConditionStatus.TRUE);
        });

        velero.backup(schedule + "-2", schedule, "PartiallyFailed", now.minus(Duration.ofMinutes(2)), now.minus(Duration.ofMinutes(1)));
        velero.backup(schedule + "-3", schedule, "Failed", now.minus(Duration.ofMinutes(1)), null);
        clusters.await("a failed backup is the last backup but not the recovery point", WAIT, () -> {
            DisasterRecoveryPlan p = plans().withName("shop").get();
            assertThat(p.getStatus().getLastBackup().getName()).isEqualTo(schedule + "-3");
            assertThat(p.getStatus().getLastBackup().getPhase()).isEqualTo("Failed");
            // Velero's failure reason quotes the object store's answer: pointed at, never copied
            assertThat(p.getStatus().getLastBackup().getFailureReason())
                    .isEqualTo("see status.failureReason of the Backup on primary (`velero backup describe " + schedule + "-3`)");
            assertThat(p.getStatus().getLastGoodBackup().getName()).isEqualTo(schedule + "-1");
            assertThat(events("shop")).anySatisfy(e -> {
                assertThat(e.getReason()).isEqualTo(Reasons.BACKUP_FAILED);
                assertThat(e.getMessage()).contains(schedule + "-3", "velero backup describe").doesNotContain("simulated failure");
            });
        });

        SpecEdit.of(plans(), "shop", spec -> spec.getObjectives().setRpo("2m"));
        clusters.await("RPO objective missed", WAIT, () -> {
            Condition rpoMet = condition(clusters.standby(), ns, "shop", ConditionTypes.RPO_MET);
            assertThat(rpoMet.getStatus()).isEqualTo(ConditionStatus.FALSE);
            assertThat(rpoMet.getReason()).isEqualTo(Reasons.RPO_EXCEEDED);
            assertThat(rpoMet.getMessage()).contains(schedule + "-1").contains("objective is 2m");
            Condition ready = condition(clusters.standby(), ns, "shop", ConditionTypes.READY);
            assertThat(ready.getStatus()).isEqualTo(ConditionStatus.FALSE);
            assertThat(ready.getMessage()).contains("RPOMet");
        });
        assertThat(events("shop")).anySatisfy(e -> assertThat(e.getReason()).isEqualTo(Reasons.RPO_EXCEEDED));
    }

    @Test
    void invalidSpecsAreReportedAndLeaveNoSchedule() {
        clusters.standby().resource(PlanFixtures.kubeconfigSecret(ns, "wrong-key", "config",
                clusters.clusters().kubeconfigContent(Site.PRIMARY))).create();
        clusters.standby().resource(PlanFixtures.kubeconfigSecret(ns, "garbage", "kubeconfig",
                "clusters: [this is: not: a kubeconfig")).create();
        Map<String, String> cases = Map.of(
                "missing-secret", "{name: dc1, kubeconfigSecretRef: {name: nope}}",
                "missing-key", "{name: dc1, kubeconfigSecretRef: {name: wrong-key}}",
                "not-kubeconfig", "{name: dc1, kubeconfigSecretRef: {name: garbage}}",
                "bad-cron", "{veleroNamespace: " + velero.namespace() + ", schedule: \"61 * * * *\"}",
                "bad-selector", "{namespaces: [" + ns + "], labelSelector: {matchExpressions: [{key: tier, operator: In}]}}",
                "protects-velero", "{namespaces: [" + velero.namespace() + "]}");
        Map<String, String> field = Map.of("missing-secret", "primary", "missing-key", "primary", "not-kubeconfig", "primary",
                "bad-cron", "backup", "bad-selector", "protect", "protects-velero", "protect");
        Map<String, String> expected = Map.of(
                "missing-secret", "Secret " + ns + "/nope does not exist",
                "missing-key", "has no key 'kubeconfig'",
                "not-kubeconfig", "is not a valid kubeconfig",
                "bad-cron", "invalid minute '61'",
                "bad-selector", "operator In needs at least one value",
                "protects-velero", "is Velero's namespace");
        cases.forEach((name, value) -> plans().resource(PlanFixtures.plan(ns, name, ns, velero.namespace(),
                Map.of(field.get(name), value))).create());

        clusters.await("every invalid plan explains itself", WAIT, () -> expected.forEach((name, text) -> {
            Condition ready = condition(clusters.standby(), ns, name, ConditionTypes.READY);
            assertThat(ready).as(name).isNotNull();
            assertThat(ready.getStatus()).as(name).isEqualTo(ConditionStatus.FALSE);
            assertThat(ready.getReason()).as(name).isEqualTo(Reasons.INVALID_SPEC);
            assertThat(ready.getMessage()).as(name).contains(text);
        }));
        assertThat(condition(clusters.standby(), ns, "missing-secret", ConditionTypes.PRIMARY_REACHABLE).getReason())
                .isEqualTo(Reasons.SECRET_NOT_FOUND);
        assertThat(condition(clusters.standby(), ns, "not-kubeconfig", ConditionTypes.PRIMARY_REACHABLE).getReason())
                .isEqualTo(Reasons.INVALID_KUBECONFIG);
        assertThat(schedules().list().getItems()).as("no Schedule for an invalid plan").isEmpty();
        String everything = PlanFixtures.yaml(plans().list().getItems()) + PlanFixtures.yaml(events(null));
        assertThat(everything).as("credentials never leak into status or events")
                .doesNotContain("client-key-data").doesNotContain("LS0tLS1CRUdJTi").doesNotContain("BEGIN");
    }

    @Test
    void primaryOutageIsReportedWhileOtherPlansAreStillServed() {
        clusters.standby().resource(PlanFixtures.kubeconfigSecret(ns, "standby-kubeconfig", "kubeconfig",
                clusters.clusters().kubeconfigContent(Site.STANDBY))).create();
        plans().resource(PlanFixtures.plan(ns, "shop", ns, velero.namespace())).create();
        DisasterRecoveryPlan other = PlanFixtures.plan(ns, "other", ns, velero.namespace());
        other.getSpec().getPrimary().getKubeconfigSecretRef().setName("standby-kubeconfig");
        plans().resource(other).create();
        clusters.await("primary reachable", WAIT, () -> assertThat(condition(clusters.standby(), ns, "shop",
                ConditionTypes.PRIMARY_REACHABLE).getStatus()).isEqualTo(ConditionStatus.TRUE));

        clusters.clusters().stop(Site.PRIMARY);
        try {
            clusters.await("primary unreachable", WAIT, () -> {
                Condition c = condition(clusters.standby(), ns, "shop", ConditionTypes.PRIMARY_REACHABLE);
                assertThat(c.getStatus()).isEqualTo(ConditionStatus.FALSE);
                assertThat(c.getReason()).isEqualTo(Reasons.UNREACHABLE);
                assertThat(condition(clusters.standby(), ns, "shop", ConditionTypes.READY).getStatus())
                        .isEqualTo(ConditionStatus.FALSE);
            });
            DisasterRecoveryPlan o = plans().withName("other").get();
            o.getSpec().getObjectives().setRto("5m");
            long generation = plans().resource(o).update().getMetadata().getGeneration();
            clusters.await("the other plan is still reconciled", WAIT, () -> assertThat(plans().withName("other").get()
                    .getStatus().getObservedGeneration()).isEqualTo(generation));
        } finally {
            clusters.clusters().start(Site.PRIMARY);
        }
        clusters.await("primary reachable again", WAIT, () -> assertThat(condition(clusters.standby(), ns, "shop",
                ConditionTypes.PRIMARY_REACHABLE).getStatus()).isEqualTo(ConditionStatus.TRUE));
        assertThat(events("shop")).anySatisfy(e -> {
            assertThat(e.getReason()).isEqualTo(Reasons.UNREACHABLE);
            assertThat(e.getType()).isEqualTo("Warning");
        });
    }

    @Test
    void standbyMissingACrdOrStorageClassIsIncompatible() {
        KubernetesClient primary = clusters.primary();
        String group = ns + ".compat.pilotlight.io";
        CustomResourceDefinition crd = new CustomResourceDefinitionBuilder().withNewMetadata().withName("gadgets." + group).endMetadata()
                .withNewSpec().withGroup(group).withScope("Namespaced")
                .withNewNames().withKind("Gadget").withPlural("gadgets").withSingular("gadget").endNames()
                .addNewVersion().withName("v1").withServed(true).withStorage(true)
                .withNewSchema().withNewOpenAPIV3Schema().withType("object").withXKubernetesPreserveUnknownFields(true)
                .endOpenAPIV3Schema().endSchema().endVersion().endSpec().build();
        primary.resource(crd).create();
        clusters.await("CRD established", WAIT, () -> assertThat(primary.apiextensions().v1().customResourceDefinitions()
                .withName("gadgets." + group).get().getStatus().getConditions())
                .anySatisfy(c -> assertThat(c.getType()).isEqualTo("Established")));
        clusters.await("gadget created", WAIT, () -> primary.genericKubernetesResources(group + "/v1", "Gadget").inNamespace(ns)
                .resource(new GenericKubernetesResourceBuilder().withApiVersion(group + "/v1").withKind("Gadget")
                        .withNewMetadata().withName("g1").endMetadata().build()).create());
        primary.resource(new PersistentVolumeClaimBuilder().withNewMetadata().withName("data").withNamespace(ns).endMetadata()
                .withNewSpec().withStorageClassName("fast-ssd-" + ns).withAccessModes("ReadWriteOnce")
                .withNewResources().withRequests(Map.of("storage", new Quantity("1Gi"))).endResources().endSpec().build()).create();
        try {
            plans().resource(PlanFixtures.plan(ns, "shop", ns, velero.namespace())).create();
            clusters.await("incompatible", WAIT, () -> {
                Condition c = condition(clusters.standby(), ns, "shop", ConditionTypes.STANDBY_COMPATIBLE);
                assertThat(c.getStatus()).isEqualTo(ConditionStatus.FALSE);
                assertThat(c.getReason()).isEqualTo(Reasons.MISSING_CRD);
                assertThat(c.getMessage()).contains("gadgets." + group).contains("StorageClass fast-ssd-" + ns)
                        .contains("2 blocker(s)");
            });

            CustomResourceDefinition standbyCrd = new CustomResourceDefinitionBuilder(crd).editMetadata().withResourceVersion(null)
                    .endMetadata().build();
            clusters.standby().resource(standbyCrd).create();
            // Two namespaces: the PVCs are now read with one cluster-wide list (the test's identity may list them everywhere).
            primary.resource(new NamespaceBuilder().withNewMetadata().withName(ns + "-b").endMetadata().build()).create();
            SpecEdit.of(plans(), "shop", spec -> {
                spec.getProtect().setNamespaces(List.of(ns, ns + "-b"));
                spec.getObjectives().setRto("10m"); // a new generation: compatibility is checked again
            });
            clusters.await("only the StorageClass is missing now", WAIT, () -> {
                Condition c = condition(clusters.standby(), ns, "shop", ConditionTypes.STANDBY_COMPATIBLE);
                assertThat(c.getReason()).isEqualTo(Reasons.MISSING_STORAGE_CLASS);
                assertThat(c.getMessage()).contains("1 blocker(s)").doesNotContain("gadgets");
            });
        } finally {
            primary.apiextensions().v1().customResourceDefinitions().withName("gadgets." + group).delete();
            clusters.standby().apiextensions().v1().customResourceDefinitions().withName("gadgets." + group).delete();
            primary.namespaces().withName(ns + "-b").delete();
            clusters.standby().namespaces().withName(ns + "-b").delete();
        }
    }

    @Test
    void kubeconfigSecretChangesAreFollowed() {
        plans().resource(PlanFixtures.plan(ns, "shop", ns, velero.namespace())).create();
        clusters.await("primary reachable", WAIT, () -> assertThat(condition(clusters.standby(), ns, "shop",
                ConditionTypes.PRIMARY_REACHABLE).getStatus()).isEqualTo(ConditionStatus.TRUE));

        clusters.standby().resource(PlanFixtures.kubeconfigSecret(ns, "primary-kubeconfig", "kubeconfig", "not: [a kubeconfig"))
                .update();
        clusters.await("a broken Secret is reported", WAIT, () -> {
            Condition ready = condition(clusters.standby(), ns, "shop", ConditionTypes.READY);
            assertThat(ready.getReason()).isEqualTo(Reasons.INVALID_SPEC);
            assertThat(ready.getMessage()).contains("spec.primary.kubeconfigSecretRef").contains("is not a valid kubeconfig");
        });

        clusters.standby().resource(PlanFixtures.kubeconfigSecret(ns, "primary-kubeconfig", "kubeconfig",
                clusters.clusters().kubeconfigContent(Site.PRIMARY))).update();
        clusters.await("the repaired Secret is used again", WAIT, () -> {
            assertThat(condition(clusters.standby(), ns, "shop", ConditionTypes.READY).getReason()).isNotEqualTo(Reasons.INVALID_SPEC);
            assertThat(condition(clusters.standby(), ns, "shop", ConditionTypes.BACKUP_SCHEDULED).getStatus())
                    .isEqualTo(ConditionStatus.TRUE);
        });
    }

    @Test
    void aSettledPlanIsNotPatchedAgain() {
        // Sync off: its figures (last full sync) legitimately move on every full pass.
        plans().resource(PlanFixtures.plan(ns, "shop", ns, velero.namespace(), Map.of("sync", "{mode: \"Off\"}"))).create();
        clusters.await("plan settled", WAIT, () -> assertThat(condition(clusters.standby(), ns, "shop",
                ConditionTypes.STANDBY_COMPATIBLE).getStatus()).isEqualTo(ConditionStatus.TRUE));
        String settled = plans().withName("shop").get().getMetadata().getResourceVersion();
        // Three health-check intervals find nothing new: no status patch, so no new resourceVersion.
        Awaitility.await("no patch while nothing changes").during(Duration.ofSeconds(6)).atMost(Duration.ofSeconds(20))
                .until(() -> plans().withName("shop").get().getMetadata().getResourceVersion(), settled::equals);
    }

    @Test
    void healthAndMetricsAreServed() throws Exception {
        plans().resource(PlanFixtures.plan(ns, "shop", ns, velero.namespace())).create();
        clusters.await("plan reconciled", WAIT, () -> assertThat(condition(clusters.standby(), ns, "shop",
                ConditionTypes.READY)).isNotNull());
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> ready = http.send(HttpRequest.newBuilder(readiness).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(ready.statusCode()).as(ready.body()).isEqualTo(200);
        clusters.await("metrics of the plan", WAIT, () -> {
            String metrics = http.send(HttpRequest.newBuilder(metricsEndpoint).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            assertThat(metrics).contains("pilotlight_site_reachable{namespace=\"" + ns + "\",plan=\"shop\",role=\"primary\"} 1.0")
                    .contains("pilotlight_plan_rpo_seconds{namespace=\"" + ns + "\",plan=\"shop\"}")
                    .contains("pilotlight_plan_ready{namespace=\"" + ns + "\",plan=\"shop\"}");
        });
    }

    private List<Event> events(String plan) {
        return clusters.standby().v1().events().inNamespace(ns).list().getItems().stream()
                .filter(e -> plan == null || plan.equals(e.getInvolvedObject().getName())).toList();
    }

    private NonNamespaceOperation<DisasterRecoveryPlan, KubernetesResourceList<DisasterRecoveryPlan>, Resource<DisasterRecoveryPlan>> plans() {
        return clusters.standby().resources(DisasterRecoveryPlan.class).inNamespace(ns);
    }

    private NonNamespaceOperation<Schedule, KubernetesResourceList<Schedule>, Resource<Schedule>> schedules() {
        return clusters.primary().resources(Schedule.class).inNamespace(velero.namespace());
    }
}
