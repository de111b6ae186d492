package io.pilotlight.traffic;

import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.pilotlight.api.v1alpha1.DisasterRecoveryPlan;
import io.pilotlight.api.v1alpha1.plan.TrafficSpec;
import io.pilotlight.util.RemoteErrors;
import java.util.Arrays;
import java.util.Optional;

/**
 * A plan's traffic object (DNSEndpoint, HTTPRoute) lives in the plan's namespace unless the namespace
 * that holds it lets the plan's namespace in, with the annotation {@value #ANNOTATION} (a
 * comma-separated list of namespaces) — as a Gateway API ReferenceGrant lets routes reach across
 * namespaces. Only someone who may annotate that namespace can grant it.
 */
public final class TrafficGrants {

    public static final String ANNOTATION = "pilotlight.io/traffic-from-namespaces";

    private TrafficGrants() {
    }

    /** Why the plan may not switch its traffic object, or empty when it may. */
    public static Optional<String> refusal(DisasterRecoveryPlan plan, KubernetesClient operator) {
        TrafficSpec traffic = plan.getSpec().getTraffic();
        String field;
        String target;
        if (traffic != null && traffic.getExternalDNS() != null) {
            field = "spec.traffic.externalDNS.namespace";
            target = traffic.getExternalDNS().getNamespace();
        } else if (traffic != null && traffic.getGatewayAPI() != null) {
            field = "spec.traffic.gatewayAPI.namespace";
            target = traffic.getGatewayAPI().getNamespace();
        } else {
            return Optional.empty();
        }
        String planNamespace = plan.getMetadata().getNamespace();
        if (target == null || target.isBlank() || target.equals(planNamespace)) {
            return Optional.empty();
        }
        Namespace namespace;
        try {
            namespace = operator.namespaces().withName(target).get();
        } catch (KubernetesClientException e) {
            return Optional.of(field + ": cannot read namespace " + target + " to check its grant: " + RemoteErrors.describe(e));
        }
        String grant = namespace == null || namespace.getMetadata().getAnnotations() == null ? null
                : namespace.getMetadata().getAnnotations().get(ANNOTATION);
        boolean granted = grant != null && Arrays.stream(grant.split(",")).map(String::trim).anyMatch(planNamespace::equals);
        return granted ? Optional.empty() : Optional.of(field + ": namespace " + target + " does not let plans of namespace "
                + planNamespace + " switch its traffic objects; its owner can allow it with the annotation " + ANNOTATION + ": "
                + planNamespace);
    }
}
