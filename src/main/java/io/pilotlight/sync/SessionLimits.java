package io.pilotlight.sync;

/**
 * What bounds each plan's sync session, from the operator's settings.
 *
 * @param parallelWrites writes one session has in flight at most ({@code pilotlight.sync.parallel-writes}, within the writer threads)
 * @param queueCapacity changes waiting before the session falls back to a full pass ({@code pilotlight.sync.queue-capacity})
 * @param maxWatches watches one session may open on its source ({@code pilotlight.security.max-watches-per-plan})
 */
record SessionLimits(int parallelWrites, int queueCapacity, int maxWatches) {
}
