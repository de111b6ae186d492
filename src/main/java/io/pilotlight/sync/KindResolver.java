package io.pilotlight.sync;

import io.fabric8.kubernetes.api.model.APIGroup;
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
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Maps the {group, kind} pairs of {@code spec.protect.resources} to what the primary serves, through
 * discovery: the group's preferred version first, then its other versions. A kind the primary does
 * not serve, or serves cluster-wide, or cannot list and watch, is reported and left out; the others
 * are still synced.
 */
final class KindResolver {

    /** @param labels the {@link SyncKind#label()}s of {@code kinds}, for {@link ObjectCleaner#skipReason} */
    record Resolution(List<SyncKind> kinds, Set<String> labels, List<String> unknown) {
    }

    private KindResolver() {
    }

    /** @throws io.fabric8.kubernetes.client.KubernetesClientException when discovery itself fails */
    static Resolution resolve(KubernetesClient primary, List<ResourceKind> wanted) {
        Map<String, APIResourceList> discovered = new HashMap<>();
        Map<String, List<String>> groups = new HashMap<>();
        List<SyncKind> kinds = new ArrayList<>();
        List<String> unknown = new ArrayList<>();
        for (ResourceKind rk : wanted) {
            String group = rk.getGroup() == null ? "" : rk.getGroup();
            String label = group.isEmpty() ? rk.getKind() : group + "/" + rk.getKind();
            SyncKind found = null;
            String why = "not served by the primary";
            for (String version : groups.computeIfAbsent(group, g -> versions(primary, g))) {
                String groupVersion = group.isEmpty() ? version : group + "/" + version;
                APIResourceList list = discovered.computeIfAbsent(groupVersion, primary::getApiResources);
                if (list == null || list.getResources() == null) {
                    continue;
                }
                for (APIResource r : list.getResources()) {
                    if (!rk.getKind().equals(r.getKind()) || r.getName().contains("/")) {
                        continue;
                    }
                    if (!Boolean.TRUE.equals(r.getNamespaced())) {
                        why = "cluster-scoped: only namespaced kinds can be protected";
                    } else if (r.getVerbs() == null || !r.getVerbs().containsAll(List.of("list", "watch"))) {
                        why = "the primary does not allow listing and watching it";
                    } else {
                        found = new SyncKind(group, version, rk.getKind(), r.getName());
                    }
                    break;
                }
                if (found != null) {
                    break;
                }
            }
            if (found != null) {
                if (!kinds.contains(found)) {
                    kinds.add(found);
                }
            } else {
                unknown.add(label + " (" + why + ")");
            }
        }
        return new Resolution(List.copyOf(kinds), kinds.stream().map(SyncKind::label).collect(Collectors.toUnmodifiableSet()),
                List.copyOf(unknown));
    }

    /** The versions of a group that the primary serves, the preferred one first. */
    private static List<String> versions(KubernetesClient primary, String group) {
        if (group.isEmpty()) {
            return List.of("v1");
        }
        APIGroup apiGroup = primary.getApiGroup(group);
        if (apiGroup == null) {
            return List.of();
        }
        LinkedHashSet<String> versions = new LinkedHashSet<>();
        if (apiGroup.getPreferredVersion() != null) {
            versions.add(apiGroup.getPreferredVersion().getVersion());
        }
        if (apiGroup.getVersions() != null) {
            apiGroup.getVersions().stream().map(GroupVersionForDiscovery::getVersion).forEach(versions::add);
        }
        return List.copyOf(versions);
    }
}
