package io.pilotlight.testsupport;

import io.fabric8.kubernetes.api.model.KubernetesResourceList;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.NonNamespaceOperation;
import io.fabric8.kubernetes.client.dsl.Resource;
import io.pilotlight.api.v1alpha1.DisasterRecoveryPlan;
import io.pilotlight.api.v1alpha1.DisasterRecoveryPlanSpec;
import java.util.function.Consumer;

/**
 * A test's change to a plan's spec, as a user's edit: read, change, update at the version read, and read
 * again on a 409. The operator writes the plan's status at any time (the sync wakes the plan), and every
 * such write is a new version of the object that a plain update would conflict with.
 */
public final class SpecEdit {

    private SpecEdit() {
    }

    public static void of(NonNamespaceOperation<DisasterRecoveryPlan, KubernetesResourceList<DisasterRecoveryPlan>,
            Resource<DisasterRecoveryPlan>> plans, String name, Consumer<DisasterRecoveryPlanSpec> change) {
        for (int attempt = 1;; attempt++) {
            DisasterRecoveryPlan read = plans.withName(name).get();
            change.accept(read.getSpec());
            try {
                plans.resource(read).update();
                return;
            } catch (KubernetesClientException e) {
                if (e.getCode() != 409 || attempt == 10) {
                    throw e;
                }
            }
        }
    }
}
