package io.pilotlight.sync;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.informers.cache.BasicItemStore;
import io.fabric8.kubernetes.client.informers.cache.Cache;
import io.fabric8.kubernetes.client.informers.cache.ItemStore;
import java.util.Set;
import java.util.stream.Stream;

/**
 * An informer's cache that keeps only what the sync reads: objects of the protected namespaces (a
 * cluster-wide informer also receives the others), without managedFields and status, which the copy
 * drops anyway ({@link ObjectCleaner#clean}) and which are most of a Deployment's bytes. Fabric8's
 * informers have no item transform, so the store strips on receipt; the object the event handlers get
 * is the stripped one.
 */
final class SlimStore implements ItemStore<GenericKubernetesResource> {

    private final BasicItemStore<GenericKubernetesResource> items = new BasicItemStore<>(Cache::metaNamespaceKeyFunc);
    private final Set<String> namespaces;

    /** @param namespaces the namespaces kept, or null for all (a per-namespace informer) */
    SlimStore(Set<String> namespaces) {
        this.namespaces = namespaces;
    }

    /** Whether the object is in a namespace the store keeps. */
    boolean keeps(GenericKubernetesResource object) {
        return namespaces == null || namespaces.contains(object.getMetadata().getNamespace());
    }

    @Override
    public GenericKubernetesResource put(String key, GenericKubernetesResource object) {
        if (!keeps(object)) {
            return items.remove(key);
        }
        object.getMetadata().setManagedFields(null);
        object.getAdditionalProperties().remove("status");
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
