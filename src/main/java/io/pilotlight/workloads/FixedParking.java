package io.pilotlight.workloads;

import io.pilotlight.core.SyncAnnotations;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A kind parked by one value set always the same way, whatever the policy's count. */
record FixedParking(ParkedField field, String mark) implements KindParking {

    private static final String KEDA_PAUSED = "autoscaling.keda.sh/paused";

    /** CronJobs and Jobs: {@code spec.suspend} set, the flag before in {@link SyncAnnotations#PRIMARY_SUSPEND}. */
    static final FixedParking SUSPEND = new FixedParking(new ParkedField(SyncAnnotations.PRIMARY_SUSPEND, List.of("spec", "suspend"),
            v -> String.valueOf(Boolean.TRUE.equals(v)), Boolean::parseBoolean, v -> true), "suspended");

    /**
     * KEDA ScaledObjects: annotated {@code autoscaling.keda.sh/paused: "true"}, the annotation before in
     * {@link SyncAnnotations#PRIMARY_KEDA_PAUSED}.
     */
    static final FixedParking KEDA_PAUSE = new FixedParking(ParkedField.json(SyncAnnotations.PRIMARY_KEDA_PAUSED, v -> "true",
            "metadata", "annotations", KEDA_PAUSED), "paused");

    @Override
    public Optional<Change> change(ParkingPolicy policy, String version, Map<String, String> labels) {
        return Optional.of(new Change(List.of(field), mark));
    }

    @Override
    public List<ParkedField> fields() {
        return List.of(field);
    }
}
