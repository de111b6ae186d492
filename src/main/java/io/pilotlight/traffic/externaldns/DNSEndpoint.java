package io.pilotlight.traffic.externaldns;

import io.fabric8.kubernetes.api.model.Namespaced;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.model.annotation.Group;
import io.fabric8.kubernetes.model.annotation.Kind;
import io.fabric8.kubernetes.model.annotation.Plural;
import io.fabric8.kubernetes.model.annotation.Singular;
import io.fabric8.kubernetes.model.annotation.Version;

/**
 * An ExternalDNS DNSEndpoint (externaldns.k8s.io/v1alpha1): records ExternalDNS publishes to its DNS
 * provider. A model of ExternalDNS's API, not ours: no CRD is generated for it.
 */
@Group(ExternalDnsApi.GROUP)
@Version(ExternalDnsApi.VERSION)
@Kind("DNSEndpoint")
@Plural("dnsendpoints")
@Singular("dnsendpoint")
public class DNSEndpoint extends CustomResource<DNSEndpointSpec, DNSEndpointStatus> implements Namespaced {
}
