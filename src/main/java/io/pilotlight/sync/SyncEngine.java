package io.pilotlight.sync;

import io.pilotlight.api.v1alpha1.DisasterRecoveryPlan;
import io.pilotlight.api.v1alpha1.plan.SyncMode;
import io.pilotlight.config.OperatorSettings;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;
import org.jboss.logging.Logger;

/**
 * Holds one {@link SyncSession} per plan, from its active site (the source) to the other one (the
 * target, the parked copy): a failover turns the direction round ({@link SyncDirection}). The plan reconciler calls {@link #ensure} on every pass (cheap when nothing changed),
 * {@link #report} to read a snapshot, and {@link #stop} when the plan goes or its sync is turned off.
 * The sync runs on its own threads and never blocks the reconciler.
 *
 * <p>Threads: one coordinator per plan, plus a writer pool shared by all plans
 * ({@code pilotlight.sync.writer-threads}); each plan has at most {@code pilotlight.sync.parallel-writes}
 * writes in flight.
 */
@ApplicationScoped
public class SyncEngine {

    private static final Logger LOG = Logger.getLogger(SyncEngine.class);

    private final Map<String, SyncSession> sessions = new HashMap<>();
    private final ExecutorService writers;
    private final SessionLimits limits;
    private final SyncMetrics metrics;
    private volatile BiConsumer<String, String> phaseListener = (namespace, name) -> {
    };

    public SyncEngine(SyncMetrics metrics, OperatorSettings settings) {
        this.metrics = metrics;
        int writerThreads = settings.sync().writerThreads();
        int parallelWrites = settings.sync().parallelWrites();
        int queueCapacity = settings.sync().queueCapacity();
        this.limits = new SessionLimits(Math.max(1, Math.min(parallelWrites, writerThreads)), queueCapacity,
                settings.security().maxWatchesPerPlan());
        AtomicInteger n = new AtomicInteger();
        this.writers = Executors.newFixedThreadPool(Math.max(1, writerThreads), r -> {
            Thread t = new Thread(r, "pilotlight-sync-writer-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * Starts the plan's sync, or restarts it when what it syncs changed (kinds, namespaces, parking,
     * mode, direction, clients); does nothing when it runs as asked.
     *
     * @param namespaces the protected namespaces on the source, or null when they cannot be listed
     *        now: a running sync then goes on as it is (its informers wait for the source)
     */
    public synchronized void ensure(DisasterRecoveryPlan plan, SyncDirection direction, List<String> namespaces) {
        String key = key(plan);
        if (plan.getSpec().syncMode() == SyncMode.OFF) {
            stop(key);
            return;
        }
        SyncSession running = sessions.get(key);
        if (namespaces == null) {
            return;
        }
        SyncSettings settings = SyncSettings.of(plan, namespaces, direction.sourceName(), direction.targetName());
        if (running != null && running.settings().fingerprint().equals(settings.fingerprint())
                && running.uses(direction.source(), direction.target())) {
            return;
        }
        if (running != null) {
            LOG.infof("sync of plan %s: settings, namespaces, direction or sites changed, restarting it (%s)", key,
                    direction.describe());
            running.stop();
        }
        SyncSession session = new SyncSession(settings, direction.sourceSite(), direction.targetSite(), writers, limits,
                Clock.systemUTC(),
                () -> phaseListener.accept(settings.planNamespace(), settings.planName()));
        sessions.put(key, session);
        metrics.register(settings.planNamespace(), settings.planName(), session::report);
        session.start();
    }

    /**
     * Who is told (with the plan's namespace and name, on the sync's thread) when a plan's sync moves to
     * another phase: discovery, the first full pass, following the changes. One listener: the plan's.
     */
    public void onPhaseChange(BiConsumer<String, String> listener) {
        this.phaseListener = listener;
    }

    /** A snapshot of the plan's sync; {@link SyncReport.Phase#NOT_RUNNING} when there is none. */
    public SyncReport report(DisasterRecoveryPlan plan) {
        SyncSession session;
        synchronized (this) {
            session = sessions.get(key(plan));
        }
        return session == null ? SyncReport.notRunning(plan.getSpec().syncMode()) : session.report();
    }

    /** Asks the plan's sync for a full pass now (e.g. before a planned failover). */
    public synchronized void resync(DisasterRecoveryPlan plan) {
        SyncSession session = sessions.get(key(plan));
        if (session != null) {
            session.requestFullPass();
        }
    }

    public synchronized void stop(DisasterRecoveryPlan plan) {
        stop(key(plan));
    }

    /**
     * Whether the plan's sync holds the site as its parked copy: it is the session's target and a full
     * pass has completed there, so every protected object it has is a parked copy (or a conflict).
     */
    public synchronized boolean protects(DisasterRecoveryPlan plan, String site) {
        SyncSession session = sessions.get(key(plan));
        return session != null && site.equals(session.settings().targetSite())
                && session.report().phase() == SyncReport.Phase.RUNNING;
    }

    /** Whether the plan has a sync session. */
    public synchronized boolean running(DisasterRecoveryPlan plan) {
        return sessions.containsKey(key(plan));
    }

    public synchronized int running() {
        return sessions.size();
    }

    private void stop(String key) {
        SyncSession session = sessions.remove(key);
        if (session != null) {
            session.stop();
            metrics.remove(session.settings().planNamespace(), session.settings().planName());
        }
    }

    @PreDestroy
    synchronized void stopAll() {
        List.copyOf(sessions.keySet()).forEach(this::stop);
        writers.shutdownNow();
    }

    private static String key(DisasterRecoveryPlan plan) {
        return plan.getMetadata().getNamespace() + "/" + plan.getMetadata().getName();
    }
}
