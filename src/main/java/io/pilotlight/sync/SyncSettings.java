package io.pilotlight.sync;

import io.fabric8.kubernetes.api.model.LabelSelector;
import io.pilotlight.api.v1alpha1.DisasterRecoveryPlan;
import io.pilotlight.api.v1alpha1.DisasterRecoveryPlanSpec;
import io.pilotlight.api.v1alpha1.plan.PilotLightSpec;
import io.pilotlight.api.v1alpha1.plan.ResourceKind;
import io.pilotlight.api.v1alpha1.plan.SyncMode;
import io.pilotlight.api.v1alpha1.plan.SyncSpec;
import io.pilotlight.util.GoDurations;
import io.pilotlight.util.Json;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * What a plan asks of its sync, taken from its spec once. {@code reportOrphans}: objects of the target
 * that Pilotlight neither made nor adopted, and that the source lacks, are reported as conflicts when the
 * target is the primary re-protected after a failover (they are the application's own objects that the
 * active site no longer has); the standby may hold objects of its own, as before. Two settings with the same
 * {@link #fingerprint()} run the same sync: anything else in the plan may change without restarting it.
 */
public record SyncSettings(String planNamespace, String planName, String sourceSite, String targetSite, SyncMode mode,
        Duration interval, boolean prune, List<ResourceKind> kinds, LabelSelector labelSelector, PilotLightSpec pilotLight,
        List<String> namespaces, boolean reportOrphans, String fingerprint) {

    /** @param namespaces the protected namespaces on the source site */
    public static SyncSettings of(DisasterRecoveryPlan plan, List<String> namespaces, String sourceSite, String targetSite) {
        DisasterRecoveryPlanSpec spec = plan.getSpec();
        SyncSpec sync = spec.getSync() == null ? new SyncSpec() : spec.getSync();
        SyncMode mode = spec.syncMode();
        Duration interval = GoDurations.parse(sync.getInterval() == null ? "5m" : sync.getInterval());
        boolean prune = !Boolean.FALSE.equals(sync.getPrune());
        List<ResourceKind> kinds = spec.getProtect().getResources() == null ? List.of() : spec.getProtect().getResources();
        List<String> ns = namespaces.stream().sorted().distinct().toList();
        String fingerprint = Json.asJson(Map.of("mode", mode.value(), "interval", interval.toString(), "prune", prune,
                "kinds", kinds, "selector", spec.getProtect().getLabelSelector() == null ? "" : spec.getProtect().getLabelSelector(),
                "pilotLight", spec.getPilotLight() == null ? "" : spec.getPilotLight(), "namespaces", ns,
                "site", sourceSite, "target", targetSite));
        return new SyncSettings(plan.getMetadata().getNamespace(), plan.getMetadata().getName(), sourceSite, targetSite,
                mode, interval, prune, List.copyOf(kinds), spec.getProtect().getLabelSelector(), spec.getPilotLight(), ns,
                !sourceSite.equals(spec.getPrimary().getName()), fingerprint);
    }

    public String planKey() {
        return planNamespace + "/" + planName;
    }
}
