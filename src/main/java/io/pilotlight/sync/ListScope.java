package io.pilotlight.sync;

import io.pilotlight.core.SyncKind;
import io.pilotlight.core.clusters.AccessReview;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Whether a site's identity may list and watch a kind in every namespace, so that one request per kind
 * reads all the protected namespaces (lists and watches grow with the kinds, not kinds x namespaces).
 * Asked once per site and session whether the identity may list and watch every resource everywhere (an
 * administrator's: these reviews answer for all kinds, and {@link #askAhead} asks them while discovery
 * runs), else once per kind and site ({@link AccessReview}); a refusal or a failed review keeps the
 * per-namespace path, which is all that an identity confined to its namespaces (an impersonated plan
 * identity) can use. A single namespace is always read in place: one request either way, and no other
 * namespace's objects cross the wire.
 */
final class ListScope {

    private static final String ANY = "*";

    /** Per site, group/resource and verb; futures, so that no review holds a lock of the map while it waits. */
    private final Map<String, CompletableFuture<Boolean>> answers = new ConcurrentHashMap<>();

    /** Whether the kind is read cluster-wide on the site for these namespaces. */
    boolean clusterWide(Site site, SyncKind kind, List<String> namespaces) {
        if (namespaces.size() < 2) {
            return false;
        }
        return readableEverywhere(site, ANY, ANY) || readableEverywhere(site, kind.group(), kind.plural());
    }

    /**
     * Starts the reviews for every resource of each site on the pool without waiting for them, so that the
     * first kind's lists do not wait for them one after the other; no review when one namespace is read.
     */
    void askAhead(List<Site> sites, List<String> namespaces, WriterPool pool) throws InterruptedException {
        if (namespaces.size() < 2) {
            return;
        }
        for (Site site : sites) {
            for (String verb : List.of("list", "watch")) {
                pool.start(() -> allowed(site, ANY, ANY, verb), e -> false, answer -> {
                });
            }
        }
    }

    private boolean readableEverywhere(Site site, String group, String resource) {
        return allowed(site, group, resource, "list") && allowed(site, group, resource, "watch");
    }

    /** Asked once: a second caller waits for the first one's review instead of asking again. */
    private boolean allowed(Site site, String group, String resource, String verb) {
        String key = site.role() + "/" + group + "/" + resource + "/" + verb;
        CompletableFuture<Boolean> mine = new CompletableFuture<>();
        CompletableFuture<Boolean> asked = answers.putIfAbsent(key, mine);
        if (asked != null) {
            return asked.join();
        }
        try {
            boolean answer = AccessReview.allowedEverywhere(site.client(), group, resource, verb);
            mine.complete(answer);
            return answer;
        } catch (RuntimeException e) {
            answers.remove(key, mine); // asked again by the next caller
            mine.complete(false);
            throw e;
        }
    }

    /** Forgets the answers, so that a role granted or taken away since is asked about again. */
    void forget() {
        answers.clear();
    }
}
