package io.pilotlight.install;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.pilotlight.api.v1alpha1.DisasterRecoveryPlan;
import io.pilotlight.api.v1alpha1.Failover;
import io.pilotlight.testsupport.LocalClusters.Site;
import io.pilotlight.testsupport.LocalClusters;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * The Helm chart (deploy/helm/pilotlight) is deploy/ itself: its default rendering is the same
 * objects as {@code kubectl kustomize deploy/}; its values change what they say; it lints; and it
 * installs into, and uninstalls from, a real cluster.
 */
class ChartIT {

    private static final String CHART = "deploy/helm/pilotlight";

    @Test
    void theDefaultRenderingIsKustomizesRenderingOfDeploy() {
        Map<String, JsonNode> chart = objects(helm("template", "pilotlight", CHART));
        Map<String, JsonNode> kustomize = objects(Commands.run(Commands.KUBECTL, "kustomize", "deploy/"));
        assertThat(chart.keySet()).as("objects of the chart vs deploy/").containsExactlyElementsOf(kustomize.keySet());
        kustomize.forEach((key, object) -> assertThat(chart.get(key)).as(key).isEqualTo(object));
    }

    @Test
    void theChartLints() {
        assertThat(helm("lint", "--strict", CHART)).contains("0 chart(s) failed").doesNotContain("[ERROR]", "[WARNING]");
    }

    @Test
    void valuesChangeWhatTheySay() {
        Map<String, JsonNode> chart = objects(helm("template", "pilotlight", CHART,
                "--set", "image.repository=registry.example.com/pl/operator,image.tag=9.9.9",
                "--set", "operator.watchNamespaces={dr,team-a},operator.leaderElection.enabled=false,operator.replicas=2",
                "--set", "operator.resources.limits.memory=1Gi,serviceMonitor.enabled=true,imagePullSecrets[0].name=regcred",
                "--set", "remoteSite.enabled=true,remoteSite.veleroNamespace=openshift-adp,remoteSite.protectedNamespaces={shop,db}"));
        JsonNode deployment = chart.get("Deployment pilotlight-system/pilotlight-operator");
        JsonNode container = deployment.at("/spec/template/spec/containers/0");
        assertThat(container.path("image").asText()).isEqualTo("registry.example.com/pl/operator:9.9.9");
        assertThat(container.at("/resources/limits/memory").asText()).isEqualTo("1Gi");
        assertThat(deployment.at("/spec/replicas").asInt()).isEqualTo(2);
        assertThat(container.path("env").toString()).contains("{\"name\":\"QUARKUS_OPERATOR_SDK_NAMESPACES\",\"value\":\"dr,team-a\"}",
                "{\"name\":\"PILOTLIGHT_LEADER_ELECTION_ENABLED\",\"value\":\"false\"}");
        assertThat(chart).doesNotContainKey("ClusterRoleBinding /pilotlight-operator")
                .containsKeys("RoleBinding dr/pilotlight-operator", "RoleBinding team-a/pilotlight-operator",
                        "ServiceMonitor pilotlight-system/pilotlight-operator", "ServiceAccount pilotlight-system/pilotlight-remote",
                        "RoleBinding openshift-adp/pilotlight-remote-velero", "RoleBinding shop/pilotlight-remote-protected-shop",
                        "RoleBinding db/pilotlight-remote-standby-writer-db");
        assertThat(chart.get("ServiceAccount pilotlight-system/pilotlight-operator").at("/imagePullSecrets/0/name").asText()).isEqualTo("regcred");
        assertThat(chart.keySet()).noneMatch(key -> key.startsWith("RoleBinding velero/") || key.startsWith("RoleBinding shop/pilotlight-remote-protected "));
    }

    @Test
    void valuesOutsideTheSchemaAreRefused() {
        assertThatThrownBy(() -> helm("template", "pilotlight", CHART, "--set", "operator.replicas=-1,operator.watchNamespaces={Not_A_Namespace}"))
                .hasMessageContaining("/operator/replicas").hasMessageContaining("/operator/watchNamespaces/0");
        assertThatThrownBy(() -> helm("template", "pilotlight", CHART, "--set", "imageTag=1.0")).hasMessageContaining("imageTag");
    }

    @Test
    void itInstallsIntoAClusterAndUninstallsCleanly() {
        String kubeconfig = LocalClusters.get().kubeconfigPath(Site.STANDBY).toString();
        // Helm installs only what no one else owns: the CRDs other tests applied go first, with the plans and
        // Failovers earlier tests left behind, whose finalizers no operator removes any more (this runs after them).
        KubernetesClient standby = LocalClusters.get().client(Site.STANDBY);
        var crds = standby.apiextensions().v1().customResourceDefinitions();
        var kinds = Map.of("disasterrecoveryplans.pilotlight.io", DisasterRecoveryPlan.class, "failovers.pilotlight.io", Failover.class);
        kinds.forEach((crd, kind) -> {
            if (crds.withName(crd).get() != null) {
                for (HasMetadata left : standby.resources(kind).inAnyNamespace().list().getItems()) {
                    standby.resource(left).edit(o -> {
                        o.getMetadata().setFinalizers(List.of());
                        return o;
                    });
                }
                crds.withName(crd).delete();
            }
        });
        // So do deploy/'s other objects that earlier tests applied (TrustBoundaryTest's ServiceAccount and RBAC).
        objects(Commands.run(Commands.KUBECTL, "kustomize", "deploy/")).values().stream()
                .filter(o -> !"CustomResourceDefinition".equals(o.path("kind").asText()))
                .forEach(o -> standby.resource(Serialization.unmarshal(o.toString(), HasMetadata.class)).delete());
        Awaitility.await("the CRDs and pilotlight-system are gone").atMost(Duration.ofMinutes(2))
                .until(() -> kinds.keySet().stream().allMatch(crd -> crds.withName(crd).get() == null)
                        && standby.namespaces().withName("pilotlight-system").get() == null);
        try {
            helm("install", "pilotlight", CHART, "--kubeconfig", kubeconfig, "--wait", "--timeout", "3m");
            assertThat(helm("status", "pilotlight", "--kubeconfig", kubeconfig)).contains("STATUS: deployed");
            assertThat(standby.apps().deployments().inNamespace("pilotlight-system")
                    .withName("pilotlight-operator").get().getStatus().getReadyReplicas()).isEqualTo(1);
        } finally {
            helm("uninstall", "pilotlight", "--kubeconfig", kubeconfig, "--ignore-not-found");
        }
        // Bounded here rather than by helm's --wait, so that what stays is named.
        Awaitility.await("the chart's CRDs and pilotlight-system are gone after helm uninstall").atMost(Duration.ofMinutes(4))
                .untilAsserted(() -> assertThat(kinds.keySet().stream().filter(crd -> crds.withName(crd).get() != null).toList())
                        .as("CRDs left").isEmpty());
        Awaitility.await("pilotlight-system is gone").atMost(Duration.ofMinutes(2))
                .until(() -> standby.namespaces().withName("pilotlight-system").get() == null);
    }

    private static String helm(String... args) {
        String[] command = new String[args.length + 1];
        command[0] = Commands.HELM;
        System.arraycopy(args, 0, command, 1, args.length);
        return Commands.run(command);
    }

    private static Map<String, JsonNode> objects(String yaml) {
        return Commands.objects(yaml);
    }
}
