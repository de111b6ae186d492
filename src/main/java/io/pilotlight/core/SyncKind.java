package io.pilotlight.core;

import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;

/**
 * A protected kind as the primary serves it: group, the version Pilotlight reads and writes (the
 * group's preferred version that serves the kind), kind and plural resource name.
 */
public record SyncKind(String group, String version, String kind, String plural) {

    public String apiVersion() {
        return group.isEmpty() ? version : group + "/" + version;
    }

    /** {@code apps/Deployment}, or just {@code ConfigMap} for the core group. */
    public String label() {
        return group.isEmpty() ? kind : group + "/" + kind;
    }

    public boolean is(String group, String kind) {
        return this.group.equals(group) && this.kind.equals(kind);
    }

    public ResourceDefinitionContext context() {
        return new ResourceDefinitionContext.Builder().withGroup(group).withVersion(version).withKind(kind)
                .withPlural(plural).withNamespaced(true).build();
    }

    @Override
    public String toString() {
        return label();
    }
}
