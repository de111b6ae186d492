package io.pilotlight.crd;

import io.fabric8.crd.generator.annotation.AdditionalPrinterColumn;
import io.fabric8.crdv2.generator.CRDPostProcessor;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceColumnDefinition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinitionVersion;
import io.fabric8.kubernetes.api.model.apiextensions.v1.JSONSchemaProps;
import io.pilotlight.api.v1alpha1.DisasterRecoveryPlan;
import io.pilotlight.api.v1alpha1.meta.ApiConstants;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Post-processes the CRDs that the Fabric8 CRD generator makes from our API classes, at build time
 * ({@code quarkus.operator-sdk.crd.post-processor}) and in {@code CrdsUpToDateTest}.
 * <p>
 * The generator sorts printer columns by JSON path, so {@code AGE} (.metadata.creationTimestamp) would
 * come first. This puts them back in the order the {@link AdditionalPrinterColumn} annotations are
 * declared on the custom resource class, which is the order {@code kubectl get} shows.
 * <p>
 * It also adds what the generator's annotations cannot say: {@code spec} is required at the root (an
 * object without one is meaningless), and the protected namespace names are DNS labels without
 * duplicates (annotations on a {@code List<String>} field do not reach its items).
 * <p>
 * Build-time only: {@code crd-generator-api-v2} is a {@code provided} dependency, absent at run time, so
 * nothing in the operator may use this class.
 */
public class PilotlightCrdPostProcessor implements CRDPostProcessor {

    @Override
    public HasMetadata process(HasMetadata resource, String crdSpecVersion) {
        if (!(resource instanceof CustomResourceDefinition crd) || !ApiConstants.GROUP.equals(crd.getSpec().getGroup())) {
            return resource;
        }
        List<String> order = declaredColumnOrder(crd.getSpec().getNames().getKind());
        for (CustomResourceDefinitionVersion version : crd.getSpec().getVersions()) {
            JSONSchemaProps root = version.getSchema().getOpenAPIV3Schema();
            root.setRequired(List.of("spec"));
            JSONSchemaProps protect = root.getProperties().get("spec").getProperties().get("protect");
            if (protect != null) {
                JSONSchemaProps namespaces = protect.getProperties().get("namespaces");
                namespaces.setXKubernetesListType("set");
                namespaces.getItems().getSchema().setPattern(ApiConstants.DNS_LABEL_PATTERN);
                namespaces.getItems().getSchema().setMaxLength(63L);
            }
            List<CustomResourceColumnDefinition> columns = version.getAdditionalPrinterColumns();
            if (columns == null || columns.isEmpty() || order.isEmpty()) {
                continue;
            }
            List<CustomResourceColumnDefinition> sorted = new ArrayList<>(columns);
            // stable sort: columns not declared on the class (from @PrinterColumn fields) go last, in their order
            sorted.sort(Comparator.comparingInt(c -> {
                int i = order.indexOf(c.getName());
                return i < 0 ? Integer.MAX_VALUE : i;
            }));
            version.setAdditionalPrinterColumns(sorted);
        }
        return crd;
    }

    private static List<String> declaredColumnOrder(String kind) {
        String className = DisasterRecoveryPlan.class.getPackageName() + "." + kind;
        try {
            Class<?> type = Class.forName(className, false, PilotlightCrdPostProcessor.class.getClassLoader());
            return Arrays.stream(type.getAnnotationsByType(AdditionalPrinterColumn.class))
                    .map(AdditionalPrinterColumn::name)
                    .toList();
        } catch (ClassNotFoundException e) {
            return List.of();
        }
    }
}
