package io.pilotlight.workloads;

import io.pilotlight.core.SyncAnnotations;
import io.pilotlight.util.ObjectMaps;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * DaemonSets, which have no replica count: parked at 0 with a pod template node selector that no
 * node matches, the selector before in {@link SyncAnnotations#PRIMARY_NODE_SELECTOR}. One the policy
 * runs (a pilot-light count or a keepWarm entry above 0) is left running.
 */
final class DaemonSetParking implements KindParking {

    static final DaemonSetParking RULE = new DaemonSetParking();

    private static final ParkedField NODE_SELECTOR = ParkedField.json(SyncAnnotations.PRIMARY_NODE_SELECTOR,
            DaemonSetParking::unschedulable, "spec", "template", "spec", "nodeSelector");

    private DaemonSetParking() {
    }

    @Override
    public Optional<Change> change(ParkingPolicy policy, String version, Map<String, String> labels) {
        return policy.replicas(labels) > 0 ? Optional.empty() : Optional.of(new Change(List.of(NODE_SELECTOR), "0"));
    }

    @Override
    public List<ParkedField> fields() {
        return List.of(NODE_SELECTOR);
    }

    private static Object unschedulable(Object selector) {
        Map<String, Object> parked = new LinkedHashMap<>(ObjectMaps.map(selector));
        parked.put(SyncAnnotations.PARKED_NODE_LABEL, "true");
        return parked;
    }
}
