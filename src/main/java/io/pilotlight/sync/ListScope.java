package io.pilotlight.sync;

import io.pilotlight.core.SyncKind;
import io.pilotlight.core.clusters.AccessReview;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Whether a site's identity may list and watch a kind in every namespace, so that one request per kind
 * reads all the protected namespaces (lists and watches grow with the kinds, not kinds x namespaces).
 * Asked once per kind and site per session ({@link AccessReview}); a refusal or a failed review keeps the
 * per-namespace path, which is all that an identity confined to its namespaces (an impersonated plan
 * identity) can use. A single namespace is always read in place: one request either way, and no other
 * namespace's objects cross the wire.
 */
final class ListScope {

    private final Map<String, Boolean> answers = new ConcurrentHashMap<>();

    /** Whether the kind is read cluster-wide on the site for these namespaces. */
    boolean clusterWide(Site site, SyncKind kind, List<String> namespaces) {
        if (namespaces.size() < 2) {
            return false;
        }
        return answers.computeIfAbsent(site.role() + "/" + kind.label(), k -> allowedEverywhere(site, kind, "list")
                && allowedEverywhere(site, kind, "watch"));
    }

    private static boolean allowedEverywhere(Site site, SyncKind kind, String verb) {
        return AccessReview.allowedEverywhere(site.client(), kind.group(), kind.plural(), verb);
    }

    /** Forgets the answers, so that a role granted or taken away since is asked about again. */
    void forget() {
        answers.clear();
    }
}
