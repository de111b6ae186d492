package io.pilotlight.integration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceBuilder;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import io.pilotlight.testsupport.ClustersExtension;
import io.pilotlight.testsupport.LocalClusters.Site;
import io.pilotlight.testsupport.TestClusters;
import io.pilotlight.testsupport.Workloads;
import java.io.InputStream;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The local control planes behave like real clusters: controllers, scheduler, kwok nodes, CRDs, GC. */
@ExtendWith(ClustersExtension.class)
class ClusterSmokeTest {

    @ParameterizedTest
    @EnumSource(Site.class)
    void deploymentBecomesReadyOnFakeNodes(Site site, TestClusters clusters) {
        KubernetesClient client = clusters.client(site);
        Deployment deployment = Workloads.deployment(clusters.namespace(), "web", 3, Map.of("app", "web"));
        client.resource(deployment).create();
        clusters.onFailure(() -> "deployment: " + client.apps().deployments().inNamespace(clusters.namespace()).withName("web").get());

        await().atMost(Duration.ofMinutes(2)).untilAsserted(() -> assertThat(
                client.apps().deployments().inNamespace(clusters.namespace()).withName("web").get().getStatus().getReadyReplicas())
                .isEqualTo(3));
        assertThat(client.pods().inNamespace(clusters.namespace()).list().getItems())
                .hasSize(3)
                .allSatisfy(pod -> assertThat(pod.getStatus().getPhase()).isEqualTo("Running"));
    }

    @Test
    void crdFromFileBecomesEstablishedAndAcceptsResources(TestClusters clusters) throws Exception {
        KubernetesClient client = clusters.primary();
        CustomResourceDefinition crd;
        try (InputStream in = getClass().getResourceAsStream("/testenv/widgets.smoke.pilotlight.io.yaml")) {
            crd = client.apiextensions().v1().customResourceDefinitions().load(in).item();
        }
        client.resource(crd).serverSideApply();
        await().atMost(Duration.ofMinutes(1)).until(() -> client.apiextensions().v1().customResourceDefinitions()
                .withName(crd.getMetadata().getName()).get().getStatus().getConditions().stream()
                .anyMatch(c -> "Established".equals(c.getType()) && "True".equals(c.getStatus())));

        ResourceDefinitionContext widgets = new ResourceDefinitionContext.Builder().withGroup("smoke.pilotlight.io")
                .withVersion("v1").withPlural("widgets").withKind("Widget").withNamespaced(true).build();
        GenericKubernetesResource widget = new GenericKubernetesResourceBuilder().withApiVersion("smoke.pilotlight.io/v1")
                .withKind("Widget").withNewMetadata().withName("w1").withNamespace(clusters.namespace()).endMetadata()
                .withAdditionalProperties(Map.of("spec", Map.of("size", 2))).build();
        await().atMost(Duration.ofSeconds(30)).ignoreExceptions()
                .until(() -> client.genericKubernetesResources(widgets).resource(widget).create() != null);
        assertThat(client.genericKubernetesResources(widgets).inNamespace(clusters.namespace()).withName("w1").get())
                .isNotNull();

        GenericKubernetesResource invalid = new GenericKubernetesResourceBuilder(widget).editMetadata().withName("w2").endMetadata()
                .withAdditionalProperties(Map.of("spec", Map.of("size", 0))).build();
        assertThatThrownBy(() -> client.genericKubernetesResources(widgets).resource(invalid).create())
                .isInstanceOf(KubernetesClientException.class)
                .hasMessageContaining("spec.size");
    }

    @Test
    void namespaceDeletionCompletes(TestClusters clusters) {
        KubernetesClient client = clusters.standby();
        String name = clusters.namespace() + "-gc";
        client.resource(new NamespaceBuilder().withNewMetadata().withName(name).endMetadata().build()).create();
        client.resource(Workloads.deployment(name, "doomed", 2, Map.of("app", "doomed"))).create();
        await().atMost(Duration.ofMinutes(2)).until(() -> client.pods().inNamespace(name).list().getItems().size() == 2);

        client.namespaces().withName(name).delete();

        await().atMost(Duration.ofMinutes(3)).until(() -> client.namespaces().withName(name).get() == null);
    }
}
