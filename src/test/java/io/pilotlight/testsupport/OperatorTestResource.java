package io.pilotlight.testsupport;

import io.pilotlight.testsupport.LocalClusters.Site;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;
import java.util.UUID;

/**
 * Runs the operator of a {@code @QuarkusTest} in the standby cluster (the recommended topology),
 * with every CRD it needs installed on both local clusters. The operator reconciles only plans
 * labelled with this run's id ({@link #RUN_LABEL}), so test runs side by side on the same clusters
 * (or a demo operator) never reconcile each other's plans.
 */
public class OperatorTestResource implements QuarkusTestResourceLifecycleManager {

    public static final String RUN_LABEL = "pilotlight.io/test-run";
    static final String RUN_PROPERTY = "pilotlight.test-run";

    @Override
    public Map<String, String> start() {
        LocalClusters clusters = LocalClusters.get();
        for (Site site : Site.values()) {
            TestCrds.installAll(clusters.client(site));
        }
        // Fabric8 reads this before the Quarkus kubernetes-client settings, so the operator talks to the standby.
        System.setProperty("kubeconfig", clusters.kubeconfigPath(Site.STANDBY).toString());
        String run = UUID.randomUUID().toString().substring(0, 8);
        System.setProperty(RUN_PROPERTY, run);
        return Map.of("quarkus.operator-sdk.controllers.disasterrecoveryplan.selector", RUN_LABEL + "=" + run);
    }

    @Override
    public void stop() {
        System.clearProperty("kubeconfig");
        System.clearProperty(RUN_PROPERTY);
    }

    /** The label that makes a plan visible to this run's operator. */
    public static Map<String, String> runLabel() {
        return Map.of(RUN_LABEL, System.getProperty(RUN_PROPERTY, "none"));
    }
}
