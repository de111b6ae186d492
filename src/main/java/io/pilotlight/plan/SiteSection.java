package io.pilotlight.plan;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.pilotlight.api.v1alpha1.ConditionTypes;
import io.pilotlight.api.v1alpha1.DisasterRecoveryPlan;
import io.pilotlight.api.v1alpha1.Reasons;
import io.pilotlight.api.v1alpha1.plan.HealthCheckSpec;
import io.pilotlight.api.v1alpha1.plan.SiteSpec;
import io.pilotlight.core.PlanSites;
import io.pilotlight.core.SiteRole;
import io.pilotlight.core.clusters.SiteConfigException;
import io.pilotlight.core.clusters.SiteHealth;
import io.pilotlight.core.clusters.SiteProbe;
import io.pilotlight.status.ConditionResult;
import io.pilotlight.util.GoDurations;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Optional;

/**
 * The sites part of a plan's pass: connects to both sites (the trust gate first, then the clients
 * from the kubeconfig Secrets, read as the plan's identity), probes them side by side, and says in
 * PrimaryReachable and StandbyReachable how they answered.
 */
@ApplicationScoped
class SiteSection {

    private final PlanSites sites;
    private final SiteProbe probe;
    private final ProbeStreaks streaks;
    private final TrustGate trust;

    SiteSection(PlanSites sites, SiteProbe probe, ProbeStreaks streaks, TrustGate trust) {
        this.sites = sites;
        this.probe = probe;
        this.streaks = streaks;
        this.trust = trust;
    }

    /** Both sites of a pass, as they answered. */
    record Sites(KubernetesClient primary, SiteHealth primaryHealth, int primaryFailures, KubernetesClient standby,
            SiteHealth standbyHealth) {

        KubernetesClient reachablePrimary() {
            return primaryHealth.reachable() ? primary : null;
        }

        KubernetesClient reachableStandby() {
            return standbyHealth.reachable() ? standby : null;
        }

        /** The site in that role when it answers, else null. */
        KubernetesClient reachable(SiteRole role) {
            return role == SiteRole.PRIMARY ? reachablePrimary() : reachableStandby();
        }
    }

    /** The probed sites; empty when the plan may not or cannot reach them, which Ready (and the site's condition) then says. */
    Optional<Sites> observe(DisasterRecoveryPlan plan, PlanStatusDraft draft) {
        Optional<ConditionResult> refused = trust.refusal(plan);
        if (refused.isPresent()) {
            draft.condition(ConditionTypes.READY, refused.get());
            return Optional.empty();
        }
        KubernetesClient primary;
        KubernetesClient standby;
        String failing = ConditionTypes.PRIMARY_REACHABLE;
        try {
            primary = sites.primary(plan);
            failing = ConditionTypes.STANDBY_REACHABLE;
            standby = sites.standby(plan);
        } catch (SiteConfigException e) {
            draft.condition(failing, ConditionResult.isFalse(e.reason(), e.getMessage()));
            draft.condition(ConditionTypes.READY, ConditionResult.isFalse(Reasons.INVALID_SPEC, e.getMessage()));
            return Optional.empty();
        }
        return Optional.of(probe(plan, draft, primary, standby));
    }

    private Sites probe(DisasterRecoveryPlan plan, PlanStatusDraft draft, KubernetesClient primary, KubernetesClient standby) {
        HealthCheckSpec health = plan.getSpec().getHealthCheck();
        Duration timeout = GoDurations.parse(health.getTimeout());
        var primaryProbe = probe.probe(primary, timeout);
        var standbyProbe = probe.probe(standby, timeout);
        SiteHealth primaryHealth = primaryProbe.join();
        SiteHealth standbyHealth = standbyProbe.join();
        int primaryFailures = streaks.record(plan.getMetadata().getUid(), "primary", primaryHealth.reachable());
        int standbyFailures = streaks.record(plan.getMetadata().getUid(), "standby", standbyHealth.reachable());
        draft.condition(ConditionTypes.PRIMARY_REACHABLE, reachability("primary", plan.getSpec().getPrimary(), primaryHealth,
                primaryFailures, health.getFailureThreshold()));
        draft.condition(ConditionTypes.STANDBY_REACHABLE, reachability("standby", plan.getSpec().getStandby(), standbyHealth,
                standbyFailures, health.getFailureThreshold()));
        return new Sites(primary, primaryHealth, primaryFailures, standby, standbyHealth);
    }

    /** A site counts as unreachable after {@code failureThreshold} failed probes in a row; the ones before are said. */
    static ConditionResult reachability(String role, SiteSpec site, SiteHealth health, int failures, int threshold) {
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
