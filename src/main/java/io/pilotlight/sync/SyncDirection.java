package io.pilotlight.sync;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.pilotlight.core.SiteRole;

/**
 * Which way a plan's sync copies: from its active site (the source) to the other one (the target),
 * each known by its configured role, its name and its client.
 */
public record SyncDirection(SiteRole sourceRole, String sourceName, KubernetesClient source, String targetName,
        KubernetesClient target) {

    /** {@code dc1 → dc2}, as status and {@code kubectl get drp} show it. */
    public String describe() {
        return sourceName + " → " + targetName;
    }

    Site sourceSite() {
        return new Site(sourceRole + " " + sourceName, source);
    }

    Site targetSite() {
        return new Site(sourceRole.other() + " " + targetName, target);
    }
}
