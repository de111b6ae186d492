package io.pilotlight.integration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import io.pilotlight.api.v1alpha1.plan.BackendRef;
import io.pilotlight.api.v1alpha1.plan.DnsRecordType;
import io.pilotlight.api.v1alpha1.plan.ExternalDnsTraffic;
import io.pilotlight.api.v1alpha1.plan.GatewayApiTraffic;
import io.pilotlight.api.v1alpha1.plan.Rfc2136Traffic;
import io.pilotlight.api.v1alpha1.plan.TrafficSpec;
import io.pilotlight.api.v1alpha1.plan.TsigSecretRef;
import io.pilotlight.testsupport.Bind9Server;
import io.pilotlight.testsupport.ClustersExtension;
import io.pilotlight.testsupport.LocalClusters.Site;
import io.pilotlight.testsupport.LocalClusters;
import io.pilotlight.testsupport.TestClusters;
import io.pilotlight.testsupport.TestCrds;
import io.pilotlight.traffic.Rfc2136Switch;
import io.pilotlight.traffic.SwitchResult;
import io.pilotlight.traffic.TrafficState;
import io.pilotlight.traffic.TrafficSwitch;
import io.pilotlight.traffic.TrafficSwitchException;
import io.pilotlight.traffic.TrafficSwitches;
import io.pilotlight.traffic.TrafficTarget;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.xbill.DNS.Type;

/**
 * The traffic providers against real API servers (ExternalDNS and Gateway API CRDs installed, no
 * controllers: the test asserts on the objects) and a real BIND9 server on loopback (RFC 2136).
 */
@ExtendWith(ClustersExtension.class)
class TrafficSwitchTest {

    private static final TrafficTarget PRIMARY = TrafficTarget.primary("dc1");
    private static final TrafficTarget STANDBY = TrafficTarget.standby("dc2");
    private static final Map<String, String> LABELS = Map.of("app.kubernetes.io/managed-by", "pilotlight",
            "pilotlight.io/plan", "shop", "pilotlight.io/plan-namespace", "shop");

    private static final ResourceDefinitionContext DNS_ENDPOINTS = new ResourceDefinitionContext.Builder()
            .withGroup("externaldns.k8s.io").withVersion("v1alpha1").withPlural("dnsendpoints").withKind("DNSEndpoint")
            .withNamespaced(true).build();
    private static final ResourceDefinitionContext HTTP_ROUTES = new ResourceDefinitionContext.Builder()
            .withGroup("gateway.networking.k8s.io").withVersion("v1").withPlural("httproutes").withKind("HTTPRoute")
            .withNamespaced(true).build();

    @BeforeAll
    static void crds() {
        for (Site site : Site.values()) {
            TestCrds.installThirdParty(LocalClusters.get().client(site));
        }
    }

    private static Bind9Server dns;

    /** The BIND9 server of the RFC 2136 tests, started by the first of them. */
    private static synchronized Bind9Server dns() {
        if (dns == null) {
            dns = Bind9Server.start(
                    Bind9Server.zone("pilotlight.test")
                            .record("app 60 IN A 192.0.2.10")
                            .record("badsig 60 IN A 192.0.2.10")
                            .record("badkey 60 IN A 192.0.2.10"),
                    Bind9Server.zone("locked.test").record("app 60 IN A 192.0.2.10").readOnly());
        }
        return dns;
    }

    @AfterAll
    static void stopDns() {
        if (dns != null) {
            dns.close();
        }
    }

    // ---------------------------------------------------------------- ExternalDNS

    private static ExternalDnsTraffic externalDns() {
        ExternalDnsTraffic e = new ExternalDnsTraffic();
        e.setDnsEndpointName("shop-dns");
        e.setRecordName("app.pilotlight.test");
        e.setRecordType(DnsRecordType.A);
        e.setTtl(30);
        e.setPrimaryTargets(List.of("192.0.2.10"));
        e.setStandbyTargets(List.of("198.51.100.20", "198.51.100.21"));
        return e;
    }

    private static TrafficSwitch externalDnsSwitch(TestClusters clusters, ExternalDnsTraffic spec) {
        TrafficSpec traffic = new TrafficSpec();
        traffic.setExternalDNS(spec);
        return TrafficSwitches.create(traffic, clusters.namespace(), LABELS, clusters.standby(), clusters.standby());
    }

    @Test
    void externalDnsCreatesTheEndpointThenFlipsOnlyItsTargets(TestClusters clusters) throws Exception {
        KubernetesClient standby = clusters.standby();
        TrafficSwitch sw = externalDnsSwitch(clusters, externalDns());
        clusters.onFailure(() -> "DNSEndpoint: " + dnsEndpoint(clusters));

        assertThat(sw.current().location()).isEqualTo(TrafficState.Location.UNKNOWN);
        SwitchResult created = sw.switchTo(PRIMARY);
        assertThat(created.changed()).isTrue();
        assertThat(created.message()).contains("Created DNSEndpoint " + clusters.namespace() + "/shop-dns", "192.0.2.10");
        GenericKubernetesResource d = dnsEndpoint(clusters);
        assertThat(d.getMetadata().getLabels()).containsAllEntriesOf(LABELS);
        assertThat(endpoints(d)).singleElement().satisfies(e -> {
            assertThat(e).containsEntry("dnsName", "app.pilotlight.test").containsEntry("recordType", "A")
                    .containsEntry("targets", List.of("192.0.2.10")).containsEntry("recordTTL", 30);
        });
        assertThat(sw.current().location()).isEqualTo(TrafficState.Location.PRIMARY);

        // someone else adds an endpoint, and provider settings and labels to ours (fields of the released
        // CRD that Pilotlight never writes; the CRD prunes fields it does not know, so only these can exist)
        standby.genericKubernetesResources(DNS_ENDPOINTS).inNamespace(clusters.namespace()).withName("shop-dns").edit(r -> {
            List<Map<String, Object>> eps = endpoints(r);
            eps.get(0).put("providerSpecific", List.of(Map.of("name", "aws/evaluate-target-health", "value", "true")));
            eps.get(0).put("labels", Map.of("team", "shop"));
            eps.add(new java.util.LinkedHashMap<>(Map.of("dnsName", "other.pilotlight.test", "recordType", "CNAME",
                    "targets", List.of("elsewhere.example.com"), "recordTTL", 300)));
            return r;
        });

        SwitchResult toStandby = sw.switchTo(STANDBY);
        assertThat(toStandby.changed()).isTrue();
        assertThat(toStandby.message()).contains("standby site \"dc2\"", "198.51.100.20", "was [192.0.2.10]");
        List<Map<String, Object>> eps = endpoints(dnsEndpoint(clusters));
        assertThat(eps).hasSize(2);
        assertThat(eps.get(0)).containsEntry("targets", List.of("198.51.100.20", "198.51.100.21"))
                .containsEntry("recordTTL", 30).containsEntry("labels", Map.of("team", "shop"))
                .containsEntry("providerSpecific", List.of(Map.of("name", "aws/evaluate-target-health", "value", "true")));
        assertThat(toStandby.message()).contains("Not confirmed: the DNSEndpoint has no status.observedGeneration");
        assertThat(eps.get(1)).isEqualTo(Map.of("dnsName", "other.pilotlight.test", "recordType", "CNAME",
                "targets", List.of("elsewhere.example.com"), "recordTTL", 300));
        assertThat(sw.current().location()).isEqualTo(TrafficState.Location.STANDBY);

        String version = dnsEndpoint(clusters).getMetadata().getResourceVersion();
        SwitchResult again = sw.switchTo(STANDBY);
        assertThat(again.changed()).isFalse();
        assertThat(again.message()).contains("already", "nothing to change");
        assertThat(dnsEndpoint(clusters).getMetadata().getResourceVersion()).isEqualTo(version);

        assertThat(sw.switchTo(PRIMARY).changed()).isTrue();
        eps = endpoints(dnsEndpoint(clusters));
        assertThat(eps.get(0)).containsEntry("targets", List.of("192.0.2.10"));
        assertThat(eps.get(1)).containsEntry("dnsName", "other.pilotlight.test");
        assertThat(sw.current().location()).isEqualTo(TrafficState.Location.PRIMARY);
    }

    @Test
    void externalDnsSwitchSaysWhetherExternalDnsConfirmedIt(TestClusters clusters) throws Exception {
        TrafficSwitch sw = externalDnsSwitch(clusters, externalDns());
        clusters.onFailure(() -> "DNSEndpoint: " + dnsEndpoint(clusters));
        sw.switchTo(PRIMARY);
        // ExternalDNS's part (it does not run in the test environment): once it has published a
        // generation it writes that generation to status.observedGeneration.
        reportObservedGeneration(clusters);
        ExecutorService externalDns = Executors.newSingleThreadExecutor();
        try {
            Future<?> publishes = externalDns.submit(() -> {
                Awaitility.await("the switch writes a new generation").atMost(Duration.ofSeconds(30)).until(() -> {
                    GenericKubernetesResource d = dnsEndpoint(clusters);
                    return d.getMetadata().getGeneration() > observedGeneration(d);
                });
                reportObservedGeneration(clusters);
            });
            SwitchResult confirmed = sw.switchTo(STANDBY);
            publishes.get(30, TimeUnit.SECONDS);
            long generation = dnsEndpoint(clusters).getMetadata().getGeneration();
            assertThat(confirmed.message()).endsWith("Confirmed by ExternalDNS (status.observedGeneration " + generation + ").");
        } finally {
            externalDns.shutdownNow();
        }

        // nobody publishes this one: the switch stops waiting and says so
        SwitchResult unconfirmed = sw.switchTo(PRIMARY);
        GenericKubernetesResource d = dnsEndpoint(clusters);
        assertThat(unconfirmed.changed()).isTrue();
        assertThat(unconfirmed.message()).endsWith("Not confirmed within 20s: ExternalDNS has observed generation "
                + observedGeneration(d) + ", not " + d.getMetadata().getGeneration() + " yet.");
    }

    private static void reportObservedGeneration(TestClusters clusters) {
        clusters.standby().genericKubernetesResources(DNS_ENDPOINTS).inNamespace(clusters.namespace()).withName("shop-dns")
                .editStatus(r -> {
                    r.setAdditionalProperty("status", Map.of("observedGeneration", r.getMetadata().getGeneration()));
                    return r;
                });
    }

    @SuppressWarnings("unchecked")
    private static long observedGeneration(GenericKubernetesResource d) {
        return ((Number) ((Map<String, Object>) d.getAdditionalProperties().get("status")).get("observedGeneration")).longValue();
    }

    @Test
    void externalDnsAppendsItsEndpointToAUserDnsEndpointWithoutTakingItOver(TestClusters clusters) throws Exception {
        clusters.standby().resource("""
                apiVersion: externaldns.k8s.io/v1alpha1
                kind: DNSEndpoint
                metadata:
                  name: shop-dns
                  namespace: %s
                  labels: {owner: team-shop}
                spec:
                  endpoints:
                  - dnsName: www.pilotlight.test
                    recordType: A
                    targets: [203.0.113.5]
                """.formatted(clusters.namespace())).create();
        TrafficSwitch sw = externalDnsSwitch(clusters, externalDns());
        assertThat(sw.current().detail()).contains("has no endpoint app.pilotlight.test");

        SwitchResult result = sw.switchTo(STANDBY);

        assertThat(result.changed()).isTrue();
        assertThat(result.message()).startsWith("Added app.pilotlight.test A");
        GenericKubernetesResource d = dnsEndpoint(clusters);
        assertThat(d.getMetadata().getLabels()).isEqualTo(Map.of("owner", "team-shop"));
        assertThat(endpoints(d)).hasSize(2);
        assertThat(endpoints(d).get(0)).containsEntry("dnsName", "www.pilotlight.test").containsEntry("targets", List.of("203.0.113.5"));
        assertThat(endpoints(d).get(1)).containsEntry("targets", List.of("198.51.100.20", "198.51.100.21"));
        assertThat(sw.current().location()).isEqualTo(TrafficState.Location.STANDBY);
    }

    @Test
    void externalDnsInAMissingNamespaceIsAClearError(TestClusters clusters) {
        ExternalDnsTraffic spec = externalDns();
        spec.setNamespace(clusters.namespace() + "-nope");
        TrafficSwitch sw = externalDnsSwitch(clusters, spec);

        assertThatThrownBy(() -> sw.switchTo(STANDBY))
                .isInstanceOfSatisfying(TrafficSwitchException.class, e -> assertThat(e.reason()).isEqualTo(TrafficSwitchException.NOT_FOUND))
                .hasMessageContaining("DNSEndpoint " + clusters.namespace() + "-nope/shop-dns")
                .hasMessageContaining("namespace");
    }

    private static GenericKubernetesResource dnsEndpoint(TestClusters clusters) {
        return clusters.standby().genericKubernetesResources(DNS_ENDPOINTS).inNamespace(clusters.namespace()).withName("shop-dns").get();
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> endpoints(GenericKubernetesResource r) {
        return (List<Map<String, Object>>) ((Map<String, Object>) r.getAdditionalProperties().get("spec")).get("endpoints");
    }

    // ---------------------------------------------------------------- Gateway API

    private static BackendRef backend(String name, int port) {
        BackendRef b = new BackendRef();
        b.setName(name);
        b.setPort(port);
        return b;
    }

    private static TrafficSwitch gatewaySwitch(TestClusters clusters, String route) {
        GatewayApiTraffic g = new GatewayApiTraffic();
        g.setHttpRouteName(route);
        g.setPrimaryBackend(backend("web-dc1", 8080));
        g.setStandbyBackend(backend("web-dc2", 8080));
        TrafficSpec traffic = new TrafficSpec();
        traffic.setGatewayAPI(g);
        return TrafficSwitches.create(traffic, clusters.namespace(), LABELS, clusters.primary(), clusters.primary());
    }

    private static void createRoute(TestClusters clusters, String name, String rules) {
        clusters.primary().resource("""
                apiVersion: gateway.networking.k8s.io/v1
                kind: HTTPRoute
                metadata:
                  name: %s
                  namespace: %s
                  annotations: {team: shop}
                spec:
                  parentRefs:
                  - name: public-gw
                    namespace: infra
                  hostnames: [shop.pilotlight.test]
                  userField: kept
                  rules:
                %s""".formatted(name, clusters.namespace(), rules.indent(2))).create();
    }

    private static final String TWO_RULES = """
            - name: app
              matches:
              - path: {type: PathPrefix, value: /}
              filters:
              - type: RequestHeaderModifier
                requestHeaderModifier:
                  add: [{name: x-site, value: any}]
              backendRefs:
              - name: web-dc1
                port: 8080
                weight: 5
              - name: web-dc2
                port: 8080
                weight: 0
              - name: web-dc2
                port: 9090
                weight: 7
            - name: static
              matches:
              - path: {type: PathPrefix, value: /static}
              backendRefs:
              - name: cdn
                port: 80
            """;

    @Test
    void gatewayApiFlipsOnlyTheWeightsOfTheTwoBackends(TestClusters clusters) throws Exception {
        createRoute(clusters, "shop", TWO_RULES);
        TrafficSwitch sw = gatewaySwitch(clusters, "shop");
        GenericKubernetesResource before = route(clusters, "shop");
        clusters.onFailure(() -> "HTTPRoute: " + route(clusters, "shop"));
        assertThat(sw.current().location()).isEqualTo(TrafficState.Location.PRIMARY);

        SwitchResult already = sw.switchTo(PRIMARY);
        assertThat(already.changed()).isFalse();
        assertThat(already.message()).contains("already", "Service " + clusters.namespace() + "/web-dc1:8080");

        SwitchResult result = sw.switchTo(STANDBY);

        assertThat(result.changed()).isTrue();
        assertThat(result.message()).contains("HTTPRoute " + clusters.namespace() + "/shop", "web-dc1 5->0", "web-dc2 0->1");
        GenericKubernetesResource after = route(clusters, "shop");
        assertThat(weights(after, 0)).containsExactly(0, 1, 7);
        assertThat(sw.current().location()).isEqualTo(TrafficState.Location.STANDBY);
        // everything but those two weights is as the user wrote it
        Map<String, Object> expected = spec(before);
        List<Map<String, Object>> refs = backendRefs(expected, 0);
        refs.get(0).put("weight", 0);
        refs.get(1).put("weight", 1);
        assertThat(spec(after)).isEqualTo(expected);
        assertThat(after.getMetadata().getAnnotations()).containsEntry("team", "shop");

        String version = after.getMetadata().getResourceVersion();
        assertThat(sw.switchTo(STANDBY).changed()).isFalse();
        assertThat(route(clusters, "shop").getMetadata().getResourceVersion()).isEqualTo(version);

        SwitchResult back = sw.switchTo(PRIMARY);
        assertThat(back.changed()).isTrue();
        assertThat(weights(route(clusters, "shop"), 0)).containsExactly(1, 0, 7);
        assertThat(sw.current().location()).isEqualTo(TrafficState.Location.PRIMARY);
    }

    @Test
    void gatewayApiMissingRouteIsAClearErrorAndNothingIsCreated(TestClusters clusters) {
        TrafficSwitch sw = gatewaySwitch(clusters, "absent");

        assertThatThrownBy(() -> sw.switchTo(STANDBY))
                .isInstanceOfSatisfying(TrafficSwitchException.class, e -> assertThat(e.reason()).isEqualTo(TrafficSwitchException.NOT_FOUND))
                .hasMessageContaining("HTTPRoute " + clusters.namespace() + "/absent does not exist")
                .hasMessageContaining("never creates");
        assertThat(route(clusters, "absent")).isNull();
    }

    @Test
    void gatewayApiRuleWithOneBackendIsRefusedAndNothingChanges(TestClusters clusters) {
        createRoute(clusters, "half", """
                - name: app
                  backendRefs:
                  - name: web-dc1
                    port: 8080
                  - name: web-dc2
                    port: 8080
                    weight: 0
                - name: api
                  backendRefs:
                  - name: web-dc1
                    port: 8080
                """);
        TrafficSwitch sw = gatewaySwitch(clusters, "half");
        String version = route(clusters, "half").getMetadata().getResourceVersion();

        assertThatThrownBy(() -> sw.switchTo(STANDBY))
                .isInstanceOfSatisfying(TrafficSwitchException.class,
                        e -> assertThat(e.reason()).isEqualTo(TrafficSwitchException.INVALID_OBJECT))
                .hasMessageContaining("rule 1 (\"api\") references the primary backend Service " + clusters.namespace() + "/web-dc1:8080")
                .hasMessageContaining("but not the standby backend Service " + clusters.namespace() + "/web-dc2:8080");
        assertThat(route(clusters, "half").getMetadata().getResourceVersion()).isEqualTo(version);
    }

    private static GenericKubernetesResource route(TestClusters clusters, String name) {
        return clusters.primary().genericKubernetesResources(HTTP_ROUTES).inNamespace(clusters.namespace()).withName(name).get();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> spec(GenericKubernetesResource r) {
        return (Map<String, Object>) r.getAdditionalProperties().get("spec");
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> backendRefs(Map<String, Object> spec, int rule) {
        return (List<Map<String, Object>>) ((List<Map<String, Object>>) spec.get("rules")).get(rule).get("backendRefs");
    }

    private static List<Object> weights(GenericKubernetesResource r, int rule) {
        return backendRefs(spec(r), rule).stream().map(b -> b.get("weight")).toList();
    }

    // ---------------------------------------------------------------- RFC 2136 (real BIND9)

    private static Rfc2136Traffic rfc2136(String zone, String name) {
        Rfc2136Traffic r = new Rfc2136Traffic();
        r.setServer(dns().host());
        r.setPort(dns().port());
        r.setZone(zone);
        r.setRecordName(name);
        r.setRecordType(DnsRecordType.A);
        r.setTtl(30);
        r.setPrimaryAddresses(List.of("192.0.2.10"));
        r.setStandbyAddresses(List.of("198.51.100.20", "198.51.100.21"));
        TsigSecretRef ref = new TsigSecretRef();
        ref.setName("dns-key");
        r.setTsigSecretRef(ref);
        return r;
    }

    private static void tsigSecret(TestClusters clusters, String keyName, String secret) {
        clusters.standby().resource(new SecretBuilder().withNewMetadata().withName("dns-key").withNamespace(clusters.namespace()).endMetadata()
                .addToStringData("keyName", keyName).addToStringData("secret", secret).build()).create();
    }

    private static TrafficSwitch rfc2136Switch(TestClusters clusters, Rfc2136Traffic spec) {
        TrafficSpec traffic = new TrafficSpec();
        traffic.setRfc2136(spec);
        return TrafficSwitches.create(traffic, clusters.namespace(), LABELS, clusters.standby(), clusters.standby());
    }

    private static String randomSecret() {
        byte[] b = new byte[32];
        new SecureRandom().nextBytes(b);
        return Base64.getEncoder().encodeToString(b);
    }

    @Test
    void rfc2136UpdatesTheRecordOnBind9AndAQueryAnswersTheStandby(TestClusters clusters) throws Exception {
        tsigSecret(clusters, dns().keyName(), dns().secret());
        TrafficSwitch sw = rfc2136Switch(clusters, rfc2136("pilotlight.test", "app.pilotlight.test"));
        clusters.onFailure(() -> "named log:\n" + dns().logTail(30));
        assertThat(sw.current().location()).isEqualTo(TrafficState.Location.PRIMARY);

        SwitchResult result = sw.switchTo(STANDBY);

        assertThat(result.changed()).isTrue();
        assertThat(result.message()).contains("Updated DNS record app.pilotlight.test A on 127.0.0.1:" + dns().port(),
                "[198.51.100.20, 198.51.100.21] (TTL 30)", "standby site \"dc2\"", "was [192.0.2.10] (TTL 60)");
        assertThat(dns().query("app.pilotlight.test", Type.A)).containsExactlyInAnyOrder("198.51.100.20", "198.51.100.21");
        assertThat(sw.current().location()).isEqualTo(TrafficState.Location.STANDBY);
        assertThat(dns().logTail(20)).contains("key " + dns().keyName() + ": updating zone 'pilotlight.test/IN'");

        SwitchResult again = sw.switchTo(STANDBY);
        assertThat(again.changed()).isFalse();
        assertThat(again.message()).contains("already answers [198.51.100.20, 198.51.100.21] (TTL 30)", "nothing to change");

        assertThat(sw.switchTo(PRIMARY).changed()).isTrue();
        assertThat(dns().query("app.pilotlight.test", Type.A)).containsExactly("192.0.2.10");
        assertThat(sw.current().location()).isEqualTo(TrafficState.Location.PRIMARY);
        assertThat(result.message() + again.message()).doesNotContain(dns().secret());
    }

    @Test
    void rfc2136WrongSecretIsRefusedClearlyWithoutLeakingItAndTheRecordStays(TestClusters clusters) {
        String wrong = randomSecret();
        tsigSecret(clusters, dns().keyName(), wrong);
        TrafficSwitch sw = rfc2136Switch(clusters, rfc2136("pilotlight.test", "badsig.pilotlight.test"));

        TrafficSwitchException e = catchSwitch(sw);

        assertThat(e.reason()).isEqualTo(TrafficSwitchException.NOT_AUTHORIZED);
        assertThat(e.getMessage()).contains("the server refused the TSIG key \"" + dns().keyName() + ".\"", "BADSIG",
                "Secret " + clusters.namespace() + "/dns-key");
        assertThat(everything(e)).doesNotContain(wrong).doesNotContain(dns().secret());
        assertThat(dns().query("badsig.pilotlight.test", Type.A)).containsExactly("192.0.2.10");
    }

    @Test
    void rfc2136UnknownKeyAndReadOnlyZoneAreNamed(TestClusters clusters) {
        tsigSecret(clusters, "no-such-key", dns().secret());
        TrafficSwitchException badKey = catchSwitch(rfc2136Switch(clusters, rfc2136("pilotlight.test", "badkey.pilotlight.test")));
        assertThat(badKey.reason()).isEqualTo(TrafficSwitchException.NOT_AUTHORIZED);
        assertThat(badKey.getMessage()).contains("refused the TSIG key \"no-such-key.\"", "BADKEY");
        assertThat(dns().query("badkey.pilotlight.test", Type.A)).containsExactly("192.0.2.10");

        clusters.standby().secrets().inNamespace(clusters.namespace()).withName("dns-key").delete();
        clusters.await("Secret deleted", Duration.ofSeconds(30),
                () -> assertThat(clusters.standby().secrets().inNamespace(clusters.namespace()).withName("dns-key").get()).isNull());
        tsigSecret(clusters, dns().keyName(), dns().secret());
        TrafficSwitchException refused = catchSwitch(rfc2136Switch(clusters, rfc2136("locked.test", "app.locked.test")));
        assertThat(refused.reason()).isEqualTo(TrafficSwitchException.REFUSED);
        assertThat(refused.getMessage()).contains("updates to zone locked.test. are refused");
        assertThat(everything(badKey) + everything(refused)).doesNotContain(dns().secret());
    }

    @Test
    void rfc2136MissingSecretAndSilentServerAreClearErrors(TestClusters clusters) throws Exception {
        TrafficSwitchException noSecret = catchSwitch(rfc2136Switch(clusters, rfc2136("pilotlight.test", "app.pilotlight.test")));
        assertThat(noSecret.reason()).isEqualTo(TrafficSwitchException.SECRET_INVALID);
        assertThat(noSecret.getMessage()).contains("Secret " + clusters.namespace() + "/dns-key", "does not exist");

        Rfc2136Traffic silent = rfc2136("pilotlight.test", "app.pilotlight.test");
        try (java.net.DatagramSocket blackHole = new java.net.DatagramSocket(0, java.net.InetAddress.getLoopbackAddress())) {
            silent.setPort(blackHole.getLocalPort());
            Rfc2136Switch sw = new Rfc2136Switch(silent, java.util.Optional::empty).withTimeout(Duration.ofMillis(300), 2);
            long start = System.nanoTime();
            assertThatThrownBy(() -> sw.switchTo(STANDBY))
                    .isInstanceOfSatisfying(TrafficSwitchException.class, e -> assertThat(e.reason()).isEqualTo(TrafficSwitchException.UNREACHABLE))
                    .hasMessageContaining("did not answer the query for app.pilotlight.test A (2 attempts");
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
        }
    }

    private static TrafficSwitchException catchSwitch(TrafficSwitch sw) {
        try {
            SwitchResult r = sw.switchTo(STANDBY);
            throw new AssertionError("the switch should have failed but said: " + r.message());
        } catch (TrafficSwitchException e) {
            return e;
        }
    }

    /** The exception as a log would print it: message, causes and stack. */
    private static String everything(Throwable t) {
        StringWriter out = new StringWriter();
        t.printStackTrace(new PrintWriter(out));
        return out.toString();
    }
}
