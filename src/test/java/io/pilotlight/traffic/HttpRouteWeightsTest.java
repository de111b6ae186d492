package io.pilotlight.traffic;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPBackendRef;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPBackendRefBuilder;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRoute;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRouteBuilder;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRouteRule;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRouteRuleBuilder;
import io.pilotlight.api.v1alpha1.plan.BackendRef;
import io.pilotlight.core.SiteRole;
import io.pilotlight.traffic.HttpRouteWeights.Change;
import java.util.List;
import org.junit.jupiter.api.Test;

class HttpRouteWeightsTest {

    private static final BackendRef PRIMARY = backend(null, null, "web-dc1", null, 80);
    private static final BackendRef STANDBY = backend(null, null, "web-dc2", null, 80);

    private static BackendRef backend(String group, String kind, String name, String namespace, int port) {
        BackendRef b = new BackendRef();
        b.setGroup(group);
        b.setKind(kind);
        b.setName(name);
        b.setNamespace(namespace);
        b.setPort(port);
        return b;
    }

    private static HTTPBackendRef ref(String name, int port, Integer weight) {
        return new HTTPBackendRefBuilder().withName(name).withPort(port).withWeight(weight).build();
    }

    private static HTTPRouteRule rule(HTTPBackendRef... refs) {
        return new HTTPRouteRuleBuilder().withBackendRefs(refs).build();
    }

    private static HTTPRoute route(HTTPRouteRule... rules) {
        return new HTTPRouteBuilder().withNewMetadata().withName("r").withNamespace("shop").endMetadata()
                .withNewSpec().withRules(rules).endSpec().build();
    }

    @Test
    void toStandbyZeroesThePrimaryAndGivesTheStandbyWeightOneKeepingOthers() {
        HTTPRoute r = route(rule(ref("web-dc1", 80, null), ref("web-dc2", 80, 0), ref("canary", 80, 3)), rule(ref("cdn", 80, 1)));
        HttpRouteWeights.Plan plan = HttpRouteWeights.plan(r, PRIMARY, STANDBY, SiteRole.STANDBY);
        assertThat(plan.ok()).isTrue();
        assertThat(plan.changes()).containsExactly(new Change(0, 0, "web-dc1", 80, null, 0), new Change(0, 1, "web-dc2", 80, 0, 1));
        assertThat(HttpRouteWeights.patch(plan.changes())).isEqualTo("["
                + "{\"op\":\"test\",\"path\":\"/spec/rules/0/backendRefs/0/name\",\"value\":\"web-dc1\"},"
                + "{\"op\":\"test\",\"path\":\"/spec/rules/0/backendRefs/0/port\",\"value\":80},"
                + "{\"op\":\"add\",\"path\":\"/spec/rules/0/backendRefs/0/weight\",\"value\":0},"
                + "{\"op\":\"test\",\"path\":\"/spec/rules/0/backendRefs/1/name\",\"value\":\"web-dc2\"},"
                + "{\"op\":\"test\",\"path\":\"/spec/rules/0/backendRefs/1/port\",\"value\":80},"
                + "{\"op\":\"add\",\"path\":\"/spec/rules/0/backendRefs/1/weight\",\"value\":1}]");
    }

    @Test
    void alreadyThereChangesNothingAndPositiveWeightsAreKept() {
        HTTPRoute r = route(rule(ref("web-dc1", 80, 100), ref("web-dc2", 80, 0)), rule(ref("web-dc2", 80, 0), ref("web-dc1", 80, null)));
        assertThat(HttpRouteWeights.plan(r, PRIMARY, STANDBY, SiteRole.PRIMARY).changes()).isEmpty();
        assertThat(HttpRouteWeights.state(r, PRIMARY, STANDBY, "HTTPRoute shop/r").location()).isEqualTo(TrafficState.Location.PRIMARY);
    }

    @Test
    void aRuleWithOnlyOneBackendIsRefusedAndNothingIsPlanned() {
        HTTPRoute r = route(rule(ref("web-dc1", 80, 1), ref("web-dc2", 80, 0)),
                new HTTPRouteRuleBuilder().withName("api").withBackendRefs(ref("web-dc2", 80, 1)).build());
        HttpRouteWeights.Plan plan = HttpRouteWeights.plan(r, PRIMARY, STANDBY, SiteRole.STANDBY);
        assertThat(plan.ok()).isFalse();
        assertThat(plan.changes()).isEmpty();
        assertThat(plan.problems()).containsExactly("rule 1 (\"api\") references the standby backend Service shop/web-dc2:80 but not the"
                + " primary backend Service shop/web-dc1:80: add it to that rule (with weight 0); Pilotlight changes weights only, never the route's rules");
    }

    @Test
    void aRouteWithoutTheBackendsIsRefused() {
        HttpRouteWeights.Plan plan = HttpRouteWeights.plan(route(rule(ref("cdn", 80, 1))), PRIMARY, STANDBY, SiteRole.STANDBY);
        assertThat(plan.problems()).singleElement().asString().startsWith("no rule references both the primary backend Service shop/web-dc1:80");
        assertThat(HttpRouteWeights.plan(route(), PRIMARY, STANDBY, SiteRole.PRIMARY).ok()).isFalse();
    }

    @Test
    void matchingUsesGatewayApiDefaults() {
        HTTPBackendRef explicit = new HTTPBackendRefBuilder().withGroup("").withKind("Service").withNamespace("shop").withName("web-dc1").withPort(80).build();
        assertThat(HttpRouteWeights.refersTo(explicit, PRIMARY, "shop")).isTrue();
        assertThat(HttpRouteWeights.refersTo(explicit, PRIMARY, "other")).isFalse();
        assertThat(HttpRouteWeights.refersTo(ref("web-dc1", 8080, null), PRIMARY, "shop")).isFalse();
        BackendRef imported = backend("multicluster.x-k8s.io", "ServiceImport", "web", "apps", 80);
        HTTPBackendRef importRef = new HTTPBackendRefBuilder().withGroup("multicluster.x-k8s.io").withKind("ServiceImport")
                .withNamespace("apps").withName("web").withPort(80).build();
        assertThat(HttpRouteWeights.refersTo(importRef, imported, "shop")).isTrue();
        assertThat(HttpRouteWeights.refersTo(ref("web", 80, null), imported, "apps")).isFalse();
        assertThat(HttpRouteWeights.describe(imported, "shop")).isEqualTo("multicluster.x-k8s.io/ServiceImport apps/web:80");
    }

    @Test
    void stateIsUnknownWhenSplitOrRulesDisagree() {
        TrafficState split = HttpRouteWeights.state(route(rule(ref("web-dc1", 80, 1), ref("web-dc2", 80, 1))), PRIMARY, STANDBY, "HTTPRoute shop/r");
        assertThat(split.location()).isEqualTo(TrafficState.Location.UNKNOWN);
        assertThat(split.detail()).contains("rule 0: primary 1, standby 1", "split");
        TrafficState disagree = HttpRouteWeights.state(route(rule(ref("web-dc1", 80, 1), ref("web-dc2", 80, 0)),
                rule(ref("web-dc1", 80, 0), ref("web-dc2", 80, 1))), PRIMARY, STANDBY, "r");
        assertThat(disagree.location()).isEqualTo(TrafficState.Location.UNKNOWN);
        assertThat(HttpRouteWeights.state(route(rule(ref("web-dc1", 80, 0), ref("web-dc2", 80, 2))), PRIMARY, STANDBY, "r").location())
                .isEqualTo(TrafficState.Location.STANDBY);
    }

    @Test
    void switchingFromSplitTrafficMovesAllOfIt() {
        HTTPRoute r = route(rule(ref("web-dc1", 80, 50), ref("web-dc2", 80, 50)));
        assertThat(HttpRouteWeights.plan(r, PRIMARY, STANDBY, SiteRole.STANDBY).changes())
                .containsExactly(new Change(0, 0, "web-dc1", 80, 50, 0));
        assertThat(List.of(HttpRouteWeights.ACTIVE_WEIGHT)).containsExactly(1);
    }
}
