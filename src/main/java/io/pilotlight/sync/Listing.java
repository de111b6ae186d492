package io.pilotlight.sync;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceList;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.util.ArrayList;
import java.util.List;

/**
 * One kind in one namespace as both sites list it, for a full pass; a problem instead of the lists
 * when one failed (the source's is tried first, and a failed source list reads no target).
 */
record Listing(WatchKey key, List<GenericKubernetesResource> source, List<GenericKubernetesResource> target,
        String sourceProblem, String targetProblem) {

    private static final int PAGE = 500;

    /** Lists both sites; the source only what the plan's label selector (null: none) selects. */
    static Listing read(Site source, Site target, WatchKey key, LabelSelector selector) {
        List<GenericKubernetesResource> objects;
        try {
            objects = list(source, key, selector);
        } catch (KubernetesClientException e) {
            return new Listing(key, null, null, Site.describe("listing " + key + " " + source.on(), e), null);
        }
        try {
            return new Listing(key, objects, list(target, key, null), null, null);
        } catch (KubernetesClientException e) {
            return new Listing(key, null, null, null, Site.describe("listing " + key + " " + target.on(), e));
        }
    }

    /** Every page of the list, so that a large namespace is not read in one response. */
    private static List<GenericKubernetesResource> list(Site site, WatchKey key, LabelSelector selector) {
        var op = site.client().genericKubernetesResources(key.kind().context()).inNamespace(key.namespace());
        var selected = selector == null ? op : op.withLabelSelector(selector);
        List<GenericKubernetesResource> out = new ArrayList<>();
        String continueToken = null;
        do {
            GenericKubernetesResourceList page = selected.list(PAGE, continueToken);
            out.addAll(page.getItems());
            continueToken = page.getMetadata() == null ? null : page.getMetadata().getContinue();
        } while (continueToken != null && !continueToken.isEmpty());
        return out;
    }
}
