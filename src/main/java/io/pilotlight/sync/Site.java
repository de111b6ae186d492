package io.pilotlight.sync;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.pilotlight.util.RemoteErrors;

/**
 * One end of a sync: the source it copies from or the target it copies to. {@code role} is the site's
 * configured role ("primary", "standby"), used in messages only: which end is the source is up to
 * whoever starts the sync.
 */
record Site(String role, KubernetesClient client) {

    /** "on the primary", for messages. */
    String on() {
        return "on the " + role;
    }

    /** The remote site's answer is never quoted (it may be anyone's server): only its code or kind of failure. */
    static String describe(String what, Throwable t) {
        return what + " failed: " + RemoteErrors.describe(t);
    }
}
