package io.pilotlight.plan;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.pilotlight.api.v1alpha1.ConditionTypes;
import io.pilotlight.api.v1alpha1.DisasterRecoveryPlan;
import io.pilotlight.api.v1alpha1.Failover;
import io.pilotlight.api.v1alpha1.Reasons;
import io.pilotlight.api.v1alpha1.plan.SyncMode;
import io.pilotlight.core.ActiveFailovers;
import io.pilotlight.core.clusters.SiteHealth;
import io.pilotlight.status.ConditionResult;
import io.pilotlight.status.EventRecorder;
import io.pilotlight.sync.SyncEngine;
import io.pilotlight.sync.SyncReport;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The standby-sync part of a plan's pass: keeps the plan's {@link SyncEngine} session as the spec
 * asks, and turns its snapshot into {@code status.standby}, StandbyInSync and a Warning event per new
 * conflict. Never waits on the sync: it only reads a snapshot.
 */
@ApplicationScoped
public class SyncSection {

    private final SyncEngine engine;
    private final EventRecorder events;
    private final ActiveFailovers failovers;
    /** Conflicts already announced by an event, per plan uid: each is announced once while it lasts. */
    private final Map<String, Set<String>> announced = new ConcurrentHashMap<>();

    public SyncSection(SyncEngine engine, EventRecorder events, ActiveFailovers failovers) {
        this.engine = engine;
        this.events = events;
        this.failovers = failovers;
    }

    static boolean enabled(DisasterRecoveryPlan plan) {
        return plan.getSpec().syncMode() != SyncMode.OFF;
    }

    /**
     * @param namespaces the protected namespaces on the primary, or null when they cannot be listed now
     */
    void observe(DisasterRecoveryPlan plan, Collection<Failover> planFailovers, PlanStatusDraft draft, KubernetesClient primary,
            SiteHealth primaryHealth, KubernetesClient standby, SiteHealth standbyHealth, List<String> namespaces) {
        if (!enabled(plan)) {
            forget(plan);
            draft.status().setStandby(null);
            draft.condition(ConditionTypes.STANDBY_IN_SYNC, SyncRules.off());
            return;
        }
        Optional<ConditionResult> held = heldByFailover(plan, planFailovers);
        if (held.isPresent()) {
            draft.condition(ConditionTypes.STANDBY_IN_SYNC, held.get());
            return;
        }
        engine.ensure(plan, primary, standby, namespaces);
        SyncReport report = engine.report(plan);
        if (report.phase() != SyncReport.Phase.NOT_RUNNING) {
            draft.status().setStandby(SyncRules.figures(report));
        }
        draft.condition(ConditionTypes.STANDBY_IN_SYNC, SyncRules.condition(report, primaryHealth.reachable(),
                standbyHealth.reachable()));
        announceConflicts(plan, report);
    }

    /**
     * Why the sync must not run now: the standby serves (since a failover, until a failback), a
     * Failover has stopped it to scale the standby up (before that point, a Planned failover needs
     * it), or a Failover parked a site and did not finish.
     */
    private Optional<ConditionResult> heldByFailover(DisasterRecoveryPlan plan, Collection<Failover> planFailovers) {
        var status = plan.getStatus();
        String primary = plan.getSpec().getPrimary().getName();
        if (status != null && status.getActiveSite() != null && !primary.equals(status.getActiveSite())) {
            engine.stop(plan);
            return Optional.of(ConditionResult.isFalse(Reasons.FAILED_OVER, "the site " + status.getActiveSite()
                    + " serves since a failover: nothing is synced to it; a Failover with direction ToPrimary fails back and starts the sync again"));
        }
        String failover = status == null ? null : status.getActiveFailover();
        // A Failover deleted or ended that the plan still names (released at its next pass) runs no more. Unless the
        // cache says it stopped the sync, it is read again: a sync restarted on a copy without its PauseSync would
        // park what it scales up.
        Optional<Failover> running = failover == null ? Optional.empty()
                : ActiveFailovers.running(planFailovers, failover).filter(ActiveFailovers::pausedSync)
                        .or(() -> failovers.running(plan.getMetadata().getNamespace(), failover));
        if (running.filter(ActiveFailovers::pausedSync).isPresent()) {
            // Also after an operator restart, when this engine may have started it again before the Failover resumed.
            engine.stop(plan);
            return Optional.of(ConditionResult.isFalse(Reasons.FAILOVER_IN_PROGRESS, "Failover " + failover
                    + " stopped the sync to bring the standby up"));
        }
        String fenced = status == null ? null : status.getFencedSite();
        if (running.isEmpty() && fenced != null) {
            // A Failover that quiesced or fenced a site ended without finishing: parking the standby again
            // now could leave nothing serving. A person decides, with a new Failover either way.
            engine.stop(plan);
            return Optional.of(ConditionResult.isFalse(Reasons.FAILOVER_UNFINISHED, "the site " + fenced
                    + " was parked by a Failover that did not finish: create a Failover to the standby to finish it, or one"
                    + " with direction ToPrimary to resume the primary; the sync stays stopped until then"));
        }
        return Optional.empty();
    }

    private void announceConflicts(DisasterRecoveryPlan plan, SyncReport report) {
        Set<String> now = new HashSet<>(report.conflicts());
        Set<String> before = announced.getOrDefault(plan.getMetadata().getUid(), Set.of());
        for (String conflict : report.conflicts()) {
            if (!before.contains(conflict)) {
                events.warning(plan, Reasons.SYNC_CONFLICT, "not synced to the standby: " + conflict);
            }
        }
        announced.put(plan.getMetadata().getUid(), now);
    }

    /** Stops the plan's sync (deleted plan, or sync turned off); the copies stay on the standby. */
    void forget(DisasterRecoveryPlan plan) {
        engine.stop(plan);
        announced.remove(plan.getMetadata().getUid());
    }
}
