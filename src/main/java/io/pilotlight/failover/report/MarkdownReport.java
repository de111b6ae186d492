package io.pilotlight.failover.report;

import io.pilotlight.api.v1alpha1.Condition;
import io.pilotlight.api.v1alpha1.ConditionTypes;
import io.pilotlight.api.v1alpha1.Failover;
import io.pilotlight.api.v1alpha1.FailoverStatus;
import io.pilotlight.api.v1alpha1.failover.FailoverReport;
import io.pilotlight.api.v1alpha1.failover.FailoverStep;
import io.pilotlight.api.v1alpha1.failover.SiteChanges;
import io.pilotlight.status.Conditions;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

/** An ended Failover's report as Markdown, for an auditor to keep: what ran, when, how long, against which objectives, what changed where. */
public final class MarkdownReport {

    private static final Map<String, String> ROLES = Map.of(ReportBuilder.LEFT, "the site left", ReportBuilder.TARGET,
            "the site taken over", ReportBuilder.TRAFFIC, "the traffic provider's object");

    private MarkdownReport() {
    }

    public static String render(Failover failover) {
        FailoverStatus status = failover.getStatus();
        FailoverReport report = status.getReport() == null ? new FailoverReport() : status.getReport();
        StringBuilder md = new StringBuilder();
        md.append("# Failover report: ").append(failover.getMetadata().getNamespace()).append('/')
                .append(failover.getMetadata().getName()).append("\n\n| | |\n|---|---|\n");
        row(md, "Plan", failover.getSpec().getPlanRef().getName());
        row(md, "Type", failover.getSpec().getType() + ", " + failover.getSpec().getDirection() + ", from " + dash(status.getFromSite())
                + " to " + dash(status.getToSite()));
        Condition progressing = Conditions.find(status.getConditions(), ConditionTypes.PROGRESSING).orElse(null);
        row(md, "Result", status.getPhase() + (progressing == null ? "" : " (" + progressing.getReason() + ": " + progressing.getMessage() + ")"));
        row(md, "Created", failover.getMetadata().getCreationTimestamp());
        row(md, "Started", status.getStartedAt());
        row(md, "Ended", status.getCompletedAt());
        row(md, "RTO achieved / objective", against(status.getRtoSeconds(), report.getRtoObjectiveSeconds(), report.getRtoMet()));
        row(md, "RPO achieved / objective", against(status.getRpoSeconds(), report.getRpoObjectiveSeconds(), report.getRpoMet()));
        List<FailoverStep> steps = status.getSteps() == null ? List.of() : status.getSteps();
        md.append("\n## Steps\n\n| # | Step | Phase | State | Started | Finished | Took | What it did |\n|---|---|---|---|---|---|---|---|\n");
        for (int i = 0; i < steps.size(); i++) {
            FailoverStep s = steps.get(i);
            md.append("| ").append(i + 1).append(" | ").append(cell(s.getName())).append(" | ").append(s.getPhase()).append(" | ")
                    .append(s.getState()).append(" | ").append(dash(s.getStartedAt())).append(" | ").append(dash(s.getFinishedAt()))
                    .append(" | ").append(took(s)).append(" | ").append(cell(s.getMessage())).append(" |\n");
        }
        List<FailoverStep> actions = steps.stream().filter(s -> s.getName().startsWith("Action/")).toList();
        md.append("\n## Recovery actions\n\n");
        if (actions.isEmpty()) {
            md.append("None ran.\n");
        }
        actions.forEach(a -> md.append("- `").append(a.getName()).append("`: ").append(a.getState()).append(" in ").append(took(a))
                .append(" — ").append(cell(a.getMessage())).append('\n'));
        changes(md, steps, report);
        return md.toString();
    }

    private static void changes(StringBuilder md, List<FailoverStep> steps, FailoverReport report) {
        md.append("\n## What changed on each site\n\n");
        if (report.getSites() == null || report.getSites().isEmpty()) {
            md.append("Nothing.\n");
            return;
        }
        Map<String, FailoverStep> byName = steps.stream().collect(Collectors.toMap(FailoverStep::getName, Function.identity(), (a, b) -> a));
        for (SiteChanges site : report.getSites()) {
            md.append("### ").append(site.getSite()).append(" (").append(ROLES.getOrDefault(site.getRole(), site.getRole())).append(")\n\n");
            site.getSteps().forEach(n -> md.append("- ").append(n).append(": ")
                    .append(cell(byName.containsKey(n) ? byName.get(n).getMessage() : null)).append('\n'));
            md.append('\n');
        }
    }

    private static void row(StringBuilder md, String name, String value) {
        md.append("| ").append(name).append(" | ").append(cell(value)).append(" |\n");
    }

    private static String against(Long achieved, Long objective, Boolean met) {
        String a = achieved == null ? "not measured" : achieved + "s";
        String o = objective == null ? "none" : objective + "s";
        return a + " / " + o + (met == null ? "" : met ? " (met)" : " (**missed**)");
    }

    static String took(FailoverStep step) {
        if (step.getStartedAt() == null || step.getFinishedAt() == null) {
            return "-";
        }
        return Duration.between(Instant.parse(step.getStartedAt()), Instant.parse(step.getFinishedAt())).toSeconds() + "s";
    }

    /** A table cell: no line breaks, no column separators. */
    private static String cell(String text) {
        return dash(text).replace("\r", " ").replace("\n", " ").replace("|", "\\|");
    }

    private static String dash(String text) {
        return Objects.requireNonNullElse(text, "-");
    }
}
