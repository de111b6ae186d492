package io.pilotlight.plan;

import io.pilotlight.api.v1alpha1.ConditionTypes;
import io.pilotlight.api.v1alpha1.DisasterRecoveryPlan;
import io.pilotlight.api.v1alpha1.Failover;
import io.pilotlight.api.v1alpha1.Reasons;
import io.pilotlight.api.v1alpha1.plan.SyncMode;
import io.pilotlight.core.ActiveFailovers;
import io.pilotlight.core.PlanSiteState;
import io.pilotlight.core.SiteRole;
import io.pilotlight.status.ConditionResult;
import io.pilotlight.status.EventRecorder;
import io.pilotlight.sync.SyncDirection;
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
 * The sync part of a plan's pass: keeps the plan's {@link SyncEngine} session as the spec asks, from
 * the active site to the other one (after a failover, the site left is re-protected as the parked copy),
 * and turns its snapshot into {@code status.standby}, {@code status.syncDirection}, StandbyInSync and a
 * Warning event per new conflict. Never waits on the sync: it only reads a snapshot.
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
     * @param namespaces the protected namespaces on the active site, or null when they cannot be listed now
     */
    void observe(DisasterRecoveryPlan plan, Collection<Failover> planFailovers, PlanStatusDraft draft, SiteSection.Sites sites,
            List<String> namespaces) {
        if (!enabled(plan)) {
            forget(plan);
            draft.status().setStandby(null);
            draft.status().setSyncDirection(null);
            draft.condition(ConditionTypes.STANDBY_IN_SYNC, SyncRules.off());
            return;
        }
        SyncDirection direction = direction(plan, sites);
        draft.status().setSyncDirection(direction.describe());
        Optional<ConditionResult> held = heldByFailover(plan, planFailovers);
        if (held.isPresent()) {
            draft.condition(ConditionTypes.STANDBY_IN_SYNC, held.get());
            return;
        }
        boolean primaryActive = direction.sourceRole() == SiteRole.PRIMARY;
        boolean sourceReachable = (primaryActive ? sites.primaryHealth() : sites.standbyHealth()).reachable();
        boolean targetReachable = (primaryActive ? sites.standbyHealth() : sites.primaryHealth()).reachable();
        if (!targetReachable && plan.getStatus() != null && direction.targetName().equals(plan.getStatus().getFencedSite())) {
            // The site left is written to only after a pass that found it answering has parked it in place first.
            engine.stop(plan);
            draft.condition(ConditionTypes.STANDBY_IN_SYNC, ConditionResult.unknown(Reasons.SITE_UNREACHABLE, "the site "
                    + direction.targetName() + " that the failover left does not answer: once it does, its workloads are parked"
                    + " at once, then it is re-protected as the parked copy of " + direction.sourceName()));
            return;
        }
        engine.ensure(plan, direction, namespaces);
        SyncReport report = engine.report(plan);
        if (report.phase() != SyncReport.Phase.NOT_RUNNING) {
            draft.status().setStandby(SyncRules.figures(report, direction.targetName()));
        }
        draft.condition(ConditionTypes.STANDBY_IN_SYNC, SyncRules.condition(report, direction, sourceReachable, targetReachable));
        announceConflicts(plan, report, direction.targetName());
    }

    /** From the active site to the other one. */
    static SyncDirection direction(DisasterRecoveryPlan plan, SiteSection.Sites sites) {
        String primary = plan.getSpec().getPrimary().getName();
        String standby = plan.getSpec().getStandby().getName();
        return PlanSiteState.activeRole(plan) == SiteRole.PRIMARY
                ? new SyncDirection(SiteRole.PRIMARY, primary, sites.primary(), standby, sites.standby())
                : new SyncDirection(SiteRole.STANDBY, standby, sites.standby(), primary, sites.primary());
    }

    /**
     * Why the sync must not run now: a Failover has stopped it to scale the target up (before that
     * point, a Planned failover needs it), or a Failover parked the active site and did not finish.
     */
    private Optional<ConditionResult> heldByFailover(DisasterRecoveryPlan plan, Collection<Failover> planFailovers) {
        var status = plan.getStatus();
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
                    + " stopped the sync to bring the other site up"));
        }
        String fenced = status == null ? null : status.getFencedSite();
        if (running.isEmpty() && fenced != null && fenced.equals(status.getActiveSite())) {
            // A Failover that quiesced or fenced the active site ended without finishing: parking the other site
            // again now could leave nothing serving. A person decides, with a new Failover either way. (The site a
            // completed Failover left is fenced too, but it is not the active one: it is re-protected.)
            engine.stop(plan);
            return Optional.of(ConditionResult.isFalse(Reasons.FAILOVER_UNFINISHED, "the site " + fenced
                    + " was parked by a Failover that did not finish: create a Failover to the other site to finish it, or one"
                    + " back to " + fenced + " to resume it; the sync stays stopped until then"));
        }
        return Optional.empty();
    }

    private void announceConflicts(DisasterRecoveryPlan plan, SyncReport report, String target) {
        Set<String> now = new HashSet<>(report.conflicts());
        Set<String> before = announced.getOrDefault(plan.getMetadata().getUid(), Set.of());
        for (String conflict : report.conflicts()) {
            if (!before.contains(conflict)) {
                events.warning(plan, Reasons.SYNC_CONFLICT, "not synced to " + target + ": " + conflict);
            }
        }
        announced.put(plan.getMetadata().getUid(), now);
    }

    /** Stops the plan's sync (deleted plan, or sync turned off); the copies stay where they are. */
    void forget(DisasterRecoveryPlan plan) {
        engine.stop(plan);
        announced.remove(plan.getMetadata().getUid());
    }
}
