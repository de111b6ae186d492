package io.pilotlight.workloads;

import static io.pilotlight.testsupport.JsonTrees.map;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.pilotlight.api.v1alpha1.plan.PilotLightSpec;
import io.pilotlight.core.SyncKind;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ParkingTest {

    private static final KubernetesSerialization JSON = new KubernetesSerialization();
    private static final SyncKind DEPLOYMENT = new SyncKind("apps", "v1", "Deployment", "deployments");
    private static final SyncKind STATEFUL_SET = new SyncKind("apps", "v1", "StatefulSet", "statefulsets");
    private static final SyncKind DAEMON_SET = new SyncKind("apps", "v1", "DaemonSet", "daemonsets");
    private static final SyncKind CRON_JOB = new SyncKind("batch", "v1", "CronJob", "cronjobs");
    private static final SyncKind HPA = new SyncKind("autoscaling", "v2", "HorizontalPodAutoscaler", "horizontalpodautoscalers");
    private static final SyncKind HPA_V1 = new SyncKind("autoscaling", "v1", "HorizontalPodAutoscaler", "horizontalpodautoscalers");
    private static final SyncKind SCALED_OBJECT = new SyncKind("keda.sh", "v1alpha1", "ScaledObject", "scaledobjects");
    private static final SyncKind CONFIG_MAP = new SyncKind("", "v1", "ConfigMap", "configmaps");

    private final Parking parking = new Parking(spec("""
            replicas: 0
            keepWarm:
            - selector: {matchLabels: {tier: db}}
              replicas: 1
            - selector: {matchExpressions: [{key: tier, operator: In, values: [db, cache]}]}
              replicas: 2
            """));

    @Test
    void workloadsAreScaledToThePilotLightWithThePrimaryCountKept() {
        Map<String, Object> web = yaml("metadata: {name: web}\nspec: {replicas: 3}");
        assertThat(parking.park(DEPLOYMENT, web)).isEqualTo(Parking.Outcome.PARKED);
        assertThat(map(web, "spec")).containsEntry("replicas", 0);
        assertThat(map(web, "metadata", "annotations")).containsEntry("pilotlight.io/primary-replicas", "3")
                .containsEntry("pilotlight.io/parked", "0");

        Map<String, Object> noCount = yaml("metadata: {name: web}\nspec: {}");
        parking.park(STATEFUL_SET, noCount);
        assertThat(map(noCount, "metadata", "annotations")).as("the API default").containsEntry("pilotlight.io/primary-replicas", "1");
    }

    @Test
    void keepWarmFirstMatchWins() {
        Map<String, Object> db = yaml("metadata: {name: db, labels: {tier: db}}\nspec: {replicas: 3}");
        assertThat(parking.park(STATEFUL_SET, db)).isEqualTo(Parking.Outcome.RUNNING);
        assertThat(map(db, "spec")).containsEntry("replicas", 1);
        assertThat(map(db, "metadata", "annotations")).containsEntry("pilotlight.io/primary-replicas", "3")
                .doesNotContainKey("pilotlight.io/parked");

        Map<String, Object> cache = yaml("metadata: {name: cache, labels: {tier: cache}}\nspec: {replicas: 5}");
        parking.park(DEPLOYMENT, cache);
        assertThat(map(cache, "spec")).containsEntry("replicas", 2);
    }

    @Test
    void pilotLightReplicasAboveZero() {
        Map<String, Object> web = yaml("metadata: {name: web}\nspec: {replicas: 4}");
        new Parking(spec("replicas: 1")).park(DEPLOYMENT, web);
        assertThat(map(web, "spec")).containsEntry("replicas", 1);
    }

    @Test
    void cronJobsAreSuspendedWithTheOriginalFlagKept() {
        Map<String, Object> running = yaml("metadata: {name: r}\nspec: {schedule: '* * * * *'}");
        assertThat(parking.park(CRON_JOB, running)).isEqualTo(Parking.Outcome.PARKED);
        assertThat(map(running, "spec")).containsEntry("suspend", true);
        assertThat(map(running, "metadata", "annotations")).containsEntry("pilotlight.io/primary-suspend", "false");

        Map<String, Object> suspended = yaml("metadata: {name: r}\nspec: {suspend: true}");
        parking.park(CRON_JOB, suspended);
        assertThat(map(suspended, "metadata", "annotations")).containsEntry("pilotlight.io/primary-suspend", "true");

        Map<String, Object> notParked = yaml("metadata: {name: r}\nspec: {suspend: false}");
        assertThat(new Parking(spec("suspendCronJobs: false")).park(CRON_JOB, notParked)).isEqualTo(Parking.Outcome.RUNNING);
        assertThat(map(notParked, "spec")).containsEntry("suspend", false);
    }

    @Test
    void hpaScalingIsDisabledBothWaysAndTheBehaviourKept() {
        Map<String, Object> hpa = yaml("""
                metadata: {name: web}
                spec:
                  scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: web}
                  minReplicas: 2
                  maxReplicas: 10
                  behavior: {scaleDown: {stabilizationWindowSeconds: 60}}
                """);
        assertThat(parking.park(HPA, hpa)).isEqualTo(Parking.Outcome.PARKED);
        assertThat(map(hpa, "spec", "behavior", "scaleUp")).isEqualTo(Map.of("selectPolicy", "Disabled"));
        assertThat(map(hpa, "spec", "behavior", "scaleDown")).isEqualTo(Map.of("selectPolicy", "Disabled"));
        assertThat(map(hpa, "spec", "scaleTargetRef")).containsEntry("name", "web");
        assertThat(map(hpa, "spec")).containsEntry("minReplicas", 2).containsEntry("maxReplicas", 10);
        String kept = (String) map(hpa, "metadata", "annotations").get("pilotlight.io/primary-behavior");
        assertThat(JSON.unmarshal(kept, Map.class)).isEqualTo(Map.of("scaleDown", Map.of("stabilizationWindowSeconds", 60)));

        Map<String, Object> plain = yaml("metadata: {name: web}\nspec: {maxReplicas: 3}");
        parking.park(HPA, plain);
        assertThat(map(plain, "metadata", "annotations")).containsEntry("pilotlight.io/primary-behavior", "null");

        Map<String, Object> untouched = yaml("metadata: {name: web}\nspec: {maxReplicas: 3}");
        assertThat(new Parking(spec("neutraliseHPAs: false")).park(HPA, untouched)).isEqualTo(Parking.Outcome.RUNNING);
        assertThat(map(untouched, "spec")).doesNotContainKey("behavior");
    }

    @Test
    void autoscalingV1HpaIsDetachedFromItsTarget() {
        Map<String, Object> hpa = yaml("metadata: {name: web}\nspec: {scaleTargetRef: {kind: Deployment, name: web}, maxReplicas: 3}");
        parking.park(HPA_V1, hpa);
        assertThat(map(hpa, "spec", "scaleTargetRef")).containsEntry("name", "pilotlight-parked-web");
        assertThat(map(hpa, "metadata", "annotations")).containsEntry("pilotlight.io/primary-scale-target", "web");
    }

    @Test
    void daemonSetsAtZeroGetANodeSelectorNoNodeMatches() {
        Map<String, Object> ds = yaml("""
                metadata: {name: agent}
                spec: {template: {spec: {nodeSelector: {disk: ssd}, containers: [{name: a, image: a:1}]}}}
                """);
        assertThat(parking.park(DAEMON_SET, ds)).isEqualTo(Parking.Outcome.PARKED);
        assertThat(map(ds, "spec", "template", "spec", "nodeSelector")).isEqualTo(Map.of("disk", "ssd", "pilotlight.io/parked", "true"));
        assertThat(JSON.unmarshal((String) map(ds, "metadata", "annotations").get("pilotlight.io/primary-node-selector"), Map.class))
                .isEqualTo(Map.of("disk", "ssd"));

        Map<String, Object> warm = yaml("metadata: {name: agent, labels: {tier: db}}\nspec: {template: {spec: {}}}");
        assertThat(parking.park(DAEMON_SET, warm)).isEqualTo(Parking.Outcome.RUNNING);
        assertThat(map(warm, "spec", "template", "spec")).doesNotContainKey("nodeSelector");
    }

    @Test
    void kedaScaledObjectsArePaused() {
        Map<String, Object> so = yaml("metadata: {name: worker}\nspec: {scaleTargetRef: {name: worker}}");
        parking.park(SCALED_OBJECT, so);
        assertThat(map(so, "metadata", "annotations")).containsEntry("autoscaling.keda.sh/paused", "true")
                .containsEntry("pilotlight.io/primary-keda-paused", "null");
    }

    @Test
    void otherKindsAreLeftAsTheyAre() {
        Map<String, Object> cm = yaml("metadata: {name: c}\ndata: {a: b}");
        assertThat(parking.park(CONFIG_MAP, cm)).isEqualTo(Parking.Outcome.NOT_A_WORKLOAD);
        assertThat(cm).isEqualTo(yaml("metadata: {name: c}\ndata: {a: b}"));
    }

    @Test
    void parkingTwiceGivesTheSameResult() {
        Map<String, Object> first = yaml("metadata: {name: web}\nspec: {replicas: 3}");
        Map<String, Object> second = yaml("metadata: {name: web}\nspec: {replicas: 3}");
        parking.park(DEPLOYMENT, first);
        parking.park(DEPLOYMENT, second);
        assertThat(first).isEqualTo(second);
    }

    private static PilotLightSpec spec(String yaml) {
        return JSON.unmarshal(yaml, PilotLightSpec.class);
    }

    private static Map<String, Object> yaml(String text) {
        return JSON.unmarshal(text, Map.class);
    }
}
