package io.pilotlight.sync;

import java.time.Duration;

/**
 * What one write did: returned by a writer thread, applied to the {@link Ledger} by the coordinator.
 *
 * @param copy the copy now on the target (WRITTEN, UNCHANGED), else null
 * @param drift the write changed a copy this session had made of this very version of the source
 * @param targetDown the target did not answer (or was overloaded): a problem of the site, not of the object
 * @param staleCopy the copy the ledger knew was deleted or replaced on the target meanwhile
 */
record Outcome(ObjectKey key, Result result, Copy copy, String detail, boolean drift, boolean targetDown,
        boolean staleCopy) {

    enum Result {
        WRITTEN, UNCHANGED, DELETED, GONE, CONFLICT, SKIPPED, FAILED, IGNORED
    }

    static Outcome of(ObjectKey key, Result result, String detail) {
        return new Outcome(key, result, null, detail, false, false, false);
    }

    Outcome forgettingStaleCopy() {
        return new Outcome(key, result, copy, detail, drift, targetDown, true);
    }

    /**
     * How long a failed write waits before its next attempt: seconds while the target is down, so that
     * the copy catches up soon after it is back; longer for a refused object, which a retry rarely fixes.
     */
    Duration retryAfter(int attempts) {
        long seconds = (targetDown ? 1L : 15L) << Math.min(attempts, 10);
        Duration max = targetDown ? Duration.ofSeconds(30) : Duration.ofMinutes(5);
        return seconds < max.toSeconds() ? Duration.ofSeconds(seconds) : max;
    }
}
