package io.pilotlight.plan;

import io.javaoperatorsdk.operator.api.config.informer.InformerEventSourceConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.javaoperatorsdk.operator.processing.event.source.informer.InformerEventSource;
import io.pilotlight.api.v1alpha1.DisasterRecoveryPlan;
import io.pilotlight.api.v1alpha1.Failover;
import io.pilotlight.core.ActiveFailovers;
import java.util.Objects;
import java.util.Set;

/**
 * How Failovers reach their plan (as the tomcat sample's {@code WebappReconciler} maps a Tomcat to
 * its Webapps): an informer of Failovers, each mapped to the plan its {@code spec.planRef.name}
 * names in its namespace. The plan reads them with {@code context.getSecondaryResources}, and a
 * Failover wakes its plan when it appears or goes, and when it changes what the plan does: it ends,
 * stops the sync, or is being deleted. Its other steps do not.
 */
final class FailoverEvents {

    private FailoverEvents() {
    }

    static InformerEventSource<Failover, DisasterRecoveryPlan> source(EventSourceContext<DisasterRecoveryPlan> context) {
        return new InformerEventSource<>(InformerEventSourceConfiguration.from(Failover.class, DisasterRecoveryPlan.class)
                .withSecondaryToPrimaryMapper(FailoverEvents::plans)
                .withOnUpdateFilter(FailoverEvents::wakesPlan)
                .build(), context);
    }

    /** The plan a Failover belongs to; none when it names no plan. */
    static Set<ResourceID> plans(Failover failover) {
        String plan = ActiveFailovers.planName(failover);
        return plan == null ? Set.of() : Set.of(new ResourceID(plan, failover.getMetadata().getNamespace()));
    }

    /** Whether a change of a Failover matters to its plan's pass. */
    static boolean wakesPlan(Failover after, Failover before) {
        return ActiveFailovers.ended(after) != ActiveFailovers.ended(before)
                || ActiveFailovers.pausedSync(after) != ActiveFailovers.pausedSync(before)
                || ActiveFailovers.runs(after) != ActiveFailovers.runs(before)
                // A drill's copies deleted: a scheduled drill deferred for them may start.
                || ActiveFailovers.cleanedUp(after) != ActiveFailovers.cleanedUp(before)
                || (after.getMetadata().getDeletionTimestamp() == null) != (before.getMetadata().getDeletionTimestamp() == null)
                || !Objects.equals(ActiveFailovers.planName(after), ActiveFailovers.planName(before));
    }
}
