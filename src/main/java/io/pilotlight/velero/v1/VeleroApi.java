package io.pilotlight.velero.v1;

/**
 * The Velero API group and version modelled here (velero.io/v1, checked against Velero 1.18).
 * <p>
 * These classes are Fabric8 custom resources so that the client can read and write them, but Velero
 * owns their CRDs: they are excluded from CRD generation ({@code quarkus.operator-sdk.crd.exclude-resources}).
 */
public final class VeleroApi {

    public static final String GROUP = "velero.io";
    public static final String VERSION = "v1";
    public static final String API_VERSION = GROUP + "/" + VERSION;

    private VeleroApi() {
    }
}
