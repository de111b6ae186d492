package io.pilotlight.failover.run;

import io.pilotlight.api.v1alpha1.failover.FailoverPhase;

/**
 * A {@link Step} with a fixed name and phase. Steps that are beans are {@code @Singleton}: a
 * client proxy (normal scope) would need a no-argument constructor this base does not have.
 */
public abstract class PhasedStep implements Step {

    private final String name;
    private final FailoverPhase phase;

    protected PhasedStep(String name, FailoverPhase phase) {
        this.name = name;
        this.phase = phase;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public FailoverPhase phase() {
        return phase;
    }
}
