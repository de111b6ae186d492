package io.pilotlight.core.clusters;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.client.Config;
import io.pilotlight.api.v1alpha1.Reasons;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class KubeconfigParserTest {

    private static final String PEM = Base64.getEncoder().encodeToString(
            "-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n".getBytes(StandardCharsets.US_ASCII));
    private static final String TOKEN = "s3cr3t-t0ken";

    private static String kubeconfig(String clusterExtra, String user) {
        return """
                apiVersion: v1
                kind: Config
                current-context: c
                contexts:
                - name: c
                  context: {cluster: k, user: u}
                clusters:
                - name: k
                  cluster:
                    server: https://127.0.0.1:6443
                    certificate-authority-data: %s
                %s
                users:
                - name: u
                  user:
                %s
                """.formatted(PEM, clusterExtra.indent(4).stripTrailing(), user.indent(4).stripTrailing());
    }

    @Test
    void aTokenAndAnInlineCaMakeAConfigThatReadsNothingElse() throws Exception {
        Config config = KubeconfigParser.parse(kubeconfig("", "token: " + TOKEN), false);
        assertThat(config.getMasterUrl()).startsWith("https://127.0.0.1:6443");
        assertThat(config.getOauthToken()).isEqualTo(TOKEN);
        assertThat(config.getCaCertData()).isEqualTo(PEM);
        assertThat(config.getFile()).isNull();
        assertThat(config.isTrustCerts()).isFalse();
    }

    @Test
    void anInlineClientCertificateIsAccepted() throws Exception {
        Config config = KubeconfigParser.parse(kubeconfig("", "client-certificate-data: " + PEM + "\nclient-key-data: " + PEM), false);
        assertThat(config.getClientCertData()).isEqualTo(PEM);
        assertThat(config.getClientKeyData()).isEqualTo(PEM);
        assertThat(config.getOauthToken()).isNull();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "exec: {command: /bin/sh, args: [-c, 'touch /tmp/pwned'], apiVersion: client.authentication.k8s.io/v1}|users[u].user.exec is refused: it runs a command",
            "auth-provider: {name: oidc, config: {cmd-path: /bin/sh}}|users[u].user.auth-provider is refused: it runs a token refresh",
            "tokenFile: /var/run/secrets/kubernetes.io/serviceaccount/token|users[u].user.tokenFile is refused: it reads a file",
            "client-certificate: /etc/pki/tls.crt|users[u].user.client-certificate is refused: it reads a file",
            "client-key: /etc/pki/tls.key|users[u].user.client-key is refused: it reads a file",
            "username: admin|users[u].user.username is refused: it is basic authentication",
            "as: system:admin|users[u].user.as is refused: it impersonates another identity",
            "whatever: 1|users[u].user.whatever is refused: it is not a field Pilotlight accepts"})
    void everyOtherWayToAuthenticateIsRefusedByNameNeverByValue(String user, String message) {
        assertThatThrownBy(() -> KubeconfigParser.parse(kubeconfig("", user + "\ntoken: " + TOKEN), false))
                .isInstanceOf(SiteConfigException.class)
                .satisfies(e -> assertThat(((SiteConfigException) e).reason()).isEqualTo(Reasons.INVALID_KUBECONFIG))
                .hasMessageStartingWith(message)
                .hasMessageNotContaining("/bin/sh").hasMessageNotContaining("/etc/pki").hasMessageNotContaining(TOKEN);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "certificate-authority: /etc/ssl/ca.crt|clusters[k].cluster.certificate-authority is refused: it reads a file",
            "proxy-url: http://10.0.0.1:3128|clusters[k].cluster.proxy-url is refused: it sends the requests through another server"})
    void clusterFieldsThatReadOrReachSomethingElseAreRefused(String cluster, String message) {
        assertThatThrownBy(() -> KubeconfigParser.parse(kubeconfig(cluster, "token: " + TOKEN), false))
                .hasMessageStartingWith(message).hasMessageNotContaining("/etc/ssl").hasMessageNotContaining("10.0.0.1");
    }

    @Test
    void skippingTlsVerificationNeedsThePlansOptIn() throws Exception {
        String insecure = kubeconfig("insecure-skip-tls-verify: true", "token: " + TOKEN);
        assertThatThrownBy(() -> KubeconfigParser.parse(insecure, false))
                .hasMessageContaining("insecure-skip-tls-verify is true: the plan must opt in with allowInsecureTLS");
        assertThat(KubeconfigParser.parse(insecure, true).isTrustCerts()).isTrue();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "http://127.0.0.1:8080|must be an https:// URL",
            "https://127.0.0.1:8080/path?x=|must not carry user info, a query or a fragment",
            "https://user:pw@example.com|must not carry user info, a query or a fragment",
            "file:///etc/passwd|must be an https:// URL"})
    void theServerIsAnHttpsUrlWithoutQuery(String server, String message) {
        String text = kubeconfig("", "token: " + TOKEN).replace("https://127.0.0.1:6443", server);
        assertThatThrownBy(() -> KubeconfigParser.parse(text, false)).hasMessageContaining(message).hasMessageNotContaining(server);
    }

    @Test
    void aTokenWithAControlCharacterIsRefusedWithoutQuotingIt() {
        String text = kubeconfig("", "token: \"abc\\ndef-" + TOKEN + "\"");
        assertThatThrownBy(() -> KubeconfigParser.parse(text, false)).hasMessageContaining("is not a bearer token")
                .hasMessageNotContaining(TOKEN);
    }

    @Test
    void missingCredentialsOrNotYamlAreClearAndQuoteNothing() {
        assertThatThrownBy(() -> KubeconfigParser.parse(kubeconfig("", "{}"), false)).hasMessageContaining("has no credentials");
        assertThatThrownBy(() -> KubeconfigParser.parse("{ token: " + TOKEN + " [", false)).hasMessageContaining("not valid YAML")
                .hasMessageNotContaining(TOKEN);
        assertThatThrownBy(() -> KubeconfigParser.parse(kubeconfig("", "token: " + TOKEN).replace("current-context: c", "current-context: nope"), false))
                .hasMessageContaining("the context names context 'nope', which is not in contexts");
    }
}
