package io.pilotlight.plan;

import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.LabelSelectorRequirement;
import io.pilotlight.api.v1alpha1.DisasterRecoveryPlanSpec;
import io.pilotlight.api.v1alpha1.plan.BackupPolicySpec;
import io.pilotlight.api.v1alpha1.plan.KeepWarmSpec;
import io.pilotlight.api.v1alpha1.plan.WaveSpec;
import io.pilotlight.config.OperatorSettings;
import io.pilotlight.core.ProtectedNamespaces;
import io.pilotlight.traffic.TrafficValidation;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What the CRD schema and its CEL rules cannot check: cron syntax (backup and drill schedules) as Velero parses it, label
 * selectors, namespaces that must never be protected ({@link ProtectedNamespaces#why}), and the
 * traffic section's values ({@link TrafficValidation}). Each problem is a sentence naming the
 * field, so the plan's Ready condition tells a person what to fix.
 */
@ApplicationScoped
public class PlanValidator {

    private static final Set<String> OPERATORS = Set.of("In", "NotIn", "Exists", "DoesNotExist");
    private static final Pattern LABEL_KEY = Pattern.compile(
            "^([a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*/)?[A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?$");
    private static final Pattern LABEL_VALUE = Pattern.compile("^(([A-Za-z0-9][-A-Za-z0-9_.]{0,61})?[A-Za-z0-9])?$");

    private final ProtectedNamespaces protectedNamespaces;
    private final OperatorSettings.Actions actions;

    @Inject
    public PlanValidator(ProtectedNamespaces protectedNamespaces, OperatorSettings settings) {
        this(protectedNamespaces, settings.actions());
    }

    public PlanValidator(ProtectedNamespaces protectedNamespaces, OperatorSettings.Actions actions) {
        this.protectedNamespaces = protectedNamespaces;
        this.actions = actions;
    }

    public List<String> problems(DisasterRecoveryPlanSpec spec) {
        List<String> problems = new ArrayList<>();
        BackupPolicySpec backup = spec.getBackup();
        if (backup != null && spec.backupEnabled()) {
            CronSchedule.problem(backup.getSchedule())
                    .ifPresent(p -> problems.add("spec.backup.schedule '" + backup.getSchedule() + "': " + p));
        }
        String drills = spec.getFailover() == null || spec.getFailover().getDrill() == null ? null
                : spec.getFailover().getDrill().getSchedule();
        if (drills != null) {
            CronSchedule.problem(drills).ifPresent(p -> problems.add("spec.failover.drill.schedule '" + drills + "': " + p));
        }
        if (spec.getProtect() != null) {
            List<String> namespaces = spec.getProtect().getNamespaces() == null ? List.of() : spec.getProtect().getNamespaces();
            for (String ns : namespaces) {
                protectedNamespaces.why(ns, spec).ifPresent(why -> problems.add("spec.protect.namespaces: " + why));
            }
            selector("spec.protect.namespaceSelector", spec.getProtect().getNamespaceSelector(), problems);
            selector("spec.protect.labelSelector", spec.getProtect().getLabelSelector(), problems);
        }
        if (spec.getPilotLight() != null && spec.getPilotLight().getKeepWarm() != null) {
            List<KeepWarmSpec> keepWarm = spec.getPilotLight().getKeepWarm();
            for (int i = 0; i < keepWarm.size(); i++) {
                selector("spec.pilotLight.keepWarm[" + i + "].selector", keepWarm.get(i).getSelector(), problems);
            }
        }
        if (spec.getFailover() != null && spec.getFailover().getWaves() != null) {
            List<WaveSpec> waves = spec.getFailover().getWaves();
            for (int i = 0; i < waves.size(); i++) {
                selector("spec.failover.waves[" + i + "].selector", waves.get(i).getSelector(), problems);
            }
        }
        problems.addAll(ActionValidation.problems(spec, protectedNamespaces, actions));
        problems.addAll(TrafficValidation.problems(spec.getTraffic()));
        return problems;
    }

    private static void selector(String field, LabelSelector selector, List<String> problems) {
        if (selector == null) {
            return;
        }
        if (selector.getMatchLabels() != null) {
            selector.getMatchLabels().forEach((k, v) -> {
                if (!LABEL_KEY.matcher(k).matches()) {
                    problems.add(field + ".matchLabels: '" + k + "' is not a valid label key");
                }
                if (v == null || !LABEL_VALUE.matcher(v).matches()) {
                    problems.add(field + ".matchLabels['" + k + "']: '" + v + "' is not a valid label value");
                }
            });
        }
        if (selector.getMatchExpressions() == null) {
            return;
        }
        for (int i = 0; i < selector.getMatchExpressions().size(); i++) {
            LabelSelectorRequirement r = selector.getMatchExpressions().get(i);
            String at = field + ".matchExpressions[" + i + "]";
            List<String> values = r.getValues() == null ? List.of() : r.getValues();
            if (r.getKey() == null || !LABEL_KEY.matcher(r.getKey()).matches()) {
                problems.add(at + ".key: '" + r.getKey() + "' is not a valid label key");
            }
            if (r.getOperator() == null || !OPERATORS.contains(r.getOperator())) {
                problems.add(at + ".operator: '" + r.getOperator() + "' is not one of In, NotIn, Exists, DoesNotExist");
            } else if ((r.getOperator().equals("In") || r.getOperator().equals("NotIn")) && values.isEmpty()) {
                problems.add(at + ": operator " + r.getOperator() + " needs at least one value");
            } else if ((r.getOperator().equals("Exists") || r.getOperator().equals("DoesNotExist")) && !values.isEmpty()) {
                problems.add(at + ": operator " + r.getOperator() + " takes no values");
            }
            values.stream().filter(v -> !LABEL_VALUE.matcher(v).matches())
                    .forEach(v -> problems.add(at + ".values: '" + v + "' is not a valid label value"));
        }
    }
}
