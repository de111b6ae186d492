package io.pilotlight.testsupport;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.authentication.TokenRequestBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.pilotlight.testsupport.LocalClusters.Site;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Runs the operator of a {@code @QuarkusTest} as it is deployed: in the standby, as the
 * ServiceAccount {@code pilotlight-operator} with deploy/'s RBAC (applied from the repository's
 * files, not copies), through a token the API server issued for it. Only a test profile that
 * disables the global test resources uses it, since {@link OperatorTestResource} runs the operator
 * as an admin.
 */
public class OperatorAsServiceAccount implements QuarkusTestResourceLifecycleManager {

    static final String NAMESPACE = "pilotlight-system";
    static final String SERVICE_ACCOUNT = "pilotlight-operator";
    /** deploy/'s identity and RBAC for the operator's own cluster, without the Deployment itself. */
    private static final List<String> DEPLOY_FILES = List.of("deploy/namespace.yaml", "deploy/serviceaccount.yaml",
            "deploy/rbac/operator.yaml", "deploy/rbac/leader-election.yaml", "deploy/rbac/trusted-namespace.yaml",
            "deploy/roles/site-roles.yaml");

    @Override
    public Map<String, String> start() {
        LocalClusters clusters = LocalClusters.get();
        for (Site site : Site.values()) {
            TestCrds.installAll(clusters.client(site));
        }
        KubernetesClient standby = clusters.client(Site.STANDBY);
        for (String file : DEPLOY_FILES) {
            apply(standby, Path.of(file));
        }
        String token = standby.serviceAccounts().inNamespace(NAMESPACE).withName(SERVICE_ACCOUNT)
                .tokenRequest(new TokenRequestBuilder().withNewSpec().withExpirationSeconds(7200L).endSpec().build())
                .getStatus().getToken();
        Path kubeconfig = Path.of("target", "operator-serviceaccount.kubeconfig").toAbsolutePath();
        write(kubeconfig, kubeconfig(standby, token));
        System.setProperty("kubeconfig", kubeconfig.toString());
        return Map.of("quarkus.operator-sdk.controllers.disasterrecoveryplan.selector",
                OperatorTestResource.RUN_LABEL + "=" + OperatorTestResource.runId(),
                "quarkus.operator-sdk.controllers.failover.selector",
                OperatorTestResource.RUN_LABEL + "=" + OperatorTestResource.runId());
    }

    @Override
    public void stop() {
        System.clearProperty("kubeconfig");
    }

    private static void apply(KubernetesClient client, Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            for (HasMetadata item : client.load(in).items()) {
                client.resource(item).fieldManager("pilotlight-tests").forceConflicts().serverSideApply();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /** A kubeconfig of the cluster {@code admin} talks to that authenticates with {@code token}. */
    public static String kubeconfig(KubernetesClient admin, String token) {
        String ca = admin.getConfiguration().getCaCertData();
        return """
                apiVersion: v1
                kind: Config
                current-context: operator
                contexts:
                - name: operator
                  context: {cluster: standby, user: operator}
                clusters:
                - name: standby
                  cluster: {server: "%s", certificate-authority-data: %s}
                users:
                - name: operator
                  user: {token: "%s"}
                """.formatted(admin.getMasterUrl().toString().replaceAll("/+$", ""), ca, token);
    }

    private static void write(Path file, String content) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, content);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }
}
