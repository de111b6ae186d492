package io.pilotlight.plan;

import io.pilotlight.api.v1alpha1.Failover;
import io.pilotlight.api.v1alpha1.failover.FailoverPhase;
import io.pilotlight.api.v1alpha1.failover.FailoverStep;
import io.pilotlight.api.v1alpha1.failover.FailoverType;
import io.pilotlight.api.v1alpha1.failover.StepState;
import io.pilotlight.api.v1alpha1.plan.DrillRun;
import io.pilotlight.core.ActiveFailovers;
import io.pilotlight.core.PlanLabels;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.stream.Stream;

/** A plan's Drill Failovers, newest first: what its status says of them, and which the history limit lets go. */
final class DrillHistory {

    static final String RUNNING = "Running";

    /** Newest first; by name when created in the same second. */
    private static final Comparator<Failover> NEWEST_FIRST = Comparator
            .comparing((Failover f) -> String.valueOf(f.getMetadata().getCreationTimestamp()))
            .thenComparing(f -> f.getMetadata().getName()).reversed();

    private DrillHistory() {
    }

    /** The newest Drill among the plan's Failovers that passes the filter. */
    static Optional<DrillRun> newest(Collection<Failover> failovers, Predicate<Failover> filter) {
        return drills(failovers).filter(filter).min(NEWEST_FIRST).map(DrillHistory::run);
    }

    static boolean ended(DrillRun run) {
        return run != null && !RUNNING.equals(run.getResult());
    }

    static boolean completed(Failover failover) {
        return failover.getStatus() != null && failover.getStatus().getPhase() == FailoverPhase.COMPLETED;
    }

    static boolean scheduled(Failover failover) {
        var labels = failover.getMetadata().getLabels();
        return labels != null && "true".equals(labels.get(PlanLabels.SCHEDULED_DRILL));
    }

    /**
     * The scheduled drills past the newest {@code limit} that may go: ended, their copies cleaned up
     * (deleting one earlier would leave its namespaces behind) and not being deleted already.
     */
    static List<Failover> beyondLimit(Collection<Failover> failovers, int limit) {
        return drills(failovers).filter(DrillHistory::scheduled).sorted(NEWEST_FIRST).skip(limit)
                .filter(ActiveFailovers::ended).filter(ActiveFailovers::cleanedUp)
                .filter(f -> f.getMetadata().getDeletionTimestamp() == null).toList();
    }

    /** What the plan's status keeps of a Drill. */
    static DrillRun run(Failover failover) {
        DrillRun run = new DrillRun();
        run.setName(failover.getMetadata().getName());
        run.setScheduled(scheduled(failover) ? Boolean.TRUE : null);
        var status = failover.getStatus();
        if (status == null) {
            run.setResult(RUNNING);
            return run;
        }
        run.setStartedAt(status.getStartedAt());
        boolean ended = ActiveFailovers.ended(failover);
        run.setResult(ended ? status.getPhase().toString() : RUNNING);
        if (ended) {
            run.setCompletedAt(status.getCompletedAt());
            run.setRtoSeconds(status.getRtoSeconds());
        }
        if (status.getPhase() == FailoverPhase.FAILED) {
            run.setMessage(status.getMessage());
            run.setFailedStep(status.getSteps() == null ? null : status.getSteps().stream()
                    .filter(s -> s.getState() == StepState.FAILED).map(FailoverStep::getName).findFirst().orElse(null));
        }
        return run;
    }

    private static Stream<Failover> drills(Collection<Failover> failovers) {
        return failovers.stream().filter(f -> f.getSpec() != null && f.getSpec().getType() == FailoverType.DRILL);
    }
}
