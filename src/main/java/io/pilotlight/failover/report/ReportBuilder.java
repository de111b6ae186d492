package io.pilotlight.failover.report;

import io.pilotlight.api.v1alpha1.DisasterRecoveryPlan;
import io.pilotlight.api.v1alpha1.Failover;
import io.pilotlight.api.v1alpha1.FailoverStatus;
import io.pilotlight.api.v1alpha1.failover.FailoverReport;
import io.pilotlight.api.v1alpha1.failover.FailoverStep;
import io.pilotlight.api.v1alpha1.failover.SiteChanges;
import io.pilotlight.api.v1alpha1.failover.StepState;
import io.pilotlight.api.v1alpha1.plan.ActionSpec;
import io.pilotlight.api.v1alpha1.plan.FailoverPolicySpec;
import io.pilotlight.util.GoDurations;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * The {@code status.report} of an ended Failover: the plan's objectives as they were, whether they
 * were met, and which steps changed each site. Which site a step writes to is known here by its
 * name (StepRegistry's names); an {@code Action/} step changes a site only when it is a Job.
 */
public final class ReportBuilder {

    static final String LEFT = "left";
    static final String TARGET = "target";
    static final String TRAFFIC = "traffic";

    private ReportBuilder() {
    }

    /** @param plan the plan, or null when it is gone (no objectives then) */
    public static FailoverReport build(Failover failover, DisasterRecoveryPlan plan) {
        FailoverStatus status = failover.getStatus();
        FailoverReport report = status.getReport() == null ? new FailoverReport() : status.getReport();
        if (plan != null && plan.getSpec().getObjectives() != null) {
            report.setRtoObjectiveSeconds(seconds(plan.getSpec().getObjectives().getRto()));
            report.setRpoObjectiveSeconds(seconds(plan.getSpec().getObjectives().getRpo()));
        }
        report.setRtoMet(met(status.getRtoSeconds(), report.getRtoObjectiveSeconds()));
        report.setRpoMet(met(status.getRpoSeconds(), report.getRpoObjectiveSeconds()));
        List<SiteChanges> sites = new ArrayList<>();
        add(sites, status.getFromSite(), LEFT, steps(status, plan, LEFT));
        add(sites, status.getToSite(), TARGET, steps(status, plan, TARGET));
        add(sites, TRAFFIC, TRAFFIC, steps(status, plan, TRAFFIC));
        report.setSites(sites.isEmpty() ? null : sites);
        return report;
    }

    /** Where a step made its changes: {@link #LEFT}, {@link #TARGET}, {@link #TRAFFIC}, or null for none (checks, the plan's own state). */
    static String siteOf(String step, DisasterRecoveryPlan plan) {
        if (step.startsWith("Action/")) {
            if (!isJob(step.substring(step.lastIndexOf('/') + 1), plan)) {
                return null;
            }
            return step.startsWith("Action/Quiesce/before/") ? LEFT : TARGET;
        }
        if (step.equals("Quiesce") || step.equals("Fence") || step.equals("FinalBackup")) {
            return LEFT;
        }
        if (step.equals("FinalSync") || step.equals("DrillCopy") || step.equals("Restore") || step.startsWith("ScaleUp/")
                || step.equals("Cleanup")) {
            return TARGET;
        }
        return step.equals("SwitchTraffic") ? TRAFFIC : null;
    }

    private static List<String> steps(FailoverStatus status, DisasterRecoveryPlan plan, String where) {
        if (status.getSteps() == null) {
            return List.of();
        }
        return status.getSteps().stream().filter(s -> s.getState() == StepState.SUCCEEDED || s.getState() == StepState.FAILED)
                .map(FailoverStep::getName).filter(n -> where.equals(siteOf(n, plan))).toList();
    }

    private static boolean isJob(String action, DisasterRecoveryPlan plan) {
        FailoverPolicySpec policy = plan == null ? null : plan.getSpec().getFailover();
        if (policy == null) {
            return true; // unknown: say it may have
        }
        Stream<ActionSpec> waves = policy.getWaves() == null ? Stream.empty() : policy.getWaves().stream()
                .flatMap(w -> Stream.concat(list(w.getBefore()), list(w.getAfter())));
        return Stream.concat(waves, Stream.concat(list(policy.getBeforeQuiesce()), list(policy.getBeforeSwitchTraffic())))
                .filter(a -> action.equals(a.getName())).anyMatch(a -> a.getJob() != null);
    }

    private static Stream<ActionSpec> list(List<ActionSpec> actions) {
        return actions == null ? Stream.empty() : actions.stream();
    }

    private static void add(List<SiteChanges> sites, String site, String role, List<String> steps) {
        if (!steps.isEmpty()) {
            sites.add(new SiteChanges(Objects.requireNonNullElse(site, "-"), role, steps));
        }
    }

    private static Boolean met(Long achieved, Long objective) {
        return achieved == null || objective == null ? null : achieved <= objective;
    }

    private static Long seconds(String duration) {
        return duration == null ? null : GoDurations.parse(duration).toSeconds();
    }
}
