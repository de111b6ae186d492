package io.pilotlight.workloads;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.pilotlight.core.clusters.AccessReview;
import io.pilotlight.core.clusters.SlimStore;
import io.pilotlight.util.RemoteErrors;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import org.jboss.logging.Logger;

/**
 * The workloads that run Pods (Deployments, StatefulSets, ReplicaSets, DaemonSets) in some namespaces of
 * one site, as watches see them: what a failover's waves wait on, so that waiting costs the site one
 * watch event per change instead of a list of every workload each second. One informer per kind where
 * the site's identity may list and watch it in every namespace (its cache filtered to the namespaces),
 * else one per kind and namespace where it may watch in each (none at all otherwise: the caller lists).
 * Only read once every informer has listed and watches.
 */
public final class WorkloadWatch implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(WorkloadWatch.class);

    private final Map<WorkloadKind, List<SlimStore>> stores = new LinkedHashMap<>();
    private final List<SharedIndexInformer<GenericKubernetesResource>> informers = new ArrayList<>();
    private volatile boolean closed;

    private WorkloadWatch() {
    }

    /**
     * Starts the informers (their first lists run in the background); empty when they would open more
     * than {@code maxWatches} watches on the site, so that the caller lists instead.
     */
    public static Optional<WorkloadWatch> start(KubernetesClient site, List<String> namespaces, int maxWatches) {
        Map<WorkloadKind, Boolean> everywhere = new LinkedHashMap<>();
        int watches = 0;
        for (WorkloadKind kind : WorkloadKind.runningPods(true)) {
            boolean all = namespaces.size() > 1 && AccessReview.allowedEverywhere(site, kind.group(), kind.plural(), "list")
                    && AccessReview.allowedEverywhere(site, kind.group(), kind.plural(), "watch");
            everywhere.put(kind, all);
            watches += all ? 1 : namespaces.size();
        }
        if (watches > maxWatches || namespaces.isEmpty() || !mayWatchEach(site, everywhere, namespaces)) {
            return Optional.empty();
        }
        WorkloadWatch watch = new WorkloadWatch();
        everywhere.forEach((kind, all) -> {
            var kindOp = site.genericKubernetesResources(kind.context());
            if (all) {
                watch.inform(kind, kindOp.inAnyNamespace().runnableInformer(0), SlimStore.withStatus(new TreeSet<>(namespaces)));
            } else {
                namespaces.forEach(ns -> watch.inform(kind, kindOp.inNamespace(ns).runnableInformer(0), SlimStore.withStatus(null)));
            }
        });
        return Optional.of(watch);
    }

    /**
     * Whether the identity may watch each kind read per namespace in each namespace: an identity that may only
     * list (roles of before the watch) is not refused a watch in the site's audit log, it lists instead.
     */
    private static boolean mayWatchEach(KubernetesClient site, Map<WorkloadKind, Boolean> everywhere, List<String> namespaces) {
        return everywhere.entrySet().stream().filter(e -> !e.getValue()).allMatch(e -> namespaces.stream()
                .allMatch(ns -> AccessReview.allowed(site, e.getKey().group(), e.getKey().plural(), "watch", ns)));
    }

    private void inform(WorkloadKind kind, SharedIndexInformer<GenericKubernetesResource> informer, SlimStore store) {
        informer.itemStore(store);
        informer.exceptionHandler((started, t) -> {
            if (!closed) {
                LOG.debugf("watching %s for readiness: %s", kind.kind(), RemoteErrors.describe(t));
            }
            return !closed;
        });
        stores.computeIfAbsent(kind, k -> new ArrayList<>()).add(store);
        informers.add(informer);
        informer.start();
    }

    /**
     * The workloads the plan's label selector takes ({@link SiteWorkloads#list} without the requests);
     * empty while an informer has not listed yet or does not watch (the site stopped answering).
     */
    public Optional<List<Workload>> workloads(LabelSelector selector) {
        if (closed || !informers.stream().allMatch(i -> i.hasSynced() && i.isWatching())) {
            return Optional.empty();
        }
        List<Workload> all = new ArrayList<>();
        stores.forEach((kind, kindStores) -> kindStores.forEach(store -> store.values().filter(kind::standsAlone)
                .map(o -> new Workload(kind, o)).filter(w -> SiteWorkloads.taken(w, selector)).forEach(all::add)));
        return Optional.of(all);
    }

    /** How many watches it holds open on the site. */
    public int watches() {
        return informers.size();
    }

    @Override
    public void close() {
        closed = true;
        informers.forEach(SharedIndexInformer::stop);
    }
}
