package io.pilotlight.failover;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.pilotlight.api.v1alpha1.Failover;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;

/** Prometheus metrics of Failovers: how many ended, how, and how long they took (the RTO). */
@ApplicationScoped
public class FailoverMetrics {

    private final MeterRegistry registry;

    public FailoverMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    void ended(Failover failover, boolean completed, long seconds) {
        Timer.builder("pilotlight.failover.duration")
                .description("Time from a Failover's creation to its end (the RTO when it completed)")
                .tags("namespace", failover.getMetadata().getNamespace(), "plan", failover.getSpec().getPlanRef().getName(),
                        "type", String.valueOf(failover.getSpec().getType()), "result", completed ? "Completed" : "Failed")
                .register(registry).record(Duration.ofSeconds(seconds));
    }
}
