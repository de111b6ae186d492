package io.pilotlight.failover;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.javaoperatorsdk.operator.api.reconciler.Cleaner;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.ControllerConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.DeleteControl;
import io.javaoperatorsdk.operator.api.reconciler.ErrorStatusUpdateControl;
import io.javaoperatorsdk.operator.api.reconciler.Reconciler;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import io.pilotlight.api.v1alpha1.DisasterRecoveryPlan;
import io.pilotlight.api.v1alpha1.Failover;
import io.pilotlight.api.v1alpha1.Reasons;
import io.pilotlight.api.v1alpha1.failover.FailoverStep;
import io.pilotlight.core.ActiveFailovers;
import io.pilotlight.core.PlanSites;
import io.pilotlight.core.clusters.SiteConfigException;
import io.pilotlight.failover.run.FailoverRun;
import io.pilotlight.failover.run.Step;
import io.pilotlight.failover.run.StepOutcome;
import io.pilotlight.failover.steps.ReadinessWatches;
import io.pilotlight.status.Conditions;
import io.pilotlight.util.GoDurations;
import io.pilotlight.util.RemoteErrors;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Reconciles a Failover: runs its steps ({@link StepRegistry}) one after the other, each call of a
 * step followed by a status patch ({@link FailoverStatusGateway}), and reschedules itself between steps and while a step waits
 * (a status patch does not trigger another reconcile). All state is in the status, so a restarted
 * operator resumes at the step it was in. A Completed Drill is cleaned up after its TTL. A Failover
 * deleted before it ended is rolled back first ({@link FailoverRollback}, its finalizer).
 */
@ControllerConfiguration(name = FailoverReconciler.NAME, finalizerName = ActiveFailovers.ROLLBACK_FINALIZER)
public class FailoverReconciler implements Reconciler<Failover>, Cleaner<Failover> {

    public static final String NAME = "failover";
    /** Held until a deleted Failover is rolled back; removing it by hand gives the rollback up. */
    private static final Logger LOG = Logger.getLogger(FailoverReconciler.class);

    private final KubernetesClient client;
    private final PlanSites sites;
    private final StepRegistry registry;
    private final StepLog log;
    private final FailoverOutcome outcome;
    private final DrillCleanup drills;
    private final FailoverRollback rollback;
    private final FailoverMetrics metrics;
    private final FailoverStatusGateway status;
    private final ReadinessWatches readiness;

    public FailoverReconciler(KubernetesClient client, PlanSites sites, StepRegistry registry, StepLog log, FailoverOutcome outcome,
            DrillCleanup drills, FailoverRollback rollback, FailoverMetrics metrics, FailoverStatusGateway status,
            ReadinessWatches readiness) {
        this.client = client;
        this.sites = sites;
        this.registry = registry;
        this.log = log;
        this.outcome = outcome;
        this.drills = drills;
        this.rollback = rollback;
        this.metrics = metrics;
        this.status = status;
        this.readiness = readiness;
    }

    @Override
    public UpdateControl<Failover> reconcile(Failover failover, Context<Failover> context) {
        // The copy JOSDK hands over holds this reconciler's last status write (FailoverStatusGateway caches it).
        Instant now = Instant.now();
        if (ActiveFailovers.ended(failover)) {
            return drills.afterEnd(failover, now, context);
        }
        // The plan is read, not cached: its site state is changed by the plan controller and by other Failovers,
        // and the steps decide on it; one GET per reconcile of a running Failover.
        DisasterRecoveryPlan plan = client.resources(DisasterRecoveryPlan.class).inNamespace(failover.getMetadata().getNamespace())
                .withName(failover.getSpec().getPlanRef().getName()).get();
        if (failover.getStatus() == null || failover.getStatus().getPhase() == null) {
            outcome.start(failover, plan, now);
        }
        if (plan == null) {
            outcome.fail(failover, null, null, Reasons.PLAN_NOT_FOUND, "DisasterRecoveryPlan " + failover.getSpec().getPlanRef().getName()
                    + " does not exist in namespace " + failover.getMetadata().getNamespace(), now);
            return status.patch(failover, context);
        }
        FailoverRun run = new FailoverRun(failover, plan, sites, now);
        metrics.running(failover, Instant.parse(run.status().getStartedAt()));
        Optional<Step> next = registry.next(run);
        if (next.isEmpty()) {
            outcome.complete(run);
            return drills.ended(failover, plan, now, context);
        }
        return advance(run, next.get(), context);
    }

    /** Runs one call of the step and records what it came to; the Failover fails when a waiting step is past its deadline. */
    private UpdateControl<Failover> advance(FailoverRun run, Step step, Context<Failover> context) {
        Failover failover = run.failover();
        Instant now = run.now();
        FailoverStep record = log.started(run, step);
        failover.getStatus().setPhase(step.phase());
        Instant deadline = deadline(run, step, record);
        run.inFlight().setDeadline(Conditions.timestamp(deadline));

        StepOutcome result = call(step, run);
        if (result.result() == StepOutcome.Result.WAITING && !now.isBefore(deadline)) {
            result = StepOutcome.failed(Reasons.DEADLINE_EXCEEDED, "did not finish by " + Conditions.timestamp(deadline)
                    + " (" + deadlineSource(run, step) + "): " + result.message());
        }
        switch (result.result()) {
            case DONE, SKIPPED -> {
                log.finished(run, record, result);
                failover.getStatus().setMessage(null);
                return status.patch(failover, context).rescheduleAfter(Duration.ZERO);
            }
            case WAITING -> {
                log.progress(record, result.message());
                // What the Failover waits for (an approval, an API server, Pods) is said where kubectl shows it, not only in the step.
                failover.getStatus().setMessage(StepLog.trim(record.getName() + ": " + result.message()));
                return status.patch(failover, context).rescheduleAfter(result.retryAfter());
            }
            default -> {
                log.finished(run, record, result);
                outcome.fail(failover, run.plan(), record.getName(), result.reason(), result.message(), now);
                return drills.ended(failover, run.plan(), now, context);
            }
        }
    }

    @Override
    public DeleteControl cleanup(Failover failover, Context<Failover> context) {
        metrics.stopped(failover);
        readiness.stop(failover);
        return rollback.run(failover, Instant.now());
    }

    @Override
    public ErrorStatusUpdateControl<Failover> updateErrorStatus(Failover failover, Context<Failover> context, Exception e) {
        LOG.warnf("reconciling failover %s/%s failed (%s); retrying", failover.getMetadata().getNamespace(),
                failover.getMetadata().getName(), RemoteErrors.describe(e));
        LOG.debugf(ownBug(e), "reconciling failover %s/%s failed", failover.getMetadata().getNamespace(), failover.getMetadata().getName());
        return ErrorStatusUpdateControl.noStatusUpdate();
    }

    /**
     * A step's errors (a site that stops answering mid-step, a write refused) are retried until its
     * deadline: the step is idempotent, and the message says what went wrong.
     */
    private static StepOutcome call(Step step, FailoverRun run) {
        try {
            return step.run(run);
        } catch (SiteConfigException e) {
            return StepOutcome.failed(e.reason(), e.getMessage());
        } catch (KubernetesClientException e) {
            LOG.debugf("step %s of failover %s failed: %s", step.name(), run.failover().getMetadata().getName(), RemoteErrors.describe(e));
            return StepOutcome.waiting("a site's API " + (e.getCode() > 0 ? "answered " : "could not be reached or read: ")
                    + RemoteErrors.describe(e) + "; trying again", Duration.ofSeconds(5));
        } catch (RuntimeException e) {
            // Our own bug, or an error from a remote answer's parsing: its text may quote the answer.
            LOG.debugf(ownBug(e), "step %s of failover %s failed", step.name(), run.failover().getMetadata().getName());
            return StepOutcome.waiting(e.getClass().getSimpleName() + "; trying again", Duration.ofSeconds(5));
        }
    }

    /** The exception itself when it is a bug of ours, worth a stack trace; null when it came from a remote server, whose text it may quote. */
    private static Throwable ownBug(Throwable e) {
        return RemoteErrors.fromRemote(e) ? null : e;
    }

    /** The earlier of the step's own deadline and the Failover's timeout. */
    private static Instant deadline(FailoverRun run, Step step, FailoverStep record) {
        Instant overall = Instant.parse(run.status().getStartedAt()).plus(timeout(run));
        Duration own = step.deadline(run);
        if (own == null) {
            return overall;
        }
        Instant stepDeadline = Instant.parse(record.getStartedAt()).plus(own);
        return stepDeadline.isBefore(overall) ? stepDeadline : overall;
    }

    private static String deadlineSource(FailoverRun run, Step step) {
        Duration own = step.deadline(run);
        return own == null || own.compareTo(timeout(run)) >= 0 ? "the Failover's timeout of " + run.failover().getSpec().getTimeout()
                : "step " + step.name() + " may take " + GoDurations.format(own);
    }

    private static Duration timeout(FailoverRun run) {
        String timeout = run.failover().getSpec().getTimeout();
        return GoDurations.parse(timeout == null ? "30m" : timeout);
    }
}
