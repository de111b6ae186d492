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
 * when one failed (the source's first). Each site's lists of a kind are one {@link Side}, read on its
 * own so that both sites are listed at the same time; where a site may list the kind cluster-wide
 * ({@link ListScope}), one list of it serves every protected namespace.
 */
record Listing(WatchKey key, List<GenericKubernetesResource> source, List<GenericKubernetesResource> target,
        String sourceProblem, String targetProblem) {

    private static final int PAGE = 500;

    /** One site's objects of one kind per protected namespace, or why a namespace's could not be listed. */
    record Side(Map<String, List<GenericKubernetesResource>> objects, Map<String, String> problems) {

        /**
         * Lists the kind on the site: once cluster-wide where the site may, else once per namespace.
         *
         * @param selector the plan's label selector on the source, null on the target (every copy counts there)
         */
        static Side read(Site site, SyncKind kind, List<String> namespaces, LabelSelector selector, ListScope scope) {
            Map<String, List<GenericKubernetesResource>> objects = new HashMap<>();
            Map<String, String> problems = new HashMap<>();
            if (scope.clusterWide(site, kind, namespaces)) {
                WatchKey all = WatchKey.everywhere(kind);
                try {
                    namespaces.forEach(ns -> objects.put(ns, new ArrayList<>()));
                    for (GenericKubernetesResource o : list(site, all, selector)) {
                        List<GenericKubernetesResource> of = objects.get(o.getMetadata().getNamespace());
                        if (of != null) {
                            of.add(o);
                        }
                    }
                } catch (KubernetesClientException e) {
                    String problem = Site.describe("listing " + all + " " + site.on(), e);
                    namespaces.forEach(ns -> problems.put(ns, problem));
                }
                return new Side(objects, problems);
            }
            for (String ns : namespaces) {
                WatchKey key = new WatchKey(kind, ns);
                try {
                    objects.put(ns, list(site, key, selector));
                } catch (KubernetesClientException e) {
                    problems.put(ns, Site.describe("listing " + key + " " + site.on(), e));
                }
            }
            return new Side(objects, problems);
        }
    }

    /** The kind in each of the namespaces (in their order), from both sites' sides. */
    static List<Listing> of(SyncKind kind, List<String> namespaces, Side source, Side target) {
        List<Listing> out = new ArrayList<>(namespaces.size());
        for (String ns : namespaces) {
            WatchKey key = new WatchKey(kind, ns);
            String sourceProblem = source.problems().get(ns);
            String targetProblem = target.problems().get(ns);
            out.add(sourceProblem != null ? new Listing(key, null, null, sourceProblem, null)
                    : targetProblem != null ? new Listing(key, null, null, null, targetProblem)
                    : new Listing(key, source.objects().get(ns), target.objects().get(ns), null, null));
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
