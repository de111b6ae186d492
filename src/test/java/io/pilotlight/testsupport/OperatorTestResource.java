package io.pilotlight.testsupport;

import io.pilotlight.testsupport.LocalClusters.Site;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * Runs the operator of a {@code @QuarkusTest} in the standby cluster (the recommended topology),
 * with every CRD it needs installed on both local clusters.
 *
 * <p>The local clusters may be shared by several test runs at once (other worktrees, other
 * sessions): each run's operator only reconciles the plans labelled with its own run id
 * ({@link #RUN_LABEL}, see {@link #runId()}), so that two operators never act on one plan.
 */
public class OperatorTestResource implements QuarkusTestResourceLifecycleManager {

    /** Label that ties a plan to the test run whose operator reconciles it. */
    public static final String RUN_LABEL = "pilotlight.io/test-run";
    // Outside the pilotlight. prefix, which the operator's settings own and validate.
    private static final String RUN_PROPERTY = "pilotlight-tests.run";

    /** This JVM's run id (a system property, so that every class loader of a Quarkus test sees the same one). */
    public static synchronized String runId() {
        String id = System.getProperty(RUN_PROPERTY);
        if (id == null) {
            id = java.util.UUID.randomUUID().toString().substring(0, 8);
            System.setProperty(RUN_PROPERTY, id);
        }
        return id;
    }

    @Override
    public Map<String, String> start() {
        LocalClusters clusters = LocalClusters.get();
        for (Site site : Site.values()) {
            TestCrds.installAll(clusters.client(site));
        }
        // Fabric8 reads this before the Quarkus kubernetes-client settings, so the operator talks to the standby.
        System.setProperty("kubeconfig", clusters.kubeconfigPath(Site.STANDBY).toString());
        return Map.of("quarkus.operator-sdk.controllers.disasterrecoveryplan.selector", RUN_LABEL + "=" + runId(),
                "quarkus.operator-sdk.controllers.failover.selector", RUN_LABEL + "=" + runId());
    }

    @Override
    public void stop() {
        System.clearProperty("kubeconfig");
    }
}
