package io.pilotlight.core.clusters;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.VersionInfo;
import io.fabric8.kubernetes.client.http.HttpClient;
import io.pilotlight.util.Json;
import io.pilotlight.util.RemoteErrors;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;

/**
 * Asks a site's API server whether it is ready ({@code /readyz}) and which version it runs
 * ({@code /version}), bounded by a short timeout so that a site that is down costs a reconcile
 * at most that long. Both endpoints are open to every authenticated user on a standard cluster.
 * The server may be anyone's (a plan's author names it): its answers are never quoted, only
 * classified, and a {@code /version} that does not look like Kubernetes' makes the site
 * unreachable.
 */
@ApplicationScoped
public class SiteProbe {

    private static final Pattern MAJOR = Pattern.compile("^[0-9]{1,3}$");
    private static final Pattern MINOR = Pattern.compile("^[0-9]{1,3}\\+?$");
    private static final Pattern GIT_VERSION = Pattern.compile("^v[0-9]+\\.[0-9]+\\.[0-9]+[-+.0-9A-Za-z_]{0,60}$");
    private static final String NOT_KUBERNETES = "/version did not answer as a Kubernetes API server does: this is not a Kubernetes API server";

    public CompletableFuture<SiteHealth> probe(KubernetesClient client, Duration timeout) {
        CompletableFuture<String> readyz = get(client, "/readyz");
        CompletableFuture<String> version = get(client, "/version");
        return readyz.thenCombine(version, (ready, v) -> SiteHealth.reachable(version(v)))
                .orTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS)
                .exceptionally(e -> {
                    readyz.cancel(true);
                    version.cancel(true);
                    return SiteHealth.unreachable(describe(e, timeout));
                });
    }

    private static CompletableFuture<String> get(KubernetesClient client, String path) {
        HttpClient http = client.getHttpClient();
        String base = client.getMasterUrl().toString().replaceAll("/+$", "");
        return http.sendAsync(http.newHttpRequestBuilder().uri(base + path).build(), String.class)
                .thenApply(response -> {
                    if (!response.isSuccessful()) {
                        throw new CompletionException(new ProbeFailure(path + " answered " + RemoteErrors.http(response.code())));
                    }
                    return response.body();
                });
    }

    /** Kubernetes' /version: major and minor numbers and a semantic gitVersion; anything else is not an API server. */
    public static VersionInfo version(String json) {
        JsonNode node;
        try {
            node = Json.unmarshal(json, JsonNode.class);
        } catch (RuntimeException e) {
            throw new ProbeFailure(NOT_KUBERNETES);
        }
        if (node == null || !matches(node, "major", MAJOR) || !matches(node, "minor", MINOR) || !matches(node, "gitVersion", GIT_VERSION)) {
            throw new ProbeFailure(NOT_KUBERNETES);
        }
        return new VersionInfo.Builder().withMajor(node.get("major").asText()).withMinor(node.get("minor").asText())
                .withGitVersion(node.get("gitVersion").asText()).build();
    }

    private static boolean matches(JsonNode node, String field, Pattern pattern) {
        JsonNode value = node.get(field);
        return value != null && value.isTextual() && pattern.matcher(value.asText()).matches();
    }

    private static String describe(Throwable e, Duration timeout) {
        Throwable cause = e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
        if (cause instanceof TimeoutException) {
            return "no answer within " + timeout.toSeconds() + "s";
        }
        if (cause instanceof ProbeFailure) {
            return cause.getMessage();
        }
        return RemoteErrors.describe(cause);
    }

    /** A probe's own finding, in a sentence of ours. */
    private static final class ProbeFailure extends RuntimeException {
        ProbeFailure(String message) {
            super(message, null, false, false);
        }
    }
}
