package io.pilotlight.traffic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.pilotlight.api.v1alpha1.DisasterRecoveryPlan;
import io.pilotlight.api.v1alpha1.DisasterRecoveryPlanSpec;
import io.pilotlight.api.v1alpha1.plan.BackendRef;
import io.pilotlight.api.v1alpha1.plan.ExternalDnsTraffic;
import io.pilotlight.api.v1alpha1.plan.GatewayApiTraffic;
import io.pilotlight.api.v1alpha1.plan.Rfc2136Traffic;
import io.pilotlight.api.v1alpha1.plan.SiteSpec;
import io.pilotlight.api.v1alpha1.plan.TrafficSpec;
import io.pilotlight.api.v1alpha1.plan.TsigAlgorithm;
import io.pilotlight.api.v1alpha1.plan.TsigSecretRef;
import io.pilotlight.core.SiteRole;
import io.pilotlight.core.clusters.SiteClients;
import io.pilotlight.testsupport.TestSettings;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.xbill.DNS.TSIG;

/** The factory, the no-op switch, targets, and reading the TSIG key: everything without a server. */
class TrafficProvidersTest {

    /** Never used to connect: the switches only keep it. */
    private static final KubernetesClient CLIENT = new KubernetesClientBuilder().build();
    private static final String SECRET = "c2VjcmV0LXNlY3JldC1zZWNyZXQtc2VjcmV0LTEyMzQ=";

    @AfterAll
    static void close() {
        CLIENT.close();
    }

    private static TrafficSwitch create(TrafficSpec traffic) {
        return TrafficSwitches.create(traffic, "shop", Map.of(), CLIENT, CLIENT);
    }

    @Test
    void theFactoryPicksTheConfiguredProvider() {
        assertThat(create(null)).isInstanceOf(NoTrafficSwitch.class);
        assertThat(create(new TrafficSpec())).isInstanceOf(NoTrafficSwitch.class);

        TrafficSpec e = new TrafficSpec();
        ExternalDnsTraffic dns = new ExternalDnsTraffic();
        dns.setDnsEndpointName("shop-dns");
        e.setExternalDNS(dns);
        assertThat(create(e)).isInstanceOf(ExternalDnsSwitch.class).extracting(TrafficSwitch::describe).isEqualTo("DNSEndpoint shop/shop-dns");
        dns.setNamespace("dns");
        assertThat(create(e).describe()).isEqualTo("DNSEndpoint dns/shop-dns");

        TrafficSpec g = new TrafficSpec();
        GatewayApiTraffic gw = new GatewayApiTraffic();
        gw.setHttpRouteName("web");
        gw.setPrimaryBackend(new BackendRef());
        gw.setStandbyBackend(new BackendRef());
        g.setGatewayAPI(gw);
        assertThat(create(g)).isInstanceOf(GatewayApiSwitch.class).extracting(TrafficSwitch::describe).isEqualTo("HTTPRoute shop/web");

        TrafficSpec r = new TrafficSpec();
        Rfc2136Traffic rfc = new Rfc2136Traffic();
        rfc.setServer("2001:db8::53");
        rfc.setRecordName("app.example.com");
        r.setRfc2136(rfc);
        assertThat(create(r)).isInstanceOf(Rfc2136Switch.class).extracting(TrafficSwitch::describe)
                .isEqualTo("DNS record app.example.com A on [2001:db8::53]:53");
    }

    @Test
    void forPlanUsesThePlansNamespaceAndLabels() {
        DisasterRecoveryPlan plan = new DisasterRecoveryPlan();
        ObjectMeta meta = new ObjectMeta();
        meta.setName("p");
        meta.setNamespace("ops");
        plan.setMetadata(meta);
        DisasterRecoveryPlanSpec spec = new DisasterRecoveryPlanSpec();
        TrafficSpec traffic = new TrafficSpec();
        ExternalDnsTraffic dns = new ExternalDnsTraffic();
        dns.setDnsEndpointName("d");
        traffic.setExternalDNS(dns);
        spec.setTraffic(traffic);
        SiteSpec standby = new SiteSpec();
        standby.setName("dc2");
        spec.setStandby(standby);
        plan.setSpec(spec);
        var settings = TestSettings.with(Map.of("pilotlight.security.trusted-namespaces", "ops"));
        assertThat(new TrafficSwitches(CLIENT, new SiteClients(CLIENT, settings)).forPlan(plan).describe()).isEqualTo("DNSEndpoint ops/d");
        assertThat(TrafficTarget.of(plan, SiteRole.STANDBY)).isEqualTo(TrafficTarget.standby("dc2"));
        assertThat(TrafficTarget.of(plan, SiteRole.PRIMARY).describe()).isEqualTo("primary site \"primary\"");
    }

    @Test
    void noProviderChangesNothingAndSaysSo() throws Exception {
        TrafficSwitch none = create(null);
        SwitchResult r = none.switchTo(TrafficTarget.standby("dc2"));
        assertThat(r.changed()).isFalse();
        assertThat(r.message()).startsWith("no traffic provider configured").contains("standby site \"dc2\"");
        assertThat(none.current().location()).isEqualTo(TrafficState.Location.NOT_MANAGED);
        assertThat(none.current().site()).isEmpty();
    }

    private static TsigSecretRef ref() {
        TsigSecretRef ref = new TsigSecretRef();
        ref.setName("dns-key");
        return ref;
    }

    private static Map<String, String> data(String keyName, String secret) {
        Map<String, String> data = new HashMap<>();
        if (keyName != null) {
            data.put("keyName", b64(keyName));
        }
        if (secret != null) {
            data.put("secret", b64(secret));
        }
        return data;
    }

    private static String b64(String s) {
        return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }

    @ParameterizedTest
    @EnumSource(TsigAlgorithm.class)
    void everyAlgorithmOfTheApiMapsToDnsjava(TsigAlgorithm algorithm) throws Exception {
        TsigKey key = SecretTsigKeys.fromData(data("pl-key", SECRET + "\n"), ref(), algorithm, "Secret shop/dns-key");
        assertThat(key.algorithm()).isEqualTo(algorithm);
        assertThat(TSIG.algorithmToName(algorithm.value())).as("dnsjava knows " + algorithm).isNotNull();
        assertThat(key.name().toString()).isEqualTo("pl-key.");
        assertThat(key.toString()).isEqualTo("TSIG key \"pl-key.\" (" + algorithm.value() + ") from Secret shop/dns-key").doesNotContain(SECRET);
    }

    @Test
    void customKeysOfTheSecretAreRead() throws Exception {
        TsigSecretRef ref = ref();
        ref.setKeyNameKey("name");
        ref.setSecretKey("tsig");
        TsigKey key = SecretTsigKeys.fromData(Map.of("name", b64("k"), "tsig", b64(SECRET)), ref, null, "Secret shop/dns-key");
        assertThat(key.algorithm()).isEqualTo(TsigAlgorithm.HMAC_SHA256);
    }

    @Test
    void badSecretsAreNamedWithoutTheirValue() {
        assertThatThrownBy(() -> SecretTsigKeys.fromData(data("k", null), ref(), null, "Secret shop/dns-key"))
                .isInstanceOfSatisfying(TrafficSwitchException.class, e -> assertThat(e.reason()).isEqualTo(TrafficSwitchException.SECRET_INVALID))
                .hasMessage("The TSIG Secret shop/dns-key has no key \"secret\".");
        assertThatThrownBy(() -> SecretTsigKeys.fromData(data(null, SECRET), ref(), null, "Secret shop/dns-key"))
                .hasMessage("The TSIG Secret shop/dns-key has no key \"keyName\".");
        String notBase64 = "pa$$word-not-base64!";
        assertThatThrownBy(() -> SecretTsigKeys.fromData(data("k", notBase64), ref(), null, "Secret shop/dns-key"))
                .hasMessageStartingWith("The value of key \"secret\" in the TSIG Secret shop/dns-key is not a base64 TSIG secret")
                .hasNoCause()
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("pa$$").doesNotContain("!"));
        assertThatThrownBy(() -> SecretTsigKeys.fromData(data("k", "   "), ref(), null, "Secret shop/dns-key"))
                .hasMessage("The key \"secret\" of the TSIG Secret shop/dns-key is empty.");
        assertThatThrownBy(() -> SecretTsigKeys.fromData(data("bad..name", SECRET), ref(), null, "Secret shop/dns-key"))
                .hasMessage("The value of key \"keyName\" in the TSIG Secret shop/dns-key is not a valid TSIG key name.");
    }

    @Test
    void targetsAndStates() {
        assertThat(TrafficTarget.primary(null).siteName()).isEqualTo("primary");
        assertThat(SiteRole.PRIMARY.other()).isEqualTo(SiteRole.STANDBY);
        assertThat(TrafficState.at(SiteRole.STANDBY, "x").isAt(SiteRole.STANDBY)).isTrue();
        assertThat(TrafficState.unknown("x").site()).isEmpty();
        assertThat(List.of(SwitchResult.changed("a").changed(), SwitchResult.unchanged("b").changed())).containsExactly(true, false);
    }
}
