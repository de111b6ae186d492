package io.pilotlight.plan;

import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.pilotlight.api.v1alpha1.DisasterRecoveryPlan;
import io.pilotlight.api.v1alpha1.Failover;
import io.pilotlight.api.v1alpha1.FailoverSpec;
import io.pilotlight.api.v1alpha1.failover.FailoverType;
import io.pilotlight.api.v1alpha1.failover.PlanRef;
import io.pilotlight.core.PlanLabels;
import java.util.HashMap;
import java.util.Map;

/** The Failovers a plan's pass creates by itself (automatic failover, scheduled drills). */
final class OwnFailovers {

    private OwnFailovers() {
    }

    /**
     * A Failover of the plan named {@code <plan, cut to 40>-<suffix>}, labelled with the plan's own
     * labels (whatever selects the plan, an operator's label selector, selects its Failover), the
     * plan labels and {@code label: "true"}.
     */
    static Failover of(DisasterRecoveryPlan plan, String suffix, FailoverType type, String label, Map<String, String> annotations) {
        String prefix = plan.getMetadata().getName();
        prefix = prefix.length() <= 40 ? prefix : prefix.substring(0, 40).replaceAll("[-.]+$", "");
        Map<String, String> labels = new HashMap<>(plan.getMetadata().getLabels() == null ? Map.of() : plan.getMetadata().getLabels());
        labels.putAll(PlanLabels.of(plan));
        labels.put(label, "true");
        Failover failover = new Failover();
        failover.setMetadata(new ObjectMetaBuilder().withName(prefix + "-" + suffix).withNamespace(plan.getMetadata().getNamespace())
                .withLabels(labels).withAnnotations(annotations.isEmpty() ? null : annotations).build());
        FailoverSpec spec = new FailoverSpec();
        PlanRef ref = new PlanRef();
        ref.setName(plan.getMetadata().getName());
        spec.setPlanRef(ref);
        spec.setType(type);
        failover.setSpec(spec);
        return failover;
    }
}
