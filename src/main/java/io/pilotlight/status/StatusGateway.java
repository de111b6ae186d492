package io.pilotlight.status;

import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import java.lang.reflect.InvocationTargetException;

/**
 * Writes a primary's status and hands the answer to the controller's cache, as JOSDK's
 * {@code PrimaryUpdateAndCacheUtils} and the Flink operator's {@code StatusRecorder} do: the next
 * reconcile, even one rescheduled at once, starts from what was written instead of an informer copy
 * that may not have it yet, so no reconciler needs to read its own primary again.
 *
 * <p>The write is a server-side apply of the status alone, with the controller's field manager. Two
 * kinds of status, two locks:
 * <ul>
 * <li>{@link Lock#MERGE}: a status recomputed from what the reconciler observes on every pass, whose
 * fields no one else writes (a plan's). No resourceVersion: another writer's fields in between (the
 * plan's site state, written by a Failover) are merged, not a conflict. The server's answer holds both,
 * so it is still right to cache.</li>
 * <li>{@link Lock#OPTIMISTIC}: a state machine's status (a Failover's), which must never be written
 * on top of a version it did not read: a write in between fails it with HTTP 409, thrown, and JOSDK
 * reconciles again from the newer version.</li>
 * </ul>
 */
public final class StatusGateway {

    public enum Lock {
        MERGE, OPTIMISTIC
    }

    private StatusGateway() {
    }

    /** Applies the resource's status; returns the resource as the server stored it, now also in the controller's cache. */
    public static <P extends CustomResource<?, ?>> P apply(P resource, Lock lock, Context<P> context) {
        P updated = context.getClient().resource(body(resource, lock)).subresource("status").patch(new PatchContext.Builder()
                .withPatchType(PatchType.SERVER_SIDE_APPLY).withForce(true)
                .withFieldManager(context.getControllerConfiguration().fieldManager()).build());
        context.eventSourceRetriever().getControllerEventSource()
                .handleRecentResourceUpdate(ResourceID.fromResource(resource), updated, resource);
        return updated;
    }

    /**
     * What an apply of the status sends: name, namespace, the resourceVersion read when the lock is
     * optimistic, and the status; no spec, labels or managedFields (an apply must not carry those).
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    static <P extends CustomResource<?, ?>> P body(P resource, Lock lock) {
        P body;
        try {
            body = (P) resource.getClass().getDeclaredConstructor().newInstance();
        } catch (InstantiationException | IllegalAccessException | InvocationTargetException | NoSuchMethodException e) {
            throw new IllegalStateException(resource.getClass() + " has no public no-argument constructor", e);
        }
        body.setMetadata(new ObjectMetaBuilder().withName(resource.getMetadata().getName())
                .withNamespace(resource.getMetadata().getNamespace())
                .withResourceVersion(lock == Lock.OPTIMISTIC ? resource.getMetadata().getResourceVersion() : null).build());
        ((CustomResource) body).setStatus(resource.getStatus());
        return body;
    }
}
