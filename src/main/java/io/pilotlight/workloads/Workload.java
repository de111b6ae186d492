package io.pilotlight.workloads;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.pilotlight.core.SyncAnnotations;
import java.util.Map;

/** An object of one of the {@link WorkloadKind}s, as read from a site. */
public record Workload(WorkloadKind kind, GenericKubernetesResource object) {

    public String namespace() {
        return object.getMetadata().getNamespace();
    }

    public String name() {
        return object.getMetadata().getName();
    }

    public Map<String, String> labels() {
        return object.getMetadata().getLabels() == null ? Map.of() : object.getMetadata().getLabels();
    }

    public Map<String, String> annotations() {
        return object.getMetadata().getAnnotations() == null ? Map.of() : object.getMetadata().getAnnotations();
    }

    public boolean parked() {
        return annotations().containsKey(SyncAnnotations.PARKED);
    }

    public boolean ready() {
        return WorkloadReadiness.ready(kind, object);
    }

    /** {@code Deployment shop/web}, for messages. */
    public String describe() {
        return kind.kind() + " " + namespace() + "/" + name();
    }
}
