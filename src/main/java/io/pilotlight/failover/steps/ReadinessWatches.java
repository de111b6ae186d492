package io.pilotlight.failover.steps;

import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.pilotlight.api.v1alpha1.Failover;
import io.pilotlight.config.OperatorSettings;
import io.pilotlight.workloads.Workload;
import io.pilotlight.workloads.WorkloadWatch;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The {@link WorkloadWatch} of each Failover whose waves wait on the target site, opened by its first
 * ScaleUp call and closed when the Failover ends or is deleted ({@link #stop}). Memory only: a restarted
 * operator opens it again at the next ScaleUp call and lists until it is in. A watch not read for
 * {@link #IDLE} (a Failover that stopped being reconciled) is closed by the next call of any Failover.
 */
@ApplicationScoped
public class ReadinessWatches {

    private static final Duration IDLE = Duration.ofMinutes(5);

    private final Map<String, Entry> byFailover = new ConcurrentHashMap<>();
    private final int maxWatches;

    public ReadinessWatches(OperatorSettings settings) {
        this.maxWatches = settings.security().maxWatchesPerPlan();
    }

    /**
     * The pod-running workloads the plan's selector takes in the namespaces of the target site, from the
     * Failover's watch; empty (list them) until it has listed, or when it would need too many watches.
     */
    Optional<List<Workload>> workloads(Failover failover, KubernetesClient site, List<String> namespaces, LabelSelector selector) {
        Instant now = Instant.now();
        byFailover.entrySet().removeIf(e -> {
            boolean idle = e.getValue().lastRead().plus(IDLE).isBefore(now);
            if (idle) {
                e.getValue().close();
            }
            return idle;
        });
        Set<String> key = new TreeSet<>(namespaces);
        Entry entry = byFailover.compute(failover.getMetadata().getUid(), (uid, old) -> {
            if (old != null && old.site() == site && old.namespaces().equals(key)) {
                return new Entry(site, key, old.watch(), now);
            }
            if (old != null) {
                old.close(); // the site's client was made anew (a rotated kubeconfig) or the namespaces changed
            }
            return new Entry(site, key, WorkloadWatch.start(site, namespaces, maxWatches), now);
        });
        return entry.watch().flatMap(w -> w.workloads(selector));
    }

    /** Closes the Failover's watch, if it has one. */
    public void stop(Failover failover) {
        Entry entry = byFailover.remove(failover.getMetadata().getUid());
        if (entry != null) {
            entry.close();
        }
    }

    /** How many watches the Failover holds open on its target site; empty when it holds none. */
    public OptionalInt watches(Failover failover) {
        Entry entry = byFailover.get(failover.getMetadata().getUid());
        return entry == null || entry.watch().isEmpty() ? OptionalInt.empty() : OptionalInt.of(entry.watch().get().watches());
    }

    @PreDestroy
    void stopAll() {
        byFailover.values().forEach(Entry::close);
        byFailover.clear();
    }

    private record Entry(KubernetesClient site, Set<String> namespaces, Optional<WorkloadWatch> watch, Instant lastRead) {

        void close() {
            watch.ifPresent(WorkloadWatch::close);
        }
    }
}
