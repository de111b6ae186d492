package io.pilotlight.traffic;

import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRoute;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.Resource;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.pilotlight.api.v1alpha1.plan.GatewayApiTraffic;
import io.pilotlight.core.SiteRole;
import java.util.Objects;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * Switches traffic through Gateway API: re-weights the backends of the user's HTTPRoute
 * (gateway.networking.k8s.io/v1) so the target site's backend gets the traffic and the other none.
 * <p>
 * The route is the user's: Pilotlight never creates it (a missing route is an error), never adds or
 * removes backendRefs (a rule with only one of the two backends is refused, see {@link HttpRouteWeights}),
 * and writes only the {@code weight} fields, with a JSON patch whose test operations make it fail
 * rather than touch another backendRef if the rules changed since they were read. Like the DNSEndpoint,
 * the route lives in the cluster the client points at: by default the operator's own.
 */
public class GatewayApiSwitch implements TrafficSwitch {

    private static final Logger LOG = Logger.getLogger(GatewayApiSwitch.class);
    private static final int ATTEMPTS = 3;

    private final GatewayApiTraffic spec;
    private final String namespace;
    private final KubernetesClient client;

    /**
     * @param spec the plan's {@code spec.traffic.gatewayAPI}
     * @param planNamespace the plan's namespace: the route's when the spec names none
     * @param client the cluster holding the HTTPRoute
     */
    public GatewayApiSwitch(GatewayApiTraffic spec, String planNamespace, KubernetesClient client) {
        this.spec = Objects.requireNonNull(spec, "spec");
        this.namespace = spec.getNamespace() != null && !spec.getNamespace().isBlank() ? spec.getNamespace() : planNamespace;
        this.client = Objects.requireNonNull(client, "client");
    }

    @Override
    public String describe() {
        return "HTTPRoute " + namespace + "/" + spec.getHttpRouteName();
    }

    @Override
    public SwitchResult switchTo(TrafficTarget target) throws TrafficSwitchException {
        for (int attempt = 1; ; attempt++) {
            try {
                return switchOnce(target);
            } catch (KubernetesClientException e) {
                if (attempt < ATTEMPTS && KubeErrors.isConflict(e)) {
                    LOG.debugf("%s changed while we switched it (HTTP %d), reading it again", describe(), e.getCode());
                    continue;
                }
                throw KubeErrors.of("Re-weighting " + describe() + " for the " + target.describe(), e);
            }
        }
    }

    private SwitchResult switchOnce(TrafficTarget target) throws TrafficSwitchException {
        HTTPRoute route = read();
        HttpRouteWeights.Plan plan = HttpRouteWeights.plan(route, spec.getPrimaryBackend(), spec.getStandbyBackend(), target.role());
        if (!plan.ok()) {
            throw new TrafficSwitchException(TrafficSwitchException.INVALID_OBJECT,
                    "Cannot switch " + describe() + " to the " + target.describe() + ": " + String.join("; ", plan.problems()) + ".");
        }
        String active = HttpRouteWeights.describe(target.role() == SiteRole.PRIMARY ? spec.getPrimaryBackend() : spec.getStandbyBackend(), namespace);
        if (plan.changes().isEmpty()) {
            return SwitchResult.unchanged(describe() + " already sends its traffic to " + active + " (the " + target.describe() + "): nothing to change.");
        }
        resource().patch(PatchContext.of(PatchType.JSON), HttpRouteWeights.patch(plan.changes()));
        String what = plan.changes().stream()
                .map(c -> "rule " + c.rule() + " " + c.name() + " " + (c.from() == null ? "unset" : c.from()) + "->" + c.to())
                .collect(Collectors.joining(", "));
        return SwitchResult.changed("Switched " + describe() + " to " + active + " (the " + target.describe() + "): weights " + what + ".");
    }

    @Override
    public TrafficState current() throws TrafficSwitchException {
        try {
            HTTPRoute route = resource().get();
            if (route == null) {
                return TrafficState.unknown(describe() + " does not exist");
            }
            return HttpRouteWeights.state(route, spec.getPrimaryBackend(), spec.getStandbyBackend(), describe());
        } catch (KubernetesClientException e) {
            throw KubeErrors.of("Reading " + describe(), e);
        }
    }

    private HTTPRoute read() throws TrafficSwitchException {
        HTTPRoute route = resource().get();
        if (route == null) {
            throw new TrafficSwitchException(TrafficSwitchException.NOT_FOUND, describe() + " does not exist. Pilotlight never creates"
                    + " the route: create it, with rules referencing both the primary backend "
                    + HttpRouteWeights.describe(spec.getPrimaryBackend(), namespace) + " and the standby backend "
                    + HttpRouteWeights.describe(spec.getStandbyBackend(), namespace) + ".");
        }
        return route;
    }

    private Resource<HTTPRoute> resource() {
        return client.resources(HTTPRoute.class).inNamespace(namespace).withName(spec.getHttpRouteName());
    }
}
