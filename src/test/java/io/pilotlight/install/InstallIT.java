package io.pilotlight.install;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.pilotlight.api.v1alpha1.ConditionTypes;
import io.pilotlight.api.v1alpha1.DisasterRecoveryPlan;
import io.pilotlight.api.v1alpha1.Failover;
import io.pilotlight.api.v1alpha1.failover.FailoverPhase;
import io.pilotlight.status.Conditions;
import io.pilotlight.testsupport.FakeVelero;
import io.pilotlight.testsupport.LocalClusters;
import io.pilotlight.testsupport.LocalClusters.Site;
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
    void theSamplePlanSyncsAndFailsOverUnderDeploysRbac() {
        kubectl(Site.STANDBY, "apply", "-f", "samples/plan.yaml");
        await("the plan's standby is in sync", WAIT, () -> {
            assertThat(Conditions.find(plan().getStatus().getConditions(), ConditionTypes.STANDBY_IN_SYNC).orElseThrow().getStatus())
                    .hasToString("True");
            assertThat(standby.apps().deployments().inNamespace("shop").withName("frontend").get().getSpec().getReplicas()).isZero();
        });
        assertNoneForbidden();

        kubectl(Site.STANDBY, "apply", "-f", "samples/failover-planned.yaml");
        await("the Planned failover completes", WAIT, () -> assertThat(failover().getStatus().getPhase()).isEqualTo(FailoverPhase.COMPLETED));
        assertThat(standby.apps().deployments().inNamespace("shop").withName("frontend").get().getSpec().getReplicas()).isEqualTo(2);
        assertThat(primary.apps().deployments().inNamespace("shop").withName("frontend").get().getSpec().getReplicas()).isZero();
        await("the plan is protected again, the other way round", WAIT, () -> assertThat(
                Conditions.find(plan().getStatus().getConditions(), ConditionTypes.STANDBY_IN_SYNC).orElseThrow().getStatus()).hasToString("True"));
        assertNoneForbidden();
        writeRulesUsed();
    }

    @AfterAll
    void uninstall() throws Exception {
        try {
            if (operator != null && operator.isAlive()) {
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
                    .failFast("the operator exited", () -> operator != null && !operator.isAlive()).untilAsserted(assertion);
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
