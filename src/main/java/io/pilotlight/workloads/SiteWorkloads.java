package io.pilotlight.workloads;

import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.pilotlight.core.Selectors;
import io.pilotlight.core.SyncAnnotations;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** Reads and changes the workloads of a plan's namespaces on one site. */
public final class SiteWorkloads {

    private SiteWorkloads() {
    }

    /**
     * The workloads of the given kinds in the namespaces that the plan's label selector takes, minus
     * those marked to be left alone ({@code pilotlight.io/skip}).
     */
    public static List<Workload> list(KubernetesClient site, Collection<String> namespaces, Collection<WorkloadKind> kinds,
            LabelSelector selector) {
        List<Workload> all = new ArrayList<>();
        for (String namespace : namespaces) {
            for (WorkloadKind kind : kinds) {
                kind.list(site, namespace).stream().map(o -> new Workload(kind, o)).filter(w -> taken(w, selector)).forEach(all::add);
            }
        }
        return all;
    }

    /** Whether the plan's label selector takes the workload and it is not marked to be left alone. */
    static boolean taken(Workload workload, LabelSelector selector) {
        return Selectors.matches(selector, workload.labels()) && !"true".equals(workload.annotations().get(SyncAnnotations.SKIP));
    }

    /** Applies a JSON patch to the workload; all of it or, when the object changed meanwhile, nothing (HTTP 409/422). */
    public static void apply(KubernetesClient site, Workload workload, JsonPatch patch) {
        workload.kind().resource(site, workload.namespace(), workload.name())
                .patch(PatchContext.of(PatchType.JSON), patch.toJson());
    }
}
