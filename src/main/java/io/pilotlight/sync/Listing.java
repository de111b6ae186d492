package io.pilotlight.sync;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceList;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.pilotlight.core.SyncKind;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One kind in one namespace as both sites list it, for a full pass; a problem instead of the lists
 * when one failed (the source's is tried first, and a failed source list reads no target). Where a site
 * may list the kind cluster-wide ({@link ListScope}), one list of it serves every protected namespace
 * ({@link #readKind}).
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

    /**
     * The kind in each of the namespaces (listings in their order): one list of each site that may list it
     * cluster-wide, one list per namespace of a site that may not.
     */
    static List<Listing> readKind(Site source, Site target, SyncKind kind, List<String> namespaces, LabelSelector selector,
            ListScope scope) {
        Map<String, List<GenericKubernetesResource>> sources;
        Map<String, List<GenericKubernetesResource>> targets = null;
        WatchKey all = WatchKey.everywhere(kind);
        String targetProblem = null;
        try {
            sources = scope.clusterWide(source, kind, namespaces) ? byNamespace(list(source, all, selector), namespaces) : null;
        } catch (KubernetesClientException e) {
            String problem = Site.describe("listing " + all + " " + source.on(), e);
            return namespaces.stream().map(ns -> new Listing(new WatchKey(kind, ns), null, null, problem, null)).toList();
        }
        try {
            targets = scope.clusterWide(target, kind, namespaces) ? byNamespace(list(target, all, null), namespaces) : null;
        } catch (KubernetesClientException e) {
            targetProblem = Site.describe("listing " + all + " " + target.on(), e);
        }
        List<Listing> out = new ArrayList<>();
        for (String ns : namespaces) {
            WatchKey key = new WatchKey(kind, ns);
            if (sources == null && (targets != null || targetProblem != null)) {
                out.add(sourceThen(source, key, selector, targets, targetProblem));
            } else if (sources == null) {
                out.add(read(source, target, key, selector));
            } else if (targetProblem != null) {
                out.add(new Listing(key, null, null, null, targetProblem));
            } else {
                out.add(targets != null ? new Listing(key, sources.get(ns), targets.get(ns), null, null)
                        : targetOf(target, key, sources.get(ns)));
            }
        }
        return out;
    }

    /** The source's list in one namespace, with the target's from a cluster-wide list (or its failure). */
    private static Listing sourceThen(Site source, WatchKey key, LabelSelector selector,
            Map<String, List<GenericKubernetesResource>> targets, String targetProblem) {
        try {
            List<GenericKubernetesResource> objects = list(source, key, selector);
            return targetProblem != null ? new Listing(key, null, null, null, targetProblem)
                    : new Listing(key, objects, targets.get(key.namespace()), null, null);
        } catch (KubernetesClientException e) {
            return new Listing(key, null, null, Site.describe("listing " + key + " " + source.on(), e), null);
        }
    }

    /** The target's list in one namespace, beside the source's from a cluster-wide list. */
    private static Listing targetOf(Site target, WatchKey key, List<GenericKubernetesResource> sources) {
        try {
            return new Listing(key, sources, list(target, key, null), null, null);
        } catch (KubernetesClientException e) {
            return new Listing(key, null, null, null, Site.describe("listing " + key + " " + target.on(), e));
        }
    }

    private static Map<String, List<GenericKubernetesResource>> byNamespace(List<GenericKubernetesResource> objects,
            List<String> namespaces) {
        Map<String, List<GenericKubernetesResource>> out = new HashMap<>();
        namespaces.forEach(ns -> out.put(ns, new ArrayList<>()));
        for (GenericKubernetesResource o : objects) {
            List<GenericKubernetesResource> of = out.get(o.getMetadata().getNamespace());
            if (of != null) {
                of.add(o);
            }
        }
        return out;
    }

    /** Every page of the list, so that a large namespace (or a cluster-wide list) is not read in one response. */
    private static List<GenericKubernetesResource> list(Site site, WatchKey key, LabelSelector selector) {
        var kindOp = site.client().genericKubernetesResources(key.kind().context());
        var op = WatchKey.ALL.equals(key.namespace()) ? kindOp.inAnyNamespace() : kindOp.inNamespace(key.namespace());
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
