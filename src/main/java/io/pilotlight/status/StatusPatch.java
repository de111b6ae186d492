package io.pilotlight.status;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.javaoperatorsdk.operator.api.reconciler.ErrorStatusUpdateControl;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;

/**
 * Status patches of a reconciler that is the only writer of the status fields it applies. JOSDK's
 * server-side apply sends the resourceVersion it read, so any other write in between (the plan's
 * site state written by a Failover, or the cache not yet holding our own last patch when a step
 * reschedules at once) fails it with a conflict and a retry. Without it the apply merges: fields
 * owned by others are left alone.
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
