package io.pilotlight.sync;

import io.pilotlight.core.SyncKind;

/** One protected object: its kind, namespace and name (the same on both sites). */
public record ObjectKey(SyncKind kind, String namespace, String name) {

    @Override
    public String toString() {
        return kind.kind() + " " + namespace + "/" + name;
    }
}
