package io.pilotlight.integration;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.pilotlight.api.v1alpha1.Condition;
import io.pilotlight.api.v1alpha1.DisasterRecoveryPlan;
import io.pilotlight.api.v1alpha1.Failover;
import io.pilotlight.api.v1alpha1.failover.FailoverStep;
import io.pilotlight.status.Conditions;
import io.pilotlight.testsupport.OperatorTestResource;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** Plans and kubeconfig Secrets for the operator's integration tests. */
final class PlanFixtures {

    private static final KubernetesSerialization YAML = new KubernetesSerialization();

    private PlanFixtures() {
    }

    /**
     * A plan (labelled for this run's operator, see {@link OperatorTestResource#runId()}) protecting one namespace of the primary (reached through Secret {@code primary-kubeconfig}),
     * with the operator's own cluster as the standby and a fast health check. Each override replaces
     * one top-level field of the spec, written in YAML flow style (e.g. {@code "backup" -> "{schedule: x}"}).
     */
    static DisasterRecoveryPlan plan(String namespace, String name, String protectedNs, String veleroNs,
            Map<String, String> overrides) {
        Map<String, String> spec = new LinkedHashMap<>();
        spec.put("primary", "{name: dc1, kubeconfigSecretRef: {name: primary-kubeconfig}}");
        spec.put("standby", "{name: dc2}");
        spec.put("protect", "{namespaces: [" + protectedNs + "]}");
        spec.put("backup", "{veleroNamespace: " + veleroNs + ", ttl: 72h}");
        spec.put("objectives", "{rpo: 1h, rto: 15m}");
        spec.put("healthCheck", "{interval: 2s, timeout: 1s}");
        spec.putAll(overrides);
        StringBuilder yaml = new StringBuilder("""
                apiVersion: pilotlight.io/v1alpha1
                kind: DisasterRecoveryPlan
                metadata: {name: %s, namespace: %s, labels: {%s: "%s"}}
                spec:
                """.formatted(name, namespace, OperatorTestResource.RUN_LABEL, OperatorTestResource.runId()));
        spec.forEach((k, v) -> yaml.append("  ").append(k).append(": ").append(v).append('\n'));
        return YAML.unmarshal(new ByteArrayInputStream(yaml.toString().getBytes(StandardCharsets.UTF_8)),
                DisasterRecoveryPlan.class);
    }

    static DisasterRecoveryPlan plan(String namespace, String name, String protectedNs, String veleroNs) {
        return plan(namespace, name, protectedNs, veleroNs, Map.of());
    }

    /** Creates every object of a multi-document YAML text on a site. */
    static void create(KubernetesClient client, String yaml) {
        for (HasMetadata item : client.load(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8))).items()) {
            client.resource(item).create();
        }
    }

    static Secret kubeconfigSecret(String namespace, String name, String key, String kubeconfig) {
        return new SecretBuilder().withNewMetadata().withName(name).withNamespace(namespace).endMetadata()
                .withStringData(Map.of(key, kubeconfig)).build();
    }

    static Condition condition(KubernetesClient client, String namespace, String plan, String type) {
        DisasterRecoveryPlan p = client.resources(DisasterRecoveryPlan.class).inNamespace(namespace).withName(plan).get();
        if (p == null || p.getStatus() == null) {
            return null;
        }
        return Conditions.find(p.getStatus().getConditions(), type).orElse(null);
    }

    static String yaml(Object o) {
        return YAML.asYaml(o);
    }

    /** A Failover of plan {@code plan} (labelled for this run's operator); {@code spec} in YAML flow style, without planRef. */
    static Failover failover(String namespace, String plan, String name, String spec) {
        String yaml = """
                apiVersion: pilotlight.io/v1alpha1
                kind: Failover
                metadata: {name: %s, namespace: %s, labels: {%s: "%s"}}
                spec: %s
                """.formatted(name, namespace, OperatorTestResource.RUN_LABEL, OperatorTestResource.runId(),
                spec.replaceFirst("\\{", "{planRef: {name: " + plan + "}, "));
        return YAML.unmarshal(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)), Failover.class);
    }

    /** The step of that name in a Failover's status. */
    static FailoverStep step(Failover failover, String name) {
        return failover.getStatus().getSteps().stream().filter(s -> name.equals(s.getName())).findFirst().orElseThrow();
    }
}
