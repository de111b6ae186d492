package io.pilotlight.plan;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.pilotlight.api.v1alpha1.DisasterRecoveryPlan;
import io.pilotlight.api.v1alpha1.Failover;
import io.pilotlight.api.v1alpha1.Reasons;
import io.pilotlight.api.v1alpha1.failover.FailoverType;
import io.pilotlight.api.v1alpha1.plan.DrillPolicySpec;
import io.pilotlight.api.v1alpha1.plan.DrillStatus;
import io.pilotlight.core.ActiveFailovers;
import io.pilotlight.core.PlanLabels;
import io.pilotlight.status.Conditions;
import io.pilotlight.status.EventRecorder;
import io.pilotlight.util.RemoteErrors;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.HttpURLConnection;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Creates a plan's scheduled Drill Failovers ({@code failover.drill.schedule}): when the time in
 * {@code status.drill.nextRunAt} has come and no other Failover of the plan runs, one Drill named
 * after that time (so that a pass repeated after a lost status write finds it instead of making a
 * second), then the next time. The pass is rescheduled for that time ({@link PlanStatusDraft#wakeBy}).
 * Deletes the oldest of the Drills it created beyond {@code historyLimit}.
 */
@ApplicationScoped
public class DrillScheduler {

    /** On a scheduled Drill: the time it was due. */
    public static final String DUE_ANNOTATION = "pilotlight.io/drill-due";
    private static final Logger LOG = Logger.getLogger(DrillScheduler.class);
    private static final Duration DEFER_NOTICE = Duration.ofMinutes(1);
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);

    private final KubernetesClient local;
    private final EventRecorder events;

    public DrillScheduler(KubernetesClient local, EventRecorder events) {
        this.local = local;
        this.events = events;
    }

    void run(DisasterRecoveryPlan plan, DrillPolicySpec policy, DrillStatus drill, PlanStatusDraft draft) {
        CronSchedule.Cron cron = CronSchedule.parse(policy.getSchedule()).cron();
        if (cron == null) {
            return; // PlanValidator reports it, and no pass gets here
        }
        Instant now = draft.now();
        Instant due = due(cron, policy.getSchedule(), drill, now);
        drill.setSchedule(policy.getSchedule());
        drill.setNextRunAt(due == null ? null : Conditions.timestamp(due));
        if (due == null || now.isBefore(due)) {
            draft.wakeBy(due);
            return;
        }
        Optional<String> busy = busyWith(plan);
        if (busy.isPresent()) {
            // In the first minute after it was due (a repeat only counts up the same Event): the other Failover's end wakes the plan.
            if (Duration.between(due, now).compareTo(DEFER_NOTICE) < 0) {
                events.normal(plan, Reasons.DRILL_DEFERRED, "the drill due at " + Conditions.timestamp(due) + " waits until Failover "
                        + busy.get() + " of the plan has ended and, for a drill, its copies are deleted");
            }
            return;
        }
        String active = plan.getStatus() == null ? null : plan.getStatus().getActiveSite();
        if (active != null && !active.equals(plan.getSpec().getPrimary().getName())) {
            events.normal(plan, Reasons.DRILL_SKIPPED, "the drill due at " + Conditions.timestamp(due) + " was not run: the standby "
                    + active + " serves, so there is no parked copy to drill");
        } else if (!create(plan, due)) {
            return;
        }
        Instant next = CronTimes.next(cron, now);
        drill.setNextRunAt(next == null ? null : Conditions.timestamp(next));
        draft.wakeBy(next);
    }

    /** When the next drill is due: as the status says, unless the schedule changed since; null when it never is. */
    static Instant due(CronSchedule.Cron cron, String schedule, DrillStatus drill, Instant now) {
        if (drill.getNextRunAt() != null && schedule.equals(drill.getSchedule())) {
            return Instant.parse(drill.getNextRunAt());
        }
        return CronTimes.next(cron, now);
    }

    /** Deletes the plan's scheduled Drills beyond the newest {@code limit} that may go ({@link DrillHistory#beyondLimit}). */
    void prune(DisasterRecoveryPlan plan, Collection<Failover> failovers, int limit) {
        for (Failover old : DrillHistory.beyondLimit(failovers, limit)) {
            if (!PlanLabels.ownedBy(old.getMetadata().getLabels(), plan)) {
                continue;
            }
            try {
                local.resources(Failover.class).inNamespace(old.getMetadata().getNamespace()).withName(old.getMetadata().getName()).delete();
            } catch (KubernetesClientException e) {
                LOG.debugf("deleting the old drill %s failed: %s", old.getMetadata().getName(), RemoteErrors.describe(e));
            }
        }
    }

    /**
     * The Failover of the plan that runs now, or an ended Drill whose copies are still there (the next drill would make
     * copies of the same names), read from the API server: one created a moment ago counts too.
     */
    private Optional<String> busyWith(DisasterRecoveryPlan plan) {
        if (plan.getStatus() != null && plan.getStatus().getActiveFailover() != null) {
            return Optional.of(plan.getStatus().getActiveFailover());
        }
        return local.resources(Failover.class).inNamespace(plan.getMetadata().getNamespace()).list().getItems().stream()
                .filter(f -> plan.getMetadata().getName().equals(ActiveFailovers.planName(f)))
                .filter(f -> ActiveFailovers.runs(f) || ActiveFailovers.drillCopiesLeft(f)).map(f -> f.getMetadata().getName()).findFirst();
    }

    /** Whether the drill exists now (made by this pass or an earlier one). */
    private boolean create(DisasterRecoveryPlan plan, Instant due) {
        Failover drill = drill(plan, due);
        try {
            local.resource(drill).create();
        } catch (KubernetesClientException e) {
            if (e.getCode() == HttpURLConnection.HTTP_CONFLICT) {
                return true;
            }
            LOG.debugf("creating the scheduled drill %s failed: %s", drill.getMetadata().getName(), RemoteErrors.describe(e));
            return false;
        }
        events.normal(plan, Reasons.DRILL_SCHEDULED, "created Drill Failover " + drill.getMetadata().getName() + ", due at "
                + Conditions.timestamp(due) + " (failover.drill.schedule " + plan.getSpec().getFailover().getDrill().getSchedule() + ")");
        return true;
    }

    static Failover drill(DisasterRecoveryPlan plan, Instant due) {
        return OwnFailovers.of(plan, "drill-" + STAMP.format(due), FailoverType.DRILL, PlanLabels.SCHEDULED_DRILL,
                Map.of(DUE_ANNOTATION, Conditions.timestamp(due)));
    }
}
