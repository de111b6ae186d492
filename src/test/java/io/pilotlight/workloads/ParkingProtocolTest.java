package io.pilotlight.workloads;

import static io.pilotlight.testsupport.JsonTrees.map;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.pilotlight.api.v1alpha1.plan.PilotLightSpec;
import io.pilotlight.core.SyncAnnotations;
import io.pilotlight.core.SyncKind;
import io.pilotlight.util.Json;
import io.pilotlight.util.ObjectMaps;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The parking protocol, kind by kind: a parked copy is undone to the object it came from, the
 * in-place patch gives what the copy gets, parking again changes nothing, and a workload started
 * again by hand is parked again with what was recorded the first time. Patches are applied by
 * zjsonpatch, an RFC 6902 implementation of its own, so that they are checked as a server applies them.
 */
class ParkingProtocolTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String PLAN = "ops/shop";
    private static final SyncKind DEPLOYMENT = new SyncKind("apps", "v1", "Deployment", "deployments");
    private static final SyncKind STATEFUL_SET = new SyncKind("apps", "v1", "StatefulSet", "statefulsets");
    private static final SyncKind REPLICA_SET = new SyncKind("apps", "v1", "ReplicaSet", "replicasets");
    private static final SyncKind DAEMON_SET = new SyncKind("apps", "v1", "DaemonSet", "daemonsets");
    private static final SyncKind CRON_JOB = new SyncKind("batch", "v1", "CronJob", "cronjobs");
    private static final SyncKind JOB = new SyncKind("batch", "v1", "Job", "jobs");
    private static final SyncKind HPA = new SyncKind("autoscaling", "v2", "HorizontalPodAutoscaler", "horizontalpodautoscalers");
    private static final SyncKind HPA_V1 = new SyncKind("autoscaling", "v1", "HorizontalPodAutoscaler", "horizontalpodautoscalers");
    private static final SyncKind SCALED_OBJECT = new SyncKind("keda.sh", "v1alpha1", "ScaledObject", "scaledobjects");

    /**
     * An object of a kind as a site serves it, and what undoing its parking gives: the object itself,
     * unless parking recorded an API default for an absent field.
     */
    record Case(String name, SyncKind kind, String yaml, String undone) {

        Case(String name, SyncKind kind, String yaml) {
            this(name, kind, yaml, yaml);
        }

        WorkloadKind workload() {
            return WorkloadKind.of(kind).orElseThrow();
        }

        Map<String, Object> object() {
            return tree(yaml);
        }

        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Case> kinds() {
        return Stream.of(
                new Case("Deployment", DEPLOYMENT, "metadata: {name: web, resourceVersion: '1', annotations: {team: shop}}\nspec: {replicas: 3}"),
                new Case("Deployment without a count", DEPLOYMENT, "metadata: {name: web, resourceVersion: '1'}\nspec: {}",
                        "metadata: {name: web, resourceVersion: '1'}\nspec: {replicas: 1}"),
                new Case("StatefulSet", STATEFUL_SET, "metadata: {name: db, resourceVersion: '1'}\nspec: {replicas: 2}"),
                new Case("ReplicaSet", REPLICA_SET, "metadata: {name: rs, resourceVersion: '1'}\nspec: {replicas: 1}"),
                new Case("DaemonSet", DAEMON_SET, "metadata: {name: agent, resourceVersion: '1'}\n"
                        + "spec: {template: {spec: {nodeSelector: {disk: ssd}, containers: [{name: a, image: 'a:1'}]}}}"),
                new Case("DaemonSet without a node selector", DAEMON_SET, "metadata: {name: agent, resourceVersion: '1'}\n"
                        + "spec: {template: {spec: {containers: [{name: a, image: 'a:1'}]}}}"),
                new Case("CronJob", CRON_JOB, "metadata: {name: report, resourceVersion: '1'}\nspec: {schedule: '* * * * *', suspend: false}"),
                new Case("CronJob suspended by its owner", CRON_JOB, "metadata: {name: report, resourceVersion: '1'}\n"
                        + "spec: {schedule: '* * * * *', suspend: true}"),
                new Case("CronJob without the flag", CRON_JOB, "metadata: {name: report, resourceVersion: '1'}\nspec: {schedule: '* * * * *'}",
                        "metadata: {name: report, resourceVersion: '1'}\nspec: {schedule: '* * * * *', suspend: false}"),
                new Case("Job", JOB, "metadata: {name: once, resourceVersion: '1'}\nspec: {suspend: false, backoffLimit: 2}"),
                new Case("HPA", HPA, "metadata: {name: web, resourceVersion: '1'}\n"
                        + "spec: {maxReplicas: 3, behavior: {scaleDown: {stabilizationWindowSeconds: 60}}}"),
                new Case("HPA without a behaviour", HPA, "metadata: {name: web, resourceVersion: '1'}\nspec: {maxReplicas: 3}"),
                new Case("autoscaling/v1 HPA", HPA_V1, "metadata: {name: web, resourceVersion: '1'}\n"
                        + "spec: {scaleTargetRef: {kind: Deployment, name: web}, maxReplicas: 3}"),
                new Case("ScaledObject", SCALED_OBJECT, "metadata: {name: worker, resourceVersion: '1'}\nspec: {scaleTargetRef: {name: worker}}"),
                new Case("ScaledObject paused by its owner", SCALED_OBJECT, "metadata: {name: worker, resourceVersion: '1', "
                        + "annotations: {autoscaling.keda.sh/paused: 'false'}}\nspec: {scaleTargetRef: {name: worker}}"));
    }

    static Stream<Case> parkedInPlace() {
        return kinds().filter(c -> ParkingPolicy.IN_PLACE.contains(c.workload()));
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void aParkedCopyIsUndoneToTheOriginal(Case c) {
        Map<String, Object> copy = c.object();
        assertThat(new Parking(null).park(c.kind(), copy)).isEqualTo(Parking.Outcome.PARKED);
        assertThat(annotations(copy)).containsKey(SyncAnnotations.PARKED);

        JsonPatch undo = Unparking.patch(c.workload(), strings(annotations(copy))).orElseThrow();
        Map<String, Object> undone = apply(copy, undo);
        assertThat(withoutEmptyAnnotations(undone)).isEqualTo(tree(c.undone()));
        undo.applyTo(copy);
        assertThat(withoutEmptyAnnotations(copy)).as("undone as a copy").isEqualTo(undone);
        assertThat(Unparking.patch(c.workload(), strings(annotations(copy)))).as("nothing left to undo").isEmpty();
    }

    @ParameterizedTest
    @MethodSource("parkedInPlace")
    void theInPlacePatchGivesWhatTheCopyGets(Case c) {
        Map<String, Object> inPlace = apply(c.object(), InPlaceParking.patch(c.workload(), resource(c.object()), PLAN).orElseThrow());
        Map<String, Object> copy = parkedCopy(c);
        ObjectMaps.child(ObjectMaps.child(copy, "metadata"), "annotations").put(SyncAnnotations.PARKED_BY, PLAN);
        assertThat(inPlace).isEqualTo(copy);

        Map<String, Object> resumed = apply(inPlace, Unparking.patch(c.workload(), strings(annotations(inPlace))).orElseThrow());
        assertThat(withoutEmptyAnnotations(resumed)).as("resumed").isEqualTo(tree(c.undone()));
        Map<String, Object> source = ObjectMaps.deepCopy(inPlace);
        Parking.unparkRecorded(c.kind(), source);
        assertThat(withoutEmptyAnnotations(source)).as("the sync's copy of it holds the workload as it ran").isEqualTo(resumed);
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void parkingAgainChangesNothing(Case c) {
        Map<String, Object> once = parkedCopy(c);
        Map<String, Object> twice = ObjectMaps.deepCopy(once);
        assertThat(new Parking(null).park(c.kind(), twice)).isEqualTo(Parking.Outcome.PARKED);
        assertThat(twice).isEqualTo(once);
        assertThat(InPlaceParking.patch(c.workload(), resource(once), PLAN)).as("in place").isEmpty();
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void aWorkloadStartedAgainByHandIsParkedAgainWithItsFirstRecord(Case c) {
        Map<String, Object> parked = parkedCopy(c);
        Map<String, Object> restarted = ObjectMaps.deepCopy(parked);
        JsonPatch byHand = new JsonPatch();
        for (ParkedField field : KindParking.of(c.workload()).fields()) {
            Object before = field.get(c.object());
            if (before == null) {
                byHand.remove(field.pointer());
            } else {
                byHand.set(field.pointer(), before);
            }
        }
        byHand.applyTo(restarted);

        Map<String, Object> copy = ObjectMaps.deepCopy(restarted);
        new Parking(null).park(c.kind(), copy);
        assertThat(copy).isEqualTo(parked);
        Map<String, Object> inPlace = InPlaceParking.patch(c.workload(), resource(restarted), PLAN)
                .map(p -> apply(restarted, p)).orElse(restarted);
        assertThat(inPlace).as("in place").isEqualTo(ParkingPolicy.IN_PLACE.contains(c.workload()) ? parked : restarted);
    }

    @ParameterizedTest
    @CsvSource({
            "Deployment, db, RUNNING, 2",
            "StatefulSet, cache, RUNNING, 1",
            "ReplicaSet, web, PARKED, 0",
            "DaemonSet, db, RUNNING, ",
            "DaemonSet, web, PARKED, ",
    })
    void keepWarmRunsAtItsOwnCountAndResumesToTheSourcesCount(String kind, String tier, Parking.Outcome outcome, Integer replicas) {
        SyncKind syncKind = Stream.of(DEPLOYMENT, STATEFUL_SET, REPLICA_SET, DAEMON_SET).filter(k -> k.kind().equals(kind))
                .findFirst().orElseThrow();
        Parking parking = new Parking(Json.unmarshal("""
                keepWarm:
                - {selector: {matchLabels: {tier: db}}, replicas: 2}
                - {selector: {matchLabels: {tier: cache}}, replicas: 1}
                """, PilotLightSpec.class));
        String yaml = "metadata: {name: w, labels: {tier: " + tier + "}}\nspec: {replicas: 3, template: {spec: {containers: []}}}";
        Map<String, Object> copy = tree(yaml);

        assertThat(parking.park(syncKind, copy)).isEqualTo(outcome);
        if (replicas != null) {
            assertThat(map(copy, "spec")).containsEntry("replicas", replicas);
        }
        if (outcome == Parking.Outcome.RUNNING && replicas == null) {
            assertThat(copy).as("a DaemonSet kept warm runs as it is").isEqualTo(tree(yaml));
            return;
        }
        assertThat(annotations(copy).containsKey(SyncAnnotations.PARKED)).isEqualTo(outcome == Parking.Outcome.PARKED);
        Map<String, Object> resumed = apply(copy, Unparking.patch(WorkloadKind.of(syncKind).orElseThrow(), strings(annotations(copy)))
                .orElseThrow());
        assertThat(withoutEmptyAnnotations(resumed)).isEqualTo(tree(yaml));
    }

    // ---------------------------------------------------------------- helpers

    /** The case's object parked for the standby with the default pilot light (0 replicas, everything parked). */
    private static Map<String, Object> parkedCopy(Case c) {
        Map<String, Object> copy = c.object();
        new Parking(null).park(c.kind(), copy);
        return copy;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> tree(String yaml) {
        return Json.unmarshal(yaml, Map.class);
    }

    private static GenericKubernetesResource resource(Map<String, Object> object) {
        return Json.convertValue(object, GenericKubernetesResource.class);
    }

    /** The object with the patch applied as RFC 6902 says; the object itself is left as it is. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> apply(Map<String, Object> object, JsonPatch patch) {
        return MAPPER.convertValue(io.fabric8.zjsonpatch.JsonPatch.apply(MAPPER.valueToTree(patch.ops()), MAPPER.valueToTree(object)),
                Map.class);
    }

    private static Map<String, Object> annotations(Map<String, Object> object) {
        return ObjectMaps.map(map(object, "metadata").get("annotations"));
    }

    private static Map<String, String> strings(Map<String, Object> m) {
        Map<String, String> out = new LinkedHashMap<>();
        m.forEach((k, v) -> out.put(k, String.valueOf(v)));
        return out;
    }

    /** Undoing leaves the annotation map that parking had to add, empty: the same object to the API server. */
    private static Map<String, Object> withoutEmptyAnnotations(Map<String, Object> object) {
        Map<String, Object> metadata = map(object, "metadata");
        if (annotations(object).isEmpty()) {
            metadata.remove("annotations");
        }
        return object;
    }
}
