package io.pilotlight.core.clusters;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.informers.cache.BasicItemStore;
import io.fabric8.kubernetes.client.informers.cache.Cache;
import io.fabric8.kubernetes.client.informers.cache.ItemStore;
import java.util.Set;
import java.util.stream.Stream;

/**
 * An informer's cache that keeps only what its reader uses: objects of the namespaces it works in (a
 * cluster-wide informer also receives the others), without managedFields, which are most of a
 * Deployment's bytes, and, for the sync, without status too, which the copy drops anyway. Fabric8's
 * informers have no item transform, so the store strips on receipt; the object the event handlers get
 * is the stripped one.
 */
public final class SlimStore implements ItemStore<GenericKubernetesResource> {

    private final BasicItemStore<GenericKubernetesResource> items = new BasicItemStore<>(Cache::metaNamespaceKeyFunc);
    private final Set<String> namespaces;
    private final boolean keepStatus;

    private SlimStore(Set<String> namespaces, boolean keepStatus) {
        this.namespaces = namespaces;
        this.keepStatus = keepStatus;
    }

    /** For the sync's copies: no status. @param namespaces the namespaces kept, or null for all (a per-namespace informer) */
    public static SlimStore withoutStatus(Set<String> namespaces) {
        return new SlimStore(namespaces, false);
    }

    /** For readiness, which status tells. @param namespaces as {@link #withoutStatus} */
    public static SlimStore withStatus(Set<String> namespaces) {
        return new SlimStore(namespaces, true);
    }

    /** Whether the object is in a namespace the store keeps. */
    public boolean keeps(GenericKubernetesResource object) {
        return namespaces == null || namespaces.contains(object.getMetadata().getNamespace());
    }

    @Override
    public GenericKubernetesResource put(String key, GenericKubernetesResource object) {
        if (!keeps(object)) {
            return items.remove(key);
        }
        object.getMetadata().setManagedFields(null);
        if (!keepStatus) {
            object.getAdditionalProperties().remove("status");
        }
        return items.put(key, object);
    }

    @Override
    public String getKey(GenericKubernetesResource object) {
        return items.getKey(object);
    }

    @Override
    public GenericKubernetesResource remove(String key) {
        return items.remove(key);
    }

    @Override
    public Stream<String> keySet() {
        return items.keySet();
    }

    @Override
    public Stream<GenericKubernetesResource> values() {
        return items.values();
    }

    @Override
    public int size() {
        return items.size();
    }

    @Override
    public GenericKubernetesResource get(String key) {
        return items.get(key);
    }
}
