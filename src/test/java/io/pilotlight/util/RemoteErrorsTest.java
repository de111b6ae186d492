package io.pilotlight.util;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.StatusBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.io.IOException;
import java.net.ConnectException;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.Test;

class RemoteErrorsTest {

    private static final String SECRET = "token-abc123";

    @Test
    void anHttpErrorIsItsCodeAndStandardPhraseNeverTheServersText() {
        var e = new KubernetesClientException(new StatusBuilder().withCode(403).withMessage("leaked " + SECRET).build());
        assertThat(RemoteErrors.describe(e)).isEqualTo("HTTP 403 (Forbidden: the identity lacks an RBAC permission)")
                .doesNotContain(SECRET);
    }

    @Test
    void aTransportErrorIsItsKindNeverTheMessage() {
        var refused = new KubernetesClientException("Operation: [get] failed " + SECRET, new ConnectException("refused " + SECRET));
        assertThat(RemoteErrors.describe(refused)).isEqualTo("connection refused");
        var tls = new KubernetesClientException("x", new SSLHandshakeException("PKIX " + SECRET));
        assertThat(RemoteErrors.describe(tls)).startsWith("TLS failed");
    }

    @Test
    void anUnknownErrorNamesOnlyItsClass() {
        var e = new IllegalArgumentException("Unexpected char 0x0a in Authorization value: Bearer " + SECRET, new IOException(SECRET));
        assertThat(RemoteErrors.describe(e)).isEqualTo("request failed (IllegalArgumentException)");
    }
}
