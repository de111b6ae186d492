package io.pilotlight.workloads;

import io.pilotlight.core.SyncAnnotations;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Deployments, StatefulSets, ReplicaSets: {@code spec.replicas} set to the policy's count (the
 * pilot-light count or the first matching keepWarm entry's; 0 in place), the count before in
 * {@link SyncAnnotations#PRIMARY_REPLICAS}.
 */
final class ReplicaParking implements KindParking {

    static final ReplicaParking RULE = new ReplicaParking();

    private ReplicaParking() {
    }

    @Override
    public Optional<Change> change(ParkingPolicy policy, String version, Map<String, String> labels) {
        int target = policy.replicas(labels);
        return Optional.of(new Change(List.of(replicas(target)), policy.warm(labels).isPresent() ? null : String.valueOf(target)));
    }

    @Override
    public List<ParkedField> fields() {
        return List.of(replicas(0));
    }

    /** An absent count is recorded as the API's default, 1. */
    private static ParkedField replicas(int target) {
        return new ParkedField(SyncAnnotations.PRIMARY_REPLICAS, List.of("spec", "replicas"),
                v -> String.valueOf(v == null ? 1 : v), Integer::parseInt, v -> target);
    }
}
