package io.pilotlight.traffic;

/**
 * Moves a plan's traffic between its two sites. One implementation per provider of
 * {@code spec.traffic}; {@link TrafficSwitches} picks it. Implementations are idempotent: switching
 * to where traffic already goes writes nothing and says so, which lets a Failover step be retried
 * or resumed after an operator restart.
 */
public interface TrafficSwitch {

    /** Short name of the provider and its object, e.g. {@code DNSEndpoint shop/app}. */
    String describe();

    /**
     * Sends traffic to the target site.
     *
     * @return whether something was written, and a sentence saying what
     * @throws TrafficSwitchException with a clear, credential-free message when it cannot be done; nothing
     *         was changed then, or (DNS server answering an error after a partial retry) nothing the
     *         next call does not repair
     */
    SwitchResult switchTo(TrafficTarget target) throws TrafficSwitchException;

    /** Where traffic goes now. */
    TrafficState current() throws TrafficSwitchException;
}
