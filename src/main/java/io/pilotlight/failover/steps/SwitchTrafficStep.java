package io.pilotlight.failover.steps;

import io.pilotlight.api.v1alpha1.failover.FailoverPhase;
import io.pilotlight.failover.run.FailoverRun;
import io.pilotlight.failover.run.PhasedStep;
import io.pilotlight.failover.run.StepOutcome;
import io.pilotlight.traffic.SwitchResult;
import io.pilotlight.traffic.TrafficSwitch;
import io.pilotlight.traffic.TrafficSwitchException;
import io.pilotlight.traffic.TrafficSwitches;
import io.pilotlight.traffic.TrafficTarget;
import io.pilotlight.util.RemoteErrors;
import jakarta.inject.Singleton;
import java.time.Duration;

/**
 * Points traffic at the target site with the plan's provider (ExternalDNS, Gateway API, RFC 2136).
 * A provider error is retried until the step's deadline: a DNS server or API that is briefly away
 * should not fail a failover whose workloads already run.
 */
@Singleton
public class SwitchTrafficStep extends PhasedStep {

    public static final String NAME = "SwitchTraffic";

    private final TrafficSwitches switches;

    public SwitchTrafficStep(TrafficSwitches switches) {
        super(NAME, FailoverPhase.SWITCHING_TRAFFIC);
        this.switches = switches;
    }

    @Override
    public Duration deadline(FailoverRun run) {
        return Duration.ofMinutes(5);
    }

    @Override
    public StepOutcome run(FailoverRun run) {
        if (Boolean.FALSE.equals(run.failover().getSpec().getSwitchTraffic())) {
            return StepOutcome.skipped("switchTraffic is false: traffic is left where it is");
        }
        TrafficSwitch provider = switches.forPlan(run.plan());
        try {
            SwitchResult result = provider.switchTo(TrafficTarget.of(run.plan(), run.toRole()));
            return StepOutcome.done(result.message());
        } catch (TrafficSwitchException e) {
            // A remote server's failure is told by its kind only; a provider's own finding keeps its sentence.
            String why = e.getCause() == null ? e.getMessage() : e.reason() + ": " + RemoteErrors.describe(e.getCause());
            return StepOutcome.waiting(provider.describe() + ": " + why + "; trying again", Duration.ofSeconds(5));
        }
    }
}
