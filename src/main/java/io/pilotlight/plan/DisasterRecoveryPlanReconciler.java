package io.pilotlight.plan;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.javaoperatorsdk.operator.api.reconciler.Cleaner;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.ControllerConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.DeleteControl;
import io.javaoperatorsdk.operator.api.reconciler.ErrorStatusUpdateControl;
import io.javaoperatorsdk.operator.api.reconciler.Reconciler;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import io.pilotlight.api.v1alpha1.ConditionTypes;
import io.pilotlight.api.v1alpha1.DisasterRecoveryPlan;
import io.pilotlight.api.v1alpha1.DisasterRecoveryPlanSpec;
import io.pilotlight.api.v1alpha1.Reasons;
import io.pilotlight.api.v1alpha1.plan.SiteSpec;
import io.pilotlight.core.PlanSites;
import io.pilotlight.core.clusters.SiteConfigException;
import io.pilotlight.core.clusters.SiteHealth;
import io.pilotlight.core.clusters.SiteProbe;
import io.pilotlight.status.ConditionEvents;
import io.pilotlight.status.ConditionResult;
import io.pilotlight.status.Conditions;
import io.pilotlight.status.StatusPatch;
import io.pilotlight.util.GoDurations;
import io.pilotlight.util.RemoteErrors;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Reconciles a DisasterRecoveryPlan: validates it, probes both sites, keeps the Velero Schedule on
 * the primary, follows its Backups and the recovery point, checks that the standby can run what
 * the primary runs, keeps the standby's copy in sync (on the sync engine's own threads), and sums it
 * up in Ready. An invalid spec leaves a running sync as it was (last valid settings). Runs again every {@code healthCheck.interval}.
 */
@ControllerConfiguration(name = DisasterRecoveryPlanReconciler.NAME)
public class DisasterRecoveryPlanReconciler implements Reconciler<DisasterRecoveryPlan>, Cleaner<DisasterRecoveryPlan> {

    public static final String NAME = "disasterrecoveryplan";
    private static final Logger LOG = Logger.getLogger(DisasterRecoveryPlanReconciler.class);

    private final PlanValidator validator;
    private final PlanSites sites;
    private final SiteProbe probe;
    private final BackupSection backups;
    private final CompatibilitySection compatibility;
    private final SyncSection sync;
    private final FailoverSection failovers;
    private final ProbeStreaks streaks;
    private final PlanCleanup cleanup;
    private final PlanMetrics metrics;
    private final ConditionEvents events;
    private final WatchCap watchCap;
    private final TrustGate trust;

    public DisasterRecoveryPlanReconciler(PlanValidator validator, PlanSites sites, SiteProbe probe, BackupSection backups,
            CompatibilitySection compatibility, SyncSection sync, FailoverSection failovers, ProbeStreaks streaks, PlanCleanup cleanup,
            PlanMetrics metrics, ConditionEvents events, WatchCap watchCap, TrustGate trust) {
        this.validator = validator;
        this.sites = sites;
        this.probe = probe;
        this.backups = backups;
        this.compatibility = compatibility;
        this.sync = sync;
        this.failovers = failovers;
        this.streaks = streaks;
        this.cleanup = cleanup;
        this.metrics = metrics;
        this.events = events;
        this.watchCap = watchCap;
        this.trust = trust;
    }

    @Override
    public UpdateControl<DisasterRecoveryPlan> reconcile(DisasterRecoveryPlan plan, Context<DisasterRecoveryPlan> context) {
        PlanStatusDraft draft = new PlanStatusDraft(plan, Instant.now());
        DisasterRecoveryPlanSpec spec = plan.getSpec();
        Duration interval = GoDurations.parse(spec.getHealthCheck().getInterval());

        List<String> problems = validator.problems(spec);
        if (!problems.isEmpty()) {
            draft.condition(ConditionTypes.READY, ConditionResult.isFalse(Reasons.INVALID_SPEC, String.join("; ", problems)));
            return finish(plan, draft, interval);
        }
        KubernetesClient primary;
        KubernetesClient standby;
        Optional<ConditionResult> refused = trust.refusal(plan);
        if (refused.isPresent()) {
            draft.condition(ConditionTypes.READY, refused.get());
            return finish(plan, draft, interval);
        }
        try {
            primary = sites.primary(plan);
        } catch (SiteConfigException e) {
            return invalidSite(plan, draft, ConditionTypes.PRIMARY_REACHABLE, e, interval);
        }
        try {
            standby = sites.standby(plan);
        } catch (SiteConfigException e) {
            return invalidSite(plan, draft, ConditionTypes.STANDBY_REACHABLE, e, interval);
        }

        Duration timeout = GoDurations.parse(spec.getHealthCheck().getTimeout());
        var primaryProbe = probe.probe(primary, timeout);
        var standbyProbe = probe.probe(standby, timeout);
        SiteHealth primaryHealth = primaryProbe.join();
        SiteHealth standbyHealth = standbyProbe.join();
        int threshold = spec.getHealthCheck().getFailureThreshold();
        int primaryFailures = streaks.record(plan.getMetadata().getUid(), "primary", primaryHealth.reachable());
        int standbyFailures = streaks.record(plan.getMetadata().getUid(), "standby", standbyHealth.reachable());
        draft.condition(ConditionTypes.PRIMARY_REACHABLE, reachability("primary", spec.getPrimary(), primaryHealth,
                primaryFailures, threshold));
        draft.condition(ConditionTypes.STANDBY_REACHABLE, reachability("standby", spec.getStandby(), standbyHealth,
                standbyFailures, threshold));

        List<String> namespaces = null;
        if (primaryHealth.reachable()) {
            try {
                namespaces = backups.protectedNamespaces(primary, plan);
            } catch (KubernetesClientException e) {
                LOG.debugf("listing protected namespaces of %s failed: %s", plan.getMetadata().getName(), RemoteErrors.describe(e));
            }
        }
        Optional<String> overWatchCap = watchCap.excess(spec, namespaces);
        if (overWatchCap.isPresent()) {
            draft.condition(ConditionTypes.READY, ConditionResult.isFalse(Reasons.TOO_MANY_WATCHES, overWatchCap.get()));
            sync.forget(plan);
            return finish(plan, draft, interval);
        }
        backups.observe(plan, draft, primaryHealth.reachable() ? primary : null, standbyHealth.reachable() ? standby : null,
                namespaces);
        compatibility.observe(plan, draft, primary, primaryHealth, standby, standbyHealth, namespaces);
        sync.observe(plan, draft, primary, primaryHealth, standby, standbyHealth, namespaces);
        failovers.observe(plan, primary, primaryHealth, primaryFailures, standby, standbyHealth);

        boolean backupsOn = spec.backupEnabled();
        draft.condition(ConditionTypes.READY, ReadinessRules.aggregate(draft.conditions(), backupsOn, SyncSection.enabled(plan)));
        return finish(plan, draft, interval);
    }

    /**
     * A reconcile that failed unexpectedly still tells the user, in Ready, instead of only the log;
     * JOSDK retries it with backoff.
     */
    @Override
    public ErrorStatusUpdateControl<DisasterRecoveryPlan> updateErrorStatus(DisasterRecoveryPlan plan,
            Context<DisasterRecoveryPlan> context, Exception e) {
        String why = RemoteErrors.describe(e);
        LOG.warnf("reconciling plan %s/%s failed: %s", plan.getMetadata().getNamespace(), plan.getMetadata().getName(), why);
        if (!RemoteErrors.fromRemote(e)) {
            LOG.debug("the failure, which no remote server caused", e);
        }
        PlanStatusDraft draft = new PlanStatusDraft(plan, Instant.now());
        draft.condition(ConditionTypes.READY, ConditionResult.isFalse(Reasons.RECONCILE_ERROR,
                "the operator failed to process this plan and will retry: " + why));
        draft.transitions().forEach(t -> events.emit(plan, t));
        plan.setStatus(draft.status());
        // JOSDK retries with backoff, then gives up; the reschedule takes over from there, so that a plan
        // whose cause went away (a Secret fixed, a site back) recovers without being edited.
        return StatusPatch.onError(plan).rescheduleAfter(GoDurations.parse(plan.getSpec().getHealthCheck().getInterval()));
    }

    @Override
    public DeleteControl cleanup(DisasterRecoveryPlan plan, Context<DisasterRecoveryPlan> context) {
        return cleanup.run(plan);
    }

    /** A site that cannot even be configured: its condition says why, and so does Ready. */
    private UpdateControl<DisasterRecoveryPlan> invalidSite(DisasterRecoveryPlan plan, PlanStatusDraft draft, String siteCondition,
            SiteConfigException e, Duration interval) {
        draft.condition(siteCondition, ConditionResult.isFalse(e.reason(), e.getMessage()));
        draft.condition(ConditionTypes.READY, ConditionResult.isFalse(Reasons.INVALID_SPEC, e.getMessage()));
        return finish(plan, draft, interval);
    }

    /** Every pass ends here, also a refused or invalid plan's, so that its gauges (Ready 0) and Stalled say so. */
    private UpdateControl<DisasterRecoveryPlan> finish(DisasterRecoveryPlan plan, PlanStatusDraft draft, Duration interval) {
        metrics.update(plan.getMetadata().getNamespace(), plan.getMetadata().getName(), new PlanMetrics.Values(
                draft.status().getRpoSeconds() == null ? Double.NaN : draft.status().getRpoSeconds(),
                backups.lastBackupAgeSeconds(draft), holds(draft, ConditionTypes.PRIMARY_REACHABLE),
                holds(draft, ConditionTypes.STANDBY_REACHABLE), holds(draft, ConditionTypes.READY),
                seconds(plan.getSpec().getObjectives().getRpo()), seconds(plan.getSpec().getObjectives().getRto())));
        draft.condition(ConditionTypes.STALLED, ReadinessRules.stalled(Conditions.find(draft.conditions(), ConditionTypes.READY).orElse(null)));
        // Stalled mirrors Ready for GitOps tools; Ready's own transition already has its Event.
        draft.transitions().stream().filter(t -> !t.type().equals(ConditionTypes.STALLED)).forEach(t -> events.emit(plan, t));
        if (!draft.changed()) {
            return UpdateControl.<DisasterRecoveryPlan>noUpdate().rescheduleAfter(interval);
        }
        plan.setStatus(draft.status());
        return StatusPatch.of(plan).rescheduleAfter(interval);
    }

    private static boolean holds(PlanStatusDraft draft, String type) {
        return Conditions.isTrue(draft.conditions(), type);
    }

    private static double seconds(String duration) {
        return duration == null ? Double.NaN : GoDurations.parse(duration).toSeconds();
    }

    /** A site counts as unreachable after {@code failureThreshold} failed probes in a row; the ones before are said. */
    private static ConditionResult reachability(String role, SiteSpec site, SiteHealth health, int failures, int threshold) {
        String siteName = site.getName();
        if (health.reachable()) {
            return ConditionResult.isTrue(Reasons.REACHABLE, "the " + role + " site " + siteName + " answers (Kubernetes "
                    + health.gitVersion() + ")" + (Boolean.TRUE.equals(site.getAllowInsecureTLS())
                    ? "; TLS verification may be off (spec." + role + ".allowInsecureTLS): its certificate is not checked if the kubeconfig says so"
                    : ""));
        }
        String problem = "the API server of the " + role + " site " + siteName + " does not answer: " + health.problem();
        if (failures < threshold) {
            return ConditionResult.isTrue(Reasons.PROBE_FAILING, problem + " (" + failures + " of " + threshold
                    + " failed probes in a row before it counts as unreachable)");
        }
        return ConditionResult.isFalse(Reasons.UNREACHABLE, problem + " (" + failures + " failed probes in a row)");
    }
}
