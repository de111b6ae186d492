package io.pilotlight.failover.steps;

import io.fabric8.kubernetes.client.KubernetesClientException;
import io.pilotlight.api.v1alpha1.Reasons;
import io.pilotlight.api.v1alpha1.failover.FailoverPhase;
import io.pilotlight.core.PlanSiteState;
import io.pilotlight.core.clusters.SiteConfigException;
import io.pilotlight.failover.run.FailoverRun;
import io.pilotlight.failover.run.PhasedStep;
import io.pilotlight.failover.run.StepOutcome;
import io.pilotlight.util.GoDurations;
import io.pilotlight.util.RemoteErrors;
import io.pilotlight.workloads.InPlaceParker;
import jakarta.inject.Singleton;
import java.time.Duration;

/**
 * Planned failover: records the site being left as fenced in the plan, parks it (scaled to 0,
 * CronJobs suspended, each change recorded on the object) and waits until its Pods are gone, so
 * nothing writes there any more; running Jobs are listed to be resubmitted. Needs that site: if it does not answer, use an Unplanned failover.
 */
@Singleton
public class QuiesceStep extends PhasedStep {

    public static final String NAME = "Quiesce";

    private final InPlaceParker parker;
    private final PlanSiteState siteState;

    public QuiesceStep(InPlaceParker parker, PlanSiteState siteState) {
        super(NAME, FailoverPhase.FENCING);
        this.parker = parker;
        this.siteState = siteState;
    }

    @Override
    public Duration deadline(FailoverRun run) {
        return GoDurations.parse(run.plan().getSpec().getFailover().getReadinessTimeout());
    }

    @Override
    public StepOutcome run(FailoverRun run) throws SiteConfigException {
        String site = run.siteName(run.fromRole());
        FenceStep.recordFenced(siteState, run, site);
        InPlaceParker.Result result;
        try {
            result = parker.park(run.plan(), run.from());
        } catch (KubernetesClientException e) {
            return StepOutcome.failed(Reasons.SOURCE_UNREACHABLE, "a Planned failover needs the " + run.fromRole() + " site " + site
                    + ", which does not answer (" + RemoteErrors.describe(e) + "); create an Unplanned Failover to go without it");
        }
        if (run.status().getJobsToResubmit() == null && !result.runningJobs().isEmpty()) {
            run.status().setJobsToResubmit(result.runningJobs());
        }
        int parked = result.parkedNow() + result.alreadyParked();
        if (result.stillRunning() > 0) {
            return StepOutcome.waiting(parked + " workload(s) on " + site + " parked; waiting for the Pods of " + result.stillRunning()
                    + " to stop", Duration.ofSeconds(2));
        }
        return StepOutcome.done(parked + " workload(s) on " + site + " parked and their Pods stopped"
                + (result.runningJobs().isEmpty() ? "" : "; " + result.runningJobs().size() + " running Job(s) listed to resubmit"));
    }
}
