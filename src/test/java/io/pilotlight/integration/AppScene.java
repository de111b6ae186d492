package io.pilotlight.integration;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.KubernetesResourceList;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.client.dsl.NonNamespaceOperation;
import io.fabric8.kubernetes.client.dsl.Resource;
import io.pilotlight.api.v1alpha1.DisasterRecoveryPlan;
import io.pilotlight.api.v1alpha1.Failover;
import io.pilotlight.testsupport.LocalClusters.Site;
import io.pilotlight.testsupport.TestClusters;
import java.time.Duration;
import java.util.Map;

/**
 * The scene most integration tests play in: their own namespace for plans and Failovers on the
 * standby ({@link TestClusters}), an application namespace {@code <ns>-app} on the primary, the
 * primary's kubeconfig Secret {@value #KUBECONFIG_SECRET} beside the plans, and the plans and
 * Failovers printed when a test fails. {@link #close} takes it all down again.
 */
record AppScene(TestClusters clusters, String ns, String app) {

    static final String KUBECONFIG_SECRET = "primary-kubeconfig";

    static AppScene open(String testName) {
        return open(testName, Map.of());
    }

    /** @param appLabels labels of the application's namespace on the primary (for a namespace selector) */
    static AppScene open(String testName, Map<String, String> appLabels) {
        TestClusters clusters = TestClusters.open(testName);
        AppScene scene = new AppScene(clusters, clusters.namespace(), clusters.namespace() + "-app");
        clusters.primary().resource(new NamespaceBuilder().withNewMetadata().withName(scene.app()).addToLabels(appLabels)
                .endMetadata().build()).create();
        clusters.standby().resource(PlanFixtures.kubeconfigSecret(scene.ns(), KUBECONFIG_SECRET, "kubeconfig",
                clusters.clusters().kubeconfigContent(Site.PRIMARY))).create();
        clusters.onFailure(() -> "plans:\n" + PlanFixtures.yaml(scene.plans().list().getItems()));
        clusters.onFailure(() -> "failovers:\n" + PlanFixtures.yaml(scene.failovers().list().getItems()));
        return scene;
    }

    NonNamespaceOperation<DisasterRecoveryPlan, KubernetesResourceList<DisasterRecoveryPlan>, Resource<DisasterRecoveryPlan>> plans() {
        return clusters.standby().resources(DisasterRecoveryPlan.class).inNamespace(ns);
    }

    NonNamespaceOperation<Failover, KubernetesResourceList<Failover>, Resource<Failover>> failovers() {
        return clusters.standby().resources(Failover.class).inNamespace(ns);
    }

    /** Deletes the Failovers and plans and waits until their finalizers let the plans go, so that nothing writes any more. */
    void removePlans(Duration wait) {
        failovers().delete();
        plans().delete();
        clusters.await("plans removed", wait, () -> assertThat(plans().list().getItems()).isEmpty());
    }

    /** {@link #removePlans}, then deletes the application's namespace on both sites and the standby namespaces named. */
    void close(Duration wait, String... standbyNamespaces) {
        removePlans(wait);
        for (Site site : Site.values()) {
            clusters.client(site).namespaces().withName(app).delete();
        }
        for (String namespace : standbyNamespaces) {
            clusters.standby().namespaces().withName(namespace).delete();
        }
        clusters.close();
    }
}
