package io.pilotlight.install;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBuilder;
import io.fabric8.kubernetes.api.model.rbac.PolicyRule;
import io.fabric8.kubernetes.api.model.rbac.RoleBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.pilotlight.api.v1alpha1.ConditionTypes;
import io.pilotlight.api.v1alpha1.DisasterRecoveryPlan;
import io.pilotlight.api.v1alpha1.Failover;
import io.pilotlight.api.v1alpha1.failover.FailoverPhase;
import io.pilotlight.status.Conditions;
import io.pilotlight.testsupport.FakeVelero;
import io.pilotlight.testsupport.LocalClusters.Site;
import io.pilotlight.testsupport.LocalClusters;
import io.pilotlight.testsupport.TestCrds;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;
import org.awaitility.core.ThrowingRunnable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Pilotlight installed as a user installs it, and run as it is deployed: deploy/ applied to the
 * standby with {@code kubectl apply -k} (the image set to the one this build pushed), the operator
 * from that image ({@link ImagePod}) as its ServiceAccount with deploy/'s RBAC and leader election,
 * deploy/remote-site/ on the primary for the identity of the plan's kubeconfig, and the plan of
 * samples/plan.yaml in its own namespace acting as the ServiceAccount of samples/plan-identity.yaml.
 * The samples are applied as they are. Every request the API servers refuse (403, from their audit
 * logs) fails the test with the rule that was missing.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class InstallIT {

    private static final Duration WAIT = Duration.ofMinutes(3);
    private static final Path OVERLAY = Path.of("target", "install", "deploy").toAbsolutePath();

    private final LocalClusters clusters = LocalClusters.get();
    private final KubernetesClient primary = clusters.client(Site.PRIMARY);
    private final KubernetesClient standby = clusters.client(Site.STANDBY);
    private final Map<Site, AuditLog> audit = new EnumMap<>(Site.class);
    private ImagePod operator;

    @BeforeAll
    void install() throws IOException {
        TestCrds.installAll(standby); // so that what a killed run left can be found; deploy/ applies its own again
        removeInstall();
        for (Site site : Site.values()) {
            TestCrds.installThirdParty(clusters.client(site));
            audit.put(site, new AuditLog(Commands.REPO.resolve(".local/kwok/clusters").resolve(site.siteName()).resolve("logs/audit.log")));
        }
        // The primary: the sample application, a Velero to back it up, and the remote-site kit.
        kubectl(Site.PRIMARY, "apply", "-f", "samples/shop-app.yaml");
        new FakeVelero(primary, "velero").install();
        kubectl(Site.PRIMARY, "apply", "-k", "deploy/remote-site/");
        String primaryKubeconfig = Commands.run(Map.of("KUBECTL", Commands.KUBECTL), "deploy/remote-site/kubeconfig.sh",
                "--kubeconfig", clusters.kubeconfigPath(Site.PRIMARY).toString());

        // The standby: the operator (deploy/, image set), the plan's identity, the primary's kubeconfig.
        Files.createDirectories(OVERLAY);
        Files.writeString(OVERLAY.resolve("kustomization.yaml"), overlay(Commands.IMAGE));
        kubectl(Site.STANDBY, "apply", "-k", OVERLAY.toString());
        for (String ns : List.of("dr", "shop")) {
            standby.resource(new NamespaceBuilder().withNewMetadata().withName(ns).endMetadata().build()).serverSideApply();
        }
        kubectl(Site.STANDBY, "apply", "-f", "samples/plan-identity.yaml");
        Path secret = OVERLAY.resolve("primary.kubeconfig");
        Files.writeString(secret, primaryKubeconfig);
        kubectl(Site.STANDBY, "-n", "dr", "create", "secret", "generic", "primary-kubeconfig", "--from-file=kubeconfig=" + secret);
        Files.delete(secret);

        Deployment deployment = standby.apps().deployments().inNamespace("pilotlight-system").withName("pilotlight-operator").get();
        assertThat(deployment.getSpec().getTemplate().getSpec().getContainers().get(0).getImage()).isEqualTo(Commands.IMAGE);
        operator = ImagePod.start(standby, deployment, Commands.IMAGE);
        String readiness = deployment.getSpec().getTemplate().getSpec().getContainers().get(0).getReadinessProbe().getHttpGet().getPath();
        await("the operator is ready (" + readiness + ")", Duration.ofMinutes(2), () -> assertThat(operator.probe(readiness)).isEqualTo(200));
        await("the operator holds the leader Lease in pilotlight-system", Duration.ofSeconds(30), () -> {
            Lease lease = standby.leases().inNamespace("pilotlight-system").withName("pilotlight-operator").get();
            assertThat(lease.getSpec().getHolderIdentity()).isNotBlank();
        });
    }

    @Test
    @Order(1)
    void theSamplePlanSyncsUnderDeploysRbac() {
        kubectl(Site.STANDBY, "apply", "-f", "samples/plan.yaml");
        await("the plan's standby is in sync", WAIT, () -> {
            assertThat(condition(ConditionTypes.STANDBY_IN_SYNC).getStatus()).hasToString("True");
            assertThat(standby.apps().deployments().inNamespace("shop").withName("frontend").get().getSpec().getReplicas()).isZero();
        });
        assertNoneForbidden();
    }

    @Test
    @Order(3)
    void aPlannedFailoverCompletesUnderDeploysRbac() {
        audit.values().forEach(AuditLog::mark); // the refusals the rule-group tests caused on purpose
        kubectl(Site.STANDBY, "apply", "-f", "samples/failover-planned.yaml");
        await("the Planned failover completes", WAIT, () -> assertThat(failover().getStatus().getPhase()).isEqualTo(FailoverPhase.COMPLETED));
        assertThat(standby.apps().deployments().inNamespace("shop").withName("frontend").get().getSpec().getReplicas()).isEqualTo(2);
        assertThat(primary.apps().deployments().inNamespace("shop").withName("frontend").get().getSpec().getReplicas()).isZero();
        await("the plan records that the standby serves", WAIT, () -> assertThat(plan().getStatus().getActiveSite()).isEqualTo("dc2"));
        assertNoneForbidden();
        writeRulesUsed();
    }

    /** One rule group of deploy/ (or of the kits it points to), the request it exists for, and how to make the operator ask. */
    record RuleGroup(Site site, String namespace, List<String> roles, String resource, String refusal, String trigger) {
        RuleGroup(Site site, String namespace, String role, String resource, String refusal, String trigger) {
            this(site, namespace, List.of(role), resource, refusal, trigger);
        }

        @Override
        public String toString() {
            return site.siteName() + " " + (namespace == null ? "ClusterRole " : "Role " + namespace + "/") + String.join(" + ", roles)
                    + ": " + resource;
        }
    }

    static List<RuleGroup> ruleGroups() {
        return List.of(
                new RuleGroup(Site.STANDBY, null, "pilotlight-operator", "serviceaccounts",
                        "cannot impersonate resource \"serviceaccounts\"", "spec"),
                new RuleGroup(Site.STANDBY, "dr", "pilotlight-plan", "secrets", "cannot get resource \"secrets\"", "spec"),
                // The remote identity holds both site roles (a failback swaps them), and both grant get on Namespaces.
                new RuleGroup(Site.PRIMARY, null, List.of("pilotlight-primary-site", "pilotlight-standby-site"), "namespaces",
                        "resource \"namespaces\"", "spec"),
                new RuleGroup(Site.PRIMARY, null, "pilotlight-velero", "schedules", "resource \"schedules\"", "spec"),
                // The sync writes the copy of a changed ConfigMap on the standby as the plan's ServiceAccount.
                new RuleGroup(Site.STANDBY, null, "pilotlight-standby-namespace-writer", "configmaps", "resource \"configmaps\"", "configmap"));
    }

    /** Without each rule group the operator is refused the request the group's comment names: no rule is there for nothing. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("ruleGroups")
    @Order(2)
    void eachRuleGroupIsNeeded(RuleGroup group) {
        KubernetesClient client = clusters.client(group.site());
        Map<String, List<PolicyRule>> rules = new java.util.LinkedHashMap<>();
        group.roles().forEach(role -> rules.put(role, rules(client, group.namespace(), role)));
        audit.get(group.site()).mark();
        try {
            rules.forEach((role, all) -> {
                List<PolicyRule> without = all.stream().filter(r -> !r.getResources().contains(group.resource())).toList();
                assertThat(without).as("rules of %s", role).hasSizeLessThan(all.size());
                setRules(client, group.namespace(), role, without);
            });
            trigger(group.trigger());
            await("a request " + group + " exists for is refused without it", Duration.ofSeconds(60),
                    () -> assertThat(audit.get(group.site()).forbidden()).anyMatch(r -> r.contains(group.refusal())));
        } finally {
            rules.forEach((role, all) -> setRules(client, group.namespace(), role, all));
        }
    }

    /** Without its Lease the operator stops, rather than go on reconciling beside a new leader. */
    @Test
    @Order(4)
    void withoutItsLeaseTheOperatorStops() {
        List<PolicyRule> rules = rules(standby, "pilotlight-system", "pilotlight-leader-election");
        try {
            setRules(standby, "pilotlight-system", "pilotlight-leader-election", List.of());
            Awaitility.await("the operator stops once it cannot renew its Lease").atMost(Duration.ofSeconds(60)).until(operator::exited);
            assertThat(audit.get(Site.STANDBY).forbidden()).anyMatch(r -> r.contains("resource \"leases\""));
        } finally {
            setRules(standby, "pilotlight-system", "pilotlight-leader-election", rules);
        }
    }

    /** The rules of a ClusterRole (namespace null) or a Role. */
    private static List<PolicyRule> rules(KubernetesClient client, String namespace, String role) {
        return namespace == null ? client.rbac().clusterRoles().withName(role).get().getRules()
                : client.rbac().roles().inNamespace(namespace).withName(role).get().getRules();
    }

    private static void setRules(KubernetesClient client, String namespace, String role, List<PolicyRule> rules) {
        if (namespace == null) {
            client.rbac().clusterRoles().withName(role).edit(r -> new ClusterRoleBuilder(r).withRules(rules).build());
        } else {
            client.rbac().roles().inNamespace(namespace).withName(role).edit(r -> new RoleBuilder(r).withRules(rules).build());
        }
    }

    private int triggers;

    /** A change of the plan's spec makes the operator reconcile it; a change of a protected object makes the sync copy it. */
    private void trigger(String what) {
        triggers++;
        if ("spec".equals(what)) {
            kubectl(Site.STANDBY, "-n", "dr", "patch", "drp", "shop", "--type=merge", "-p",
                    "{\"spec\":{\"objectives\":{\"rto\":\"" + (20 + triggers) + "m\"}}}");
        } else {
            kubectl(Site.PRIMARY, "-n", "shop", "patch", "configmap", "shop-config", "--type=merge", "-p",
                    "{\"data\":{\"TRIGGER\":\"" + triggers + "\"}}");
        }
    }

    @AfterAll
    void uninstall() throws Exception {
        try {
            if (operator != null && !operator.exited()) {
                standby.resources(Failover.class).inNamespace("dr").delete();
                standby.resources(DisasterRecoveryPlan.class).inNamespace("dr").delete();
                await("the plan is gone (its finalizer removes the Velero Schedule)", WAIT,
                        () -> assertThat(standby.resources(DisasterRecoveryPlan.class).inNamespace("dr").list().getItems()).isEmpty());
            }
        } finally {
            if (operator != null) {
                operator.close();
            }
            removeInstall();
        }
    }

    /** Everything the install made except the CRDs, which other tests of the run share; also what a killed run left. */
    private void removeInstall() throws IOException {
        // Plans and Failovers left by a killed run: nothing removes their finalizers once the operator is gone.
        for (var kind : List.of(DisasterRecoveryPlan.class, Failover.class)) {
            for (HasMetadata left : standby.resources(kind).inNamespace("dr").list().getItems()) {
                left.getMetadata().setFinalizers(List.of());
                standby.resource(left).update();
            }
        }
        for (Site site : Site.values()) {
            KubernetesClient client = clusters.client(site);
            for (String ns : List.of("dr", "shop", "velero")) {
                client.namespaces().withName(ns).delete();
            }
        }
        Files.createDirectories(OVERLAY);
        Files.writeString(OVERLAY.resolve("kustomization.yaml"), overlay(Commands.IMAGE));
        deleteAllButCrds(Site.STANDBY, kubectl(Site.STANDBY, "kustomize", OVERLAY.toString()));
        deleteAllButCrds(Site.STANDBY, Files.readString(Path.of("samples/plan-identity.yaml")));
        deleteAllButCrds(Site.PRIMARY, kubectl(Site.PRIMARY, "kustomize", "deploy/remote-site/"));
        await("the namespaces of the install are gone", WAIT, () -> {
            for (Site site : Site.values()) {
                for (String ns : List.of("dr", "shop", "velero", "pilotlight-system")) {
                    assertThat(clusters.client(site).namespaces().withName(ns).get()).as(ns).isNull();
                }
            }
        });
    }

    /** deploy/ as a user would apply it, with the image of this build. */
    static String overlay(String image) {
        int tag = image.lastIndexOf(':');
        return """
                apiVersion: kustomize.config.k8s.io/v1beta1
                kind: Kustomization
                resources:
                  - %s
                images:
                  - name: ghcr.io/pilotlight/pilotlight-operator
                    newName: %s
                    newTag: "%s"
                """.formatted(OVERLAY.relativize(Commands.REPO.resolve("deploy")), image.substring(0, tag), image.substring(tag + 1));
    }

    private void assertNoneForbidden() {
        for (Site site : Site.values()) {
            assertThat(audit.get(site).forbidden()).as("requests the %s refused: each names a rule deploy/ (or samples/plan-identity.yaml,"
                    + " deploy/remote-site/) lacks\n%s", site.siteName(), diagnostics()).isEmpty();
        }
    }

    /** What the run needed, from the audit logs: the report lists it as the rules the install was proved with. */
    private void writeRulesUsed() {
        StringBuilder out = new StringBuilder();
        for (Site site : Site.values()) {
            out.append("# ").append(site.siteName()).append('\n');
            new TreeSet<>(audit.get(site).allowed()).forEach(rule -> out.append(rule).append('\n'));
        }
        try {
            Files.writeString(OVERLAY.resolveSibling("rbac-used.txt"), out);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private void deleteAllButCrds(Site site, String yaml) {
        KubernetesClient client = clusters.client(site);
        for (HasMetadata item : client.load(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8))).items()) {
            if (!"CustomResourceDefinition".equals(item.getKind())) {
                client.resource(item).delete();
            }
        }
    }

    private io.pilotlight.api.v1alpha1.Condition condition(String type) {
        return Conditions.find(plan().getStatus().getConditions(), type).orElseThrow();
    }

    private DisasterRecoveryPlan plan() {
        return standby.resources(DisasterRecoveryPlan.class).inNamespace("dr").withName("shop").get();
    }

    private Failover failover() {
        return standby.resources(Failover.class).inNamespace("dr").withName("shop-planned-1").get();
    }

    private String kubectl(Site site, String... args) {
        return Commands.kubectl(clusters.kubeconfigPath(site), args);
    }

    private void await(String what, Duration atMost, ThrowingRunnable assertion) {
        try {
            Awaitility.await(what).atMost(atMost).pollInterval(Duration.ofMillis(500)).ignoreExceptions()
                    .failFast("the operator exited", () -> operator != null && operator.exited()).untilAsserted(assertion);
        } catch (ConditionTimeoutException | AssertionError | org.awaitility.core.TerminalFailureException e) {
            System.err.println(diagnostics());
            throw e;
        }
    }

    private String diagnostics() {
        StringBuilder out = new StringBuilder("===== install test diagnostics =====\n");
        Set<String> refused = new TreeSet<>();
        audit.forEach((site, log) -> log.forbidden().forEach(r -> refused.add(site.siteName() + ": " + r)));
        out.append("--- refused requests ---\n").append(String.join("\n", refused)).append('\n');
        try {
            out.append("--- plan and failover ---\n").append(kubectl(Site.STANDBY, "-n", "dr", "get", "drp,fo", "-o", "yaml")).append('\n');
            out.append("--- events in dr ---\n").append(kubectl(Site.STANDBY, "-n", "dr", "get", "events", "--sort-by=.lastTimestamp")).append('\n');
        } catch (RuntimeException e) {
            out.append("(cannot read the plan: ").append(e.getMessage()).append(")\n");
        }
        out.append("--- operator log tail ---\n").append(operator == null ? "(not started)" : operator.logTail(60)).append('\n');
        return out.toString();
    }
}
