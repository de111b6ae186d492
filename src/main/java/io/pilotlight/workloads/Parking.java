package io.pilotlight.workloads;

import static io.pilotlight.util.ObjectMaps.map;

import io.pilotlight.api.v1alpha1.plan.PilotLightSpec;
import io.pilotlight.core.SyncAnnotations;
import io.pilotlight.core.SyncKind;
import java.util.Map;
import java.util.Optional;

/**
 * Parks a cleaned copy for the standby, as {@code spec.pilotLight} says, and records in annotations
 * whatever it changes, so that the primary's state can be restored from the copy alone (what that
 * means per kind: the implementations of {@link KindParking}). Every value is recomputed from the
 * primary's object on each sync, so parking survives re-syncs and follows changes on the primary (a
 * new replica count there updates the annotation).
 */
public final class Parking {

    /** What parking did to one object. */
    public enum Outcome {
        /** Not a kind that runs or scales anything. */
        NOT_A_WORKLOAD,
        /** Held at the pilot-light count, suspended or neutralised. */
        PARKED,
        /** A keepWarm workload running its own count, or parking turned off for its kind. */
        RUNNING
    }

    private final ParkingPolicy policy;

    public Parking(PilotLightSpec spec) {
        this.policy = ParkingPolicy.standby(spec);
    }

    /** Parks the object (a copy's JSON tree) where it is. */
    public Outcome park(SyncKind kind, Map<String, Object> object) {
        Optional<WorkloadKind> workload = WorkloadKind.of(kind);
        if (workload.isEmpty()) {
            return Outcome.NOT_A_WORKLOAD;
        }
        Optional<ParkingProtocol.Parked> parked = ParkingProtocol.park(workload.get(), policy, kind.version(), object);
        parked.ifPresent(p -> p.edits().applyTo(object));
        return parked.filter(ParkingProtocol.Parked::held).isPresent() ? Outcome.PARKED : Outcome.RUNNING;
    }

    /**
     * Puts back, in a copy of a source object that a failover parked in place (the site it left),
     * the values parking recorded: the copy then holds the workload as it ran, and parking it for the
     * standby records the right count instead of 0.
     */
    public static void unparkRecorded(SyncKind kind, Map<String, Object> object) {
        Map<String, Object> annotations = map(map(object.get("metadata")).get("annotations"));
        if (annotations.containsKey(SyncAnnotations.PARKED_BY)) {
            WorkloadKind.of(kind).flatMap(w -> ParkingProtocol.undo(w, annotations)).ifPresent(undo -> undo.applyTo(object));
        }
    }
}
