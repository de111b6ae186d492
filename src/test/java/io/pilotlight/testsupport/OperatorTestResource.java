package io.pilotlight.testsupport;

import io.pilotlight.testsupport.LocalClusters.Site;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * Runs the operator of a {@code @QuarkusTest} in the standby cluster (the recommended topology),
 * with every CRD it needs installed on both local clusters.
 */
public class OperatorTestResource implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        LocalClusters clusters = LocalClusters.get();
        for (Site site : Site.values()) {
            TestCrds.installAll(clusters.client(site));
        }
        // Fabric8 reads this before the Quarkus kubernetes-client settings, so the operator talks to the standby.
        System.setProperty("kubeconfig", clusters.kubeconfigPath(Site.STANDBY).toString());
        return Map.of();
    }

    @Override
    public void stop() {
        System.clearProperty("kubeconfig");
    }
}
