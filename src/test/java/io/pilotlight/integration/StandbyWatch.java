package io.pilotlight.integration;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.Watch;
import io.fabric8.kubernetes.client.Watcher;
import io.fabric8.kubernetes.client.WatcherException;
import io.pilotlight.core.PlanLabels;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The benchmarks' eye on the standby: watches of the copies of a plan (ConfigMaps, Secrets, Services,
 * Deployments) in its protected namespaces, noting when each copy was first seen and when each ConfigMap's {@code seq} value arrived.
 */
final class StandbyWatch implements AutoCloseable {

    final Map<String, Long> firstSeen = new ConcurrentHashMap<>();
    final Map<String, Long> changeSeen = new ConcurrentHashMap<>();
    private final List<Watch> watches = new ArrayList<>();

    @SuppressWarnings({ "unchecked", "rawtypes" })
    StandbyWatch(KubernetesClient standby, String planNamespace, Set<String> namespaces) {
        Watcher watcher = new Watcher<HasMetadata>() {
            @Override
            public void eventReceived(Action action, HasMetadata o) {
                long now = System.nanoTime();
                if (!namespaces.contains(o.getMetadata().getNamespace())) {
                    return; // the floor's objects carry the plan's labels too
                }
                String key = o.getKind() + "/" + o.getMetadata().getNamespace() + "/" + o.getMetadata().getName();
                firstSeen.putIfAbsent(key, now);
                if (o instanceof ConfigMap cm && cm.getData() != null) {
                    changeSeen.putIfAbsent(key + "#" + cm.getData().get("seq"), now);
                }
            }

            @Override
            public void onClose(WatcherException cause) {
            }
        };
        String label = PlanLabels.PLAN_NAMESPACE;
        watches.add(standby.configMaps().inAnyNamespace().withLabel(label, planNamespace).watch(watcher));
        watches.add(standby.secrets().inAnyNamespace().withLabel(label, planNamespace).watch(watcher));
        watches.add(standby.services().inAnyNamespace().withLabel(label, planNamespace).watch(watcher));
        watches.add(standby.apps().deployments().inAnyNamespace().withLabel(label, planNamespace).watch(watcher));
    }

    long first() {
        return firstSeen.values().stream().mapToLong(Long::longValue).min().orElse(0);
    }

    long last() {
        return firstSeen.values().stream().mapToLong(Long::longValue).max().orElse(0);
    }

    @Override
    public void close() {
        watches.forEach(Watch::close);
    }
}
