package io.pilotlight.traffic;

import io.pilotlight.api.v1alpha1.plan.DnsRecordType;
import io.pilotlight.api.v1alpha1.plan.Rfc2136Traffic;
import io.pilotlight.core.SiteRole;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jboss.logging.Logger;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.SimpleResolver;
import org.xbill.DNS.TSIGRecord;
import org.xbill.DNS.Update;

/**
 * Switches traffic with an RFC 2136 dynamic update: the RRset of {@code recordName}/{@code recordType}
 * in {@code zone} on the authoritative server is replaced (delete the RRset, add the target site's
 * data, in one update message, so the server applies it atomically) with the TTL of the spec, signed
 * with the TSIG key from the plan's Secret.
 * <p>
 * Before updating, the server is asked (a plain DNS query) what the record holds: when it already holds
 * the target's data with the spec's TTL, nothing is sent. After an update, the record is read again to
 * confirm it. Each exchange has a short timeout ({@value #TIMEOUT_SECONDS} s) and is tried at most
 * {@value #ATTEMPTS} times when the server does not answer; error answers are not retried but turned
 * into messages that say what the server refused. The TSIG secret appears in no message, exception or log.
 */
public class Rfc2136Switch implements TrafficSwitch {

    private static final Logger LOG = Logger.getLogger(Rfc2136Switch.class);
    static final int TIMEOUT_SECONDS = 3;
    static final int ATTEMPTS = 3;
    static final long DEFAULT_TTL = 60;
    static final int DEFAULT_PORT = 53;

    private final Rfc2136Traffic spec;
    private final TsigKeySource keys;
    private final Rfc2136Record record;
    private Duration timeout = Duration.ofSeconds(TIMEOUT_SECONDS);
    private int attempts = ATTEMPTS;

    public Rfc2136Switch(Rfc2136Traffic spec, TsigKeySource keys) {
        this.spec = Objects.requireNonNull(spec, "spec");
        this.keys = keys == null ? Optional::empty : keys;
        this.record = new Rfc2136Record(this.spec);
    }

    /** Shorter timeouts or fewer attempts, e.g. for a probe that must not block. */
    public Rfc2136Switch withTimeout(Duration timeout, int attempts) {
        this.timeout = timeout;
        this.attempts = Math.max(1, attempts);
        return this;
    }

    @Override
    public String describe() {
        return "DNS record " + spec.getRecordName() + " " + record.type() + " on " + server();
    }

    @Override
    public SwitchResult switchTo(TrafficTarget target) throws TrafficSwitchException {
        List<String> wanted = target.role() == SiteRole.PRIMARY ? spec.getPrimaryAddresses() : spec.getStandbyAddresses();
        Name name = record.recordName();
        Name zone = record.zone();
        List<Record> records = record.records(name, wanted);
        Answer before = query(name);
        if (before.matches(record.type(), wanted, record.ttl())) {
            return SwitchResult.unchanged(describe() + " already answers " + DnsValues.list(wanted) + " (TTL " + record.ttl() + ") for the "
                    + target.describe() + ": nothing to change.");
        }
        Optional<TsigKey> key = keys.key();
        Message response = exchange("update of zone " + zone, () -> {
            Update update = new Update(zone);
            update.delete(name, record.rrType());
            records.forEach(update::add);
            return update;
        }, key, true);
        checkUpdateResponse(response, zone, key);
        Answer after = query(name);
        if (!after.matches(record.type(), wanted, record.ttl())) {
            throw new TrafficSwitchException(TrafficSwitchException.REFUSED, "The server " + server() + " accepted the update of "
                    + spec.getRecordName() + " but answers " + after.describe() + " instead of " + DnsValues.list(wanted)
                    + " (TTL " + record.ttl() + "): is it the primary server of zone " + spec.getZone() + "?");
        }
        LOG.infof("updated %s to %s for the %s (was %s)", describe(), wanted, target.describe(), before.describe());
        return SwitchResult.changed("Updated " + describe() + " to " + DnsValues.list(wanted) + " (TTL " + record.ttl() + ") for the "
                + target.describe() + " (was " + before.describe() + ").");
    }

    @Override
    public TrafficState current() throws TrafficSwitchException {
        Answer answer = query(record.recordName());
        String detail = describe() + " answers " + answer.describe();
        if (answer.sameData(record.type(), spec.getPrimaryAddresses())) {
            return TrafficState.at(SiteRole.PRIMARY, detail);
        }
        if (answer.sameData(record.type(), spec.getStandbyAddresses())) {
            return TrafficState.at(SiteRole.STANDBY, detail);
        }
        return TrafficState.unknown(detail + ", which is neither the primary's " + DnsValues.list(spec.getPrimaryAddresses())
                + " nor the standby's " + DnsValues.list(spec.getStandbyAddresses()));
    }

    // ---- DNS exchanges ----

    /** What the server holds for the record: its data and TTLs (empty when the name or type has none). */
    record Answer(List<String> data, List<Long> ttls, int rcode) {

        boolean matches(DnsRecordType type, List<String> wanted, long ttl) {
            return sameData(type, wanted) && ttls.stream().allMatch(t -> t == ttl);
        }

        boolean sameData(DnsRecordType type, List<String> wanted) {
            return !data.isEmpty() && DnsValues.sameData(type, data, wanted);
        }

        String describe() {
            if (data.isEmpty()) {
                return rcode == Rcode.NXDOMAIN ? "no such name (NXDOMAIN)" : "no record of that type";
            }
            return data + " (TTL " + (ttls.stream().distinct().count() == 1 ? ttls.get(0) : ttls) + ")";
        }
    }

    private Answer query(Name name) throws TrafficSwitchException {
        int type = record.rrType();
        Message response = exchange("query for " + spec.getRecordName() + " " + record.type(),
                () -> Message.newQuery(Record.newRecord(name, type, DClass.IN)), Optional.empty(), false);
        int rcode = response.getRcode();
        if (rcode != Rcode.NOERROR && rcode != Rcode.NXDOMAIN) {
            throw new TrafficSwitchException(TrafficSwitchException.REFUSED, "The server " + server() + " answered a query for "
                    + spec.getRecordName() + " " + record.type() + " with " + Rcode.string(rcode) + (rcode == Rcode.REFUSED
                            ? ": it does not serve zone " + spec.getZone() + " or refuses queries from the operator" : "") + ".");
        }
        List<String> data = new ArrayList<>();
        List<Long> ttls = new ArrayList<>();
        for (Record r : response.getSection(Section.ANSWER)) {
            if (r.getType() == type && r.getName().equals(name)) {
                data.add(Rfc2136Record.rdata(r));
                ttls.add(r.getTTL());
            }
        }
        return new Answer(data, ttls, rcode);
    }

    @FunctionalInterface
    private interface MessageFactory {
        Message create();
    }

    /** Sends a message, retrying when the server does not answer; never retries an answer. */
    private Message exchange(String what, MessageFactory factory, Optional<TsigKey> key, boolean tcp) throws TrafficSwitchException {
        SimpleResolver resolver = resolver(tcp);
        key.ifPresent(k -> resolver.setTSIGKey(k.tsig()));
        IOException last = null;
        for (int attempt = 1; attempt <= attempts; attempt++) {
            try {
                return resolver.send(factory.create());
            } catch (IOException e) {
                last = e;
                LOG.debugf("%s to %s: attempt %d of %d got no answer: %s", what, server(), attempt, attempts, e.toString());
            }
        }
        throw new TrafficSwitchException(TrafficSwitchException.UNREACHABLE, "The DNS server " + server() + " did not answer the " + what
                + " (" + attempts + " attempts, " + timeout.toSeconds() + " s each; last error: " + describe(last) + ").");
    }

    private SimpleResolver resolver(boolean tcp) throws TrafficSwitchException {
        InetAddress address;
        try {
            address = DnsValues.isIPv4(spec.getServer()) || DnsValues.isIPv6(spec.getServer())
                    ? DnsValues.literal(spec.getServer()) : InetAddress.getByName(spec.getServer());
        } catch (UnknownHostException e) {
            throw new TrafficSwitchException(TrafficSwitchException.UNREACHABLE,
                    "The DNS server's host name " + spec.getServer() + " (rfc2136.server) does not resolve.");
        }
        SimpleResolver resolver = new SimpleResolver(new InetSocketAddress(address, port()));
        resolver.setTimeout(timeout);
        resolver.setTCP(tcp);
        return resolver;
    }

    private void checkUpdateResponse(Message response, Name zone, Optional<TsigKey> key) throws TrafficSwitchException {
        int rcode = response.getRcode();
        if (rcode == Rcode.NOERROR) {
            return;
        }
        TSIGRecord tsig = response.getTSIG();
        int tsigError = tsig == null ? Rcode.NOERROR : tsig.getError();
        String keyText = key.map(TsigKey::toString).orElse("no TSIG key (rfc2136.tsigSecretRef is not set)");
        String reason = rcode == Rcode.NOTAUTH || tsigError != Rcode.NOERROR ? TrafficSwitchException.NOT_AUTHORIZED : TrafficSwitchException.REFUSED;
        String message = switch (tsigError) {
            case Rcode.BADSIG -> "the server refused the " + keyText + ": BADSIG, the signature does not verify, so the secret"
                    + " does not match the server's key of that name";
            case Rcode.BADKEY -> "the server refused the " + keyText + ": BADKEY, it has no key of that name and algorithm";
            case Rcode.BADTIME -> "the server refused the " + keyText + ": BADTIME, the operator's clock and the server's differ"
                    + " by more than the allowed fudge";
            default -> switch (rcode) {
                case Rcode.NOTAUTH -> key.isPresent()
                        ? "the server refused the " + keyText + " (NOTAUTH), or is not authoritative for zone " + zone
                        : "the server requires a TSIG key for updates to zone " + zone + " or is not authoritative for it (NOTAUTH)";
                case Rcode.REFUSED -> "updates to zone " + zone + " are refused (REFUSED) for " + keyText
                        + ": check the zone's update-policy/allow-update on the server";
                case Rcode.NOTZONE -> "the record " + spec.getRecordName() + " is not in zone " + zone + " as the server sees it (NOTZONE)";
                case Rcode.SERVFAIL -> "the server failed to apply the update (SERVFAIL): see its log";
                case Rcode.FORMERR -> "the server could not parse the update (FORMERR)";
                default -> "the server answered " + Rcode.string(rcode);
            };
        };
        throw new TrafficSwitchException(reason, "Updating " + describe() + " failed: " + message + ".");
    }

    private int port() {
        return spec.getPort() == null ? DEFAULT_PORT : spec.getPort();
    }

    private String server() {
        String host = spec.getServer().contains(":") ? "[" + spec.getServer() + "]" : spec.getServer();
        return host + ":" + port();
    }

    private static String describe(IOException e) {
        return e == null ? "none" : e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
    }
}
