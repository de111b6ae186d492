package io.pilotlight.plan;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The compatibility check lists every CRD of the primary, so it runs when a plan changes and then
 * every few minutes, not on every probe.
 */
@ApplicationScoped
public class CompatibilityCadence {

    static final Duration EVERY = Duration.ofMinutes(5);

    private record Last(long generation, Instant at) {
    }

    private final Map<String, Last> last = new ConcurrentHashMap<>();

    public boolean due(String planUid, long generation, Instant now) {
        Last l = last.get(planUid);
        return l == null || l.generation() != generation || !now.isBefore(l.at().plus(EVERY));
    }

    public void checked(String planUid, long generation, Instant now) {
        last.put(planUid, new Last(generation, now));
    }

    public void forget(String planUid) {
        last.remove(planUid);
    }
}
