package io.pilotlight.plan;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Consecutive failed probes of each plan's sites (one probe per reconcile): a site counts as
 * unreachable after {@code healthCheck.failureThreshold} of them, for its condition and for an
 * automatic failover. Kept in memory: after an operator restart the count starts again.
 */
@ApplicationScoped
public class ProbeStreaks {

    private final Map<String, Integer> failures = new ConcurrentHashMap<>();

    /** Records a probe of the plan's site ({@code primary} or {@code standby}); returns the failures in a row, 0 after an answer. */
    public int record(String planUid, String role, boolean answered) {
        String key = planUid + "/" + role;
        if (answered) {
            failures.remove(key);
            return 0;
        }
        return failures.merge(key, 1, Integer::sum);
    }

    void forget(String planUid) {
        failures.keySet().removeIf(k -> k.startsWith(planUid + "/"));
    }
}
