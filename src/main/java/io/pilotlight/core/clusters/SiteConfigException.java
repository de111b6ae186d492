package io.pilotlight.core.clusters;

/**
 * A site cannot be reached because of how it is configured (missing Secret or key, not a kubeconfig).
 * The message is meant for a person reading the plan's status and never contains credentials.
 */
public class SiteConfigException extends Exception {

    private final String reason;

    public SiteConfigException(String reason, String message) {
        super(message);
        this.reason = reason;
    }

    /** A CamelCase reason for a condition, e.g. SecretNotFound. */
    public String reason() {
        return reason;
    }
}
