package io.pilotlight.testsupport;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.apps.StatefulSetBuilder;
import java.util.Map;

/** Small workload fixtures for tests: Pods that kwok's fake nodes will run. */
public final class Workloads {

    private Workloads() {
    }

    /**
     * Its Pods have a grace period of 1 s: the namespace controller waits on the grace period of the
     * Pods it deletes, so a namespace holding Pods with the default 30 s takes seconds longer to go.
     */
    public static Deployment deployment(String namespace, String name, int replicas, Map<String, String> labels) {
        return new DeploymentBuilder()
                .withNewMetadata().withName(name).withNamespace(namespace).withLabels(labels).endMetadata()
                .withNewSpec().withReplicas(replicas)
                .withNewSelector().withMatchLabels(labels).endSelector()
                .withNewTemplate().withNewMetadata().withLabels(labels).endMetadata()
                .withNewSpec().withTerminationGracePeriodSeconds(1L)
                .addNewContainer().withName("app").withImage("registry.invalid/app:1").endContainer()
                .endSpec().endTemplate()
                .endSpec().build();
    }

    public static StatefulSet statefulSet(String namespace, String name, int replicas, Map<String, String> labels) {
        return new StatefulSetBuilder()
                .withNewMetadata().withName(name).withNamespace(namespace).withLabels(labels).endMetadata()
                .withNewSpec().withReplicas(replicas).withServiceName(name)
                .withNewSelector().withMatchLabels(labels).endSelector()
                .withNewTemplate().withNewMetadata().withLabels(labels).endMetadata()
                .withNewSpec().addNewContainer().withName("app").withImage("registry.invalid/app:1").endContainer()
                .endSpec().endTemplate()
                .endSpec().build();
    }
}
