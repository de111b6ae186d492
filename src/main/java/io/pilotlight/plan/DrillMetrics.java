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
import java.util.function.ToDoubleFunction;

/**
 * Prometheus gauges of a plan's drills, from its status (so they survive an operator restart): when
 * the last drill ended and how, its RTO, the predicted RTO, the maximum age and DrillSucceeded, so
 * that an alert fires on a failed or stale drill. Only plans with drills have them; NaN is unknown.
 */
@ApplicationScoped
public class DrillMetrics {

    public record Values(double lastEndSeconds, double lastSuccess, double lastRtoSeconds, double predictedRtoSeconds,
            double maxAgeSeconds, double succeeded) {
    }

    private final MeterRegistry registry;
    private final Map<String, Registered> byPlan = new ConcurrentHashMap<>();

    private record Registered(AtomicReference<Values> values, List<Meter> meters) {
    }

    public DrillMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    void update(String namespace, String name, Values values) {
        byPlan.computeIfAbsent(namespace + "/" + name, k -> register(namespace, name)).values().set(values);
    }

    void remove(String namespace, String name) {
        Registered r = byPlan.remove(namespace + "/" + name);
        if (r != null) {
            r.meters().forEach(registry::remove);
        }
    }

    private Registered register(String namespace, String name) {
        AtomicReference<Values> ref = new AtomicReference<>();
        Tags tags = Tags.of("namespace", namespace, "plan", name);
        List<Meter> meters = new ArrayList<>();
        gauge(meters, "pilotlight.drill.last.end.timestamp.seconds", "When the plan's last drill ended (Unix time)", ref,
                Values::lastEndSeconds, tags);
        gauge(meters, "pilotlight.drill.last.success", "1 when the plan's last drill completed, 0 when it failed", ref,
                Values::lastSuccess, tags);
        gauge(meters, "pilotlight.drill.last.rto.seconds", "RTO measured by the plan's last drill", ref, Values::lastRtoSeconds, tags);
        gauge(meters, "pilotlight.drill.predicted.rto.seconds", "RTO of the plan's last successful drill", ref,
                Values::predictedRtoSeconds, tags);
        gauge(meters, "pilotlight.drill.max.age.seconds", "The plan's failover.drill.maxAge", ref, Values::maxAgeSeconds, tags);
        gauge(meters, "pilotlight.drill.succeeded", "1 when the plan's DrillSucceeded condition is True, else 0", ref,
                Values::succeeded, tags);
        return new Registered(ref, meters);
    }

    private void gauge(List<Meter> meters, String name, String description, AtomicReference<Values> ref,
            ToDoubleFunction<Values> value, Tags tags) {
        meters.add(Gauge.builder(name, ref, r -> r.get() == null ? Double.NaN : value.applyAsDouble(r.get())).tags(tags)
                .description(description).register(registry));
    }
}
