package io.pilotlight.traffic;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.Resource;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.pilotlight.api.v1alpha1.plan.DnsRecordType;
import io.pilotlight.api.v1alpha1.plan.ExternalDnsTraffic;
import io.pilotlight.core.SiteRole;
import io.pilotlight.traffic.externaldns.DNSEndpoint;
import io.pilotlight.traffic.externaldns.DNSEndpointSpec;
import io.pilotlight.traffic.externaldns.Endpoint;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jboss.logging.Logger;

/**
 * Switches traffic through ExternalDNS: the targets of one endpoint ({@code recordName}) of a
 * DNSEndpoint flip between {@code primaryTargets} and {@code standbyTargets}; ExternalDNS then
 * publishes the record to its DNS provider.
 * <p>
 * <b>Which cluster.</b> The DNSEndpoint must live where ExternalDNS watches it, which is a deployment
 * choice, not something the plan says; the client is therefore a constructor parameter. The plan's API
 * documents "the cluster the operator runs in" and that is what {@link TrafficSwitches} passes by
 * default: with the recommended topology (operator in the standby or a third cluster) the object stays
 * reachable when the primary is lost. A Failover that knows better can pass another client.
 * <p>
 * <b>Ownership.</b> When the DNSEndpoint is absent it is created, labelled as Pilotlight's
 * ({@code PlanLabels}). When it exists (created by us, or by the user with other endpoints in it),
 * only the endpoint whose {@code dnsName} is {@code recordName} (and whose {@code recordType} is the
 * spec's, or empty; without a {@code setIdentifier}) is changed, with a JSON patch guarded by the
 * resourceVersion read, so other endpoints and fields nobody modelled stay as they are. When that
 * endpoint is missing it is appended. Nothing is ever deleted.
 * <p>
 * <b>Confirmation.</b> An accepted patch only means the API server stored it. When the DNSEndpoint has
 * a status (ExternalDNS runs and reports on it), the switch waits, at most {@link #CONFIRM_WAIT}, until
 * {@code status.observedGeneration} reaches the generation written, and the message says whether
 * ExternalDNS confirmed the switch.
 */
public class ExternalDnsSwitch implements TrafficSwitch {

    private static final Logger LOG = Logger.getLogger(ExternalDnsSwitch.class);
    private static final int ATTEMPTS = 3;
    static final long DEFAULT_TTL = 60;
    // ExternalDNS reconciles on its --interval (default 1m) or at once on a watch event; a real one
    // answered in 0.1-5.4 s with --interval=5s. Bounded: a failover never hangs on a slow DNS provider.
    static final Duration CONFIRM_WAIT = Duration.ofSeconds(20);
    private static final Duration CONFIRM_POLL = Duration.ofMillis(250);

    private final ExternalDnsTraffic spec;
    private final String namespace;
    private final Map<String, String> labels;
    private final KubernetesClient client;

    /**
     * @param spec the plan's {@code spec.traffic.externalDNS}
     * @param planNamespace the plan's namespace: the DNSEndpoint's when the spec names none
     * @param labels labels that mark a created DNSEndpoint as Pilotlight's ({@code PlanLabels.of(plan)})
     * @param client the cluster where ExternalDNS watches DNSEndpoints
     */
    public ExternalDnsSwitch(ExternalDnsTraffic spec, String planNamespace, Map<String, String> labels, KubernetesClient client) {
        this.spec = Objects.requireNonNull(spec, "spec");
        this.namespace = spec.getNamespace() != null && !spec.getNamespace().isBlank() ? spec.getNamespace() : planNamespace;
        this.labels = labels == null ? Map.of() : Map.copyOf(labels);
        this.client = Objects.requireNonNull(client, "client");
    }

    @Override
    public String describe() {
        return "DNSEndpoint " + namespace + "/" + spec.getDnsEndpointName();
    }

    @Override
    public SwitchResult switchTo(TrafficTarget target) throws TrafficSwitchException {
        Endpoint desired = desiredEndpoint(spec, target.role());
        for (int attempt = 1; ; attempt++) {
            try {
                return switchOnce(target, desired);
            } catch (KubernetesClientException e) {
                if (attempt < ATTEMPTS && KubeErrors.isConflict(e)) {
                    LOG.debugf("%s changed while we switched it (HTTP %d), reading it again", describe(), e.getCode());
                    continue;
                }
                throw KubeErrors.of("Switching " + describe() + " to the " + target.describe(), e);
            }
        }
    }

    private SwitchResult switchOnce(TrafficTarget target, Endpoint desired) {
        Resource<DNSEndpoint> resource = resource();
        DNSEndpoint existing = resource.get();
        String record = describeRecord(desired);
        if (existing == null) {
            resource.create(newDnsEndpoint(spec, namespace, labels, desired));
            return SwitchResult.changed("Created " + describe() + " with " + record + " for the " + target.describe() + ".");
        }
        List<Endpoint> endpoints = existing.getSpec() == null || existing.getSpec().getEndpoints() == null
                ? List.of() : existing.getSpec().getEndpoints();
        int index = indexOf(endpoints, spec.getRecordName(), recordType(spec));
        if (index < 0) {
            DNSEndpoint written = resource.patch(PatchContext.of(PatchType.JSON), appendPatch(existing, desired));
            return SwitchResult.changed("Added " + record + " to " + describe() + " for the " + target.describe() + "."
                    + confirmation(existing, written));
        }
        Endpoint current = endpoints.get(index);
        if (matches(current, desired)) {
            return SwitchResult.unchanged(describe() + " already sends " + record + " to the " + target.describe() + ": nothing to change.");
        }
        DNSEndpoint written = resource.patch(PatchContext.of(PatchType.JSON), replacePatch(existing, index, desired));
        return SwitchResult.changed("Switched " + describe() + " to the " + target.describe() + ": " + record
                + " (was " + DnsValues.list(current.getTargets()) + (current.getRecordTTL() == null ? "" : ", TTL " + current.getRecordTTL()) + ")."
                + confirmation(existing, written));
    }

    /** Waits, bounded, until ExternalDNS reports the written generation; says whether it did. */
    private String confirmation(DNSEndpoint read, DNSEndpoint written) {
        if (observedGeneration(read) == null) {
            return " Not confirmed: the DNSEndpoint has no status.observedGeneration, so no ExternalDNS reports on it.";
        }
        long generation = written.getMetadata().getGeneration();
        Instant deadline = Instant.now().plus(CONFIRM_WAIT);
        Long observed = observedGeneration(written);
        while (observed == null || observed < generation) {
            if (Instant.now().isAfter(deadline)) {
                return " Not confirmed within " + CONFIRM_WAIT.toSeconds() + "s: ExternalDNS has observed generation "
                        + observed + ", not " + generation + " yet.";
            }
            try {
                Thread.sleep(CONFIRM_POLL.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return " Not confirmed: interrupted while waiting for ExternalDNS.";
            }
            observed = observedGeneration(resource().get());
        }
        return " Confirmed by ExternalDNS (status.observedGeneration " + observed + ").";
    }

    private static Long observedGeneration(DNSEndpoint d) {
        return d == null || d.getStatus() == null ? null : d.getStatus().getObservedGeneration();
    }

    @Override
    public TrafficState current() throws TrafficSwitchException {
        DNSEndpoint existing;
        try {
            existing = resource().get();
        } catch (KubernetesClientException e) {
            throw KubeErrors.of("Reading " + describe(), e);
        }
        if (existing == null) {
            return TrafficState.unknown(describe() + " does not exist yet");
        }
        List<Endpoint> endpoints = existing.getSpec() == null || existing.getSpec().getEndpoints() == null
                ? List.of() : existing.getSpec().getEndpoints();
        int index = indexOf(endpoints, spec.getRecordName(), recordType(spec));
        if (index < 0) {
            return TrafficState.unknown(describe() + " has no endpoint " + spec.getRecordName() + " " + recordType(spec));
        }
        return stateOf(spec, describe(), endpoints.get(index).getTargets());
    }

    private Resource<DNSEndpoint> resource() {
        return client.resources(DNSEndpoint.class).inNamespace(namespace).withName(spec.getDnsEndpointName());
    }

    // ---- pure logic, public for unit tests ----

    public static DnsRecordType recordType(ExternalDnsTraffic spec) {
        return spec.getRecordType() == null ? DnsRecordType.A : spec.getRecordType();
    }

    public static long ttl(ExternalDnsTraffic spec) {
        return spec.getTtl() == null ? DEFAULT_TTL : spec.getTtl();
    }

    /** The endpoint for recordName as it should be when traffic goes to the given site. */
    public static Endpoint desiredEndpoint(ExternalDnsTraffic spec, SiteRole role) {
        Endpoint e = new Endpoint();
        e.setDnsName(stripDot(spec.getRecordName()));
        e.setRecordType(recordType(spec).value());
        e.setTargets(new ArrayList<>(role == SiteRole.PRIMARY ? spec.getPrimaryTargets() : spec.getStandbyTargets()));
        e.setRecordTTL(ttl(spec));
        return e;
    }

    /** A new DNSEndpoint holding only our endpoint, labelled as Pilotlight's. */
    public static DNSEndpoint newDnsEndpoint(ExternalDnsTraffic spec, String namespace, Map<String, String> labels, Endpoint endpoint) {
        DNSEndpoint d = new DNSEndpoint();
        ObjectMeta meta = new ObjectMeta();
        meta.setName(spec.getDnsEndpointName());
        meta.setNamespace(namespace);
        meta.setLabels(new LinkedHashMap<>(labels));
        d.setMetadata(meta);
        DNSEndpointSpec s = new DNSEndpointSpec();
        s.setEndpoints(new ArrayList<>(List.of(endpoint)));
        d.setSpec(s);
        return d;
    }

    /**
     * The index of the endpoint we manage: same name (case and final dot aside), our record type or
     * none, no set identifier (weighted or geo records of another tool are left alone); -1 if absent.
     */
    public static int indexOf(List<Endpoint> endpoints, String recordName, DnsRecordType type) {
        String wanted = DnsValues.fqdn(recordName);
        for (int i = 0; i < endpoints.size(); i++) {
            Endpoint e = endpoints.get(i);
            if (e == null || e.getDnsName() == null || !wanted.equals(DnsValues.fqdn(e.getDnsName()))) {
                continue;
            }
            boolean typeMatches = e.getRecordType() == null || e.getRecordType().isEmpty() || type.value().equalsIgnoreCase(e.getRecordType());
            boolean noSetId = e.getSetIdentifier() == null || e.getSetIdentifier().isEmpty();
            if (typeMatches && noSetId) {
                return i;
            }
        }
        return -1;
    }

    /** Whether the endpoint already is as desired: same targets (as a set), type and TTL. */
    public static boolean matches(Endpoint current, Endpoint desired) {
        DnsRecordType type = DnsRecordType.valueOf(desired.getRecordType());
        return desired.getRecordType().equalsIgnoreCase(Objects.toString(current.getRecordType(), ""))
                && Objects.equals(current.getRecordTTL(), desired.getRecordTTL())
                && DnsValues.sameData(type, current.getTargets(), desired.getTargets());
    }

    /** Where targets send traffic: the site whose list they equal (as sets), else unknown. */
    public static TrafficState stateOf(ExternalDnsTraffic spec, String what, List<String> targets) {
        DnsRecordType type = recordType(spec);
        String detail = what + ": " + spec.getRecordName() + " " + type + " -> " + DnsValues.list(targets);
        if (DnsValues.sameData(type, targets, spec.getPrimaryTargets())) {
            return TrafficState.at(SiteRole.PRIMARY, detail);
        }
        if (DnsValues.sameData(type, targets, spec.getStandbyTargets())) {
            return TrafficState.at(SiteRole.STANDBY, detail);
        }
        return TrafficState.unknown(detail + ", which are neither the primary's " + DnsValues.list(spec.getPrimaryTargets())
                + " nor the standby's " + DnsValues.list(spec.getStandbyTargets()));
    }

    /** JSON patch replacing the targets, type and TTL of endpoint {@code index}, if the object is still the one we read. */
    public static String replacePatch(DNSEndpoint read, int index, Endpoint desired) {
        ArrayNode ops = guarded(read);
        String base = "/spec/endpoints/" + index;
        ops.addObject().put("op", "test").put("path", base + "/dnsName").put("value", read.getSpec().getEndpoints().get(index).getDnsName());
        ArrayNode targets = ops.addObject().put("op", "add").put("path", base + "/targets").putArray("value");
        desired.getTargets().forEach(targets::add);
        ops.addObject().put("op", "add").put("path", base + "/recordType").put("value", desired.getRecordType());
        ops.addObject().put("op", "add").put("path", base + "/recordTTL").put("value", desired.getRecordTTL());
        return ops.toString();
    }

    /** JSON patch appending our endpoint (creating spec.endpoints when absent). */
    public static String appendPatch(DNSEndpoint read, Endpoint desired) {
        ArrayNode ops = guarded(read);
        ObjectNode endpoint = Serialization.jsonMapper().valueToTree(desired);
        if (read.getSpec() == null) {
            ObjectNode spec = JsonNodeFactory.instance.objectNode();
            spec.putArray("endpoints").add(endpoint);
            ops.addObject().put("op", "add").put("path", "/spec").set("value", spec);
        } else if (read.getSpec().getEndpoints() == null) {
            ops.addObject().put("op", "add").put("path", "/spec/endpoints").putArray("value").add(endpoint);
        } else {
            ops.addObject().put("op", "add").put("path", "/spec/endpoints/-").set("value", endpoint);
        }
        return ops.toString();
    }

    private static ArrayNode guarded(DNSEndpoint read) {
        ArrayNode ops = JsonNodeFactory.instance.arrayNode();
        ops.addObject().put("op", "test").put("path", "/metadata/resourceVersion").put("value", read.getMetadata().getResourceVersion());
        return ops;
    }

    private static String describeRecord(Endpoint e) {
        return e.getDnsName() + " " + e.getRecordType() + " -> " + DnsValues.list(e.getTargets()) + " (TTL " + e.getRecordTTL() + ")";
    }

    private static String stripDot(String name) {
        return name.endsWith(".") ? name.substring(0, name.length() - 1) : name;
    }
}
