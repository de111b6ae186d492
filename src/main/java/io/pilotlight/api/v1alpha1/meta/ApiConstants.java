package io.pilotlight.api.v1alpha1.meta;

/** Group, version and the validation patterns shared by the Pilotlight API types. */
public final class ApiConstants {

    public static final String GROUP = "pilotlight.io";
    public static final String VERSION = "v1alpha1";
    public static final String API_VERSION = GROUP + "/" + VERSION;
    public static final String CATEGORY = "pilotlight";

    /** A Go duration as parsed by time.ParseDuration and CEL's duration(): 30s, 5m, 1h30m, 1.5h. */
    public static final String DURATION_PATTERN = "^([0-9]+(\\.[0-9]+)?(ns|us|µs|ms|s|m|h))+$";

    /** An RFC 1123 label: namespace, site and wave names. */
    public static final String DNS_LABEL_PATTERN = "^[a-z0-9]([-a-z0-9]*[a-z0-9])?$";

    /** An RFC 1123 subdomain: names of most Kubernetes objects. */
    public static final String DNS_SUBDOMAIN_PATTERN = "^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$";

    /** An API group; empty for the core group. */
    public static final String API_GROUP_PATTERN = "^([a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*)?$";

    /** A key of a Secret's data. */
    public static final String SECRET_KEY_PATTERN = "^[-._a-zA-Z0-9]+$";

    /** A DNS name as found in zone files: optional leading wildcard, underscores, optional trailing dot. */
    public static final String DNS_NAME_PATTERN =
            "^(\\*\\.)?([A-Za-z0-9_]([-A-Za-z0-9_]*[A-Za-z0-9])?\\.)*[A-Za-z0-9_]([-A-Za-z0-9_]*[A-Za-z0-9])?\\.?$";

    /** What Velero's schedule accepts: five cron fields or a descriptor, optionally prefixed by CRON_TZ= or TZ=. */
    public static final String CRON_PATTERN =
            "^((CRON_TZ|TZ)=\\S+\\s+)?(@(annually|yearly|monthly|weekly|daily|midnight|hourly)|@every\\s+\\S+|\\S+(\\s+\\S+){4})$";

    /** Suffix of a drill namespace: a dash and a DNS label. */
    public static final String NAMESPACE_SUFFIX_PATTERN = "^-[a-z0-9]([-a-z0-9]*[a-z0-9])?$";

    private ApiConstants() {
    }
}
