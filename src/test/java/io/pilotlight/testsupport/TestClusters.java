package io.pilotlight.testsupport;

import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.pilotlight.testsupport.LocalClusters.Site;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.function.Supplier;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;
import org.awaitility.core.ThrowingRunnable;

/**
 * What a test gets: a client for each site and a namespace of its own, created on both clusters
 * and removed by {@link #close()}. {@link ClustersExtension} hands one to each test; a
 * {@code @QuarkusTest} creates its own with {@link #open(String)}. When a wait fails, or a test fails
 * under the extension, {@link #report(String)} prints what a person needs: the namespace's events on
 * both sites, whatever the test registered, the operator's log tail and the control planes' logs.
 */
public final class TestClusters implements AutoCloseable {

    /** Where the test profile of the operator writes its log (see application.properties). */
    static final Path OPERATOR_LOG = Path.of("target/operator-test.log");

    private final LocalClusters clusters;
    private final String namespace;
    private final List<Supplier<String>> diagnostics = new ArrayList<>();

    private TestClusters(LocalClusters clusters, String namespace) {
        this.clusters = clusters;
        this.namespace = namespace;
    }

    /** Starts the clusters if needed and creates a fresh namespace on both. */
    public static TestClusters open(String testName) {
        String base = testName.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
        String name = "t-" + base.substring(0, Math.min(base.length(), 40)) + "-" + UUID.randomUUID().toString().substring(0, 6);
        TestClusters test = new TestClusters(LocalClusters.get(), name);
        for (Site site : Site.values()) {
            test.client(site).resource(new NamespaceBuilder().withNewMetadata().withName(name).endMetadata().build()).create();
        }
        return test;
    }

    @Override
    public void close() {
        for (Site site : Site.values()) {
            client(site).namespaces().withName(namespace).delete();
        }
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

    /** Waits until the assertion passes; on timeout prints {@link #report} and rethrows. */
    public void await(String what, Duration atMost, ThrowingRunnable assertion) {
        try {
            Awaitility.await(what).atMost(atMost).pollInterval(Duration.ofMillis(250)).ignoreExceptions().untilAsserted(assertion);
        } catch (ConditionTimeoutException | AssertionError e) {
            System.err.println(report(what));
            throw e;
        }
    }

    /**
     * For benchmarks: waits until no namespace is being deleted on either cluster, at most 5 minutes (then
     * says so and goes on). The namespace controller deleting an earlier run's namespaces keeps both cores
     * busy for minutes: the clusters' ready time took 5.5 to 6.5 s instead of 2.5 to 3 s, the first copy
     * 0.8 s instead of 0.5 s.
     */
    public void awaitNoNamespaceDeletion(String bench) {
        try {
            Awaitility.await("no namespace is being deleted").atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofMillis(500))
                    .ignoreExceptions().until(() -> {
                        for (Site site : Site.values()) {
                            if (client(site).namespaces().list().getItems().stream()
                                    .anyMatch(n -> "Terminating".equals(n.getStatus().getPhase()))) {
                                return false;
                            }
                        }
                        return true;
                    });
        } catch (ConditionTimeoutException e) {
            System.err.println(bench + ": measuring with namespaces still being deleted after 5 minutes");
        }
    }

    public String report(String title) {
        StringBuilder out = new StringBuilder("\n===== diagnostics: " + title + " (namespace " + namespace + ") =====\n");
        for (Supplier<String> extra : diagnostics) {
            out.append(safely(extra)).append('\n');
        }
        for (Site site : Site.values()) {
            out.append("--- events on ").append(site.siteName()).append(" ---\n")
                    .append(answers(client(site)) ? safely(() -> events(client(site))) : "(its API server does not answer)\n");
        }
        out.append("--- operator log tail ---\n").append(tail(OPERATOR_LOG, 40)).append('\n');
        if (clusters.isLocal()) {
            for (Site site : Site.values()) {
                for (String component : new String[] { "kube-apiserver", "kube-controller-manager" }) {
                    out.append("--- ").append(site.siteName()).append('/').append(component).append(" log tail ---\n")
                            .append(clusters.logTail(site, component, 15)).append('\n');
                }
            }
        }
        return out.toString();
    }

    /** Whether the API server accepts connections: the client would retry a refused one for minutes. */
    private static boolean answers(KubernetesClient client) {
        URL url = client.getMasterUrl();
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(url.getHost(), url.getPort()), 1000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private String events(KubernetesClient client) {
        StringBuilder out = new StringBuilder();
        client.v1().events().inNamespace(namespace).list().getItems().stream()
                .sorted(Comparator.comparing(e -> String.valueOf(e.getLastTimestamp())))
                .forEach(e -> out.append(line(e)).append('\n'));
        return out.toString();
    }

    private static String line(Event e) {
        return String.format("%s %s %s/%s %s: %s (x%s)", e.getLastTimestamp(), e.getType(), e.getInvolvedObject().getKind(),
                e.getInvolvedObject().getName(), e.getReason(), e.getMessage(), e.getCount());
    }

    static String tail(Path file, int lines) {
        if (!Files.isReadable(file)) {
            return "(no log at " + file.toAbsolutePath() + ")";
        }
        try {
            List<String> all = Files.readAllLines(file);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(cannot read " + file + ": " + e.getMessage() + ")";
        }
    }

    private static String safely(Supplier<String> s) {
        try {
            return s.get();
        } catch (RuntimeException e) {
            return "(could not collect: " + e.getMessage() + ")";
        }
    }
}
