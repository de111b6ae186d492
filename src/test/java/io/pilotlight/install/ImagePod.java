package io.pilotlight.install;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.PodSecurityContext;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.authentication.TokenRequestBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The operator's image run as the Pod of its Deployment would run it, without a container runtime:
 * the image's file system (crane export) in a chroot with a read-only root and /tmp as a tmpfs
 * (hack/install/pod-chroot.sh), the image's entrypoint, environment and working directory, the
 * Deployment's user and environment, and a token the API server issued for the Deployment's
 * ServiceAccount with the cluster's CA where in-cluster clients look. Two things differ from a Pod,
 * since the chroot shares the host's network: the API server is reached on loopback
 * (KUBERNETES_SERVICE_HOST/PORT), and the HTTP port is a free one.
 */
final class ImagePod implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path WORK = Path.of("target", "install").toAbsolutePath();

    private final Process process;
    private final Path log;
    private final int httpPort;
    private volatile boolean closed;

    private ImagePod(Process process, Path log, int httpPort) {
        this.process = process;
        this.log = log;
        this.httpPort = httpPort;
    }

    /** Starts the image as the first container of the Deployment, in the cluster of {@code admin}. */
    static ImagePod start(KubernetesClient admin, Deployment deployment, String image) throws IOException {
        Path root = WORK.resolve("rootfs");
        Commands.run("rm", "-rf", root.toString());
        Files.createDirectories(root);
        Commands.run(Map.of("CRANE", Commands.CRANE, "FLAGS", Commands.INSECURE_REGISTRY ? "--insecure" : "", "IMAGE", image,
                "ROOT", root.toString()), "bash", "-o", "pipefail", "-c", "\"$CRANE\" export $FLAGS \"$IMAGE\" - | tar -x -C \"$ROOT\"");
        JsonNode config = JSON.readTree(Commands.crane("config", image)).path("config");

        String namespace = deployment.getMetadata().getNamespace();
        var pod = deployment.getSpec().getTemplate().getSpec();
        Container container = pod.getContainers().get(0);
        Path serviceAccount = WORK.resolve("serviceaccount");
        Files.createDirectories(serviceAccount);
        String token = admin.serviceAccounts().inNamespace(namespace).withName(pod.getServiceAccountName())
                .tokenRequest(new TokenRequestBuilder().withNewSpec().withExpirationSeconds(3600L).endSpec().build())
                .getStatus().getToken();
        Files.writeString(serviceAccount.resolve("token"), token);
        Files.write(serviceAccount.resolve("ca.crt"), Base64.getDecoder().decode(admin.getConfiguration().getCaCertData()));
        Files.writeString(serviceAccount.resolve("namespace"), namespace);

        Map<String, String> env = new LinkedHashMap<>();
        for (JsonNode entry : config.path("Env")) {
            String[] pair = entry.asText().split("=", 2);
            env.put(pair[0], pair[1]);
        }
        for (EnvVar var : container.getEnv()) {
            env.put(var.getName(), value(var, namespace));
        }
        URL api = admin.getMasterUrl();
        env.put("KUBERNETES_SERVICE_HOST", api.getHost());
        env.put("KUBERNETES_SERVICE_PORT", String.valueOf(api.getPort()));
        int httpPort = freePort();
        env.put("QUARKUS_HTTP_PORT", String.valueOf(httpPort));

        List<String> command = new ArrayList<>(List.of("unshare", "--mount", "--pid", "--fork", "--kill-child",
                Commands.REPO.resolve("hack/install/pod-chroot.sh").toString(), root.toString(), serviceAccount.toString(),
                user(pod.getSecurityContext(), container), config.path("WorkingDir").asText("/"), "--"));
        command.addAll(container.getCommand().isEmpty() ? strings(config.path("Entrypoint")) : container.getCommand());
        command.addAll(container.getArgs().isEmpty() && container.getCommand().isEmpty() ? strings(config.path("Cmd")) : container.getArgs());
        Path log = WORK.resolve("operator.log");
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().clear();
        builder.environment().putAll(env);
        return new ImagePod(builder.start(), log, httpPort);
    }

    /** The HTTP status of a probe path (the Deployment's readiness or liveness probe), or -1 when nothing answers. */
    int probe(String path) {
        try {
            HttpResponse<Void> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + httpPort + path))
                    .timeout(Duration.ofSeconds(3)).build(), HttpResponse.BodyHandlers.discarding());
            return response.statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    /** Whether the operator stopped by itself (it is not expected to, while a test runs). */
    boolean exited() {
        return !closed && !process.isAlive();
    }

    String logTail(int lines) {
        try {
            List<String> all = Files.readAllLines(log);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(no operator log: " + e.getMessage() + ")";
        }
    }

    /**
     * Stops the operator as Kubernetes would: SIGTERM, then SIGKILL after the grace period. The
     * signal goes to the first process of the PID namespace (the JVM), whose end ends the namespace
     * and its mounts; unshare's own --kill-child does not reach it once chroot has changed its user.
     */
    @Override
    public void close() throws InterruptedException {
        closed = true;
        List<ProcessHandle> inside = process.toHandle().descendants().toList();
        inside.forEach(ProcessHandle::destroy);
        for (ProcessHandle p : inside) {
            p.onExit().completeOnTimeout(p, 30, TimeUnit.SECONDS).join();
            p.destroyForcibly();
        }
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        Commands.run("rm", "-rf", WORK.resolve("rootfs").toString()); // 400 MB; the log stays
    }

    private static String value(EnvVar var, String namespace) {
        if (var.getValueFrom() == null) {
            return var.getValue();
        }
        if (var.getValueFrom().getFieldRef() != null && "metadata.namespace".equals(var.getValueFrom().getFieldRef().getFieldPath())) {
            return namespace;
        }
        throw new IllegalStateException("the Deployment's env " + var.getName() + " comes from something this test cannot provide");
    }

    private static String user(PodSecurityContext pod, Container container) {
        Long uid = container.getSecurityContext() != null && container.getSecurityContext().getRunAsUser() != null
                ? container.getSecurityContext().getRunAsUser() : pod.getRunAsUser();
        Long gid = pod.getRunAsGroup() != null ? pod.getRunAsGroup() : 0L;
        if (uid == null || uid == 0) {
            throw new IllegalStateException("the Deployment must run the operator as a non-root user");
        }
        return uid + ":" + gid;
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
