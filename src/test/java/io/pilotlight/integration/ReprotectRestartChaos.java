package io.pilotlight.integration;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.pilotlight.api.v1alpha1.ConditionStatus;
import io.pilotlight.api.v1alpha1.ConditionTypes;
import io.pilotlight.api.v1alpha1.DisasterRecoveryPlan;
import io.pilotlight.api.v1alpha1.Failover;
import io.pilotlight.api.v1alpha1.failover.FailoverPhase;
import io.pilotlight.testsupport.LocalClusters.Site;
import io.pilotlight.testsupport.OperatorProcess;
import io.pilotlight.testsupport.OperatorTestResource;
import io.pilotlight.testsupport.TestClusters;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Re-protect survives an operator restart in the middle: the packaged operator ({@link OperatorProcess},
 * its own run label so that no in-process operator takes the plan) is SIGKILLed while it adopts the
 * primary's originals after a Planned failover, started again, and finishes: every original adopted in
 * place (same uid), parked, nothing reported as a conflict. Needs {@code mvn package} (the jar).
 */
class ReprotectRestartChaos {

    private static final Duration WAIT = Duration.ofSeconds(180);
    private static final int CONFIG_MAPS = 200;
    private static final String PLAN = "shop";

    @Test
    void reprotectFinishesAfterTheOperatorIsKilledInTheMiddle() {
        String run = OperatorTestResource.RUN_LABEL + "=" + OperatorTestResource.runId() + "-restart";
        try (TestClusters clusters = TestClusters.open("rprs")) {
            String ns = clusters.namespace();
            String app = ns + "-app";
            KubernetesClient primary = clusters.primary();
            KubernetesClient standby = clusters.standby();
            String operatorNs = ns + "-op";
            standby.resource(new NamespaceBuilder().withNewMetadata().withName(operatorNs).endMetadata().build()).create();
            primary.resource(new NamespaceBuilder().withNewMetadata().withName(app).endMetadata().build()).create();
            StringBuilder yaml = new StringBuilder();
            for (int i = 0; i < CONFIG_MAPS; i++) {
                yaml.append("---\napiVersion: v1\nkind: ConfigMap\nmetadata: {name: cm-").append(i).append(", namespace: ")
                        .append(app).append("}\ndata: {value: v1}\n");
            }
            PlanFixtures.create(primary, yaml.toString());
            Map<String, String> uids = primary.configMaps().inNamespace(app).list().getItems().stream()
                    .collect(Collectors.toMap(c -> c.getMetadata().getName(), c -> c.getMetadata().getUid()));
            standby.resource(PlanFixtures.kubeconfigSecret(ns, "primary-kubeconfig", "kubeconfig",
                    clusters.clusters().kubeconfigContent(Site.PRIMARY))).create();

            try (OperatorProcess operator = new OperatorProcess(clusters.clusters().kubeconfigPath(Site.STANDBY), operatorNs, run, ns,
                    Path.of("target", "reprotect-restart", ns))) {
                clusters.onFailure(() -> "plan:\n" + PlanFixtures.yaml(plan(standby, ns)));
                clusters.onFailure(() -> "operator log tail:\n" + operator.logTail(60));
                operator.start();
                DisasterRecoveryPlan plan = PlanFixtures.plan(ns, PLAN, app, "velero", Map.of("backup", "{enabled: false}"));
                Failover go = PlanFixtures.failover(ns, PLAN, "go", "{type: Planned}");
                for (var labelled : List.of(plan.getMetadata(), go.getMetadata())) {
                    Map<String, String> labels = new HashMap<>(labelled.getLabels());
                    labels.put(OperatorTestResource.RUN_LABEL, run.substring(run.indexOf('=') + 1));
                    labelled.setLabels(labels);
                }
                standby.resource(plan).create();
                clusters.await("in sync dc1 → dc2", WAIT, () -> assertInSync(standby, ns, "dc1 → dc2"));

                standby.resource(go).create();
                clusters.await("the failover completed and adoption began", WAIT, () -> {
                    Failover f = standby.resources(Failover.class).inNamespace(ns).withName("go").get();
                    assertThat(f.getStatus().getPhase()).isEqualTo(FailoverPhase.COMPLETED);
                    assertThat(adopted(primary, app)).isPositive();
                });
                int before = adopted(primary, app);
                operator.kill();
                System.out.printf("[reprotect-restart] killed with %d/%d originals adopted%n", before, CONFIG_MAPS);
                operator.start();

                clusters.await("re-protected after the restart", WAIT, () -> {
                    assertInSync(standby, ns, "dc2 → dc1");
                    assertThat(adopted(primary, app)).isEqualTo(CONFIG_MAPS);
                });
                for (ConfigMap cm : primary.configMaps().inNamespace(app).list().getItems()) {
                    if (uids.containsKey(cm.getMetadata().getName())) {
                        assertThat(cm.getMetadata().getUid()).as(cm.getMetadata().getName() + " adopted in place")
                                .isEqualTo(uids.get(cm.getMetadata().getName()));
                    }
                }
                assertThat(plan(standby, ns).getStatus().getStandby().getConflicts()).isZero();
                standby.resources(Failover.class).inNamespace(ns).delete();
                standby.resources(DisasterRecoveryPlan.class).inNamespace(ns).delete();
                clusters.await("plan removed", WAIT, () -> assertThat(plan(standby, ns)).isNull());
            } finally {
                for (Site site : Site.values()) {
                    clusters.client(site).namespaces().withName(app).delete();
                }
                standby.namespaces().withName(operatorNs).delete();
            }
        }
    }

    private static void assertInSync(KubernetesClient standby, String ns, String direction) {
        DisasterRecoveryPlan p = plan(standby, ns);
        assertThat(p.getStatus().getSyncDirection()).isEqualTo(direction);
        assertThat(PlanFixtures.condition(standby, ns, PLAN, ConditionTypes.STANDBY_IN_SYNC).getStatus()).isEqualTo(ConditionStatus.TRUE);
    }

    private static int adopted(KubernetesClient primary, String app) {
        return (int) primary.configMaps().inNamespace(app).withLabel("pilotlight.io/adopted", "true").list().getItems().stream()
                .filter(c -> c.getMetadata().getName().startsWith("cm-")).count();
    }

    private static DisasterRecoveryPlan plan(KubernetesClient standby, String ns) {
        return standby.resources(DisasterRecoveryPlan.class).inNamespace(ns).withName(PLAN).get();
    }
}
