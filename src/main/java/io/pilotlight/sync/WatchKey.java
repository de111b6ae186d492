package io.pilotlight.sync;

import io.pilotlight.core.SyncKind;

/**
 * One kind in one namespace, or in every namespace ({@link #ALL}): what one informer watches and one
 * list of a full pass reads.
 */
record WatchKey(SyncKind kind, String namespace) {

    /** The namespace of a cluster-wide informer's key (no namespace has an empty name). */
    static final String ALL = "";

    static WatchKey of(ObjectKey key) {
        return new WatchKey(key.kind(), key.namespace());
    }

    static WatchKey everywhere(SyncKind kind) {
        return new WatchKey(kind, ALL);
    }

    @Override
    public String toString() {
        return kind.label() + (ALL.equals(namespace) ? " in every namespace" : " in " + namespace);
    }
}
