package io.pilotlight.clusters;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.VersionInfo;
import io.fabric8.kubernetes.client.http.HttpClient;
import io.fabric8.kubernetes.client.http.HttpResponse;
import io.fabric8.kubernetes.client.utils.Serialization;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Asks a site's API server whether it is ready ({@code /readyz}) and which version it runs
 * ({@code /version}), bounded by a short timeout so that a site that is down costs a reconcile
 * at most that long. Both endpoints are open to every authenticated user on a standard cluster.
 */
@ApplicationScoped
public class SiteProbe {

    public CompletableFuture<SiteHealth> probe(KubernetesClient client, Duration timeout) {
        CompletableFuture<String> readyz = get(client, "/readyz");
        CompletableFuture<String> version = get(client, "/version");
        return readyz.thenCombine(version, (ready, v) -> SiteHealth.reachable(parse(v)))
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
                        throw new CompletionException(new ProbeFailure(path + " answered HTTP " + response.code() + statusLine(response)));
                    }
                    return response.body();
                });
    }

    private static String statusLine(HttpResponse<String> response) {
        String body = response.body();
        if (body == null || body.isBlank() || body.length() > 200) {
            return "";
        }
        return ": " + body.strip().lines().reduce((a, b) -> b).orElse("");
    }

    private static VersionInfo parse(String json) {
        return Serialization.unmarshal(json, VersionInfo.class);
    }

    private static String describe(Throwable e, Duration timeout) {
        Throwable cause = e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
        if (cause instanceof TimeoutException) {
            return "no answer within " + timeout.toSeconds() + "s";
        }
        if (cause instanceof ProbeFailure) {
            return cause.getMessage();
        }
        String message = cause.getMessage();
        return cause.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }

    private static final class ProbeFailure extends RuntimeException {
        ProbeFailure(String message) {
            super(message, null, false, false);
        }
    }
}
