package io.pilotlight.crd;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceColumnDefinition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinitionVersion;
import io.fabric8.kubernetes.api.model.apiextensions.v1.JSONSchemaProps;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Properties of the generated CRDs that the API promises: descriptions, printer columns, names, rules. */
class CrdSchemaTest {

    private static final KubernetesSerialization K8S = new KubernetesSerialization();
    private static CustomResourceDefinition plan;
    private static CustomResourceDefinition failover;

    @BeforeAll
    static void generate(@TempDir Path tmp) throws IOException {
        Map<String, String> crds = CrdsUpToDateTest.generate(tmp);
        plan = K8S.unmarshal(crds.get("disasterrecoveryplans.pilotlight.io-v1.yml"), CustomResourceDefinition.class);
        failover = K8S.unmarshal(crds.get("failovers.pilotlight.io-v1.yml"), CustomResourceDefinition.class);
    }

    private static CustomResourceDefinitionVersion version(CustomResourceDefinition crd) {
        assertThat(crd.getSpec().getVersions()).hasSize(1);
        return crd.getSpec().getVersions().get(0);
    }

    @Test
    void namesScopeAndSubresources() {
        for (var crd : List.of(plan, failover)) {
            assertThat(crd.getSpec().getGroup()).isEqualTo("pilotlight.io");
            assertThat(crd.getSpec().getScope()).isEqualTo("Namespaced");
            assertThat(crd.getSpec().getNames().getCategories()).containsExactly("pilotlight");
            assertThat(version(crd).getName()).isEqualTo("v1alpha1");
            assertThat(version(crd).getSubresources().getStatus()).isNotNull();
        }
        assertThat(plan.getSpec().getNames().getShortNames()).containsExactly("drp");
        assertThat(failover.getSpec().getNames().getShortNames()).containsExactly("fo");
    }

    @Test
    void printerColumnsInOrder() {
        assertThat(version(plan).getAdditionalPrinterColumns()).extracting(CustomResourceColumnDefinition::getName)
                .containsExactly("Active", "Sync", "RPO", "In-Sync", "Ready", "Age");
        assertThat(version(plan).getAdditionalPrinterColumns()).extracting(CustomResourceColumnDefinition::getJsonPath)
                .containsExactly(".status.activeSite", ".status.syncDirection", ".status.rpo",
                        ".status.conditions[?(@.type==\"StandbyInSync\")].status",
                        ".status.conditions[?(@.type==\"Ready\")].status", ".metadata.creationTimestamp");
        assertThat(version(failover).getAdditionalPrinterColumns()).extracting(CustomResourceColumnDefinition::getName)
                .containsExactly("Plan", "Type", "Phase", "Progress", "RTO", "Age");
    }

    @Test
    void everyFieldHasADescription() {
        List<String> missing = new ArrayList<>();
        for (var crd : List.of(plan, failover)) {
            JSONSchemaProps root = version(crd).getSchema().getOpenAPIV3Schema();
            for (String top : List.of("spec", "status")) {
                collectMissing(crd.getSpec().getNames().getKind() + "." + top, root.getProperties().get(top), missing, false);
            }
        }
        assertThat(missing).as("fields without a description (add @JsonPropertyDescription)").isEmpty();
    }

    /** Walks the schema; Kubernetes' own LabelSelector type has no descriptions, so its insides are skipped. */
    private static void collectMissing(String path, JSONSchemaProps schema, List<String> missing, boolean checkSelf) {
        if (checkSelf && (schema.getDescription() == null || schema.getDescription().isBlank())) {
            missing.add(path);
        }
        if (schema.getProperties() != null && !schema.getProperties().keySet().equals(Set.of("matchExpressions", "matchLabels"))) {
            schema.getProperties().forEach((name, child) -> collectMissing(path + "." + name, child, missing, true));
        }
        if (schema.getItems() != null && schema.getItems().getSchema() != null) {
            collectMissing(path + "[]", schema.getItems().getSchema(), missing, false);
        }
    }

    @Test
    void defaultsAndValidationRulesArePresent() {
        JSONSchemaProps spec = version(plan).getSchema().getOpenAPIV3Schema().getProperties().get("spec");
        assertThat(spec.getRequired()).containsExactlyInAnyOrder("primary", "standby", "protect");
        assertThat(spec.getXKubernetesValidations()).hasSize(5)
                .anySatisfy(r -> assertThat(r.getRule()).contains("self.failover.drill.namespaceSuffix"));
        assertThat(spec.getProperties().get("protect").getProperties().get("resources").getItems().getSchema()
                .getXKubernetesValidations()).extracting(r -> r.getRule())
                .anySatisfy(r -> assertThat(r).contains("'core'"))
                .anySatisfy(r -> assertThat(r).contains("pilotlight.io"))
                .anySatisfy(r -> assertThat(r).contains("rbac.authorization.k8s.io/ClusterRoleBinding"));
        assertThat(spec.getProperties().get("sync").getProperties().get("mode").getDefault().asText()).isEqualTo("Continuous");
        assertThat(spec.getProperties().get("backup").getProperties().get("schedule").getDefault().asText())
                .isEqualTo("0 * * * *");
        assertThat(spec.getProperties().get("pilotLight").getProperties().get("replicas").getDefault().asInt()).isZero();
        assertThat(spec.getProperties().get("protect").getProperties().get("resources").getDefault()).hasSize(14);
        assertThat(spec.getProperties().get("traffic").getXKubernetesValidations()).hasSize(1);

        JSONSchemaProps foSpec = version(failover).getSchema().getOpenAPIV3Schema().getProperties().get("spec");
        assertThat(foSpec.getProperties().get("planRef").getXKubernetesValidations())
                .singleElement().satisfies(r -> assertThat(r.getRule()).isEqualTo("self == oldSelf"));
    }
}
