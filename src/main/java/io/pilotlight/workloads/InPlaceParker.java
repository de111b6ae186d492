package io.pilotlight.workloads;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.pilotlight.api.v1alpha1.DisasterRecoveryPlan;
import io.pilotlight.api.v1alpha1.failover.NamespacedName;
import io.pilotlight.core.ProtectedNamespaces;
import io.pilotlight.core.SyncAnnotations;
import io.pilotlight.util.BoundedParallel;
import io.pilotlight.util.ObjectMaps;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Parks a site's protected workloads where they are ({@link InPlaceParking}): the site a failover
 * leaves, or a fenced site that came back; and resumes them when a deleted Failover is rolled back.
 */
@ApplicationScoped
public class InPlaceParker {

    private final ProtectedNamespaces namespaces;

    public InPlaceParker(ProtectedNamespaces namespaces) {
        this.namespaces = namespaces;
    }

    /**
     * What is parked on the site now.
     *
     * @param parkedNow workloads this call parked
     * @param alreadyParked workloads that were parked before
     * @param stillRunning workloads parked whose Pods are not all gone yet
     * @param runningJobs Jobs with active Pods, to be resubmitted on the other site
     */
    public record Result(int parkedNow, int alreadyParked, int stillRunning, List<NamespacedName> runningJobs) {
    }

    /** Parks every protected workload of the site that is not parked yet; a workload changed meanwhile is parked on the next call. */
    public Result park(DisasterRecoveryPlan plan, KubernetesClient site) {
        String planKey = planKey(plan);
        List<String> protectedNamespaces = namespaces.resolve(site, plan);
        var selector = plan.getSpec().getProtect().getLabelSelector();
        int now = 0;
        int before = 0;
        int running = 0;
        // Patched BoundedParallel.PATCHES at a time: a Fence of 1,000 workloads one by one takes seconds.
        List<Parked> results = BoundedParallel.map(SiteWorkloads.list(site, protectedNamespaces, ParkingPolicy.IN_PLACE, selector),
                BoundedParallel.PATCHES, w -> parkOne(site, w, planKey));
        for (Parked p : results) {
            now += p.now() ? 1 : 0;
            before += p.before() ? 1 : 0;
            running += p.running() ? 1 : 0;
        }
        List<NamespacedName> jobs = new ArrayList<>();
        for (Workload job : SiteWorkloads.list(site, protectedNamespaces, List.of(WorkloadKind.JOB), selector)) {
            if (active(job) > 0) {
                NamespacedName n = new NamespacedName();
                n.setNamespace(job.namespace());
                n.setName(job.name());
                jobs.add(n);
            }
        }
        return new Result(now, before, running, jobs);
    }

    /**
     * Resumes the workloads this plan parked in place on the site (they name it in
     * {@link SyncAnnotations#PARKED_BY}) from what parking recorded on them; returns how many.
     */
    public int resume(DisasterRecoveryPlan plan, KubernetesClient site) {
        String planKey = planKey(plan);
        int resumed = 0;
        for (Workload w : SiteWorkloads.list(site, namespaces.resolve(site, plan), ParkingPolicy.IN_PLACE,
                plan.getSpec().getProtect().getLabelSelector())) {
            Optional<JsonPatch> patch = planKey.equals(w.annotations().get(SyncAnnotations.PARKED_BY))
                    ? Unparking.patch(w.kind(), w.annotations()) : Optional.empty();
            if (patch.isPresent()) {
                SiteWorkloads.apply(site, w, patch.get());
                resumed++;
            }
        }
        return resumed;
    }

    private static String planKey(DisasterRecoveryPlan plan) {
        return plan.getMetadata().getNamespace() + "/" + plan.getMetadata().getName();
    }

    private static boolean stillRuns(Workload w) {
        Map<String, Object> status = ObjectMaps.map(w.object().getAdditionalProperties().get("status"));
        Object pods = w.kind() == WorkloadKind.DAEMON_SET ? status.get("currentNumberScheduled") : status.get("replicas");
        return pods instanceof Number n && n.intValue() > 0;
    }

    private static long active(Workload job) {
        Object active = ObjectMaps.map(job.object().getAdditionalProperties().get("status")).get("active");
        return active instanceof Number n ? n.longValue() : 0;
    }

    /** How one workload was found: parked now, parked before, still running Pods. */
    private record Parked(boolean now, boolean before, boolean running) {
    }

    private static Parked parkOne(KubernetesClient site, Workload w, String planKey) {
        Optional<JsonPatch> patch = InPlaceParking.patch(w.kind(), w.object(), planKey);
        if (patch.isEmpty()) {
            return new Parked(false, true, w.kind().runsPods() && stillRuns(w));
        }
        try {
            SiteWorkloads.apply(site, w, patch.get());
            return new Parked(true, false, w.kind().runsPods());
        } catch (KubernetesClientException e) {
            if (e.getCode() != 409 && e.getCode() != 422) {
                throw e;
            }
            return new Parked(false, false, true);
        }
    }
}
