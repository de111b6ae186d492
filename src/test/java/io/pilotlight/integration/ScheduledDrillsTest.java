package io.pilotlight.integration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.pilotlight.api.v1alpha1.Condition;
import io.pilotlight.api.v1alpha1.ConditionStatus;
import io.pilotlight.api.v1alpha1.ConditionTypes;
import io.pilotlight.api.v1alpha1.DisasterRecoveryPlan;
import io.pilotlight.api.v1alpha1.Failover;
import io.pilotlight.api.v1alpha1.Reasons;
import io.pilotlight.api.v1alpha1.failover.FailoverPhase;
import io.pilotlight.api.v1alpha1.failover.SiteChanges;
import io.pilotlight.api.v1alpha1.plan.DrillStatus;
import io.pilotlight.core.ActiveFailovers;
import io.pilotlight.core.PlanLabels;
import io.pilotlight.failover.report.ReportConfigMap;
import io.pilotlight.testsupport.OperatorTestResource;
import io.pilotlight.testsupport.TestClusters;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Scheduled drills between the two local clusters (the operator in the standby): a real every-minute
 * schedule makes a Drill that the plan's status, condition, events and the Drill's report record; a
 * drill that comes due while a Planned failover waits (for an approval before its quiesce) is held
 * back until that one is gone; the history limit holds. A schedule of {@code @every 3s} stands in
 * for "many minutes later", so that the test waits for one minute only.
 */
@QuarkusTest
@QuarkusTestResource(value = OperatorTestResource.class, restrictToAnnotatedClass = false)
class ScheduledDrillsTest {

    private static final Duration WAIT = Duration.ofSeconds(180);
    private static final String PLAN = "shop";

    private AppScene scene;
    private TestClusters clusters;
    private String ns;
    private String app;

    @BeforeEach
    void setUp() {
        scene = AppScene.open("sdr");
        clusters = scene.clusters();
        ns = scene.ns();
        app = scene.app();
        clusters.onFailure(() -> "plan events:\n" + PlanFixtures.yaml(planEvents().stream()
                .map(e -> e.getReason() + " x" + e.getCount() + ": " + e.getMessage()).toList()));
        PlanFixtures.create(clusters.primary(), """
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: web, namespace: %s}
                spec:
                  replicas: 1
                  selector: {matchLabels: {app: web}}
                  template:
                    metadata: {labels: {app: web}}
                    # 1 s: each drill waits for the namespace of the one before it to go, which waits on its Pods' grace period.
                    spec: {terminationGracePeriodSeconds: 1, containers: [{name: web, image: registry.invalid/web:1}]}
                """.formatted(app));
    }

    @AfterEach
    void tearDown() {
        scene.removePlans(WAIT);
        clusters.standby().namespaces().withLabel(PlanLabels.PLAN_NAMESPACE, ns).delete();
        scene.close(WAIT);
    }

    @Test
    void aScheduledDrillRunsIsRecordedWaitsForAPlannedFailoverAndKeepsItsHistoryLimit() {
        scene.plans().resource(plan("'* * * * *'")).create();
        clusters.await("the standby is in sync", WAIT, () -> assertThat(
                PlanFixtures.condition(clusters.standby(), ns, PLAN, ConditionTypes.STANDBY_IN_SYNC).getStatus())
                .isEqualTo(ConditionStatus.TRUE));

        // At most a minute until the schedule's next minute, then the drill itself.
        clusters.await("the first scheduled drill completed and is in the plan's status", Duration.ofSeconds(150), () -> {
            DrillStatus drill = scene.plans().withName(PLAN).get().getStatus().getDrill();
            assertThat(drill).isNotNull();
            assertThat(drill.getLast()).isNotNull();
            assertThat(drill.getLast().getResult()).isEqualTo("Completed");
            assertThat(condition(ConditionTypes.DRILL_SUCCEEDED).getReason()).isEqualTo(Reasons.LAST_DRILL_SUCCEEDED);
        });
        DrillStatus drill = scene.plans().withName(PLAN).get().getStatus().getDrill();
        String first = drill.getLast().getName();
        assertThat(first).startsWith(PLAN + "-drill-");
        assertThat(drill.getLast().getScheduled()).isTrue();
        assertThat(drill.getLast().getRtoSeconds()).isNotNull();
        assertThat(drill.getPredictedRtoSeconds()).isEqualTo(drill.getLast().getRtoSeconds());
        assertThat(Instant.parse(drill.getNextRunAt())).isAfter(Instant.parse(drill.getLast().getStartedAt()));
        assertThat(condition(ConditionTypes.DRILL_SUCCEEDED).getStatus()).isEqualTo(ConditionStatus.TRUE);
        assertThat(planEvents()).extracting(Event::getReason).contains(Reasons.DRILL_SCHEDULED, Reasons.DRILL_COMPLETED);
        Failover firstDrill = scene.failovers().withName(first).get();
        assertThat(firstDrill.getStatus().getReport().getSites()).extracting(SiteChanges::getSite, SiteChanges::getRole)
                .contains(tuple("dc2", "target"));
        ConfigMap report = clusters.standby().configMaps().inNamespace(ns).withName(ReportConfigMap.name(firstDrill)).get();
        assertThat(report.getData().get(ReportConfigMap.KEY)).startsWith("# Failover report: " + ns + "/" + first)
                .contains("| Type | Drill, ToStandby, from dc1 to dc2 |", "| DrillCopy |", "RTO achieved / objective");
        assertThat(report.getMetadata().getOwnerReferences()).singleElement()
                .satisfies(o -> assertThat(o.getUid()).isEqualTo(firstDrill.getMetadata().getUid()));

        scene.failovers().resource(PlanFixtures.failover(ns, PLAN, "hold", "{type: Planned}")).create();
        clusters.await("the Planned failover waits for its approval", WAIT, () -> assertThat(scene.failovers().withName("hold").get()
                .getStatus().getPhase()).isEqualTo(FailoverPhase.WAITING_APPROVAL));
        Instant held = Instant.now();
        schedule("@every 3s");
        clusters.await("a drill came due and waits for the Planned failover", WAIT, () -> assertThat(planEvents())
                .anySatisfy(e -> assertThat(e.getReason()).isEqualTo(Reasons.DRILL_DEFERRED)));
        assertThat(scheduledDrills()).as("no drill started while the Planned failover ran")
                .allSatisfy(f -> assertThat(Instant.parse(f.getMetadata().getCreationTimestamp())).isBefore(held));

        scene.failovers().withName("hold").delete();
        Set<String> seen = new HashSet<>();
        clusters.await("three more drills ran and the oldest went", WAIT, () -> {
            scheduledDrills().forEach(f -> seen.add(f.getMetadata().getName()));
            assertThat(seen).hasSizeGreaterThanOrEqualTo(4);
            assertThat(scene.failovers().withName(first).get()).as("the first drill, beyond historyLimit 2").isNull();
        });
        schedule("0 0 1 1 *");
        clusters.await("the history holds its limit once the drills are cleaned up", WAIT, () -> {
            List<Failover> kept = scheduledDrills();
            assertThat(kept).hasSize(2).allSatisfy(f -> assertThat(ActiveFailovers.ended(f)).isTrue());
            // Each drill waited for the copies of the one before it to go, so none ran into them.
            assertThat(condition(ConditionTypes.DRILL_SUCCEEDED).getStatus()).isEqualTo(ConditionStatus.TRUE);
        });
    }

    /** A merge patch, as kubectl patch makes it: a full edit would race the operator's status writes (409). */
    private void schedule(String schedule) {
        scene.plans().withName(PLAN).patch(PatchContext.of(PatchType.JSON_MERGE),
                "{\"spec\": {\"failover\": {\"drill\": {\"schedule\": \"" + schedule + "\"}}}}");
    }

    private List<Failover> scheduledDrills() {
        return scene.failovers().withLabel(PlanLabels.SCHEDULED_DRILL, "true").list().getItems();
    }

    private Condition condition(String type) {
        return PlanFixtures.condition(clusters.standby(), ns, PLAN, type);
    }

    private List<Event> planEvents() {
        return clusters.standby().v1().events().inNamespace(ns).list().getItems().stream()
                .filter(e -> "DisasterRecoveryPlan".equals(e.getInvolvedObject().getKind())).toList();
    }

    private DisasterRecoveryPlan plan(String schedule) {
        return PlanFixtures.plan(ns, PLAN, app, "velero", Map.of("protect", "{namespaces: [" + app + "]}", "backup", "{enabled: false}",
                "failover", "{readinessTimeout: 2m, drill: {schedule: " + schedule + ", historyLimit: 2, ttl: 1s, maxAge: 1h},"
                        + " beforeQuiesce: [{name: hold, approval: {}}]}"));
    }

}
