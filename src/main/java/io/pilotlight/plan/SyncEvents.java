package io.pilotlight.plan;

import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.javaoperatorsdk.operator.processing.event.source.inbound.SimpleInboundEventSource;
import io.pilotlight.api.v1alpha1.DisasterRecoveryPlan;
import io.pilotlight.sync.SyncEngine;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * How the sync wakes its plan: an inbound event source (the sync runs on its own threads, outside any
 * informer) told when a plan's sync changes phase, so that StandbyInSync turns True as soon as the copy
 * is complete and followed, not at the plan's next poll.
 */
@ApplicationScoped
public class SyncEvents {

    private final SimpleInboundEventSource<DisasterRecoveryPlan> source = new SimpleInboundEventSource<>("sync");

    public SyncEvents(SyncEngine engine) {
        engine.onPhaseChange((namespace, name) -> source.propagateEvent(new ResourceID(name, namespace)));
    }

    SimpleInboundEventSource<DisasterRecoveryPlan> source() {
        return source;
    }
}
