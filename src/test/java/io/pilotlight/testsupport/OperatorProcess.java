package io.pilotlight.testsupport;

import java.util.stream.Collectors;
import java.util.Arrays;
import java.util.Properties;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import org.awaitility.Awaitility;

/**
 * The operator as it runs in production: the packaged jar ({@code mvn package} →
 * {@code target/quarkus-app/quarkus-run.jar}) started as a child process with the configuration
 * deploy/deployment.yaml gives it, by environment variables only: {@code POD_NAMESPACE}, a
 * {@code HOSTNAME} (the Pod's name, which stays the same when a container is restarted, so the
 * restarted process takes its own Lease back at once), leader election on, the trusted namespaces of
 * the documented {@code PILOTLIGHT_SECURITY_TRUSTED_NAMESPACES}. What differs from the Deployment, and
 * why: the API of the operator's own cluster is reached with {@code KUBECONFIG} (an admin kubeconfig of
 * the local standby) instead of the Pod's ServiceAccount; the Lease's namespace is given, since outside
 * a Pod JOSDK cannot infer it; HTTP (health, metrics) listens on a free loopback port instead of
 * 0.0.0.0:8080; and the controllers only take the plans and Failovers labelled for this test run (the
 * local clusters may be shared). The image under deploy/'s RBAC is what {@code InstallIT} runs.
 *
 * <p>{@link #kill()} is a SIGKILL ({@link Process#destroyForcibly()} on Linux): no shutdown hook, no
 * status patch in flight finished. Every start appends to its own log file, {@link #logs()}.
 */
public final class OperatorProcess implements AutoCloseable {

    public static final Path JAR = Path.of("target", "quarkus-app", "quarkus-run.jar");

    private final Path kubeconfig;
    private final String namespace;
    private final String runLabel;
    private final Path logDir;
    private final String trusted;
    private final String identity;
    private final List<Path> logs = new ArrayList<>();
    private Process process;
    private int port;
    private String shard;
    private String shardSelector;
    private String javaOptions = "-Xmx384m";
    private Map<String, String> imageEnvironment = Map.of();

    /**
     * @param kubeconfig of the operator's own cluster (where plans and Failovers live)
     * @param namespace the operator's namespace (POD_NAMESPACE), which must exist: the Lease goes there
     * @param runLabel {@code key=value} that the plans and Failovers of this test carry
     * @param trustedNamespaces namespaces whose plans act as the operator (comma-separated)
     */
    public OperatorProcess(Path kubeconfig, String namespace, String runLabel, String trustedNamespaces, Path logDir) {
        this(kubeconfig, namespace, runLabel, trustedNamespaces, logDir, "pilotlight-operator-chaos-0");
    }

    /**
     * One replica of several: {@code identity} is its Pod name (HOSTNAME, the Lease holder it writes),
     * {@code kubeconfig} its own credentials, so that the API server's audit log tells the replicas apart.
     */
    public OperatorProcess(Path kubeconfig, String namespace, String runLabel, String trustedNamespaces, Path logDir, String identity) {
        this.kubeconfig = kubeconfig.toAbsolutePath();
        this.namespace = namespace;
        this.runLabel = runLabel;
        this.logDir = logDir;
        this.trusted = trustedNamespaces;
        this.identity = identity;
    }

    /** The Pod name it runs as: its identity in the Lease. */
    public String identity() {
        return identity;
    }

    /**
     * Runs as one shard ({@code pilotlight.shard.name} and {@code .selector}, as a sharded Deployment
     * sets them): its controllers take the plans and Failovers matching the selector and this run's label.
     */
    public OperatorProcess shard(String name, String selector) {
        this.shard = name;
        this.shardSelector = selector;
        return this;
    }

    /**
     * The image's JVM options (quarkus.jib.jvm-additional-arguments, the -XX ones) under deploy/'s 512Mi memory
     * limit ({@code -XX:MaxRAM=512m} stands in for the container's limit), then bench.extra-jvm-options (e.g.
     * -XX:NativeMemoryTracking=summary): what the memory benchmarks run the packaged operator with.
     */
    public static String deployJvmOptions() {
        String image = Arrays.stream(imageProperties().getProperty("quarkus.jib.jvm-additional-arguments", "").split(","))
                .map(String::trim).filter(o -> o.startsWith("-XX:")).collect(Collectors.joining(" "));
        return ("-XX:MaxRAM=512m " + image + " " + System.getProperty("bench.extra-jvm-options", "")).trim();
    }

    /** The image's environment variables (quarkus.jib.environment-variables."NAME"), e.g. MALLOC_ARENA_MAX. */
    public static Map<String, String> deployEnvironment() {
        String prefix = "quarkus.jib.environment-variables.";
        Map<String, String> env = new LinkedHashMap<>();
        imageProperties().forEach((k, v) -> {
            if (k.toString().startsWith(prefix)) {
                env.put(k.toString().substring(prefix.length()).replace("\"", ""), v.toString());
            }
        });
        return env;
    }

    /** Runs with the image's JVM options and environment under deploy/'s limit, as the memory benchmarks measure it. */
    public OperatorProcess deploySettings() {
        this.javaOptions = deployJvmOptions();
        this.imageEnvironment = deployEnvironment();
        return this;
    }

    private static Properties imageProperties() {
        Properties props = new Properties();
        try (var in = Files.newInputStream(Path.of("src", "main", "resources", "application.properties"))) {
            props.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return props;
    }

    /** The JVM's heap options instead of -Xmx384m. */
    public OperatorProcess javaOptions(String options) {
        this.javaOptions = options;
        return this;
    }

    /** The port of its HTTP endpoints (health, metrics) while it runs. */
    public synchronized int port() {
        return port;
    }

    /** Starts the jar and waits (with a deadline) until its readiness endpoint says UP. */
    public synchronized void start() {
        if (process != null && process.isAlive()) {
            throw new IllegalStateException("the operator runs already (pid " + process.pid() + ")");
        }
        if (!Files.isRegularFile(JAR)) {
            throw new IllegalStateException(JAR.toAbsolutePath() + " is missing: run `mvn package -DskipTests` first");
        }
        port = freePort();
        Path log = logDir.resolve(identity + "-" + (logs.size() + 1) + ".log");
        try {
            Files.createDirectories(logDir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        logs.add(log);
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        List<String> command = new ArrayList<>(List.of(java.toString(), "-XX:+ExitOnOutOfMemoryError"));
        command.addAll(List.of(javaOptions.split(" ")));
        command.addAll(List.of("-jar", JAR.toAbsolutePath().toString()));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().putAll(environment());
        builder.redirectErrorStream(true).redirectOutput(log.toFile());
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + JAR, e);
        }
        Instant started = Instant.now();
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        try {
            Awaitility.await("the operator (pid " + process.pid() + ") is ready on 127.0.0.1:" + port).atMost(Duration.ofMinutes(2))
                    .pollInterval(Duration.ofMillis(300)).ignoreExceptions().until(() -> {
                        if (!process.isAlive()) {
                            throw new IllegalStateException("the operator exited with " + process.exitValue() + ":\n" + logTail(40));
                        }
                        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/q/health/ready"))
                                .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
                    });
        } catch (RuntimeException e) {
            System.err.println("operator did not get ready; log tail:\n" + logTail(60));
            throw e;
        }
        System.out.printf("[chaos] operator pid %d ready in %d ms (log %s)%n", process.pid(),
                Duration.between(started, Instant.now()).toMillis(), log);
    }

    /** The variables the Deployment would give (see the class comment for what differs). */
    Map<String, String> environment() {
        Map<String, String> env = new LinkedHashMap<>(imageEnvironment);
        env.put("KUBECONFIG", kubeconfig.toString());
        env.put("POD_NAMESPACE", namespace);
        env.put("HOSTNAME", identity);
        env.put("PILOTLIGHT_LEADER_ELECTION_ENABLED", "true");
        env.put("PILOTLIGHT_LEADER_ELECTION_LEASE_NAMESPACE", namespace);
        env.put("PILOTLIGHT_SECURITY_TRUSTED_NAMESPACES", trusted);
        env.put("QUARKUS_HTTP_HOST", "127.0.0.1");
        env.put("QUARKUS_HTTP_PORT", String.valueOf(port));
        if (shard != null) {
            env.put("HOSTNAME", "pilotlight-operator-" + shard + "-0");
            env.put("PILOTLIGHT_SHARD_NAME", shard);
            env.put("PILOTLIGHT_SHARD_SELECTOR", runLabel + "," + shardSelector);
            return env;
        }
        env.put("QUARKUS_OPERATOR_SDK_CONTROLLERS_DISASTERRECOVERYPLAN_SELECTOR", runLabel);
        env.put("QUARKUS_OPERATOR_SDK_CONTROLLERS_FAILOVER_SELECTOR", runLabel);
        return env;
    }

    /** SIGKILL, and waits until the process is gone. */
    public synchronized void kill() {
        if (process == null || !process.isAlive()) {
            throw new IllegalStateException("the operator does not run");
        }
        process.destroyForcibly();
        try {
            if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
                throw new IllegalStateException("the operator (pid " + process.pid() + ") outlived SIGKILL for 30 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Waits (at most {@code atMost}) until the process exits by itself; its exit code, or empty if it still runs. */
    public OptionalInt awaitExit(Duration atMost) {
        Process p;
        synchronized (this) {
            p = process;
        }
        try {
            return p != null && p.waitFor(atMost.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS) ? OptionalInt.of(p.exitValue())
                    : OptionalInt.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public synchronized boolean alive() {
        return process != null && process.isAlive();
    }

    public synchronized long pid() {
        return process.pid();
    }

    /** Every log file so far, one per start. */
    public List<Path> logs() {
        return List.copyOf(logs);
    }

    public String logTail(int lines) {
        return logs.isEmpty() ? "(the operator never started)" : "--- " + logs.get(logs.size() - 1) + " ---\n"
                + TestClusters.tail(logs.get(logs.size() - 1), lines);
    }

    /** Every line every start wrote, for the credential check. */
    public String allLogs() {
        StringBuilder out = new StringBuilder();
        for (Path log : logs) {
            try {
                out.append(Files.readString(log)).append('\n');
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return out.toString();
    }

    /** Stops the operator (SIGTERM, then SIGKILL after 20 s); only the process this object started. */
    @Override
    public synchronized void close() {
        if (process != null && process.isAlive()) {
            process.destroy();
            try {
                if (!process.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor(10, java.util.concurrent.TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /**
     * What a packaged operator on the local standby needs before it starts: the CRDs on both sites,
     * its namespace (for the Lease), and the primary's kubeconfig as {@code primary-kubeconfig} in the
     * plans' namespace.
     */
    public static void prepare(TestClusters clusters, String operatorNamespace, String planNamespace) {
        for (LocalClusters.Site site : LocalClusters.Site.values()) {
            TestCrds.installAll(clusters.client(site));
        }
        clusters.standby().resource(new io.fabric8.kubernetes.api.model.NamespaceBuilder().withNewMetadata()
                .withName(operatorNamespace).endMetadata().build()).create();
        clusters.standby().resource(new io.fabric8.kubernetes.api.model.SecretBuilder().withNewMetadata()
                .withName("primary-kubeconfig").withNamespace(planNamespace).endMetadata()
                .withStringData(Map.of("kubeconfig", clusters.clusters().kubeconfigContent(LocalClusters.Site.PRIMARY))).build())
                .create();
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
