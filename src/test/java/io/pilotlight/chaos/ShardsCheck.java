package io.pilotlight.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.pilotlight.api.v1alpha1.ConditionTypes;
import io.pilotlight.api.v1alpha1.DisasterRecoveryPlan;
import io.pilotlight.status.Conditions;
import io.pilotlight.testsupport.LocalClusters.Site;
import io.pilotlight.testsupport.OperatorProcess;
import io.pilotlight.testsupport.OperatorTestResource;
import io.pilotlight.testsupport.TestClusters;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Two shards of the packaged operator (two processes, {@code pilotlight.shard.name}/{@code .selector}),
 * each with its own Lease, and a plan for each: each plan is reconciled and synced by its shard only.
 * Run by name after {@code mvn package} ({@code make test-shards}): two JVMs cost more than make test's
 * budget allows.
 */
class ShardsCheck {

    private static final KubernetesSerialization YAML = new KubernetesSerialization();
    private static final Duration WAIT = Duration.ofMinutes(2);

    @Test
    void eachShardReconcilesOnlyThePlansOfItsSelector() {
        TestClusters clusters = TestClusters.open("shards");
        String ns = clusters.namespace();
        String operatorNs = ns + "-op";
        String runLabel = OperatorTestResource.RUN_LABEL + "=" + OperatorTestResource.runId();
        try (clusters;
                OperatorProcess a = new OperatorProcess(clusters.clusters().kubeconfigPath(Site.STANDBY), operatorNs, runLabel, ns,
                        Path.of("target", "shards", ns, "a")).shard("a", "pilotlight.io/shard=a");
                OperatorProcess b = new OperatorProcess(clusters.clusters().kubeconfigPath(Site.STANDBY), operatorNs, runLabel, ns,
                        Path.of("target", "shards", ns, "b")).shard("b", "pilotlight.io/shard=b")) {
            OperatorProcess.prepare(clusters, operatorNs, ns);
            for (String shard : List.of("a", "b")) {
                String app = ns + "-" + shard;
                clusters.primary().resource(new NamespaceBuilder().withNewMetadata().withName(app).endMetadata().build()).create();
                clusters.primary().resource(new ConfigMapBuilder().withNewMetadata().withName("settings").withNamespace(app)
                        .endMetadata().withData(Map.of("shard", shard)).build()).create();
            }
            clusters.onFailure(() -> "shard a log tail:\n" + a.logTail(40) + "\nshard b log tail:\n" + b.logTail(40));
            a.start();
            b.start();
            clusters.standby().resource(plan(ns, "a")).create();
            clusters.standby().resource(plan(ns, "b")).create();

            for (String shard : List.of("a", "b")) {
                clusters.await("plan " + shard + " is in sync", WAIT, () -> assertThat(inSync(clusters, ns, shard)).isTrue());
            }
            assertThat(clusters.standby().configMaps().inNamespace(ns + "-a").withName("settings").get()).isNotNull();
            assertThat(a.allLogs()).contains("sync of plan " + ns + "/plan-a started").doesNotContain(ns + "/plan-b");
            assertThat(b.allLogs()).contains("sync of plan " + ns + "/plan-b started").doesNotContain(ns + "/plan-a");
            assertThat(clusters.standby().leases().inNamespace(operatorNs).list().getItems())
                    .extracting(l -> l.getMetadata().getName())
                    .containsExactlyInAnyOrder("pilotlight-operator-a", "pilotlight-operator-b");
        }
    }

    private static boolean inSync(TestClusters clusters, String ns, String shard) {
        DisasterRecoveryPlan p = clusters.standby().resources(DisasterRecoveryPlan.class).inNamespace(ns).withName("plan-" + shard).get();
        return p != null && p.getStatus() != null && Conditions.isTrue(p.getStatus().getConditions(), ConditionTypes.STANDBY_IN_SYNC);
    }

    private static DisasterRecoveryPlan plan(String ns, String shard) {
        return YAML.unmarshal("""
                apiVersion: pilotlight.io/v1alpha1
                kind: DisasterRecoveryPlan
                metadata: {name: plan-%2$s, namespace: %1$s, labels: {%3$s: "%4$s", pilotlight.io/shard: %2$s}}
                spec:
                  primary: {name: dc1, kubeconfigSecretRef: {name: primary-kubeconfig}}
                  standby: {name: dc2}
                  protect: {namespaces: [%1$s-%2$s]}
                  backup: {enabled: false}
                  healthCheck: {interval: 2s, timeout: 1s}
                """.formatted(ns, shard, OperatorTestResource.RUN_LABEL, OperatorTestResource.runId()), DisasterRecoveryPlan.class);
    }
}
