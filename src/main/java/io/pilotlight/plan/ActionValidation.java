package io.pilotlight.plan;

import io.fabric8.kubernetes.api.model.batch.v1.JobSpec;
import io.pilotlight.api.v1alpha1.DisasterRecoveryPlanSpec;
import io.pilotlight.api.v1alpha1.plan.ActionSpec;
import io.pilotlight.api.v1alpha1.plan.FailoverPolicySpec;
import io.pilotlight.api.v1alpha1.plan.WaveSpec;
import io.pilotlight.config.OperatorSettings;
import io.pilotlight.core.ProtectedNamespaces;
import io.pilotlight.util.Json;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What the schema cannot say about a plan's failover actions: a Job template is free-form there (a
 * whole JobSpec would swell the CRD), so it is read here, and its namespace must be one the plan
 * protects by name (one a namespaceSelector finds is checked when the action runs); an httpGet's host
 * must be one the admin allowed.
 */
public final class ActionValidation {


    private ActionValidation() {
    }

    /** Every action of the plan with the field path it is at. */
    public record Located(String field, ActionSpec action) {
    }

    public static List<Located> all(FailoverPolicySpec failover) {
        List<Located> all = new ArrayList<>();
        if (failover == null) {
            return all;
        }
        add(all, "spec.failover.beforeQuiesce", failover.getBeforeQuiesce());
        if (failover.getWaves() != null) {
            for (int i = 0; i < failover.getWaves().size(); i++) {
                WaveSpec wave = failover.getWaves().get(i);
                add(all, "spec.failover.waves[" + i + "].before", wave.getBefore());
                add(all, "spec.failover.waves[" + i + "].after", wave.getAfter());
            }
        }
        add(all, "spec.failover.beforeSwitchTraffic", failover.getBeforeSwitchTraffic());
        return all;
    }

    static List<String> problems(DisasterRecoveryPlanSpec spec, ProtectedNamespaces protectedNamespaces, OperatorSettings.Actions settings) {
        List<String> problems = new ArrayList<>();
        boolean byNameOnly = spec.getProtect() == null || spec.getProtect().getNamespaceSelector() == null;
        List<String> named = spec.getProtect() == null || spec.getProtect().getNamespaces() == null ? List.of()
                : spec.getProtect().getNamespaces();
        for (Located located : all(spec.getFailover())) {
            if (located.action().getHttpGet() != null) {
                host(located.action().getHttpGet().getUrl()).filter(h -> !settings.allows(h)).ifPresent(h -> problems.add(located.field()
                        + "[" + located.action().getName() + "].httpGet.url: host " + h + " is not among the hosts the operator may call"
                        + " (pilotlight.actions.allowed-hosts, an admin's setting)"));
            }
            if (located.action().getJob() == null) {
                continue;
            }
            String field = located.field() + "[" + located.action().getName() + "].job";
            String ns = located.action().getJob().getNamespace();
            if (byNameOnly && !named.contains(ns)) {
                problems.add(field + ".namespace: " + ns + " is not among spec.protect.namespaces; a Job runs in a protected namespace only");
            }
            protectedNamespaces.why(ns, spec).ifPresent(why -> problems.add(field + ".namespace: " + why));
            templateProblem(located.action()).ifPresent(p -> problems.add(field + ".template: " + p));
        }
        return problems;
    }

    /** The Job's spec, read from the action's free-form template; empty when it is not a JobSpec. */
    public static Optional<JobSpec> jobSpec(ActionSpec action) {
        try {
            return Optional.ofNullable(Json.convertValue(action.getJob().getTemplate(), JobSpec.class));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    public static Optional<String> templateProblem(ActionSpec action) {
        Optional<JobSpec> spec = jobSpec(action);
        if (spec.isEmpty()) {
            return Optional.of("is not a Job spec (batch/v1 JobSpec)");
        }
        var pod = spec.get().getTemplate() == null ? null : spec.get().getTemplate().getSpec();
        if (pod == null || pod.getContainers() == null || pod.getContainers().isEmpty()) {
            return Optional.of("template.spec.containers must have at least one container");
        }
        return Optional.empty();
    }

    /** The URL's host; empty when it has none (the schema's pattern lets no such URL in). */
    public static Optional<String> host(String url) {
        try {
            return Optional.ofNullable(URI.create(url).getHost());
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static void add(List<Located> all, String field, List<ActionSpec> actions) {
        if (actions != null) {
            actions.forEach(a -> all.add(new Located(field, a)));
        }
    }
}
