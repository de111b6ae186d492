package io.pilotlight.failover.steps;

import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.pilotlight.api.v1alpha1.failover.FailoverPhase;
import io.pilotlight.core.PlanLabels;
import io.pilotlight.core.Selectors;
import io.pilotlight.core.SyncAnnotations;
import io.pilotlight.core.clusters.SiteConfigException;
import io.pilotlight.failover.run.FailoverRun;
import io.pilotlight.failover.run.PhasedStep;
import io.pilotlight.failover.run.StepOutcome;
import io.pilotlight.util.BoundedParallel;
import io.pilotlight.util.GoDurations;
import io.pilotlight.workloads.JsonPatch;
import io.pilotlight.workloads.SiteWorkloads;
import io.pilotlight.workloads.Unparking;
import io.pilotlight.workloads.Workload;
import io.pilotlight.workloads.WorkloadKind;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Resumes one wave on the target site and waits until its Deployments, StatefulSets, ReplicaSets
 * and DaemonSets are available. A workload belongs to the first wave whose selector matches it; the
 * last wave takes the rest, and also resumes CronJobs, Jobs and autoscalers, once every workload
 * runs. Each workload gets back exactly what parking recorded on it (replica count, suspend flag,
 * autoscaler behaviour), so a keepWarm workload or one a Velero restore already resumed is only
 * waited for. While it waits it reads the workloads from a watch of the target site
 * ({@link ReadinessWatches}), not from a list of them all each second.
 */
public class ScaleUpWaveStep extends PhasedStep {

    private final String waveName;
    private final LabelSelector selector;
    private final List<LabelSelector> earlier;
    private final boolean last;
    private final Namespaces namespaces;
    private final ReadinessWatches watches;

    /** The namespaces a wave works in on the target site. */
    @FunctionalInterface
    public interface Namespaces {
        List<String> of(FailoverRun run) throws SiteConfigException;
    }

    /**
     * @param selector the wave's selector; null for the last wave, which takes what no wave took
     * @param earlier the selectors of the waves before
     * @param namespaces the namespaces to resume on the target site
     * @param watches where the wave's wait reads the workloads from, once they are watched
     */
    public ScaleUpWaveStep(String waveName, LabelSelector selector, List<LabelSelector> earlier, boolean last,
            Namespaces namespaces, ReadinessWatches watches) {
        super("ScaleUp/" + waveName, FailoverPhase.SCALING_UP);
        this.waveName = waveName;
        this.selector = selector;
        this.earlier = List.copyOf(earlier);
        this.last = last;
        this.namespaces = namespaces;
        this.watches = watches;
    }

    @Override
    public Duration deadline(FailoverRun run) {
        return GoDurations.parse(run.plan().getSpec().getFailover().getReadinessTimeout());
    }

    @Override
    public StepOutcome run(FailoverRun run) throws SiteConfigException {
        KubernetesClient to = run.to();
        List<String> ns = namespaces.of(run);
        LabelSelector protectSelector = run.plan().getSpec().getProtect().getLabelSelector();
        // A watch's view stands in for the list once it shows nothing of the wave left to resume: right after
        // the resume patches it may not have seen them yet, and resuming from it would patch them again.
        List<Workload> pods = watches.workloads(run.failover(), to, ns, protectSelector)
                .filter(watched -> watched.stream().noneMatch(w -> inWave(w) && resumePatch(run, w).isPresent()))
                .orElseGet(() -> SiteWorkloads.list(to, ns, WorkloadKind.runningPods(true), protectSelector));
        List<Workload> mine = pods.stream().filter(this::inWave).toList();

        int resumed = resume(run, to, mine);
        List<Workload> waiting = mine.stream().filter(w -> w.parked() || !w.ready()).toList();
        long readyOverall = pods.stream().filter(w -> !w.parked() && w.ready()).count();
        run.status().setProgress(readyOverall + "/" + pods.size() + " workloads ready");
        if (!waiting.isEmpty() || resumed > 0) {
            run.status().setPhase(FailoverPhase.WAITING_READY);
            return StepOutcome.waiting((mine.size() - waiting.size()) + "/" + mine.size() + " workload(s) of wave " + waveName
                    + " ready; waiting for " + waiting.stream().limit(5).map(Workload::describe).toList()
                    + (waiting.size() > 5 ? " and " + (waiting.size() - 5) + " more" : ""), Duration.ofSeconds(1));
        }
        if (last) {
            int others = resume(run, to, SiteWorkloads.list(to, ns, WorkloadKind.runningPods(false), protectSelector));
            return StepOutcome.done(mine.size() + " workload(s) of wave " + waveName + " ready; " + others
                    + " CronJob(s), Job(s) and autoscaler(s) resumed");
        }
        return StepOutcome.done(mine.size() + " workload(s) of wave " + waveName + " ready");
    }

    private boolean inWave(Workload w) {
        if (earlier.stream().anyMatch(s -> Selectors.matches(s, w.labels()))) {
            return false;
        }
        return selector == null || Selectors.matches(selector, w.labels());
    }

    /** Resumes the parked workloads among them that the plan parked, {@link BoundedParallel#PATCHES} patches at a time. */
    private static int resume(FailoverRun run, KubernetesClient to, List<Workload> workloads) {
        List<JsonPatchOf> patches = new ArrayList<>();
        for (Workload w : workloads) {
            resumePatch(run, w).ifPresent(p -> patches.add(new JsonPatchOf(w, p)));
        }
        return BoundedParallel.map(patches, BoundedParallel.PATCHES, p -> {
            try {
                SiteWorkloads.apply(to, p.workload(), p.patch());
                return 1;
            } catch (KubernetesClientException e) {
                if (e.getCode() != 409 && e.getCode() != 422) {
                    throw e;
                }
                return 0;
            }
        }).stream().mapToInt(Integer::intValue).sum();
    }

    /** What resumes the workload, if the plan parked it: its copy, or its in-place parking. */
    private static Optional<JsonPatch> resumePatch(FailoverRun run, Workload w) {
        boolean ours = PlanLabels.ownedBy(w.labels(), run.plan()) || run.planKey().equals(w.annotations().get(SyncAnnotations.PARKED_BY));
        return ours ? Unparking.patch(w.kind(), w.annotations()) : Optional.empty();
    }

    private record JsonPatchOf(Workload workload, JsonPatch patch) {
    }
}
