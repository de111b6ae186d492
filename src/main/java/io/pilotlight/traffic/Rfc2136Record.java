package io.pilotlight.traffic;

import io.pilotlight.api.v1alpha1.plan.DnsRecordType;
import io.pilotlight.api.v1alpha1.plan.Rfc2136Traffic;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import org.xbill.DNS.AAAARecord;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.CNAMERecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.TextParseException;
import org.xbill.DNS.Type;

/** The record an rfc2136 spec names, as dnsjava values: its name, zone, type, TTL and data per site. */
final class Rfc2136Record {

    private final Rfc2136Traffic spec;

    Rfc2136Record(Rfc2136Traffic spec) {
        this.spec = spec;
    }

    List<Record> records(Name name, List<String> values) throws TrafficSwitchException {
        List<Record> out = new ArrayList<>();
        for (String value : values) {
            try {
                out.add(switch (type()) {
                    case A -> new ARecord(name, DClass.IN, ttl(), addressOrThrow(value, false));
                    case AAAA -> new AAAARecord(name, DClass.IN, ttl(), addressOrThrow(value, true));
                    case CNAME -> new CNAMERecord(name, DClass.IN, ttl(), Name.fromString(value.trim(), Name.root));
                });
            } catch (TextParseException | UnknownHostException | IllegalArgumentException e) {
                throw new TrafficSwitchException(TrafficSwitchException.INVALID_OBJECT,
                        "\"" + value + "\" is not " + DnsValues.expected(type()) + " (rfc2136 recordType " + type() + ").");
            }
        }
        return out;
    }

    private static InetAddress addressOrThrow(String value, boolean v6) throws UnknownHostException {
        String v = value.trim();
        if (v6 ? !DnsValues.isIPv6(v) : !DnsValues.isIPv4(v)) {
            throw new UnknownHostException("not an address literal");
        }
        return DnsValues.literal(v);
    }

    static String rdata(Record r) {
        if (r instanceof ARecord a) {
            return a.getAddress().getHostAddress();
        }
        if (r instanceof AAAARecord a) {
            return a.getAddress().getHostAddress();
        }
        if (r instanceof CNAMERecord c) {
            return c.getTarget().toString(true);
        }
        return r.rdataToString();
    }

    Name recordName() throws TrafficSwitchException {
        return name(spec.getRecordName(), "recordName");
    }

    Name zone() throws TrafficSwitchException {
        return name(spec.getZone(), "zone");
    }

    private static Name name(String value, String field) throws TrafficSwitchException {
        try {
            return Name.fromString(value, Name.root);
        } catch (TextParseException e) {
            throw new TrafficSwitchException(TrafficSwitchException.INVALID_OBJECT, "rfc2136." + field + " \"" + value + "\" is not a DNS name.");
        }
    }

    DnsRecordType type() {
        return spec.getRecordType() == null ? DnsRecordType.A : spec.getRecordType();
    }

    int rrType() {
        return switch (type()) {
            case A -> Type.A;
            case AAAA -> Type.AAAA;
            case CNAME -> Type.CNAME;
        };
    }

    long ttl() {
        return spec.getTtl() == null ? Rfc2136Switch.DEFAULT_TTL : spec.getTtl();
    }
}
