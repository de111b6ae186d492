package io.pilotlight.sync;

import io.pilotlight.core.SyncKind;

/** One kind in one namespace: what one informer watches and one list of a full pass reads. */
record WatchKey(SyncKind kind, String namespace) {

    static WatchKey of(ObjectKey key) {
        return new WatchKey(key.kind(), key.namespace());
    }

    @Override
    public String toString() {
        return kind.label() + " in " + namespace;
    }
}
