package io.pilotlight.failover;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.pilotlight.api.v1alpha1.Failover;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Prometheus metrics of Failovers: how many ended, how, and how long they took (the RTO); and, while
 * one runs, for how long it has been running, so that an alert can fire before it ends late.
 */
@ApplicationScoped
public class FailoverMetrics {

    private final MeterRegistry registry;
    private final Clock clock = Clock.systemUTC();
    private final Map<String, Meter> running = new ConcurrentHashMap<>();

    public FailoverMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    /** Called on every pass of a Failover that has not ended; registers its running-time gauge once. */
    void running(Failover failover, Instant startedAt) {
        running.computeIfAbsent(key(failover), k -> Gauge.builder("pilotlight.failover.running.seconds",
                        () -> Duration.between(startedAt, clock.instant()).toSeconds())
                .description("Time since a Failover that has not ended yet started")
                .tags("namespace", failover.getMetadata().getNamespace(), "plan", failover.getSpec().getPlanRef().getName(),
                        "failover", failover.getMetadata().getName(), "type", String.valueOf(failover.getSpec().getType()))
                .baseUnit("seconds").strongReference(true).register(registry));
    }

    /** The Failover ended or went away: its running-time gauge goes. */
    void stopped(Failover failover) {
        Meter meter = running.remove(key(failover));
        if (meter != null) {
            registry.remove(meter);
        }
    }

    void ended(Failover failover, boolean completed, long seconds) {
        stopped(failover);
        Timer.builder("pilotlight.failover.duration")
                .description("Time from a Failover's creation to its end (the RTO when it completed)")
                .tags("namespace", failover.getMetadata().getNamespace(), "plan", failover.getSpec().getPlanRef().getName(),
                        "type", String.valueOf(failover.getSpec().getType()), "result", completed ? "Completed" : "Failed")
                .register(registry).record(Duration.ofSeconds(seconds));
    }

    private static String key(Failover failover) {
        return failover.getMetadata().getNamespace() + "/" + failover.getMetadata().getName();
    }
}
