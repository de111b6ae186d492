package io.pilotlight.failover.steps;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.pilotlight.api.v1alpha1.failover.FailoverPhase;
import io.pilotlight.core.PlanSiteState;
import io.pilotlight.core.clusters.SiteConfigException;
import io.pilotlight.core.clusters.SiteHealth;
import io.pilotlight.core.clusters.SiteProbe;
import io.pilotlight.failover.run.FailoverRun;
import io.pilotlight.failover.run.PhasedStep;
import io.pilotlight.failover.run.StepOutcome;
import io.pilotlight.util.GoDurations;
import io.pilotlight.util.RemoteErrors;
import io.pilotlight.workloads.InPlaceParker;
import jakarta.inject.Singleton;

/**
 * Unplanned failover: records the site being left as fenced in the plan (the plan parks its
 * workloads whenever it answers again, so it never serves beside the new active site), probes it
 * once, within the plan's probe timeout, and parks it right away if it answers. Never waits for it.
 */
@Singleton
public class FenceStep extends PhasedStep {

    public static final String NAME = "Fence";

    private final SiteProbe probe;
    private final InPlaceParker parker;
    private final PlanSiteState siteState;

    public FenceStep(SiteProbe probe, InPlaceParker parker, PlanSiteState siteState) {
        super(NAME, FailoverPhase.FENCING);
        this.probe = probe;
        this.parker = parker;
        this.siteState = siteState;
    }

    /** Records in the plan that the site is fenced: the plan keeps it parked until a Failover resumes it. */
    static void recordFenced(PlanSiteState siteState, FailoverRun run, String site) {
        siteState.recordFence(run.plan(), run.failover().getMetadata().getName(), site);
    }

    @Override
    public StepOutcome run(FailoverRun run) {
        String site = run.siteName(run.fromRole());
        recordFenced(siteState, run, site);
        KubernetesClient from;
        try {
            from = run.from();
        } catch (SiteConfigException e) {
            return StepOutcome.done(site + " fenced; it cannot be reached (" + e.getMessage() + ")");
        }
        SiteHealth health = probe.probe(from, GoDurations.parse(run.plan().getSpec().getHealthCheck().getTimeout())).join();
        if (!health.reachable()) {
            return StepOutcome.done(site + " fenced without waiting for it (" + health.problem()
                    + "); its workloads will be parked when it answers again");
        }
        try {
            InPlaceParker.Result result = parker.park(run.plan(), from);
            if (!result.runningJobs().isEmpty()) {
                run.status().setJobsToResubmit(result.runningJobs());
            }
            return StepOutcome.done(site + " fenced; it answered, and " + (result.parkedNow() + result.alreadyParked())
                    + " of its workload(s) are parked");
        } catch (KubernetesClientException e) {
            return StepOutcome.done(site + " fenced; parking it failed (" + RemoteErrors.describe(e)
                    + ") and is retried by the plan whenever it answers");
        }
    }
}
