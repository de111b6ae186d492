package io.pilotlight.failover;

import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import io.pilotlight.api.v1alpha1.Failover;
import io.pilotlight.status.StatusGateway;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Every write of a Failover's status. The status is the state machine's memory, so it is written
 * only on top of the version this reconcile started from (a write in between fails it, and JOSDK
 * reconciles again), and cached: a reconcile rescheduled right after it starts from what was written,
 * and never runs a step again because its informer copy lagged.
 */
@ApplicationScoped
public class FailoverStatusGateway {

    /** Writes the Failover's status; the control to return, which JOSDK must not patch again. */
    UpdateControl<Failover> patch(Failover failover, Context<Failover> context) {
        StatusGateway.apply(failover, StatusGateway.Lock.OPTIMISTIC, context);
        return UpdateControl.noUpdate();
    }
}
