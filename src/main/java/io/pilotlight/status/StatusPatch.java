package io.pilotlight.status;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.javaoperatorsdk.operator.api.reconciler.ErrorStatusUpdateControl;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;

/**
 * Status patches of a reconciler that recomputes its status from what it observes on every pass and
 * is the only writer of the fields it applies (the plan's). JOSDK's server-side apply sends the
 * resourceVersion it read, so any other write in between (the plan's site state, written by a
 * Failover) fails it with a conflict and a retry. Without it the apply merges: fields owned by
 * others are left alone. Not for a state machine's status (a Failover's), which must not be written
 * from a stale read.
 */
public final class StatusPatch {

    private StatusPatch() {
    }

    public static <P extends HasMetadata> UpdateControl<P> of(P resource) {
        resource.getMetadata().setResourceVersion(null);
        return UpdateControl.patchStatus(resource);
    }

    public static <P extends HasMetadata> ErrorStatusUpdateControl<P> onError(P resource) {
        resource.getMetadata().setResourceVersion(null);
        return ErrorStatusUpdateControl.patchStatus(resource);
    }
}
