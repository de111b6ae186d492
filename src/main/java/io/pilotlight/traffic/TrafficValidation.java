package io.pilotlight.traffic;

import io.pilotlight.api.v1alpha1.plan.DnsRecordType;
import io.pilotlight.api.v1alpha1.plan.ExternalDnsTraffic;
import io.pilotlight.api.v1alpha1.plan.Rfc2136Traffic;
import io.pilotlight.api.v1alpha1.plan.TrafficSpec;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What the CRD schema and its CEL rules cannot check in {@code spec.traffic}: that record data fits the
 * record type (IP address syntax for A and AAAA, a host name for CNAME), that the two sites' data
 * differ as sets (CEL compares lists, so a reordered list passes), that the DNS server is a host name
 * or an address, and that a CNAME is not put at a zone's apex. The plan reconciler reports these in a
 * condition; each problem is a sentence naming the field.
 */
public final class TrafficValidation {

    private static final String BASE = "spec.traffic";

    private TrafficValidation() {
    }

    /** Problems of the traffic section; empty when there is none (or no traffic section at all). */
    public static List<String> problems(TrafficSpec traffic) {
        List<String> out = new ArrayList<>();
        if (traffic == null) {
            return out;
        }
        if (traffic.getExternalDNS() != null) {
            ExternalDnsTraffic e = traffic.getExternalDNS();
            String path = BASE + ".externalDNS";
            DnsRecordType type = e.getRecordType() == null ? DnsRecordType.A : e.getRecordType();
            checkData(out, path, "primaryTargets", type, e.getPrimaryTargets());
            checkData(out, path, "standbyTargets", type, e.getStandbyTargets());
            checkDistinct(out, path, "primaryTargets", "standbyTargets", type, e.getPrimaryTargets(), e.getStandbyTargets());
        }
        if (traffic.getRfc2136() != null) {
            Rfc2136Traffic r = traffic.getRfc2136();
            String path = BASE + ".rfc2136";
            DnsRecordType type = r.getRecordType() == null ? DnsRecordType.A : r.getRecordType();
            if (r.getServer() != null && !(DnsValues.isIPv4(r.getServer()) || DnsValues.isIPv6(r.getServer()) || DnsValues.isHostname(r.getServer()))) {
                out.add(path + ".server \"" + r.getServer() + "\" is neither a host name nor an IP address.");
            }
            checkData(out, path, "primaryAddresses", type, r.getPrimaryAddresses());
            checkData(out, path, "standbyAddresses", type, r.getStandbyAddresses());
            checkDistinct(out, path, "primaryAddresses", "standbyAddresses", type, r.getPrimaryAddresses(), r.getStandbyAddresses());
            if (type == DnsRecordType.CNAME && r.getRecordName() != null && r.getZone() != null
                    && DnsValues.fqdn(r.getRecordName()).equals(DnsValues.fqdn(r.getZone()))) {
                out.add(path + ".recordName \"" + r.getRecordName() + "\" is the zone's apex, which cannot hold a CNAME record"
                        + " (it has the zone's SOA and NS records): use a name inside the zone or an A/AAAA record.");
            }
        }
        return out;
    }

    private static void checkData(List<String> out, String path, String field, DnsRecordType type, List<String> values) {
        if (values == null) {
            return;
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < values.size(); i++) {
            String v = values.get(i);
            String where = path + "." + field + "[" + i + "]";
            if (v == null || !DnsValues.isValid(type, v.trim()) || !v.equals(v.trim())) {
                out.add(where + " \"" + v + "\" is not " + DnsValues.expected(type) + hint(type, v) + " (recordType " + type + ").");
            } else if (!seen.add(DnsValues.canonical(type, v))) {
                out.add(where + " \"" + v + "\" is listed twice in " + path + "." + field + ".");
            }
        }
    }

    private static String hint(DnsRecordType type, String v) {
        if (v == null) {
            return "";
        }
        if (type == DnsRecordType.A && DnsValues.isIPv6(v.trim())) {
            return ": it is an IPv6 address, which needs recordType AAAA";
        }
        if (type == DnsRecordType.AAAA && DnsValues.isIPv4(v.trim())) {
            return ": it is an IPv4 address, which needs recordType A";
        }
        if (type != DnsRecordType.CNAME && DnsValues.isHostname(v.trim())) {
            return ": it is a host name, which needs recordType CNAME";
        }
        if (type == DnsRecordType.CNAME && (DnsValues.isIPv4(v.trim()) || DnsValues.isIPv6(v.trim()))) {
            return ": it is an IP address, which needs recordType A or AAAA";
        }
        return "";
    }

    private static void checkDistinct(List<String> out, String path, String a, String b, DnsRecordType type,
            List<String> first, List<String> second) {
        if (first == null || second == null || first.isEmpty() || second.isEmpty()) {
            return;
        }
        if (DnsValues.sameData(type, first, second)) {
            out.add(path + "." + a + " and " + path + "." + b + " hold the same " + (type == DnsRecordType.CNAME ? "host name" : "addresses")
                    + ": switching traffic would change nothing.");
        }
    }
}
