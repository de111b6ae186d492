package io.pilotlight.sync;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;
import io.pilotlight.core.PlanLabels;
import io.pilotlight.core.SyncKind;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Objects of the sync's unit tests, as a list of either site returns them: no cluster involved. */
final class SyncObjects {

    static final SyncKind CONFIG_MAP = new SyncKind("", "v1", "ConfigMap", "configmaps");
    static final String NS = "shop";
    static final Map<String, String> OURS = PlanLabels.of("team", "plan");

    private SyncObjects() {
    }

    /** A ConfigMap of the source: uid {@code src-<name>}, the given resourceVersion. */
    static GenericKubernetesResource source(String name, String resourceVersion) {
        return object(CONFIG_MAP, name, "src-" + name, resourceVersion, Map.of("app", "shop"));
    }

    /** A ConfigMap of the target: Pilotlight's (with the plan's labels) or someone else's. */
    static GenericKubernetesResource target(String name, String resourceVersion, boolean ours) {
        return object(CONFIG_MAP, name, "tgt-" + name, resourceVersion, ours ? OURS : Map.of("app", "shop"));
    }

    /** A ConfigMap of the source made by a Deployment, which a plan that carries Deployments leaves out. */
    static GenericKubernetesResource made(String name) {
        GenericKubernetesResource o = source(name, "1");
        o.getMetadata().setOwnerReferences(List.of(new OwnerReferenceBuilder().withApiVersion("apps/v1")
                .withKind("Deployment").withName("web").withUid("d1").withController(true).build()));
        return o;
    }

    static GenericKubernetesResource object(SyncKind kind, String name, String uid, String resourceVersion,
            Map<String, String> labels) {
        GenericKubernetesResource o = new GenericKubernetesResource();
        o.setApiVersion(kind.apiVersion());
        o.setKind(kind.kind());
        o.setMetadata(new ObjectMetaBuilder().withName(name).withNamespace(NS).withUid(uid)
                .withResourceVersion(resourceVersion).withLabels(new HashMap<>(labels)).build());
        return o;
    }

    /** What the ledger holds after writing {@code source} as {@code written}. */
    static Copy copy(GenericKubernetesResource source, GenericKubernetesResource written) {
        return new Copy(source.getMetadata().getUid(), source.getMetadata().getResourceVersion(),
                written.getMetadata().getUid(), Copy.versionOf(written), false);
    }

    /** ConfigMaps in {@link #NS} as both sites listed them. */
    static Listing listing(List<GenericKubernetesResource> source, List<GenericKubernetesResource> target) {
        return new Listing(new WatchKey(CONFIG_MAP, NS), source, target, null, null);
    }

    static ObjectKey key(String name) {
        return new ObjectKey(CONFIG_MAP, NS, name);
    }
}
