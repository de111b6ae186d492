package io.pilotlight.traffic;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.pilotlight.api.v1alpha1.DisasterRecoveryPlan;
import io.pilotlight.api.v1alpha1.plan.TrafficSpec;
import io.pilotlight.plan.PlanLabels;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;

/**
 * Picks the {@link TrafficSwitch} of a plan from its {@code spec.traffic}: ExternalDNS, Gateway API,
 * RFC 2136, or (none configured) a switch that does nothing and says so.
 * <p>
 * The DNSEndpoint and the HTTPRoute are read and written, by default, in the cluster the operator runs
 * in, as the plan's API documents; {@link #forPlan(DisasterRecoveryPlan, KubernetesClient)} lets the
 * caller name another cluster. The TSIG Secret of RFC 2136 is always read in the plan's namespace, in
 * the operator's cluster, next to the plan.
 */
@ApplicationScoped
public class TrafficSwitches {

    private final KubernetesClient local;

    public TrafficSwitches(KubernetesClient local) {
        this.local = local;
    }

    /** The plan's switch, working on objects in the operator's own cluster. */
    public TrafficSwitch forPlan(DisasterRecoveryPlan plan) {
        return forPlan(plan, local);
    }

    /** The plan's switch, working on the DNSEndpoint or HTTPRoute in the given cluster. */
    public TrafficSwitch forPlan(DisasterRecoveryPlan plan, KubernetesClient trafficCluster) {
        TrafficSpec traffic = plan.getSpec() == null ? null : plan.getSpec().getTraffic();
        return create(traffic, plan.getMetadata().getNamespace(), PlanLabels.of(plan), trafficCluster, local);
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
