package io.pilotlight.testsupport;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.pilotlight.testsupport.LocalClusters.Site;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * What a test gets from {@link ClustersExtension}: a client for each site and a namespace of its
 * own, created on both clusters before the test and removed after it.
 */
public final class TestClusters {

    private final LocalClusters clusters;
    private final String namespace;
    private final List<Supplier<String>> diagnostics = new ArrayList<>();

    TestClusters(LocalClusters clusters, String namespace) {
        this.clusters = clusters;
        this.namespace = namespace;
    }

    public KubernetesClient primary() {
        return clusters.client(Site.PRIMARY);
    }

    public KubernetesClient standby() {
        return clusters.client(Site.STANDBY);
    }

    public KubernetesClient client(Site site) {
        return clusters.client(site);
    }

    public String namespace() {
        return namespace;
    }

    public LocalClusters clusters() {
        return clusters;
    }

    /** Adds what a person needs to see when this test fails (a resource's status, say). */
    public void onFailure(Supplier<String> report) {
        diagnostics.add(report);
    }

    List<Supplier<String>> diagnostics() {
        return diagnostics;
    }
}
