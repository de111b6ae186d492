package io.pilotlight.testsupport;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The two control planes the tests run against: the local kwok clusters of {@code hack/testenv}
 * (started on first use, stopped at JVM exit when this class started them), or existing clusters
 * named by {@code PRIMARY_KUBECONFIG} / {@code STANDBY_KUBECONFIG}. One instance per JVM, so every
 * test class of a Maven run shares the same clusters.
 */
public final class LocalClusters {

    public enum Site {
        PRIMARY, STANDBY;

        public String siteName() {
            return name().toLowerCase();
        }
    }

    private static LocalClusters instance;

    private final Path repo;
    private final boolean external;
    private final Map<Site, KubernetesClient> clients = new EnumMap<>(Site.class);

    private LocalClusters(Path repo, boolean external) {
        this.repo = repo;
        this.external = external;
    }

    public static synchronized LocalClusters get() {
        if (instance == null) {
            Path repo = Scripts.repo();
            boolean external = System.getenv("PRIMARY_KUBECONFIG") != null && System.getenv("STANDBY_KUBECONFIG") != null
                    && !(namesLocal(repo, "PRIMARY_KUBECONFIG", Site.PRIMARY) && namesLocal(repo, "STANDBY_KUBECONFIG", Site.STANDBY));
            instance = new LocalClusters(repo, external);
            if (!external) {
                instance.ensureUp();
            }
        }
        return instance;
    }

    /** Whether the variable names this repository's own kubeconfig of the site: the local clusters, not others. */
    private static boolean namesLocal(Path repo, String variable, Site site) {
        return Path.of(System.getenv(variable)).toAbsolutePath().normalize()
                .equals(repo.resolve(".local").resolve(site.siteName() + ".kubeconfig").toAbsolutePath().normalize());
    }

    public synchronized KubernetesClient client(Site site) {
        return clients.computeIfAbsent(site, s -> new KubernetesClientBuilder().withConfig(config(s)).build());
    }

    /** A new client of its own (for code under test that closes what it is given). */
    public Config config(Site site) {
        return Config.fromKubeconfig(kubeconfigContent(site));
    }

    public String kubeconfigContent(Site site) {
        try {
            return Files.readString(kubeconfigPath(site));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the kubeconfig of " + site.siteName(), e);
        }
    }

    public Path kubeconfigPath(Site site) {
        if (external) {
            return Path.of(System.getenv(site == Site.PRIMARY ? "PRIMARY_KUBECONFIG" : "STANDBY_KUBECONFIG"));
        }
        return repo.resolve(".local").resolve(site.siteName() + ".kubeconfig");
    }

    public boolean isLocal() {
        return !external;
    }

    /** Stops a local cluster's control plane (API server included), keeping its data. */
    public void stop(Site site) {
        requireLocal();
        run(List.of("stop", site.siteName()));
    }

    public void start(Site site) {
        requireLocal();
        run(List.of("start", site.siteName()));
    }

    /** The last lines of one component's log of a local cluster, for failure reports. */
    public String logTail(Site site, String component, int lines) {
        return TestClusters.tail(repo.resolve(".local/kwok/clusters").resolve(site.siteName()).resolve("logs")
                .resolve(component + ".log"), lines);
    }

    private void ensureUp() {
        String status = run(List.of("status"));
        if (status.contains("primary: up") && status.contains("standby: up")) {
            return;
        }
        System.out.println(run(List.of("up")));
        if (System.getenv("PILOTLIGHT_KEEP_CLUSTERS") == null) {
            Runtime.getRuntime().addShutdownHook(new Thread(() -> run(List.of("down")), "clusters-down"));
        }
    }

    private void requireLocal() {
        if (external) {
            throw new IllegalStateException("stopping clusters is only possible for the local clusters of hack/testenv");
        }
    }

    private String run(List<String> args) {
        return Scripts.run(Duration.ofMinutes(10), "clusters.sh", args.toArray(String[]::new));
    }
}
