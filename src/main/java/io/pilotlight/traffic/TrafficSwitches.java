package io.pilotlight.traffic;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.pilotlight.api.v1alpha1.DisasterRecoveryPlan;
import io.pilotlight.api.v1alpha1.plan.TrafficSpec;
import io.pilotlight.core.PlanLabels;
import io.pilotlight.core.clusters.SiteClients;
import io.pilotlight.core.clusters.SiteConfigException;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Picks the {@link TrafficSwitch} of a plan from its {@code spec.traffic}: ExternalDNS, Gateway API,
 * RFC 2136, or (none configured) a switch that does nothing and says so.
 * <p>
 * The DNSEndpoint and the HTTPRoute are read and written in the cluster the operator runs in, as the
 * plan's API documents, with the plan's identity there, and only in namespaces that grant it
 * ({@link TrafficGrants}). The TSIG Secret of RFC 2136 is read in the plan's namespace, in the
 * operator's cluster, next to the plan, with the same identity.
 */
@ApplicationScoped
public class TrafficSwitches {

    private final KubernetesClient operator;
    private final SiteClients clients;

    public TrafficSwitches(KubernetesClient operator, SiteClients clients) {
        this.operator = operator;
        this.clients = clients;
    }

    /**
     * The plan's switch, working on objects in the operator's cluster with the plan's identity there
     * ({@link SiteClients#identity}); one that refuses, saying why, when the plan may not switch them.
     */
    public TrafficSwitch forPlan(DisasterRecoveryPlan plan) {
        Optional<String> refusal = TrafficGrants.refusal(plan, operator);
        if (refusal.isPresent()) {
            return new RefusedTrafficSwitch(TrafficSwitchException.NOT_ALLOWED, refusal.get());
        }
        KubernetesClient identity;
        try {
            identity = clients.identity(plan);
        } catch (SiteConfigException e) {
            return new RefusedTrafficSwitch(e.reason(), e.getMessage());
        }
        TrafficSpec traffic = plan.getSpec() == null ? null : plan.getSpec().getTraffic();
        return create(traffic, plan.getMetadata().getNamespace(), PlanLabels.of(plan), identity, identity);
    }

    /**
     * The switch for a traffic section.
     *
     * @param traffic the plan's {@code spec.traffic}, possibly null
     * @param planNamespace the plan's namespace: default namespace of the objects, and that of the TSIG Secret
     * @param labels labels for objects Pilotlight creates (a DNSEndpoint)
     * @param trafficCluster where the DNSEndpoint or HTTPRoute lives
     * @param planCluster where the plan, and so the TSIG Secret, lives
     */
    public static TrafficSwitch create(TrafficSpec traffic, String planNamespace, Map<String, String> labels,
            KubernetesClient trafficCluster, KubernetesClient planCluster) {
        if (traffic == null) {
            return new NoTrafficSwitch();
        }
        if (traffic.getExternalDNS() != null) {
            return new ExternalDnsSwitch(traffic.getExternalDNS(), planNamespace, labels, trafficCluster);
        }
        if (traffic.getGatewayAPI() != null) {
            return new GatewayApiSwitch(traffic.getGatewayAPI(), planNamespace, trafficCluster);
        }
        if (traffic.getRfc2136() != null) {
            return new Rfc2136Switch(traffic.getRfc2136(), new SecretTsigKeys(planCluster, planNamespace, traffic.getRfc2136()));
        }
        return new NoTrafficSwitch();
    }

    /** What the schema cannot check in {@code spec.traffic}; see {@link TrafficValidation}. */
    public static List<String> problems(TrafficSpec traffic) {
        return TrafficValidation.problems(traffic);
    }
}
