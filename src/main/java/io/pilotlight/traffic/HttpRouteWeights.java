package io.pilotlight.traffic;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPBackendRef;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRoute;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRouteRule;
import io.pilotlight.api.v1alpha1.plan.BackendRef;
import io.pilotlight.core.SiteRole;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The pure part of {@link GatewayApiSwitch}: which backendRefs of an HTTPRoute are the plan's two
 * backends, which weights must change to send traffic to a site, the JSON patch that changes only
 * those weights, and where the route sends traffic now.
 * <p>
 * Rules: a rule that references neither backend is not ours and is left alone (e.g. a path served by
 * a shared backend). A rule that references exactly one of them cannot be switched without changing
 * its shape, which is the user's: the route is refused, with a message saying which rule lacks which
 * backend. In rules that reference both, every backendRef of the active site gets a positive weight
 * (an existing positive weight is kept, 0 becomes {@value #ACTIVE_WEIGHT}, as the plan's API documents)
 * and every backendRef of the other site gets 0. Other backendRefs of such a rule keep their weight.
 */
public final class HttpRouteWeights {

    /** The weight an active backend gets when it had 0 (Gateway API's default weight, the plan API's documented value). */
    public static final int ACTIVE_WEIGHT = 1;

    private HttpRouteWeights() {
    }

    /** One weight to write: rule and backendRef indexes, the ref's name/port (checked by the patch), old and new weight. */
    public record Change(int rule, int ref, String name, Integer port, Integer from, int to) {
    }

    /** What switching would do: the weight changes, or the problems that make the route unswitchable. */
    public record Plan(List<Change> changes, List<String> problems) {
        public boolean ok() {
            return problems.isEmpty();
        }
    }

    /** The changes that send the route's traffic to the given site, or why it cannot be done. */
    public static Plan plan(HTTPRoute route, BackendRef primary, BackendRef standby, SiteRole target) {
        List<Change> changes = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        String ns = route.getMetadata().getNamespace();
        List<HTTPRouteRule> rules = rules(route);
        int switchable = 0;
        for (int r = 0; r < rules.size(); r++) {
            List<HTTPBackendRef> refs = refs(rules.get(r));
            boolean hasPrimary = refs.stream().anyMatch(b -> refersTo(b, primary, ns));
            boolean hasStandby = refs.stream().anyMatch(b -> refersTo(b, standby, ns));
            if (!hasPrimary && !hasStandby) {
                continue;
            }
            if (hasPrimary != hasStandby) {
                BackendRef present = hasPrimary ? primary : standby;
                BackendRef missing = hasPrimary ? standby : primary;
                problems.add(ruleName(rules.get(r), r) + " references the " + (hasPrimary ? "primary" : "standby") + " backend "
                        + describe(present, ns) + " but not the " + (hasPrimary ? "standby" : "primary") + " backend " + describe(missing, ns)
                        + ": add it to that rule (with weight 0); Pilotlight changes weights only, never the route's rules");
                continue;
            }
            switchable++;
            for (int i = 0; i < refs.size(); i++) {
                HTTPBackendRef b = refs.get(i);
                boolean isActive = refersTo(b, target == SiteRole.PRIMARY ? primary : standby, ns);
                boolean isInactive = refersTo(b, target == SiteRole.PRIMARY ? standby : primary, ns);
                int weight = effectiveWeight(b);
                if (isActive && weight == 0) {
                    changes.add(new Change(r, i, b.getName(), b.getPort(), b.getWeight(), ACTIVE_WEIGHT));
                } else if (isInactive && weight != 0) {
                    changes.add(new Change(r, i, b.getName(), b.getPort(), b.getWeight(), 0));
                }
            }
        }
        if (switchable == 0 && problems.isEmpty()) {
            problems.add("no rule references both the primary backend " + describe(primary, ns) + " and the standby backend "
                    + describe(standby, ns) + ": add both to the rules whose traffic should move (the standby one with weight 0)");
        }
        return new Plan(problems.isEmpty() ? changes : List.of(), problems);
    }

    /**
     * Where the route sends traffic: a site when every rule that references both backends sends all
     * of their share to that site's backend; unknown when rules disagree, split traffic, or none
     * references both.
     */
    public static TrafficState state(HTTPRoute route, BackendRef primary, BackendRef standby, String what) {
        String ns = route.getMetadata().getNamespace();
        List<HTTPRouteRule> rules = rules(route);
        SiteRole seen = null;
        List<String> weights = new ArrayList<>();
        boolean mixed = false;
        int considered = 0;
        for (int r = 0; r < rules.size(); r++) {
            List<HTTPBackendRef> refs = refs(rules.get(r));
            int p = refs.stream().filter(b -> refersTo(b, primary, ns)).mapToInt(HttpRouteWeights::effectiveWeight).sum();
            int s = refs.stream().filter(b -> refersTo(b, standby, ns)).mapToInt(HttpRouteWeights::effectiveWeight).sum();
            boolean hasP = refs.stream().anyMatch(b -> refersTo(b, primary, ns));
            boolean hasS = refs.stream().anyMatch(b -> refersTo(b, standby, ns));
            if (!hasP && !hasS) {
                continue;
            }
            considered++;
            weights.add(ruleName(rules.get(r), r) + ": primary " + p + ", standby " + s);
            SiteRole here = p > 0 && s == 0 ? SiteRole.PRIMARY : s > 0 && p == 0 ? SiteRole.STANDBY : null;
            if (here == null || (seen != null && seen != here)) {
                mixed = true;
            }
            seen = here == null ? seen : here;
        }
        String detail = what + " weights (" + String.join("; ", weights) + ")";
        if (considered == 0) {
            return TrafficState.unknown(what + " has no rule referencing the primary or standby backend");
        }
        if (mixed || seen == null) {
            return TrafficState.unknown(detail + ": traffic is split or goes nowhere");
        }
        return TrafficState.at(seen, detail);
    }

    /** JSON patch writing only the changed weights; each is guarded by a test of the ref's name (and port) at that index. */
    public static String patch(List<Change> changes) {
        ArrayNode ops = JsonNodeFactory.instance.arrayNode();
        for (Change c : changes) {
            String base = "/spec/rules/" + c.rule() + "/backendRefs/" + c.ref();
            ops.addObject().put("op", "test").put("path", base + "/name").put("value", c.name());
            if (c.port() != null) {
                ops.addObject().put("op", "test").put("path", base + "/port").put("value", c.port());
            }
            ops.addObject().put("op", "add").put("path", base + "/weight").put("value", c.to());
        }
        return ops.toString();
    }

    /**
     * Whether a backendRef of the route is the plan's backend: same group (empty = core), kind
     * (default Service), name, namespace (default the route's) and port.
     */
    public static boolean refersTo(HTTPBackendRef ref, BackendRef backend, String routeNamespace) {
        return Objects.equals(emptyIfNull(ref.getGroup()), emptyIfNull(backend.getGroup()))
                && Objects.equals(orDefault(ref.getKind(), "Service"), orDefault(backend.getKind(), "Service"))
                && Objects.equals(ref.getName(), backend.getName())
                && Objects.equals(orDefault(ref.getNamespace(), routeNamespace), orDefault(backend.getNamespace(), routeNamespace))
                && Objects.equals(ref.getPort(), backend.getPort());
    }

    /** Gateway API's weight: 1 when unset. */
    public static int effectiveWeight(HTTPBackendRef ref) {
        return ref.getWeight() == null ? 1 : ref.getWeight();
    }

    /** {@code Service shop/web-dc1:8080}. */
    public static String describe(BackendRef b, String routeNamespace) {
        String group = emptyIfNull(b.getGroup());
        return (group.isEmpty() ? "" : group + "/") + orDefault(b.getKind(), "Service") + " "
                + orDefault(b.getNamespace(), routeNamespace) + "/" + b.getName() + ":" + b.getPort();
    }

    private static List<HTTPRouteRule> rules(HTTPRoute route) {
        return route.getSpec() == null || route.getSpec().getRules() == null ? List.of() : route.getSpec().getRules();
    }

    private static List<HTTPBackendRef> refs(HTTPRouteRule rule) {
        return rule == null || rule.getBackendRefs() == null ? List.of() : rule.getBackendRefs();
    }

    private static String ruleName(HTTPRouteRule rule, int index) {
        return "rule " + index + (rule.getName() == null ? "" : " (\"" + rule.getName() + "\")");
    }

    private static String emptyIfNull(String s) {
        return s == null ? "" : s;
    }

    private static String orDefault(String s, String d) {
        return s == null || s.isEmpty() ? d : s;
    }
}
