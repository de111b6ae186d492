package io.pilotlight.traffic;

import static org.assertj.core.api.Assertions.assertThat;

import io.pilotlight.api.v1alpha1.plan.DnsRecordType;
import io.pilotlight.api.v1alpha1.plan.ExternalDnsTraffic;
import io.pilotlight.api.v1alpha1.plan.Rfc2136Traffic;
import io.pilotlight.api.v1alpha1.plan.TrafficSpec;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TrafficValidationTest {

    private static TrafficSpec externalDns(DnsRecordType type, List<String> primary, List<String> standby) {
        ExternalDnsTraffic e = new ExternalDnsTraffic();
        e.setDnsEndpointName("shop");
        e.setRecordName("app.example.com");
        e.setRecordType(type);
        e.setPrimaryTargets(primary);
        e.setStandbyTargets(standby);
        TrafficSpec t = new TrafficSpec();
        t.setExternalDNS(e);
        return t;
    }

    private static TrafficSpec rfc2136(DnsRecordType type, String server, String zone, String name, List<String> primary, List<String> standby) {
        Rfc2136Traffic r = new Rfc2136Traffic();
        r.setServer(server);
        r.setZone(zone);
        r.setRecordName(name);
        r.setRecordType(type);
        r.setPrimaryAddresses(primary);
        r.setStandbyAddresses(standby);
        TrafficSpec t = new TrafficSpec();
        t.setRfc2136(r);
        return t;
    }

    @Test
    void noTrafficAndValidSectionsHaveNoProblems() {
        assertThat(TrafficValidation.problems(null)).isEmpty();
        assertThat(TrafficValidation.problems(new TrafficSpec())).isEmpty();
        assertThat(TrafficValidation.problems(externalDns(DnsRecordType.A, List.of("192.0.2.1", "192.0.2.2"), List.of("198.51.100.1")))).isEmpty();
        assertThat(TrafficValidation.problems(externalDns(null, List.of("192.0.2.1"), List.of("198.51.100.1")))).isEmpty();
        assertThat(TrafficValidation.problems(externalDns(DnsRecordType.AAAA, List.of("2001:db8::1"), List.of("2001:db8:0:0:0:0:0:2", "::ffff:192.0.2.1")))).isEmpty();
        assertThat(TrafficValidation.problems(externalDns(DnsRecordType.CNAME, List.of("lb-dc1.example.com"), List.of("lb-dc2.example.com.")))).isEmpty();
        assertThat(TrafficValidation.problems(rfc2136(DnsRecordType.A, "ns1.example.com", "example.com", "app.example.com",
                List.of("192.0.2.1"), List.of("198.51.100.1")))).isEmpty();
        assertThat(TrafficSwitches.problems(rfc2136(DnsRecordType.A, "2001:db8::53", "example.com", "example.com",
                List.of("192.0.2.1"), List.of("198.51.100.1")))).isEmpty();
    }

    @Test
    void aTargetsMustBeIPv4AddressesAndTheSentenceNamesTheField() {
        assertThat(TrafficValidation.problems(externalDns(DnsRecordType.A, List.of("192.0.2.300"), List.of("198.51.100.1", "2001:db8::1", "lb.example.com"))))
                .containsExactly(
                        "spec.traffic.externalDNS.primaryTargets[0] \"192.0.2.300\" is not an IPv4 address (recordType A).",
                        "spec.traffic.externalDNS.standbyTargets[1] \"2001:db8::1\" is not an IPv4 address: it is an IPv6 address, which needs recordType AAAA (recordType A).",
                        "spec.traffic.externalDNS.standbyTargets[2] \"lb.example.com\" is not an IPv4 address: it is a host name, which needs recordType CNAME (recordType A).");
    }

    @Test
    void aaaaAndCnameDataAreChecked() {
        assertThat(TrafficValidation.problems(externalDns(DnsRecordType.AAAA, List.of("192.0.2.1"), List.of("2001:db8::1::2"))))
                .containsExactly(
                        "spec.traffic.externalDNS.primaryTargets[0] \"192.0.2.1\" is not an IPv6 address: it is an IPv4 address, which needs recordType A (recordType AAAA).",
                        "spec.traffic.externalDNS.standbyTargets[0] \"2001:db8::1::2\" is not an IPv6 address (recordType AAAA).");
        assertThat(TrafficValidation.problems(rfc2136(DnsRecordType.CNAME, "ns1.example.com", "example.com", "app.example.com",
                List.of("192.0.2.1"), List.of("-bad-.example.com"))))
                .containsExactly(
                        "spec.traffic.rfc2136.primaryAddresses[0] \"192.0.2.1\" is not a host name: it is an IP address, which needs recordType A or AAAA (recordType CNAME).",
                        "spec.traffic.rfc2136.standbyAddresses[0] \"-bad-.example.com\" is not a host name (recordType CNAME).");
    }

    @Test
    void sameDataInAnotherOrderOrSpellingIsCaughtAndDuplicatesToo() {
        assertThat(TrafficValidation.problems(externalDns(DnsRecordType.A, List.of("192.0.2.1", "192.0.2.2"), List.of("192.0.2.2", "192.0.2.1"))))
                .containsExactly("spec.traffic.externalDNS.primaryTargets and spec.traffic.externalDNS.standbyTargets hold the same addresses: switching traffic would change nothing.");
        assertThat(TrafficValidation.problems(rfc2136(DnsRecordType.AAAA, "ns1", "example.com", "app.example.com",
                List.of("2001:db8::1"), List.of("2001:DB8:0::1"))))
                .containsExactly("spec.traffic.rfc2136.primaryAddresses and spec.traffic.rfc2136.standbyAddresses hold the same addresses: switching traffic would change nothing.");
        assertThat(TrafficValidation.problems(externalDns(DnsRecordType.A, List.of("192.0.2.1", "192.0.2.1"), List.of("192.0.2.2"))))
                .containsExactly("spec.traffic.externalDNS.primaryTargets[1] \"192.0.2.1\" is listed twice in spec.traffic.externalDNS.primaryTargets.");
    }

    @Test
    void rfc2136ServerAndApexCname() {
        assertThat(TrafficValidation.problems(rfc2136(DnsRecordType.CNAME, "ns 1", "example.com", "Example.com.",
                List.of("a.example.net"), List.of("b.example.net"))))
                .containsExactly(
                        "spec.traffic.rfc2136.server \"ns 1\" is neither a host name nor an IP address.",
                        "spec.traffic.rfc2136.recordName \"Example.com.\" is the zone's apex, which cannot hold a CNAME record"
                                + " (it has the zone's SOA and NS records): use a name inside the zone or an A/AAAA record.");
    }

    @ParameterizedTest
    @ValueSource(strings = { "", "1.2.3", "1.2.3.4.5", "01.2.3.4", "1.2.3.256", "1.2.3.-4", " 1.2.3.4", "1.2.3.4 ", "a.b.c.d", "1..3.4" })
    void notIPv4(String s) {
        assertThat(DnsValues.isIPv4(s)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = { "0.0.0.0", "192.0.2.1", "255.255.255.255", "10.0.0.10" })
    void ipv4(String s) {
        assertThat(DnsValues.isIPv4(s)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = { "::1", "2001:db8::1", "fe80::1:2:3:4", "::ffff:192.0.2.1", "2001:0db8:0000:0000:0000:0000:0000:0001" })
    void ipv6(String s) {
        assertThat(DnsValues.isIPv6(s)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = { "2001:db8::1%eth0", "[2001:db8::1]", "2001:db8::g", "1:2:3:4:5:6:7:8:9", "192.0.2.1", "example.com" })
    void notIPv6(String s) {
        assertThat(DnsValues.isIPv6(s)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = { "example.com", "lb-1.eu.example.com.", "_svc.example.com", "localhost", "a1" })
    void hostnames(String s) {
        assertThat(DnsValues.isHostname(s)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = { "", ".", "a..b", "192.0.2.300", "1.2.3", "example.123", "-a.example.com", "a-.example.com", "a b.example.com", "192.0.2.1", "::1", "é.example.com" })
    void notHostnames(String s) {
        assertThat(DnsValues.isHostname(s)).isFalse();
    }

    @Test
    void hostnameLengthLimits() {
        assertThat(DnsValues.isHostname("a".repeat(63) + ".com")).isTrue();
        assertThat(DnsValues.isHostname("a".repeat(64) + ".com")).isFalse();
        String long253 = ("a".repeat(61) + ".").repeat(4) + "a".repeat(5); // 4*62 + 5 = 253
        assertThat(long253).hasSize(253);
        assertThat(DnsValues.isHostname(long253)).isTrue();
        assertThat(DnsValues.isHostname(long253 + "a")).isFalse();
    }
}
