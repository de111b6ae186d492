package io.pilotlight.failover.run;

import io.pilotlight.api.v1alpha1.failover.FailoverPhase;
import io.pilotlight.core.clusters.SiteConfigException;
import java.time.Duration;

/**
 * One step of a failover. {@link #run} is called again and again until it says the step is done,
 * skipped or failed; it must be idempotent (an operator restart calls it again from the top) and keep
 * whatever it has to remember in the Failover's status ({@code status.inFlight}).
 */
public interface Step {

    /** Name in {@code status.steps}, e.g. {@code Quiesce} or {@code ScaleUp/data}. */
    String name();

    /** Phase shown while the step runs. */
    FailoverPhase phase();

    /** How long the step may take from its start; null: only the Failover's own timeout applies. */
    default Duration deadline(FailoverRun run) {
        return null;
    }

    /**
     * @throws SiteConfigException when a site's client cannot be made (its kubeconfig Secret is gone
     *         or invalid): the Failover fails with the exception's reason
     */
    StepOutcome run(FailoverRun run) throws SiteConfigException;
}
