package io.pilotlight.plan;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Prometheus gauges per plan: current RPO, age of the newest backup, reachability of each site and
 * readiness. A value that is not known is NaN (Prometheus shows no sample rather than a wrong 0).
 */
@ApplicationScoped
public class PlanMetrics {

    public record Values(double rpoSeconds, double lastBackupAgeSeconds, boolean primaryReachable,
            boolean standbyReachable, boolean ready, double rpoObjectiveSeconds, double rtoObjectiveSeconds) {
    }

    private final MeterRegistry registry;
    private final Map<String, Registered> byPlan = new ConcurrentHashMap<>();

    private record Registered(AtomicReference<Values> values, List<Meter> meters) {
    }

    public PlanMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    public void update(String namespace, String name, Values values) {
        byPlan.computeIfAbsent(namespace + "/" + name, k -> register(namespace, name)).values().set(values);
    }

    public void remove(String namespace, String name) {
        Registered r = byPlan.remove(namespace + "/" + name);
        if (r != null) {
            r.meters().forEach(registry::remove);
        }
    }

    private Registered register(String namespace, String name) {
        AtomicReference<Values> ref = new AtomicReference<>(new Values(Double.NaN, Double.NaN, false, false, false, Double.NaN, Double.NaN));
        Tags tags = Tags.of("namespace", namespace, "plan", name);
        List<Meter> meters = new ArrayList<>();
        meters.add(Gauge.builder("pilotlight.plan.rpo.seconds", ref, r -> r.get().rpoSeconds()).tags(tags)
                .description("Age of the newest good copy of the plan's data").baseUnit("seconds").register(registry));
        meters.add(Gauge.builder("pilotlight.plan.last.backup.age.seconds", ref, r -> r.get().lastBackupAgeSeconds()).tags(tags)
                .description("Time since the newest backup of the plan started, whatever its outcome").baseUnit("seconds")
                .register(registry));
        meters.add(Gauge.builder("pilotlight.site.reachable", ref, r -> r.get().primaryReachable() ? 1 : 0)
                .tags(tags.and("role", "primary")).description("1 while the site counts as reachable (its Reachable condition is True)")
                .register(registry));
        meters.add(Gauge.builder("pilotlight.site.reachable", ref, r -> r.get().standbyReachable() ? 1 : 0)
                .tags(tags.and("role", "standby")).description("1 while the site counts as reachable (its Reachable condition is True)")
                .register(registry));
        meters.add(Gauge.builder("pilotlight.plan.ready", ref, r -> r.get().ready() ? 1 : 0).tags(tags)
                .description("1 when the plan's Ready condition is True").register(registry));
        // The objectives, so that alerts and dashboards compare each plan with its own, not a fixed number.
        meters.add(Gauge.builder("pilotlight.plan.rpo.objective.seconds", ref, r -> r.get().rpoObjectiveSeconds()).tags(tags)
                .description("The plan's objectives.rpo").baseUnit("seconds").register(registry));
        meters.add(Gauge.builder("pilotlight.plan.rto.objective.seconds", ref, r -> r.get().rtoObjectiveSeconds()).tags(tags)
                .description("The plan's objectives.rto").baseUnit("seconds").register(registry));
        return new Registered(ref, meters);
    }
}
