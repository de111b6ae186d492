package io.pilotlight.failover.actions;

import io.pilotlight.api.v1alpha1.Reasons;
import io.pilotlight.api.v1alpha1.plan.ActionSpec;
import io.pilotlight.api.v1alpha1.plan.HttpGetActionSpec;
import io.pilotlight.config.OperatorSettings;
import io.pilotlight.failover.run.FailoverRun;
import io.pilotlight.failover.run.StepOutcome;
import io.pilotlight.plan.ActionValidation;
import io.pilotlight.util.RemoteErrors;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * An httpGet action: one GET per call of the step, to a host the admin allowed, redirects never
 * followed (a 3xx is an answer like any other, so a redirect cannot lead elsewhere). The body is read
 * (at most {@value #BODY_MAX} bytes) only to match it: status, events and logs say "matched" or "did
 * not match", never what it held. Attempts are counted in status.inFlight.attempts.
 */
public class HttpCheck {

    static final int BODY_MAX = 1 << 20;
    static final Duration ATTEMPT_TIMEOUT = Duration.ofSeconds(10);
    static final Duration RETRY_AFTER = Duration.ofSeconds(5);

    private final OperatorSettings.Actions settings;
    private final HttpClient http;

    public HttpCheck(OperatorSettings.Actions settings) {
        this.settings = settings;
        this.http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).connectTimeout(ATTEMPT_TIMEOUT).build();
    }

    StepOutcome run(FailoverRun run, ActionSpec action) {
        HttpGetActionSpec get = action.getHttpGet();
        Optional<String> host = ActionValidation.host(get.getUrl());
        if (host.isEmpty()) {
            return StepOutcome.failed(Reasons.INVALID_SPEC, "httpGet.url is not a valid URL");
        }
        // Also checked with the plan; checked again here since the setting may have changed since.
        if (!settings.allows(host.get())) {
            return StepOutcome.failed(Reasons.INVALID_SPEC, "host " + host.get() + " is not allowed: an admin lists the hosts httpGet"
                    + " actions may call in the operator's setting pilotlight.actions.allowed-hosts (none by default); nothing was called");
        }
        String result = attempt(URI.create(get.getUrl()), get);
        if (result == null) {
            return StepOutcome.done("GET " + get.getUrl() + " passed" + (get.getBodyContains() == null ? "" : "; the body matched"));
        }
        int attempts = run.inFlight().getAttempts() == null ? 1 : run.inFlight().getAttempts() + 1;
        run.inFlight().setAttempts(attempts);
        int allowed = 1 + (get.getRetries() == null ? 0 : get.getRetries());
        if (attempts < allowed) {
            return StepOutcome.waiting("GET " + get.getUrl() + ", attempt " + attempts + " of " + allowed + ": " + result + "; trying again",
                    RETRY_AFTER);
        }
        return StepOutcome.failed(Reasons.ACTION_FAILED, "GET " + get.getUrl() + ": " + result + " (" + attempts + " attempt(s))");
    }

    /** Null when the answer passes; else what was wrong, in words of our own. */
    String attempt(URI uri, HttpGetActionSpec get) {
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(ATTEMPT_TIMEOUT).GET().build();
        try {
            HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream body = response.body()) {
                List<Integer> expected = get.getExpectedStatus() == null || get.getExpectedStatus().isEmpty() ? List.of(200)
                        : get.getExpectedStatus();
                if (!expected.contains(response.statusCode())) {
                    return status(response.statusCode()) + ", expected " + expected;
                }
                if (get.getBodyContains() != null
                        && !new String(body.readNBytes(BODY_MAX), StandardCharsets.UTF_8).contains(get.getBodyContains())) {
                    return status(response.statusCode()) + ", but the body did not match";
                }
                return null;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        } catch (IOException e) {
            return RemoteErrors.describe(e);
        }
    }

    private static String status(int code) {
        if (code >= 400) {
            return RemoteErrors.http(code);
        }
        return "HTTP " + code + (code >= 300 && code < 400 ? " (a redirect, not followed)" : "");
    }
}
