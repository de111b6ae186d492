package io.pilotlight.integration;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.KubernetesResourceList;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.NonNamespaceOperation;
import io.fabric8.kubernetes.client.dsl.Resource;
import io.pilotlight.api.v1alpha1.ConditionStatus;
import io.pilotlight.api.v1alpha1.ConditionTypes;
import io.pilotlight.api.v1alpha1.DisasterRecoveryPlan;
import io.pilotlight.api.v1alpha1.Failover;
import io.pilotlight.api.v1alpha1.Reasons;
import io.pilotlight.api.v1alpha1.failover.FailoverPhase;
import io.pilotlight.api.v1alpha1.failover.FailoverStep;
import io.pilotlight.api.v1alpha1.failover.StepState;
import io.pilotlight.core.PlanLabels;
import io.pilotlight.testsupport.LocalClusters.Site;
import io.pilotlight.testsupport.OperatorTestResource;
import io.pilotlight.testsupport.RealVelero;
import io.pilotlight.testsupport.Scripts;
import io.pilotlight.testsupport.TestClusters;
import io.pilotlight.velero.v1.Backup;
import io.pilotlight.velero.v1.BackupPhase;
import io.pilotlight.velero.v1.BackupSpec;
import io.pilotlight.velero.v1.Restore;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The plan and the failover against a real Velero v1.18 server on each cluster (hack/testenv/velero.sh),
 * sharing one S3Proxy bucket: real Backups from the plan's Schedule, a final backup, Restores on the
 * standby, and Velero's own failure outcomes. Nothing here writes a Velero status.
 */
@QuarkusTest
@QuarkusTestResource(value = OperatorTestResource.class, restrictToAnnotatedClass = false)
class RealVeleroTest {

    private static final Duration WAIT = Duration.ofSeconds(180);
    private static final Duration SCHEDULE_WAIT = Duration.ofMinutes(4);
    private static final String PLAN = "shop";
    private static final String VELERO = RealVelero.NAMESPACE;
    // A Schedule that does not fire while a test runs, so that the newest backup is the one the test takes.
    private static final String ONLY_MANUAL_BACKUPS = "{veleroNamespace: " + VELERO + ", schedule: \"0 0 1 1 *\", ttl: 1h}";

    private RealVelero velero;
    private TestClusters clusters;
    private String ns;
    private String app;
    private String schedule;

    @BeforeEach
    void setUp() {
        velero = RealVelero.get();
        clusters = TestClusters.open("velero");
        ns = clusters.namespace();
        app = ns + "-app";
        schedule = PlanLabels.scheduleName(plan(Map.of()));
        clusters.primary().resource(new NamespaceBuilder().withNewMetadata().withName(app).endMetadata().build()).create();
        PlanFixtures.create(clusters.primary(), appYaml());
        clusters.standby().resource(PlanFixtures.kubeconfigSecret(ns, "primary-kubeconfig", "kubeconfig",
                clusters.clusters().kubeconfigContent(Site.PRIMARY))).create();
        clusters.onFailure(() -> "plans:\n" + PlanFixtures.yaml(plans().list().getItems()));
        clusters.onFailure(() -> "failovers:\n" + PlanFixtures.yaml(failovers().list().getItems()));
        for (Site site : Site.values()) {
            clusters.onFailure(() -> "Velero Backups and Restores of this test on " + site.siteName() + ":\n"
                    + PlanFixtures.yaml(ours(clusters.client(site).resources(Backup.class).inNamespace(VELERO).list().getItems()))
                    + PlanFixtures.yaml(ours(clusters.client(site).resources(Restore.class).inNamespace(VELERO).list().getItems())));
            clusters.onFailure(() -> "velero server log on " + site.siteName() + ":\n" + velero.logTail(site, 25));
        }
    }

    @AfterEach
    void tearDown() {
        failovers().delete();
        plans().delete();
        clusters.await("plans removed", WAIT, () -> assertThat(plans().list().getItems()).isEmpty());
        for (Site site : Site.values()) {
            clusters.client(site).namespaces().withName(app).delete();
        }
        clusters.standby().namespaces().withName(app + "-drill").delete();
        clusters.close();
    }

    @Test
    void thePlansScheduleMakesRealBackupsThatTheRecoveryPointFollows() {
        plans().resource(plan(Map.of())).create();
        restartThePrimarysVeleroOnceTheScheduleIsDue();
        clusters.await("Velero backs the namespace up on the schedule, and the plan follows", SCHEDULE_WAIT, () -> {
            DisasterRecoveryPlan p = plans().withName(PLAN).get();
            assertThat(p.getStatus().getLastGoodBackup()).isNotNull();
            assertThat(p.getStatus().getLastGoodBackup().getName()).startsWith(schedule + "-");
            assertThat(p.getStatus().getLastGoodBackup().getPhase()).isEqualTo("Completed");
            assertThat(p.getStatus().getRpoSeconds()).isBetween(0L, 180L);
            assertThat(PlanFixtures.condition(clusters.standby(), ns, PLAN, ConditionTypes.RPO_MET).getStatus())
                    .isEqualTo(ConditionStatus.TRUE);
        });
        String first = plans().withName(PLAN).get().getStatus().getLastGoodBackup().getName();
        Backup backup = clusters.primary().resources(Backup.class).inNamespace(VELERO).withName(first).get();
        assertThat(backup.getSpec().getIncludedNamespaces()).containsExactly(app);
        assertThat(backup.getStatus().getProgress().getItemsBackedUp()).as("the Deployment, the ConfigMap, the PodTemplate...")
                .isGreaterThanOrEqualTo(3);
        // A newer backup of the Schedule, taken now rather than awaited a minute (the schedule may still add its own).
        clusters.primary().resource(scheduleBackup(schedule + "-now")).create();
        clusters.await("the newer backup becomes the recovery point", WAIT, () -> {
            DisasterRecoveryPlan p = plans().withName(PLAN).get();
            assertThat(p.getStatus().getLastGoodBackup().getName()).isNotEqualTo(first).startsWith(schedule + "-");
            assertThat(p.getStatus().getLastBackup().getName()).isEqualTo(p.getStatus().getLastGoodBackup().getName());
        });
    }

    @Test
    void aBackupToALocationThatDoesNotExistFailsValidationAndThePlanSaysWhy() {
        plans().resource(plan(Map.of("backup", ONLY_MANUAL_BACKUPS))).create();
        awaitTheSchedule();
        Backup wrong = scheduleBackup(schedule + "-nowhere");
        wrong.getSpec().setStorageLocation("nowhere");
        clusters.primary().resource(wrong).create();
        clusters.await("Velero fails its validation and the plan reports it", WAIT, () -> {
            Backup b = clusters.primary().resources(Backup.class).inNamespace(VELERO).withName(schedule + "-nowhere").get();
            assertThat(b.getStatus().phase()).isEqualTo(BackupPhase.FAILED_VALIDATION);
            assertThat(b.getStatus().getValidationErrors()).anySatisfy(e -> assertThat(e).contains("nowhere"));
            DisasterRecoveryPlan p = plans().withName(PLAN).get();
            assertThat(p.getStatus().getLastBackup().getName()).isEqualTo(schedule + "-nowhere");
            assertThat(p.getStatus().getLastBackup().getPhase()).isEqualTo("FailedValidation");
            assertThat(p.getStatus().getLastBackup().getFailureReason())
                    .isEqualTo("1 validation error(s): see status.validationErrors of the Backup on primary (`velero backup describe "
                            + schedule + "-nowhere`)");
            assertThat(p.getStatus().getLastGoodBackup()).isNull();
        });
    }

    @Test
    void theStandbysReadOnlyLocationRefusesBackups() {
        Backup onStandby = scheduleBackup(ns + "-on-standby");
        clusters.standby().resource(onStandby).create();
        clusters.await("Velero on the standby refuses to write to its ReadOnly location", WAIT, () -> {
            Backup b = clusters.standby().resources(Backup.class).inNamespace(VELERO).withName(ns + "-on-standby").get();
            assertThat(b.getStatus().phase()).isEqualTo(BackupPhase.FAILED_VALIDATION);
            assertThat(b.getStatus().getValidationErrors()).anySatisfy(e -> assertThat(e).containsIgnoringCase("read-only"));
        });
    }

    @Test
    void aPlannedFailoverTakesARealFinalBackupAndRestoresItOnTheStandby() {
        plans().resource(plan(Map.of("failover", "{restoreVolumes: true}"))).create();
        awaitInSync();
        awaitTheSchedule();
        assertThat(marker(clusters.standby(), app)).as("PodTemplates are not synced: only a restore brings it").isNull();

        failovers().resource(failover("planned", "{type: Planned}")).create();
        clusters.await("Velero completes the final backup on the primary", WAIT, () -> {
            Backup b = clusters.primary().resources(Backup.class).inNamespace(VELERO).withName(ns + "-planned-final").get();
            assertThat(b.getStatus().phase()).isEqualTo(BackupPhase.COMPLETED);
            assertThat(b.getMetadata().getLabels()).containsEntry("velero.io/schedule-name", schedule);
        });
        // Velero on the standby lists a backup of the shared bucket within its minute's sync; a restart syncs at once.
        velero.restart(Site.STANDBY);

        Failover done = awaitPhase("planned", FailoverPhase.COMPLETED);
        assertThat(done.getStatus().getSteps()).extracting(FailoverStep::getName).containsSubsequence("Quiesce", "FinalBackup",
                "Restore", "ScaleUp/all");
        assertThat(PlanFixtures.step(done, "Restore").getMessage()).contains("Restore " + ns + "-planned-restore from backup " + ns + "-planned-final completed");
        Restore restore = clusters.standby().resources(Restore.class).inNamespace(VELERO).withName(ns + "-planned-restore").get();
        assertThat(restore.getStatus().getPhase()).isEqualTo("Completed");
        assertThat(marker(clusters.standby(), app)).as("restored by Velero").isNotNull();
        assertThat(clusters.standby().apps().deployments().inNamespace(app).withName("web").get().getStatus().getAvailableReplicas())
                .isEqualTo(2);
    }

    @Test
    void anUnplannedFailoverRestoresTheNewestBackupWhileThePrimaryIsDown() {
        plans().resource(plan(Map.of("backup", ONLY_MANUAL_BACKUPS))).create();
        awaitInSync();
        String backup = completedBackupOnTheStandby(schedule + "-manual");

        clusters.clusters().stop(Site.PRIMARY);
        try {
            failovers().resource(failover("lost", "{type: Unplanned, restore: {enabled: true}}")).create();
            Failover done = awaitPhase("lost", FailoverPhase.COMPLETED);
            assertThat(PlanFixtures.step(done, "Restore").getMessage()).contains("from backup " + backup + " completed");
            assertThat(marker(clusters.standby(), app)).as("restored by Velero").isNotNull();
        } finally {
            clusters.clusters().start(Site.PRIMARY);
            // The primary's server may have given up while its API server was gone.
            velero.ensureUp();
        }
    }

    @Test
    void aDrillRestoresIntoItsOwnNamespaces() {
        plans().resource(plan(Map.of("failover", "{drill: {ttl: 10m}}", "backup", ONLY_MANUAL_BACKUPS))).create();
        awaitInSync();
        String backup = completedBackupOnTheStandby(schedule + "-drill");

        failovers().resource(failover("drill", "{type: Drill, restore: {enabled: true}}")).create();
        Failover done = awaitPhase("drill", FailoverPhase.COMPLETED);
        Restore restore = clusters.standby().resources(Restore.class).inNamespace(VELERO).withName(ns + "-drill-restore").get();
        assertThat(restore.getSpec().getBackupName()).isEqualTo(backup);
        assertThat(restore.getSpec().getNamespaceMapping()).containsEntry(app, app + "-drill");
        assertThat(PlanFixtures.step(done, "Restore").getMessage()).contains("completed");
        assertThat(marker(clusters.standby(), app + "-drill")).as("restored into the drill's namespace").isNotNull();
        assertThat(marker(clusters.standby(), app)).as("the parked copy is left alone").isNull();
    }

    @Test
    void aRestoreOfABackupWhoseDataIsGoneFails() throws IOException {
        plans().resource(plan(Map.of("failover", "{drill: {ttl: 10m}}"))).create();
        awaitInSync();
        String backup = completedBackupOnTheStandby(schedule + "-gone");
        deleteFromTheBucket(backup);

        failovers().resource(failover("gone", "{type: Drill, restore: {enabled: true, backupName: " + backup + "}}")).create();
        Failover failed = awaitPhase("gone", FailoverPhase.FAILED);
        FailoverStep restoreStep = PlanFixtures.step(failed, "Restore");
        assertThat(restoreStep.getState()).isEqualTo(StepState.FAILED);
        // Velero's failure reason holds S3Proxy's answer (NoSuchKey, a RequestID): pointed at, not copied
        assertThat(restoreStep.getMessage()).contains("Restore " + ns + "-gone-restore from backup " + backup + " Failed",
                "velero restore describe " + ns + "-gone-restore` on dc2").doesNotContain("NoSuchKey", "RequestID");
        assertThat(failed.getStatus().getConditions()).anySatisfy(c -> assertThat(c.getReason()).isEqualTo(Reasons.RESTORE_FAILED));
    }

    /**
     * Velero's schedule controller looks at its Schedules once a minute from its start, and at once when
     * it starts: so the first backup of a new every-minute Schedule came up to 2 minutes after it, and comes
     * within seconds when the primary's server is restarted once the Schedule's first minute has begun.
     */
    private void restartThePrimarysVeleroOnceTheScheduleIsDue() {
        Instant created = Instant.parse(awaitTheSchedule().getMetadata().getCreationTimestamp());
        Instant due = created.truncatedTo(ChronoUnit.MINUTES).plus(Duration.ofMinutes(1));
        clusters.await("the Schedule's first minute has begun", Duration.ofSeconds(75),
                () -> assertThat(Instant.now()).isAfter(due.plusSeconds(1)));
        velero.restart(Site.PRIMARY);
    }

    /** The plan's Schedule on the primary, once the operator made it. */
    private io.pilotlight.velero.v1.Schedule awaitTheSchedule() {
        clusters.await("the plan's Schedule exists", WAIT, () -> assertThat(scheduleOnThePrimary().get()).isNotNull());
        return scheduleOnThePrimary().get();
    }

    private Resource<io.pilotlight.velero.v1.Schedule> scheduleOnThePrimary() {
        return clusters.primary().resources(io.pilotlight.velero.v1.Schedule.class).inNamespace(VELERO).withName(schedule);
    }

    /** A backup of the plan's Schedule taken now (as `velero backup create --from-schedule`), Completed and listed on the standby. */
    private String completedBackupOnTheStandby(String name) {
        awaitTheSchedule();
        clusters.primary().resource(scheduleBackup(name)).create();
        clusters.await("Velero completes backup " + name, WAIT, () -> assertThat(clusters.primary().resources(Backup.class)
                .inNamespace(VELERO).withName(name).get().getStatus().phase()).isEqualTo(BackupPhase.COMPLETED));
        velero.restart(Site.STANDBY);
        clusters.await("Velero on the standby lists backup " + name, WAIT, () -> assertThat(clusters.standby().resources(Backup.class)
                .inNamespace(VELERO).withName(name).get().getStatus().phase()).isEqualTo(BackupPhase.COMPLETED));
        return name;
    }

    private Backup scheduleBackup(String name) {
        Backup backup = new Backup();
        backup.setMetadata(new ObjectMetaBuilder().withName(name).withNamespace(VELERO)
                .withLabels(Map.of("velero.io/schedule-name", schedule)).build());
        BackupSpec spec = new BackupSpec();
        spec.setIncludedNamespaces(List.of(app));
        spec.setTtl("1h");
        backup.setSpec(spec);
        return backup;
    }

    /** Removes a backup's data from the S3Proxy bucket (a folder on disk): the storage lost it. */
    private static void deleteFromTheBucket(String backup) throws IOException {
        Path dir = Scripts.repo().resolve(".local/velero/s3/pilotlight/backups").resolve(backup);
        assertThat(dir).isDirectory();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    private <T extends io.fabric8.kubernetes.api.model.HasMetadata> List<T> ours(List<T> items) {
        return items.stream().filter(i -> i.getMetadata().getName().contains(ns)).toList();
    }

    private static GenericKubernetesResource marker(KubernetesClient client, String namespace) {
        return client.genericKubernetesResources("v1", "PodTemplate").inNamespace(namespace).withName("restore-marker").get();
    }

    private void awaitInSync() {
        clusters.await("the standby is in sync", WAIT, () -> assertThat(
                PlanFixtures.condition(clusters.standby(), ns, PLAN, ConditionTypes.STANDBY_IN_SYNC).getStatus())
                .isEqualTo(ConditionStatus.TRUE));
    }

    private Failover awaitPhase(String name, FailoverPhase phase) {
        clusters.await("Failover " + name + " is " + phase, Duration.ofMinutes(5), () -> {
            Failover f = failovers().withName(name).get();
            assertThat(f.getStatus()).isNotNull();
            assertThat(f.getStatus().getPhase()).as(() -> "message: " + f.getStatus().getMessage()).isEqualTo(phase);
        });
        return failovers().withName(name).get();
    }

    /** A Deployment and a ConfigMap, which the standby sync copies, and a PodTemplate, which it does not. */
    private String appYaml() {
        return """
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: web, namespace: %1$s}
                spec:
                  replicas: 2
                  selector: {matchLabels: {app: web}}
                  template:
                    metadata: {labels: {app: web}}
                    spec: {containers: [{name: web, image: registry.invalid/web:1}]}
                ---
                apiVersion: v1
                kind: ConfigMap
                metadata: {name: settings, namespace: %1$s}
                data: {color: blue}
                ---
                apiVersion: v1
                kind: PodTemplate
                metadata: {name: restore-marker, namespace: %1$s}
                template:
                  metadata: {labels: {app: marker}}
                  spec: {containers: [{name: marker, image: registry.invalid/marker:1}]}
                """.formatted(app);
    }

    private DisasterRecoveryPlan plan(Map<String, String> overrides) {
        Map<String, String> spec = new HashMap<>(Map.of("backup", "{veleroNamespace: " + VELERO + ", schedule: \"*/1 * * * *\", ttl: 1h}"));
        spec.putAll(overrides);
        return PlanFixtures.plan(ns, PLAN, app, VELERO, spec);
    }

    private Failover failover(String name, String spec) {
        return PlanFixtures.failover(ns, PLAN, name, spec);
    }

    private NonNamespaceOperation<DisasterRecoveryPlan, KubernetesResourceList<DisasterRecoveryPlan>, Resource<DisasterRecoveryPlan>> plans() {
        return clusters.standby().resources(DisasterRecoveryPlan.class).inNamespace(ns);
    }

    private NonNamespaceOperation<Failover, KubernetesResourceList<Failover>, Resource<Failover>> failovers() {
        return clusters.standby().resources(Failover.class).inNamespace(ns);
    }
}
