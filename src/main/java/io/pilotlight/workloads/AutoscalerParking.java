package io.pilotlight.workloads;

import io.pilotlight.core.SyncAnnotations;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * HorizontalPodAutoscalers (autoscaling/v2): scaling disabled both ways through {@code spec.behavior}
 * ({@code selectPolicy: Disabled}), the behaviour before in {@link SyncAnnotations#PRIMARY_HPA_BEHAVIOR}.
 * The HPA keeps its target and bounds, so it still reads metrics and reports, but cannot scale a
 * parked workload up (a workload at 0 replicas is not autoscaled at all). An autoscaling/v1 HPA,
 * which has no behaviour, is detached from its target instead ({@link SyncAnnotations#PRIMARY_SCALE_TARGET}).
 */
final class AutoscalerParking implements KindParking {

    static final AutoscalerParking RULE = new AutoscalerParking();

    private static final String DETACHED_TARGET_PREFIX = "pilotlight-parked-";

    private static final Map<String, Object> DISABLED = Map.of("scaleUp", Map.of("selectPolicy", "Disabled"),
            "scaleDown", Map.of("selectPolicy", "Disabled"));
    private static final ParkedField BEHAVIOR = ParkedField.json(SyncAnnotations.PRIMARY_HPA_BEHAVIOR, v -> DISABLED,
            "spec", "behavior");
    private static final ParkedField TARGET = new ParkedField(SyncAnnotations.PRIMARY_SCALE_TARGET,
            List.of("spec", "scaleTargetRef", "name"), String::valueOf, v -> v, AutoscalerParking::detached);

    private AutoscalerParking() {
    }

    @Override
    public Optional<Change> change(ParkingPolicy policy, String version, Map<String, String> labels) {
        return Optional.of("v1".equals(version) ? new Change(List.of(TARGET), "detached")
                : new Change(List.of(BEHAVIOR), "scaling-disabled"));
    }

    @Override
    public List<ParkedField> fields() {
        return List.of(BEHAVIOR, TARGET);
    }

    /** Idempotent, so that parking a detached HPA again leaves it as it is. */
    private static Object detached(Object name) {
        String target = String.valueOf(name);
        return target.startsWith(DETACHED_TARGET_PREFIX) ? target : DETACHED_TARGET_PREFIX + target;
    }
}
