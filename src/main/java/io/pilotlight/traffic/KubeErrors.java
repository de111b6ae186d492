package io.pilotlight.traffic;

import io.fabric8.kubernetes.client.KubernetesClientException;
import io.pilotlight.util.RemoteErrors;

/** Turns Kubernetes client errors into {@link TrafficSwitchException}s with a sentence a person can act on. */
final class KubeErrors {

    private KubeErrors() {
    }

    static TrafficSwitchException of(String action, KubernetesClientException e) {
        int code = e.getCode();
        // The API server's own text is never quoted: only its code, or the kind of failure.
        String status = RemoteErrors.describe(e);
        if (code == 403) {
            return new TrafficSwitchException(TrafficSwitchException.API_ERROR,
                    action + " was forbidden: the plan's identity lacks the RBAC permission (" + status + ")");
        }
        if (code == 404) {
            return new TrafficSwitchException(TrafficSwitchException.NOT_FOUND,
                    action + " failed: not found (" + status + "); is the CRD installed and does the namespace exist?");
        }
        if (code == 0) {
            return new TrafficSwitchException(TrafficSwitchException.API_ERROR,
                    action + " failed: the cluster's API server could not be reached (" + status + ")");
        }
        return new TrafficSwitchException(TrafficSwitchException.API_ERROR, action + " failed: " + status);
    }

    /** A conflict worth re-reading and retrying: our JSON patch's test op or an optimistic lock failed. */
    static boolean isConflict(KubernetesClientException e) {
        return e.getCode() == 409 || e.getCode() == 422;
    }
}
