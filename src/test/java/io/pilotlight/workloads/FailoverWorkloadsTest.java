package io.pilotlight.workloads;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.pilotlight.api.v1alpha1.plan.PilotLightSpec;
import io.pilotlight.core.SyncKind;
import io.pilotlight.sync.ObjectCleaner;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Parking in place, resuming, and readiness: what a failover does to workloads, without a cluster. */
class FailoverWorkloadsTest {

    private static final KubernetesSerialization JSON = new KubernetesSerialization();
    private static final String PLAN = "ops/shop";

    @Test
    void aDeploymentParkedInPlaceIsResumedToItsOwnCount() {
        Map<String, Object> web = yaml("""
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: web, namespace: app, resourceVersion: "42", annotations: {team: shop}}
                spec: {replicas: 3}
                """);
        Map<String, Object> original = JSON.unmarshal(JSON.asJson(web), Map.class);
        JsonPatch park = InPlaceParking.patch(WorkloadKind.DEPLOYMENT, resource(web), PLAN).orElseThrow();
        assertThat(park.ops().get(0)).containsEntry("op", "test").containsEntry("value", "42");
        apply(web, park);
        assertThat(spec(web)).containsEntry("replicas", 0);
        assertThat(annotations(web)).containsEntry("pilotlight.io/primary-replicas", "3").containsEntry("pilotlight.io/parked", "0")
                .containsEntry("pilotlight.io/parked-by", PLAN).containsEntry("team", "shop");
        assertThat(InPlaceParking.patch(WorkloadKind.DEPLOYMENT, resource(web), PLAN)).as("parked already").isEmpty();
        spec(web).put("replicas", 2);
        apply(web, InPlaceParking.patch(WorkloadKind.DEPLOYMENT, resource(web), PLAN).orElseThrow());
        assertThat(spec(web)).as("scaled up by hand: parked again").containsEntry("replicas", 0);
        assertThat(annotations(web)).as("what was recorded the first time is kept").containsEntry("pilotlight.io/primary-replicas", "3");

        apply(web, Unparking.patch(WorkloadKind.DEPLOYMENT, stringMap(annotations(web))).orElseThrow());
        assertThat(web).isEqualTo(original);
        assertThat(Unparking.patch(WorkloadKind.DEPLOYMENT, stringMap(annotations(web)))).as("nothing left to resume").isEmpty();
    }

    @Test
    void cronJobsAndDaemonSetsParkedInPlaceComeBackAsTheyWere() {
        Map<String, Object> report = yaml("""
                metadata: {name: report, resourceVersion: "7"}
                spec: {schedule: "* * * * *", suspend: false}
                """);
        Map<String, Object> reportBefore = JSON.unmarshal(JSON.asJson(report), Map.class);
        apply(report, InPlaceParking.patch(WorkloadKind.CRON_JOB, resource(report), PLAN).orElseThrow());
        assertThat(spec(report)).containsEntry("suspend", true);
        apply(report, Unparking.patch(WorkloadKind.CRON_JOB, stringMap(annotations(report))).orElseThrow());
        assertThat(report).isEqualTo(withEmptyAnnotations(reportBefore));

        Map<String, Object> agent = yaml("""
                metadata: {name: agent, resourceVersion: "8"}
                spec: {template: {spec: {nodeSelector: {disk: ssd}}}}
                """);
        apply(agent, InPlaceParking.patch(WorkloadKind.DAEMON_SET, resource(agent), PLAN).orElseThrow());
        assertThat(nodeSelector(agent)).containsEntry("disk", "ssd").containsEntry("pilotlight.io/parked", "true");
        apply(agent, Unparking.patch(WorkloadKind.DAEMON_SET, stringMap(annotations(agent))).orElseThrow());
        assertThat(nodeSelector(agent)).containsExactly(Map.entry("disk", "ssd"));
    }

    @Test
    void theStandbysParkedCopiesResumeToThePrimarysState() {
        Parking parking = new Parking(JSON.unmarshal("keepWarm: [{selector: {matchLabels: {tier: cache}}, replicas: 1}]",
                PilotLightSpec.class));
        Map<String, Object> web = yaml("metadata: {name: web}\nspec: {replicas: 4}");
        parking.park(kind("apps", "Deployment"), web);
        apply(web, Unparking.patch(WorkloadKind.DEPLOYMENT, stringMap(annotations(web))).orElseThrow());
        assertThat(spec(web)).containsEntry("replicas", 4);
        assertThat(annotations(web)).isEmpty();

        Map<String, Object> cache = yaml("metadata: {name: cache, labels: {tier: cache}}\nspec: {replicas: 3}");
        parking.park(kind("apps", "Deployment"), cache);
        assertThat(spec(cache)).as("keepWarm").containsEntry("replicas", 1);
        apply(cache, Unparking.patch(WorkloadKind.DEPLOYMENT, stringMap(annotations(cache))).orElseThrow());
        assertThat(spec(cache)).as("a warm copy also gets the primary's count").containsEntry("replicas", 3);

        Map<String, Object> hpa = yaml("metadata: {name: web}\nspec: {behavior: {scaleDown: {stabilizationWindowSeconds: 120}}}");
        parking.park(new SyncKind("autoscaling", "v2", "HorizontalPodAutoscaler", "horizontalpodautoscalers"), hpa);
        apply(hpa, Unparking.patch(WorkloadKind.HORIZONTAL_POD_AUTOSCALER, stringMap(annotations(hpa))).orElseThrow());
        assertThat(spec(hpa)).isEqualTo(Map.of("behavior", Map.of("scaleDown", Map.of("stabilizationWindowSeconds", 120))));

        Map<String, Object> noBehavior = yaml("metadata: {name: api}\nspec: {minReplicas: 2}");
        parking.park(new SyncKind("autoscaling", "v2", "HorizontalPodAutoscaler", "horizontalpodautoscalers"), noBehavior);
        apply(noBehavior, Unparking.patch(WorkloadKind.HORIZONTAL_POD_AUTOSCALER, stringMap(annotations(noBehavior))).orElseThrow());
        assertThat(spec(noBehavior)).isEqualTo(Map.of("minReplicas", 2));
    }

    @Test
    void theSyncCopiesTheCountAWorkloadParkedInPlaceHad() {
        Map<String, Object> quiesced = yaml("""
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                  name: web
                  annotations: {pilotlight.io/parked: "0", pilotlight.io/primary-replicas: "3", pilotlight.io/parked-by: ops/shop}
                spec: {replicas: 0}
                """);
        SyncKind deployment = kind("apps", "Deployment");
        Map<String, Object> copy = ObjectCleaner.clean(deployment, quiesced);
        assertThat(spec(copy)).containsEntry("replicas", 3);
        new Parking(null).park(deployment, copy);
        assertThat(annotations(copy)).containsEntry("pilotlight.io/primary-replicas", "3");
        assertThat(spec(quiesced)).as("the source is left as it is").containsEntry("replicas", 0);
    }

    @Test
    void readinessFollowsTheControllersStatus() {
        assertThat(WorkloadReadiness.ready(WorkloadKind.DEPLOYMENT, resource(yaml("""
                metadata: {name: web, generation: 2}
                spec: {replicas: 3}
                status: {observedGeneration: 2, availableReplicas: 3, updatedReplicas: 3}
                """)))).isTrue();
        assertThat(WorkloadReadiness.ready(WorkloadKind.DEPLOYMENT, resource(yaml("""
                metadata: {name: web, generation: 3}
                spec: {replicas: 3}
                status: {observedGeneration: 2, availableReplicas: 3, updatedReplicas: 3}
                """)))).as("the controller has not seen the last change").isFalse();
        assertThat(WorkloadReadiness.ready(WorkloadKind.STATEFUL_SET, resource(yaml("""
                metadata: {name: db, generation: 1}
                spec: {replicas: 2}
                status: {observedGeneration: 1, readyReplicas: 1}
                """)))).isFalse();
        assertThat(WorkloadReadiness.ready(WorkloadKind.DAEMON_SET, resource(yaml("""
                metadata: {name: agent, generation: 1}
                status: {observedGeneration: 1, desiredNumberScheduled: 2, numberReady: 2}
                """)))).isTrue();
    }

    // ---------------------------------------------------------------- helpers

    /** Applies a patch as the API server would (add, remove, test), enough for these objects. */
    @SuppressWarnings("unchecked")
    private static void apply(Map<String, Object> object, JsonPatch patch) {
        for (Map<String, Object> op : patch.ops()) {
            List<String> path = new ArrayList<>();
            for (String part : String.valueOf(op.get("path")).substring(1).split("/")) {
                path.add(part.replace("~1", "/").replace("~0", "~"));
            }
            Map<String, Object> parent = object;
            for (String part : path.subList(0, path.size() - 1)) {
                parent = (Map<String, Object>) parent.get(part);
                assertThat(parent).as("path " + op.get("path")).isNotNull();
            }
            String last = path.get(path.size() - 1);
            switch (String.valueOf(op.get("op"))) {
                case "test" -> assertThat(parent.get(last)).isEqualTo(op.get("value"));
                case "add" -> parent.put(last, op.get("value") instanceof Map<?, ?> m ? new LinkedHashMap<>((Map<String, Object>) m)
                        : op.get("value"));
                case "remove" -> assertThat(parent.remove(last)).as("removed " + op.get("path")).isNotNull();
                default -> throw new AssertionError("unexpected op " + op);
            }
        }
    }

    private static SyncKind kind(String group, String kind) {
        return new SyncKind(group, "v1", kind, kind.toLowerCase() + "s");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> yaml(String yaml) {
        return JSON.unmarshal(yaml, Map.class);
    }

    private static GenericKubernetesResource resource(Map<String, Object> object) {
        return JSON.unmarshal(JSON.asJson(object), GenericKubernetesResource.class);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> spec(Map<String, Object> object) {
        return (Map<String, Object>) object.get("spec");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> annotations(Map<String, Object> object) {
        return (Map<String, Object>) ((Map<String, Object>) object.get("metadata")).getOrDefault("annotations", new LinkedHashMap<>());
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> nodeSelector(Map<String, Object> object) {
        return (Map<String, Object>) ((Map<String, Object>) ((Map<String, Object>) spec(object).get("template")).get("spec"))
                .get("nodeSelector");
    }

    private static Map<String, String> stringMap(Map<String, Object> m) {
        Map<String, String> out = new LinkedHashMap<>();
        m.forEach((k, v) -> out.put(k, String.valueOf(v)));
        return out;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> withEmptyAnnotations(Map<String, Object> object) {
        ((Map<String, Object>) object.get("metadata")).put("annotations", new LinkedHashMap<>());
        return object;
    }
}
