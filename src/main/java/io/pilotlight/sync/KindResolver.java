package io.pilotlight.sync;

import io.fabric8.kubernetes.api.model.APIGroup;
import io.fabric8.kubernetes.api.model.APIGroupList;
import io.fabric8.kubernetes.api.model.APIResource;
import io.fabric8.kubernetes.api.model.APIResourceList;
import io.fabric8.kubernetes.api.model.GroupVersionForDiscovery;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.pilotlight.api.v1alpha1.plan.ResourceKind;
import io.pilotlight.core.SyncKind;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

/**
 * Maps the {group, kind} pairs of {@code spec.protect.resources} to what the primary serves, through
 * discovery: the group's preferred version first, then its other versions. A kind the primary does
 * not serve, or serves cluster-wide, or cannot list and watch, is reported and left out; the others
 * are still synced.
 *
 * <p>Discovery is the first link of the chain before the first copy: one request reads every group's
 * versions, then the resource lists of the versions to look at are read in parallel, round by round (a
 * second round only for a kind missing from its group's preferred version).
 */
final class KindResolver {

    /** @param labels the {@link SyncKind#label()}s of {@code kinds}, for {@link ObjectCleaner#skipReason} */
    record Resolution(List<SyncKind> kinds, Set<String> labels, List<String> unknown) {
    }

    private KindResolver() {
    }

    /** @throws io.fabric8.kubernetes.client.KubernetesClientException when discovery itself fails */
    static Resolution resolve(KubernetesClient primary, List<ResourceKind> wanted, WriterPool pool) throws InterruptedException {
        Map<String, List<String>> versions = versions(primary, wanted);
        List<Lookup> lookups = wanted.stream().map(rk -> new Lookup(rk, versions.getOrDefault(group(rk), List.of()))).toList();
        Map<String, Optional<APIResourceList>> discovered = new HashMap<>();
        for (List<String> round = next(lookups, discovered); !round.isEmpty(); round = next(lookups, discovered)) {
            List<Optional<APIResourceList>> lists = pool.runAll(round.stream()
                    .<Callable<Optional<APIResourceList>>>map(gv -> () -> Optional.ofNullable(primary.getApiResources(gv))).toList());
            for (int i = 0; i < round.size(); i++) {
                discovered.put(round.get(i), lists.get(i));
            }
            lookups.forEach(l -> l.look(discovered));
        }
        List<SyncKind> kinds = new ArrayList<>();
        List<String> unknown = new ArrayList<>();
        for (Lookup l : lookups) {
            if (l.found == null) {
                unknown.add(l.label() + " (" + l.why + ")");
            } else if (!kinds.contains(l.found)) {
                kinds.add(l.found);
            }
        }
        return new Resolution(List.copyOf(kinds), kinds.stream().map(SyncKind::label).collect(Collectors.toUnmodifiableSet()),
                List.copyOf(unknown));
    }

    /** The group versions that the lookups still to be decided look at next and that were not read yet. */
    private static List<String> next(List<Lookup> lookups, Map<String, Optional<APIResourceList>> discovered) {
        return lookups.stream().map(Lookup::current).filter(gv -> gv != null && !discovered.containsKey(gv)).distinct().toList();
    }

    /** The versions of each wanted group that the primary serves, the preferred one first; one request for all groups. */
    private static Map<String, List<String>> versions(KubernetesClient primary, List<ResourceKind> wanted) {
        Map<String, List<String>> out = new HashMap<>();
        out.put("", List.of("v1"));
        if (wanted.stream().allMatch(rk -> group(rk).isEmpty())) {
            return out;
        }
        APIGroupList groups = primary.getApiGroups();
        for (APIGroup g : groups == null || groups.getGroups() == null ? List.<APIGroup>of() : groups.getGroups()) {
            LinkedHashSet<String> served = new LinkedHashSet<>();
            if (g.getPreferredVersion() != null) {
                served.add(g.getPreferredVersion().getVersion());
            }
            if (g.getVersions() != null) {
                g.getVersions().stream().map(GroupVersionForDiscovery::getVersion).forEach(served::add);
            }
            out.put(g.getName(), List.copyOf(served));
        }
        return out;
    }

    private static String group(ResourceKind rk) {
        return rk.getGroup() == null ? "" : rk.getGroup();
    }

    /** One wanted kind, looked for version after version of its group until found or out of versions. */
    private static final class Lookup {

        private final ResourceKind wanted;
        private final List<String> versions;
        private int next;
        private SyncKind found;
        private String why = "not served by the primary";

        Lookup(ResourceKind wanted, List<String> versions) {
            this.wanted = wanted;
            this.versions = versions;
        }

        String label() {
            return group(wanted).isEmpty() ? wanted.getKind() : group(wanted) + "/" + wanted.getKind();
        }

        /** The group version to look at now; null once decided. */
        String current() {
            if (found != null || next >= versions.size()) {
                return null;
            }
            String version = versions.get(next);
            return group(wanted).isEmpty() ? version : group(wanted) + "/" + version;
        }

        /** Looks at the current version if it was read: decides, or moves on to the next version. */
        void look(Map<String, Optional<APIResourceList>> discovered) {
            String gv = current();
            if (gv == null || !discovered.containsKey(gv)) {
                return;
            }
            String version = versions.get(next++);
            APIResourceList list = discovered.get(gv).orElse(null);
            for (APIResource r : list == null || list.getResources() == null ? List.<APIResource>of() : list.getResources()) {
                if (!wanted.getKind().equals(r.getKind()) || r.getName().contains("/")) {
                    continue;
                }
                if (!Boolean.TRUE.equals(r.getNamespaced())) {
                    why = "cluster-scoped: only namespaced kinds can be protected";
                } else if (r.getVerbs() == null || !r.getVerbs().containsAll(List.of("list", "watch"))) {
                    why = "the primary does not allow listing and watching it";
                } else {
                    found = new SyncKind(group(wanted), version, wanted.getKind(), r.getName());
                }
                return;
            }
        }
    }
}
