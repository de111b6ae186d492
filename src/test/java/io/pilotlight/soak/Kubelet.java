package io.pilotlight.soak;

import io.pilotlight.testsupport.OperatorProcess;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Does for the soak's operator what the kubelet does for its Pod: starts it again when it exits. The
 * operator exits by design when it cannot renew its Lease (its own cluster unreachable or too slow to
 * answer within the renew deadline); each restart is recorded, and the soak reports it.
 */
final class Kubelet implements AutoCloseable {

    private final OperatorProcess operator;
    private final List<Instant> restarts = java.util.Collections.synchronizedList(new ArrayList<>());
    private final ScheduledExecutorService probe = Executors.newSingleThreadScheduledExecutor();

    Kubelet(OperatorProcess operator) {
        this.operator = operator;
        probe.scheduleWithFixedDelay(this::restartIfExited, 2, 2, TimeUnit.SECONDS);
    }

    private void restartIfExited() {
        if (!operator.alive()) {
            restarts.add(Instant.now());
            System.out.printf("%s [soak] the operator exited; starting it again (restart %d)%n", Instant.now(), restarts.size());
            try {
                operator.start();
            } catch (RuntimeException e) {
                System.out.println("[soak] the restart failed, trying again: " + e.getMessage());
            }
        }
    }

    List<Instant> restarts() {
        synchronized (restarts) {
            return List.copyOf(restarts);
        }
    }

    @Override
    public void close() {
        probe.shutdownNow();
    }
}
