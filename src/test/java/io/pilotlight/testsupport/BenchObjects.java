package io.pilotlight.testsupport;

import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The benchmarks' objects: per namespace 45% ConfigMaps, 45% Secrets, 5% Services and 5%
 * Deployments, and the writes that make them with a plain client at a given parallelism (the
 * benchmarks' floors use it too).
 */
public final class BenchObjects {

    private BenchObjects() {
    }

    /** How many of a namespace's objects are ConfigMaps (cm-0, cm-1...). */
    public static int configMaps(int perNamespace) {
        int others = 2 * Math.max(1, perNamespace / 20);
        return perNamespace - others - (perNamespace - others) / 2;
    }

    /** The objects of one namespace, {@code perNamespace} of them; Deployments with {@code replicas}. */
    public static List<HasMetadata> of(String namespace, int perNamespace, int replicas, Map<String, String> labels) {
        int services = Math.max(1, perNamespace / 20);
        int deployments = Math.max(1, perNamespace / 20);
        int configMaps = configMaps(perNamespace);
        int secrets = perNamespace - services - deployments - configMaps;
        List<HasMetadata> out = new ArrayList<>();
        for (int i = 0; i < configMaps; i++) {
            out.add(configMap(namespace, i, labels));
        }
        for (int i = 0; i < secrets; i++) {
            out.add(secret(namespace, i, labels));
        }
        for (int i = 0; i < services; i++) {
            out.add(new ServiceBuilder().withNewMetadata().withName("svc-" + i).withNamespace(namespace).withLabels(labels)
                    .endMetadata().withNewSpec().withClusterIP("None") // headless: 500 Services would exhaust a small service range
                    .addToSelector("app", "app-" + i).addNewPort().withPort(80).endPort().endSpec()
                    .build());
        }
        for (int i = 0; i < deployments; i++) {
            Map<String, String> app = Map.of("app", "app-" + i);
            var d = Workloads.deployment(namespace, "app-" + i, replicas, app);
            Map<String, String> all = new HashMap<>(labels);
            all.putAll(app);
            d.getMetadata().setLabels(all);
            out.add(d);
        }
        return out;
    }

    /**
     * Configuration only, {@code perNamespace} objects: ConfigMaps and Secrets in turn (cm-0, secret-0,
     * cm-1...), for the cases whose point is not the objects (many plans): no workload, no controller's work.
     */
    public static List<HasMetadata> configOnly(String namespace, int perNamespace) {
        List<HasMetadata> out = new ArrayList<>();
        for (int i = 0; i < perNamespace; i++) {
            out.add(i % 2 == 0 ? configMap(namespace, i / 2, Map.of()) : secret(namespace, i / 2, Map.of()));
        }
        return out;
    }

    private static HasMetadata configMap(String namespace, int i, Map<String, String> labels) {
        return new ConfigMapBuilder().withNewMetadata().withName("cm-" + i).withNamespace(namespace).withLabels(labels)
                .endMetadata().withData(Map.of("seq", "-1", "payload", "x".repeat(512))).build();
    }

    private static HasMetadata secret(String namespace, int i, Map<String, String> labels) {
        return new SecretBuilder().withNewMetadata().withName("secret-" + i).withNamespace(namespace).withLabels(labels)
                .endMetadata().withStringData(Map.of("password", "bench-" + i)).build();
    }

    /**
     * Makes the namespaces, then the objects, {@code parallelism}
     * writes at a time through {@code write}; returns the seconds it took.
     */
    public static double write(KubernetesClient client, List<String> namespaces, int perNamespace, int replicas,
            Map<String, String> labels, int parallelism, Consumer<HasMetadata> write) throws Exception {
        return write(client, namespaces, ns -> of(ns, perNamespace, replicas, labels), parallelism, write);
    }

    /** The same with the objects of each namespace given by {@code objects}. */
    public static double write(KubernetesClient client, List<String> namespaces, Function<String, List<HasMetadata>> objects,
            int parallelism, Consumer<HasMetadata> write) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(parallelism);
        long t0 = System.nanoTime();
        try {
            List<Future<?>> made = new ArrayList<>();
            for (String ns : namespaces) {
                made.add(pool.submit(() -> {
                    client.resource(new NamespaceBuilder().withNewMetadata().withName(ns).endMetadata().build()).create();
                    return null;
                }));
            }
            for (Future<?> f : made) {
                f.get();
            }
            made.clear();
            for (String ns : namespaces) {
                for (HasMetadata o : objects.apply(ns)) {
                    made.add(pool.submit(() -> write.accept(o)));
                }
            }
            for (Future<?> f : made) {
                f.get();
            }
            return (System.nanoTime() - t0) / 1e9;
        } finally {
            pool.shutdownNow();
        }
    }

    /** Server-side apply with the sync's field manager, forcing conflicts: what the sync's writer does. */
    public static Consumer<HasMetadata> apply(KubernetesClient client) {
        return o -> client.resource(o).fieldManager("pilotlight").forceConflicts().serverSideApply();
    }

    public static Consumer<HasMetadata> create(KubernetesClient client) {
        return o -> client.resource(o).create();
    }
}
