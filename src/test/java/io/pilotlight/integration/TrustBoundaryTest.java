package io.pilotlight.integration;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.KubernetesResourceList;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.api.model.ServiceAccountBuilder;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBindingBuilder;
import io.fabric8.kubernetes.api.model.rbac.PolicyRuleBuilder;
import io.fabric8.kubernetes.api.model.rbac.RoleBindingBuilder;
import io.fabric8.kubernetes.api.model.rbac.RoleBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.NonNamespaceOperation;
import io.fabric8.kubernetes.client.dsl.Resource;
import io.pilotlight.api.v1alpha1.Condition;
import io.pilotlight.api.v1alpha1.ConditionTypes;
import io.pilotlight.api.v1alpha1.DisasterRecoveryPlan;
import io.pilotlight.api.v1alpha1.Reasons;
import io.pilotlight.testsupport.LocalClusters.Site;
import io.pilotlight.testsupport.OperatorAsServiceAccount;
import io.pilotlight.testsupport.TestClusters;
import io.pilotlight.traffic.TrafficGrants;
import io.pilotlight.traffic.TrafficSwitchException;
import io.pilotlight.traffic.externaldns.DNSEndpoint;
import io.pilotlight.traffic.externaldns.DNSEndpointSpec;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The attacks of the trust-boundary issue, each by a namespace user who may create a Secret and a
 * plan in their namespace, against the operator running as its real ServiceAccount with deploy/'s
 * RBAC ({@link OperatorAsServiceAccount}). The author's plans act as the ServiceAccount
 * {@code author} of their namespace, which may read that namespace's Secrets and nothing else; the
 * primary cluster plays a cluster the author controls (reached with its admin kubeconfig), and
 * {@code <ns>-payments} is another team's namespace in the operator's cluster.
 */
@QuarkusTest
@TestProfile(TrustBoundaryTest.AsDeployed.class)
class TrustBoundaryTest {

    private static final Duration WAIT = Duration.ofSeconds(60);
    /** A window in which a write that was going to happen would have happened: the sync runs every few seconds. */
    private static final Duration QUIET = Duration.ofSeconds(8);

    /** deploy/'s settings (only pilotlight-system trusted), with a small watch cap to try the overload case cheaply. */
    public static class AsDeployed implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("pilotlight.security.trusted-namespaces", "pilotlight-system",
                    "pilotlight.security.max-watches-per-plan", "100");
        }

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(OperatorAsServiceAccount.class));
        }

        @Override
        public boolean disableGlobalTestResources() {
            return true;
        }
    }

    private TestClusters clusters;
    private String ns;
    private String payments;
    private String marker;

    @BeforeEach
    void setUp() {
        clusters = TestClusters.open("trust");
        ns = clusters.namespace();
        payments = ns + "-payments";
        marker = "pl-leak-" + UUID.randomUUID().toString().substring(0, 8);
        for (Site site : Site.values()) {
            clusters.client(site).resource(new NamespaceBuilder().withNewMetadata().withName(payments).endMetadata().build()).create();
            clusters.client(site).resource(new SecretBuilder().withNewMetadata().withName("card-keys").withNamespace(payments)
                    .endMetadata().withStringData(Map.of("key", marker)).build()).create();
        }
        KubernetesClient standby = clusters.standby();
        standby.resource(new ServiceAccountBuilder().withNewMetadata().withName("author").withNamespace(ns).endMetadata().build()).create();
        standby.resource(new RoleBuilder().withNewMetadata().withName("author").withNamespace(ns).endMetadata()
                .withRules(new PolicyRuleBuilder().withApiGroups("").withResources("secrets").withVerbs("get").build()).build()).create();
        standby.resource(new RoleBindingBuilder().withNewMetadata().withName("author").withNamespace(ns).endMetadata()
                .withNewRoleRef("rbac.authorization.k8s.io", "Role", "author")
                .addNewSubject().withKind("ServiceAccount").withName("author").withNamespace(ns).endSubject().build()).create();
        standby.resource(PlanFixtures.kubeconfigSecret(ns, "primary-kubeconfig", "kubeconfig",
                clusters.clusters().kubeconfigContent(Site.PRIMARY))).create();
        clusters.onFailure(() -> "plans:\n" + PlanFixtures.yaml(plans().list().getItems()));
    }

    @AfterEach
    void tearDown() {
        plans().delete();
        clusters.await("plans removed", WAIT, () -> assertThat(plans().list().getItems()).isEmpty());
        for (Site site : Site.values()) {
            clusters.client(site).namespaces().withName(payments).delete();
        }
        clusters.standby().rbac().clusterRoleBindings().withLabel("pilotlight-test", ns).delete();
        clusters.close();
    }

    @Test
    void anExecPluginIsNeverRunAndAFixedSecretRecovers() throws IOException {
        Path touched = Path.of("target", "exec-ran-" + marker).toAbsolutePath();
        String exec = """
                apiVersion: v1
                kind: Config
                current-context: c
                contexts: [{name: c, context: {cluster: k, user: u}}]
                clusters: [{name: k, cluster: {server: "https://127.0.0.1:1"}}]
                users:
                - name: u
                  user:
                    exec: {apiVersion: client.authentication.k8s.io/v1, command: /bin/sh, args: [-c, "touch %s"]}
                """.formatted(touched);
        secret("primary-kubeconfig", exec);
        plans().resource(plan("exec", Map.of())).create();
        awaitCondition("exec", ConditionTypes.PRIMARY_REACHABLE, Reasons.INVALID_KUBECONFIG, "exec is refused: it runs a command");
        assertThat(touched).doesNotExist();

        secret("primary-kubeconfig", exec.replace("exec: {apiVersion: client.authentication.k8s.io/v1, command: /bin/sh, args: [-c, \"touch "
                + touched + "\"]}", "client-certificate: /var/run/secrets/kubernetes.io/serviceaccount/ca.crt\n    client-key: /etc/hostname"));
        awaitCondition("exec", ConditionTypes.PRIMARY_REACHABLE, Reasons.INVALID_KUBECONFIG, "client-certificate is refused: it reads a file");

        secret("primary-kubeconfig", clusters.clusters().kubeconfigContent(Site.PRIMARY));
        awaitCondition("exec", ConditionTypes.PRIMARY_REACHABLE, Reasons.REACHABLE, "answers");
        assertThat(touched).doesNotExist();
    }

    @Test
    void noSecretOfAnotherNamespaceReachesTheAuthorsCluster() {
        // The operator's cluster is the primary here, and the author's own cluster the standby.
        secret("author-cluster", clusters.clusters().kubeconfigContent(Site.PRIMARY));
        clusters.standby().resource(new SecretBuilder().withNewMetadata().withName("vault-token").withNamespace(payments)
                .endMetadata().withStringData(Map.of("token", marker)).build()).create();
        plans().resource(plan("exfiltrate", Map.of("primary", "{name: dc1}",
                "standby", "{name: dc2, kubeconfigSecretRef: {name: author-cluster}}",
                "protect", "{namespaces: [" + payments + "]}"))).create();
        awaitCondition("exfiltrate", ConditionTypes.STANDBY_IN_SYNC, null, "Forbidden");
        assertStaysTrue(QUIET, () -> assertThat(clusters.primary().secrets().inNamespace(payments).withName("vault-token").get()).isNull());
    }

    @Test
    void nothingIsWrittenWhereThePlansServiceAccountCannotWrite() {
        // The author's cluster (primary) holds what the author wants planted in another team's namespace of the operator's cluster.
        clusters.primary().resource(new RoleBuilder().withNewMetadata().withName("everything").withNamespace(payments).endMetadata()
                .withRules(new PolicyRuleBuilder().withApiGroups("*").withResources("*").withVerbs("*").build()).build()).create();
        grantStandby("pilotlight-standby-site");
        plans().resource(plan("plant", Map.of("protect", "{namespaces: [" + payments + "]}"))).create();
        awaitCondition("plant", ConditionTypes.STANDBY_IN_SYNC, null, "Forbidden");
        assertStaysTrue(QUIET, () -> assertThat(clusters.standby().rbac().roles().inNamespace(payments).withName("everything").get()).isNull());
    }

    @Test
    void aSelectorNeverReachesSystemNamespacesAndNewNamespacesCarryOnlyPilotlightsLabels() {
        // Even a ServiceAccount an admin let write everywhere (the cluster-wide grants of deploy/roles) gets neither.
        KubernetesClient authors = clusters.primary();
        String privileged = ns + "-privileged";
        authors.resource(new NamespaceBuilder().withNewMetadata().withName(privileged)
                .withLabels(Map.of("pod-security.kubernetes.io/enforce", "privileged", "team", ns)).endMetadata().build()).create();
        authors.resource(new ConfigMapBuilder().withNewMetadata().withName("app").withNamespace(privileged).endMetadata()
                .withData(Map.of("k", "v")).build()).create();
        authors.resource(new ConfigMapBuilder().withNewMetadata().withName(marker).withNamespace("kube-system").endMetadata()
                .withData(Map.of("planted", "yes")).build()).create();
        grantStandby("pilotlight-standby-site");
        grantStandby("pilotlight-standby-namespace-writer");
        try {
            plans().resource(plan("plant", Map.of("protect", "{namespaceSelector: {matchExpressions: "
                    + "[{key: kubernetes.io/metadata.name, operator: In, values: [kube-system, " + privileged + "]}]}}"))).create();
            clusters.await("the copy in the new namespace", WAIT,
                    () -> assertThat(clusters.standby().configMaps().inNamespace(privileged).withName("app").get()).isNotNull());
            assertThat(clusters.standby().namespaces().withName(privileged).get().getMetadata().getLabels())
                    .doesNotContainKeys("pod-security.kubernetes.io/enforce", "team")
                    .containsEntry("app.kubernetes.io/managed-by", "pilotlight");
            assertStaysTrue(QUIET, () -> assertThat(clusters.standby().configMaps().inNamespace("kube-system").withName(marker).get()).isNull());
        } finally {
            authors.configMaps().inNamespace("kube-system").withName(marker).delete();
            for (Site site : Site.values()) {
                clusters.client(site).namespaces().withName(privileged).delete();
            }
        }
    }

    @Test
    void credentialsAndAnswersAreNeverEchoed() throws IOException {
        String leaking = clusters.clusters().kubeconfigContent(Site.PRIMARY).replaceAll("(?s)client-certificate-data: \\S+\\s+client-key-data: \\S+",
                "token: " + marker);
        secret("primary-kubeconfig", leaking);
        plans().resource(plan("echo", Map.of())).create();
        awaitCondition("echo", ConditionTypes.PRIMARY_REACHABLE, null, "HTTP 401 (Unauthorized");

        secret("primary-kubeconfig", leaking.replace("token: " + marker, "token: \"" + marker + "\\r\\nX-Injected: 1\""));
        awaitCondition("echo", ConditionTypes.PRIMARY_REACHABLE, Reasons.INVALID_KUBECONFIG, "is not a bearer token");

        assertThat(PlanFixtures.yaml(plans().withName("echo").get().getStatus())).doesNotContain(marker);
        assertThat(clusters.standby().v1().events().inNamespace(ns).list().getItems())
                .allSatisfy(e -> assertThat(e.getMessage()).doesNotContain(marker));
        assertThat(Files.readString(Path.of("target/operator-test.log"))).doesNotContain(marker);
    }

    @Test
    void anotherNamespacesTrafficObjectIsUntouchedUntilItGrantsIt() {
        KubernetesClient standby = clusters.standby();
        DNSEndpoint theirs = new DNSEndpoint();
        theirs.getMetadata().setName("app");
        theirs.getMetadata().setNamespace(payments);
        theirs.setSpec(new DNSEndpointSpec());
        standby.resource(theirs).create();
        String before = standby.resources(DNSEndpoint.class).inNamespace(payments).withName("app").get().getMetadata().getResourceVersion();
        plans().resource(plan("dns", Map.of("traffic", "{externalDNS: {dnsEndpointName: app, namespace: " + payments
                + ", recordName: app.example.com, primaryTargets: [192.0.2.1], standbyTargets: [192.0.2.2]}}"))).create();
        awaitCondition("dns", ConditionTypes.READY, TrafficSwitchException.NOT_ALLOWED, TrafficGrants.ANNOTATION);
        assertThat(standby.resources(DNSEndpoint.class).inNamespace(payments).withName("app").get().getMetadata().getResourceVersion())
                .isEqualTo(before);

        standby.namespaces().withName(payments).edit(n -> {
            n.getMetadata().setAnnotations(Map.of(TrafficGrants.ANNOTATION, "other, " + ns));
            return n;
        });
        clusters.await("the grant honoured", WAIT, () -> assertThat(PlanFixtures.condition(standby, ns, "dns", ConditionTypes.READY)
                .getReason()).isNotEqualTo(TrafficSwitchException.NOT_ALLOWED));
    }

    @Test
    void targetsThatAreNotAddressesBlockThePlan() {
        plans().resource(plan("inject", Map.of("traffic", "{externalDNS: {dnsEndpointName: app, recordName: app.example.com, "
                + "primaryTargets: ['6.6.6.6; $(id)'], standbyTargets: [192.0.2.2]}}"))).create();
        awaitCondition("inject", ConditionTypes.READY, Reasons.INVALID_SPEC, "primaryTargets[0]");
        assertThat(clusters.standby().resources(DNSEndpoint.class).inNamespace(ns).withName("app").get()).isNull();
    }

    @Test
    void aPlanWhoseIdentityReadsOnlyItsNamespacesIsRefusedMoreWatchesThanTheCap() {
        // The source is the operator's cluster, read as the author, who may list nothing cluster-wide: one watch per kind and namespace.
        secret("author-cluster", clusters.clusters().kubeconfigContent(Site.PRIMARY));
        plans().resource(plan("many", Map.of("primary", "{name: dc1}", "standby", "{name: dc2, kubeconfigSecretRef: {name: author-cluster}}",
                "protect", "{namespaces: [" + String.join(", ", tenNamespaces()) + "]}"))).create();
        awaitCondition("many", ConditionTypes.STANDBY_IN_SYNC, Reasons.TOO_MANY_WATCHES,
                "10 namespaces × 14 kinds = 140 watches on the primary dc1, more than the 100");
        awaitCondition("many", ConditionTypes.READY, Reasons.TOO_MANY_WATCHES, "StandbyInSync (False, TooManyWatches");
        awaitCondition("many", ConditionTypes.STALLED, Reasons.TOO_MANY_WATCHES, "nothing changes until");
        assertStaysTrue(QUIET, () -> assertThat(clusters.primary().namespaces().withName(ns + "-n0").get()).isNull());
    }

    @Test
    void aPlanOfManyNamespacesSyncsWhereItsIdentityReadsEveryNamespace() {
        // The source's identity (the primary's kubeconfig) lists and watches everywhere: one watch per kind, 14 of the 100.
        List<String> namespaces = tenNamespaces();
        grantStandby("pilotlight-standby-site");
        grantStandby("pilotlight-standby-namespace-writer");
        try {
            for (String n : namespaces) {
                clusters.primary().resource(new NamespaceBuilder().withNewMetadata().withName(n).endMetadata().build()).create();
            }
            clusters.primary().resource(new ConfigMapBuilder().withNewMetadata().withName("app").withNamespace(namespaces.get(9))
                    .endMetadata().withData(Map.of("k", "v")).build()).create();
            plans().resource(plan("wide", Map.of("protect", "{namespaces: [" + String.join(", ", namespaces) + "]}"))).create();
            clusters.await("the copy in the tenth namespace, and the plan's status", WAIT, () -> {
                assertThat(clusters.standby().configMaps().inNamespace(namespaces.get(9)).withName("app").get()).isNotNull();
                // The first copy may come before the plan's first status write.
                assertThat(PlanFixtures.condition(clusters.standby(), ns, "wide", ConditionTypes.STANDBY_IN_SYNC).getReason())
                        .isNotEqualTo(Reasons.TOO_MANY_WATCHES);
            });
        } finally {
            for (Site site : Site.values()) {
                namespaces.forEach(n -> clusters.client(site).namespaces().withName(n).delete());
            }
        }
    }

    private List<String> tenNamespaces() {
        return IntStream.range(0, 10).mapToObj(i -> ns + "-n" + i).toList();
    }

    @Test
    void aPlanOutsideTheTrustedNamespacesMustNameItsServiceAccount() {
        DisasterRecoveryPlan plan = plan("anonymous", Map.of());
        plan.getSpec().setServiceAccountName(null);
        plans().resource(plan).create();
        awaitCondition("anonymous", ConditionTypes.READY, Reasons.SERVICE_ACCOUNT_REQUIRED, "spec.serviceAccountName is required");
    }

    private DisasterRecoveryPlan plan(String name, Map<String, String> overrides) {
        DisasterRecoveryPlan plan = PlanFixtures.plan(ns, name, ns, "velero", overrides);
        plan.getSpec().setServiceAccountName("author");
        plan.getSpec().getBackup().setEnabled(false);
        return plan;
    }

    /** What a cluster admin grants the plan's ServiceAccount, cluster-wide, to be a standby. */
    private void grantStandby(String clusterRole) {
        clusters.standby().resource(new ClusterRoleBindingBuilder().withNewMetadata().withName(ns + "-" + clusterRole)
                .withLabels(Map.of("pilotlight-test", ns)).endMetadata()
                .withNewRoleRef("rbac.authorization.k8s.io", "ClusterRole", clusterRole)
                .addNewSubject().withKind("ServiceAccount").withName("author").withNamespace(ns).endSubject().build()).create();
    }

    private void secret(String name, String kubeconfig) {
        clusters.standby().resource(PlanFixtures.kubeconfigSecret(ns, name, "kubeconfig", kubeconfig)).createOr(r -> r.update());
    }

    private void awaitCondition(String plan, String type, String reason, String messagePart) {
        clusters.await(plan + ": " + type + " " + reason + " (" + messagePart + ")", WAIT, () -> {
            Condition c = PlanFixtures.condition(clusters.standby(), ns, plan, type);
            assertThat(c).isNotNull();
            if (reason != null) {
                assertThat(c.getReason()).isEqualTo(reason);
            }
            assertThat(c.getMessage()).contains(messagePart);
        });
    }

    /** Holds for the whole window: the absence of a write that the operator, left alone, would have made by then. */
    private void assertStaysTrue(Duration window, org.awaitility.core.ThrowingRunnable assertion) {
        org.awaitility.Awaitility.await().during(window).atMost(window.plusSeconds(5)).pollInterval(Duration.ofMillis(500))
                .untilAsserted(assertion);
    }

    private NonNamespaceOperation<DisasterRecoveryPlan, KubernetesResourceList<DisasterRecoveryPlan>, Resource<DisasterRecoveryPlan>> plans() {
        return clusters.standby().resources(DisasterRecoveryPlan.class).inNamespace(ns);
    }
}
