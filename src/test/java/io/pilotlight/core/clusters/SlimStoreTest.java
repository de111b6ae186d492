package io.pilotlight.core.clusters;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.ManagedFieldsEntry;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SlimStoreTest {

    private static GenericKubernetesResource object(String namespace, String name) {
        GenericKubernetesResource o = new GenericKubernetesResource();
        o.setApiVersion("apps/v1");
        o.setKind("Deployment");
        o.setMetadata(new ObjectMetaBuilder().withNamespace(namespace).withName(name).withResourceVersion("7")
                .withManagedFields(List.of(new ManagedFieldsEntry())).build());
        o.setAdditionalProperty("spec", Map.of("replicas", 2));
        o.setAdditionalProperty("status", Map.of("readyReplicas", 2));
        return o;
    }

    @Test
    void keepsTheProtectedNamespacesWithoutManagedFieldsOrStatus() {
        SlimStore store = SlimStore.withoutStatus(Set.of("shop"));

        store.put("shop/web", object("shop", "web"));
        store.put("other/web", object("other", "web"));

        assertThat(store.size()).isEqualTo(1);
        GenericKubernetesResource kept = store.get("shop/web");
        assertThat(kept.getMetadata().getManagedFields()).isNullOrEmpty();
        assertThat(kept.getAdditionalProperties()).containsKey("spec").doesNotContainKey("status");
        assertThat(store.keeps(object("other", "x"))).isFalse();
        assertThat(store.get("other/web")).isNull();
    }

    @Test
    void aPerNamespaceStoreKeepsEverythingItIsGiven() {
        SlimStore store = SlimStore.withoutStatus(null);

        store.put("any/web", object("any", "web"));

        assertThat(store.keeps(object("elsewhere", "x"))).isTrue();
        assertThat(store.keySet()).containsExactly("any/web");
        assertThat(store.remove("any/web")).isNotNull();
        assertThat(store.size()).isZero();
    }

    @Test
    void aStoreForReadinessKeepsTheStatus() {
        SlimStore store = SlimStore.withStatus(Set.of("shop"));

        store.put("shop/web", object("shop", "web"));

        GenericKubernetesResource kept = store.get("shop/web");
        assertThat(kept.getMetadata().getManagedFields()).isNullOrEmpty();
        assertThat(kept.getAdditionalProperties()).containsKeys("spec", "status");
    }
}
