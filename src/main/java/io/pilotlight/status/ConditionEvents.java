package io.pilotlight.status;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.pilotlight.api.v1alpha1.ConditionStatus;
import jakarta.enterprise.context.ApplicationScoped;

/** Turns condition transitions into Events: Normal when a condition comes to hold, Warning otherwise. */
@ApplicationScoped
public class ConditionEvents {

    private final EventRecorder events;

    public ConditionEvents(EventRecorder events) {
        this.events = events;
    }

    public void emit(HasMetadata about, Conditions.Transition t) {
        EventRecorder.Type type = t.to() == ConditionStatus.TRUE ? EventRecorder.Type.Normal : EventRecorder.Type.Warning;
        events.record(about, type, t.reason(), t.type() + " is " + t.to() + ": " + t.message());
    }
}
