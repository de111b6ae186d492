package io.pilotlight.plan;

import io.fabric8.kubernetes.api.model.ListOptions;
import io.fabric8.kubernetes.api.model.ListOptionsBuilder;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinitionVersion;
import io.fabric8.kubernetes.api.model.storage.StorageClass;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.pilotlight.core.clusters.AccessReview;
import io.pilotlight.core.clusters.SiteHealth;
import io.pilotlight.plan.CompatibilityRules.UsedCrd;
import io.pilotlight.status.ConditionResult;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Gathers the facts {@link CompatibilityRules} judges: which namespaced CRDs have objects in the
 * protected namespaces on the primary (one {@code limit=1} list per namespace, and only for the CRDs the
 * standby lacks or serves at other versions), which CRD versions the standby serves, and the
 * StorageClasses of protected PVCs (one cluster-wide list where the identity may make it).
 */
@ApplicationScoped
public class StandbyCompatibility {

    private static final ListOptions FIRST = new ListOptionsBuilder().withLimit(1L).build();

    public ConditionResult check(KubernetesClient primary, SiteHealth primaryHealth, KubernetesClient standby,
            SiteHealth standbyHealth, List<String> namespaces) {
        Map<String, Set<String>> served = new HashMap<>();
        for (CustomResourceDefinition crd : standby.apiextensions().v1().customResourceDefinitions().list().getItems()) {
            served.put(crd.getMetadata().getName(), crd.getSpec().getVersions().stream()
                    .filter(v -> Boolean.TRUE.equals(v.getServed())).map(CustomResourceDefinitionVersion::getName)
                    .collect(Collectors.toSet()));
        }
        List<UsedCrd> used = usedCrds(primary, namespaces, served);
        Set<String> usedClasses = new TreeSet<>();
        protectedClaims(primary, namespaces).stream().map(PersistentVolumeClaim::getSpec).map(s -> s.getStorageClassName())
                .filter(Objects::nonNull).filter(s -> !s.isEmpty()).forEach(usedClasses::add);
        Set<String> standbyClasses = standby.storage().v1().storageClasses().list().getItems().stream()
                .map(StorageClass::getMetadata).map(m -> m.getName()).collect(Collectors.toSet());
        return CompatibilityRules.evaluate(new CompatibilityRules.Facts(primaryHealth.gitVersion(), primaryHealth.minor(),
                standbyHealth.gitVersion(), standbyHealth.minor(), used, served, usedClasses, standbyClasses));
    }

    /**
     * The PVCs of the protected namespaces: one cluster-wide list where the identity may list PVCs
     * everywhere (the requests then grow with nothing), one list per namespace otherwise.
     */
    private static List<PersistentVolumeClaim> protectedClaims(KubernetesClient primary, List<String> namespaces) {
        if (namespaces.size() > 1 && AccessReview.allowedEverywhere(primary, "", "persistentvolumeclaims", "list")) {
            Set<String> wanted = Set.copyOf(namespaces);
            return primary.persistentVolumeClaims().inAnyNamespace().list().getItems().stream()
                    .filter(c -> wanted.contains(c.getMetadata().getNamespace())).toList();
        }
        List<PersistentVolumeClaim> claims = new ArrayList<>();
        for (String ns : namespaces) {
            claims.addAll(primary.persistentVolumeClaims().inNamespace(ns).list().getItems());
        }
        return claims;
    }

    /** The CRDs that {@link CompatibilityRules#mayBlock} and that the protected namespaces use. */
    private static List<UsedCrd> usedCrds(KubernetesClient primary, List<String> namespaces, Map<String, Set<String>> served) {
        List<UsedCrd> used = new ArrayList<>();
        for (CustomResourceDefinition crd : primary.apiextensions().v1().customResourceDefinitions().list().getItems()) {
            if (!"Namespaced".equals(crd.getSpec().getScope())) {
                continue;
            }
            String version = crd.getSpec().getVersions().stream().filter(v -> Boolean.TRUE.equals(v.getStorage()))
                    .map(CustomResourceDefinitionVersion::getName).findFirst().orElse(null);
            if (version == null || !CompatibilityRules.mayBlock(crd.getMetadata().getName(), version, served)) {
                continue;
            }
            var resources = primary.genericKubernetesResources(crd.getSpec().getGroup() + "/" + version, crd.getSpec().getNames().getKind());
            for (String ns : namespaces) {
                if (!resources.inNamespace(ns).list(FIRST).getItems().isEmpty()) {
                    used.add(new UsedCrd(crd.getMetadata().getName(), version, ns));
                    break;
                }
            }
        }
        return used;
    }
}
