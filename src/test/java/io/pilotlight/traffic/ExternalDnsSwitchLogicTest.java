package io.pilotlight.traffic;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.pilotlight.api.v1alpha1.plan.DnsRecordType;
import io.pilotlight.api.v1alpha1.plan.ExternalDnsTraffic;
import io.pilotlight.core.SiteRole;
import io.pilotlight.traffic.externaldns.DNSEndpoint;
import io.pilotlight.traffic.externaldns.DNSEndpointSpec;
import io.pilotlight.traffic.externaldns.Endpoint;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ExternalDnsSwitchLogicTest {

    private static ExternalDnsTraffic spec() {
        ExternalDnsTraffic e = new ExternalDnsTraffic();
        e.setDnsEndpointName("shop-dns");
        e.setRecordName("App.Example.com.");
        e.setPrimaryTargets(List.of("192.0.2.1"));
        e.setStandbyTargets(List.of("198.51.100.1", "198.51.100.2"));
        return e;
    }

    private static Endpoint endpoint(String name, String type, String setId, List<String> targets) {
        Endpoint e = new Endpoint();
        e.setDnsName(name);
        e.setRecordType(type);
        e.setSetIdentifier(setId);
        e.setTargets(targets);
        return e;
    }

    @Test
    void desiredEndpointUsesTheSpecDefaultsAndTheSiteTargets() {
        Endpoint standby = ExternalDnsSwitch.desiredEndpoint(spec(), SiteRole.STANDBY);
        assertThat(standby.getDnsName()).isEqualTo("App.Example.com");
        assertThat(standby.getRecordType()).isEqualTo("A");
        assertThat(standby.getRecordTTL()).isEqualTo(60L);
        assertThat(standby.getTargets()).containsExactly("198.51.100.1", "198.51.100.2");

        ExternalDnsTraffic cname = spec();
        cname.setRecordType(DnsRecordType.CNAME);
        cname.setTtl(5);
        cname.setPrimaryTargets(List.of("lb-dc1.example.net"));
        Endpoint primary = ExternalDnsSwitch.desiredEndpoint(cname, SiteRole.PRIMARY);
        assertThat(primary.getRecordType()).isEqualTo("CNAME");
        assertThat(primary.getRecordTTL()).isEqualTo(5L);
        assertThat(primary.getTargets()).containsExactly("lb-dc1.example.net");
    }

    @Test
    void newDnsEndpointIsLabelledAndHoldsOnlyOurEndpoint() {
        Endpoint ep = ExternalDnsSwitch.desiredEndpoint(spec(), SiteRole.PRIMARY);
        DNSEndpoint d = ExternalDnsSwitch.newDnsEndpoint(spec(), "shop", Map.of("app.kubernetes.io/managed-by", "pilotlight"), ep);
        JsonNode json = Serialization.jsonMapper().valueToTree(d);
        assertThat(json.at("/apiVersion").asText()).isEqualTo("externaldns.k8s.io/v1alpha1");
        assertThat(json.at("/kind").asText()).isEqualTo("DNSEndpoint");
        assertThat(json.at("/metadata/namespace").asText()).isEqualTo("shop");
        assertThat(json.at("/metadata/labels/app.kubernetes.io~1managed-by").asText()).isEqualTo("pilotlight");
        assertThat(json.at("/spec/endpoints")).hasSize(1);
        assertThat(json.at("/spec/endpoints/0/recordTTL").asLong()).isEqualTo(60);
        assertThat(json.at("/spec/endpoints/0/setIdentifier").isMissingNode()).isTrue();
    }

    @Test
    void indexOfMatchesNameCaseAndDotInsensitivelyWithOurTypeAndNoSetIdentifier() {
        List<Endpoint> eps = List.of(
                endpoint("app.example.com", "A", "weighted-1", List.of("1.1.1.1")),
                endpoint("app.example.com", "TXT", null, List.of("x")),
                endpoint("other.example.com", "A", null, List.of("1.1.1.1")),
                endpoint("APP.example.com.", "A", "", List.of("192.0.2.1")));
        assertThat(ExternalDnsSwitch.indexOf(eps, "app.example.com", DnsRecordType.A)).isEqualTo(3);
        assertThat(ExternalDnsSwitch.indexOf(eps, "app.example.com", DnsRecordType.CNAME)).isEqualTo(-1);
        assertThat(ExternalDnsSwitch.indexOf(List.of(endpoint("app.example.com", null, null, List.of())), "app.example.com.", DnsRecordType.AAAA))
                .isZero();
    }

    @Test
    void matchesComparesTargetsAsSetsAndTypeAndTtl() {
        Endpoint desired = ExternalDnsSwitch.desiredEndpoint(spec(), SiteRole.STANDBY);
        Endpoint current = endpoint("app.example.com", "A", null, List.of("198.51.100.2", "198.51.100.1"));
        current.setRecordTTL(60L);
        assertThat(ExternalDnsSwitch.matches(current, desired)).isTrue();
        current.setRecordTTL(300L);
        assertThat(ExternalDnsSwitch.matches(current, desired)).isFalse();
        current.setRecordTTL(60L);
        current.setTargets(List.of("198.51.100.1"));
        assertThat(ExternalDnsSwitch.matches(current, desired)).isFalse();
    }

    @Test
    void stateTellsTheSiteFromTheTargets() {
        assertThat(ExternalDnsSwitch.stateOf(spec(), "d", List.of("192.0.2.1")).location()).isEqualTo(TrafficState.Location.PRIMARY);
        assertThat(ExternalDnsSwitch.stateOf(spec(), "d", List.of("198.51.100.2", "198.51.100.1")).location()).isEqualTo(TrafficState.Location.STANDBY);
        TrafficState other = ExternalDnsSwitch.stateOf(spec(), "d", List.of("203.0.113.9"));
        assertThat(other.location()).isEqualTo(TrafficState.Location.UNKNOWN);
        assertThat(other.detail()).contains("[203.0.113.9]", "neither the primary's [192.0.2.1]");
    }

    @Test
    void patchesAreGuardedByTheResourceVersionAndTouchOnlyOurEndpoint() throws Exception {
        DNSEndpoint read = new DNSEndpoint();
        ObjectMeta meta = new ObjectMeta();
        meta.setResourceVersion("42");
        read.setMetadata(meta);
        DNSEndpointSpec s = new DNSEndpointSpec();
        s.setEndpoints(new ArrayList<>(List.of(endpoint("www.example.com", "A", null, List.of("1.1.1.1")),
                endpoint("app.example.com", "A", null, List.of("192.0.2.1")))));
        read.setSpec(s);
        Endpoint desired = ExternalDnsSwitch.desiredEndpoint(spec(), SiteRole.STANDBY);

        JsonNode replace = Serialization.jsonMapper().readTree(ExternalDnsSwitch.replacePatch(read, 1, desired));
        assertThat(replace.toString()).isEqualTo("[{\"op\":\"test\",\"path\":\"/metadata/resourceVersion\",\"value\":\"42\"},"
                + "{\"op\":\"test\",\"path\":\"/spec/endpoints/1/dnsName\",\"value\":\"app.example.com\"},"
                + "{\"op\":\"add\",\"path\":\"/spec/endpoints/1/targets\",\"value\":[\"198.51.100.1\",\"198.51.100.2\"]},"
                + "{\"op\":\"add\",\"path\":\"/spec/endpoints/1/recordType\",\"value\":\"A\"},"
                + "{\"op\":\"add\",\"path\":\"/spec/endpoints/1/recordTTL\",\"value\":60}]");

        JsonNode append = Serialization.jsonMapper().readTree(ExternalDnsSwitch.appendPatch(read, desired));
        assertThat(append.get(1).get("path").asText()).isEqualTo("/spec/endpoints/-");
        assertThat(append.get(1).at("/value/dnsName").asText()).isEqualTo("App.Example.com");

        read.setSpec(null);
        JsonNode noSpec = Serialization.jsonMapper().readTree(ExternalDnsSwitch.appendPatch(read, desired));
        assertThat(noSpec.get(1).get("path").asText()).isEqualTo("/spec");
        assertThat(noSpec.get(1).at("/value/endpoints")).hasSize(1);
    }

    @Test
    void theModelKeepsFieldsItDoesNotKnow() throws Exception {
        String json = """
                {"apiVersion":"externaldns.k8s.io/v1alpha1","kind":"DNSEndpoint","metadata":{"name":"x"},
                 "spec":{"endpoints":[{"dnsName":"a.example.com","recordType":"A","targets":["192.0.2.1"],"recordTTL":30,
                   "labels":{"owner":"me"},"providerSpecific":[{"name":"aws/weight","value":"10","extra":true}],"future":{"x":1}}],
                   "specFuture":"y"},
                 "status":{"observedGeneration":3,"statusFuture":"z"}}""";
        DNSEndpoint d = Serialization.jsonMapper().readValue(json, DNSEndpoint.class);
        assertThat(d.getSpec().getEndpoints().get(0).getProviderSpecific().get(0).getValue()).isEqualTo("10");
        assertThat(d.getStatus().getObservedGeneration()).isEqualTo(3L);
        JsonNode back = Serialization.jsonMapper().valueToTree(d);
        assertThat(back.toString()).isEqualTo(Serialization.jsonMapper().readTree(json).toString());
    }
}
