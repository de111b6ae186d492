package io.pilotlight.sync;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.function.ToDoubleFunction;

/**
 * Prometheus gauges of each plan's sync, read live from its session: objects in sync, workloads
 * parked, conflicts, refused writes, drift, pending changes, propagation lag (p50, p99) and the age
 * of the last complete full pass. Unknown values are NaN. The gauges hold their supplier strongly:
 * nothing else does, and Micrometer's default weak reference turned them all to NaN after a GC.
 */
@ApplicationScoped
public class SyncMetrics {

    private final MeterRegistry registry;
    private final Map<String, List<Meter>> byPlan = new ConcurrentHashMap<>();

    public SyncMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    void register(String namespace, String name, Supplier<SyncReport> reports) {
        remove(namespace, name);
        Tags tags = Tags.of("namespace", namespace, "plan", name);
        List<Meter> meters = new ArrayList<>();
        meters.add(gauge("pilotlight.sync.objects.in.sync", "Protected objects whose standby copy matches the primary",
                tags, reports, SyncReport::objectsInSync));
        meters.add(gauge("pilotlight.sync.workloads.parked", "Workloads held parked on the standby", tags, reports,
                SyncReport::workloadsParked));
        meters.add(gauge("pilotlight.sync.conflicts", "Objects on the standby in the way of a copy, left alone", tags, reports,
                SyncReport::conflictCount));
        meters.add(gauge("pilotlight.sync.failures", "Copies the standby refused", tags, reports, SyncReport::failureCount));
        meters.add(gauge("pilotlight.sync.drift", "Copies changed on the standby, found and repaired by the last full pass",
                tags, reports, SyncReport::driftCount));
        meters.add(gauge("pilotlight.sync.pending", "Changes waiting to be written to the standby", tags, reports,
                SyncReport::pending));
        meters.add(Gauge.builder("pilotlight.sync.lag.seconds", reports, r -> seconds(r.get().lagP50Millis()))
                .tags(tags.and("quantile", "0.5")).description("Delay from a change on the primary to its copy on the standby")
                .baseUnit("seconds").strongReference(true).register(registry));
        meters.add(Gauge.builder("pilotlight.sync.lag.seconds", reports, r -> seconds(r.get().lagP99Millis()))
                .tags(tags.and("quantile", "0.99")).description("Delay from a change on the primary to its copy on the standby")
                .baseUnit("seconds").strongReference(true).register(registry));
        meters.add(Gauge.builder("pilotlight.sync.last.full.sync.age.seconds", reports, r -> {
            Instant last = r.get().lastFullSync();
            return last == null ? Double.NaN : Duration.between(last, Instant.now()).toMillis() / 1000.0;
        }).tags(tags).description("Time since the last complete comparison of primary and standby").baseUnit("seconds")
                .strongReference(true).register(registry));
        byPlan.put(namespace + "/" + name, meters);
    }

    void remove(String namespace, String name) {
        List<Meter> meters = byPlan.remove(namespace + "/" + name);
        if (meters != null) {
            meters.forEach(registry::remove);
        }
    }

    private Meter gauge(String name, String description, Tags tags, Supplier<SyncReport> reports,
            ToDoubleFunction<SyncReport> value) {
        return Gauge.builder(name, reports, r -> value.applyAsDouble(r.get())).tags(tags).description(description)
                .strongReference(true).register(registry);
    }

    private static double seconds(Long millis) {
        return millis == null ? Double.NaN : millis / 1000.0;
    }
}
