package io.pilotlight.traffic;

/**
 * Traffic could not be switched, or where it goes could not be read. The message is meant for a
 * person reading a Failover's or plan's status: it names the object, server or field, says what is
 * wrong, and never contains a credential (no TSIG secret, no token).
 */
public class TrafficSwitchException extends Exception {

    /** The object the switch works on (DNSEndpoint namespace, HTTPRoute) or a Secret it needs is missing. */
    public static final String NOT_FOUND = "TrafficObjectNotFound";
    /** The object exists but cannot be switched as it is (e.g. an HTTPRoute rule lacks one of the backends). */
    public static final String INVALID_OBJECT = "TrafficObjectInvalid";
    /** The TSIG Secret is missing, lacks a key, or its secret is not base64. */
    public static final String SECRET_INVALID = "TsigSecretInvalid";
    /** The DNS server refused the TSIG key (NOTAUTH, BADSIG, BADKEY, BADTIME). */
    public static final String NOT_AUTHORIZED = "DnsUpdateNotAuthorized";
    /** The DNS server refused the update or answered with an error. */
    public static final String REFUSED = "DnsUpdateRefused";
    /** The DNS server did not answer within the timeout, after the retries. */
    public static final String UNREACHABLE = "TrafficProviderUnreachable";
    /** The plan may not switch the traffic object: another namespace's that grants it nothing, or no identity to act as. */
    public static final String NOT_ALLOWED = "TrafficNotAllowed";
    /** The Kubernetes API refused or failed a request. */
    public static final String API_ERROR = "APIError";

    private final String reason;

    public TrafficSwitchException(String reason, String message) {
        super(message);
        this.reason = reason;
    }

    public TrafficSwitchException(String reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    /** A CamelCase reason for a condition or a step, e.g. {@link #NOT_FOUND}. */
    public String reason() {
        return reason;
    }
}
