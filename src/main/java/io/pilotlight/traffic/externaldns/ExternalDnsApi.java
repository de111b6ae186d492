package io.pilotlight.traffic.externaldns;

/**
 * The ExternalDNS API modelled here: {@code externaldns.k8s.io/v1alpha1} DNSEndpoint, with the fields of
 * external-dns's {@code endpoint} package. ExternalDNS owns the CRD: the model is excluded from CRD
 * generation ({@code quarkus.operator-sdk.crd.exclude-resources}).
 */
public final class ExternalDnsApi {

    public static final String GROUP = "externaldns.k8s.io";
    public static final String VERSION = "v1alpha1";
    public static final String API_VERSION = GROUP + "/" + VERSION;

    private ExternalDnsApi() {
    }
}
