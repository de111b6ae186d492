package io.pilotlight.core;

import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.pilotlight.api.v1alpha1.DisasterRecoveryPlan;
import io.pilotlight.api.v1alpha1.DisasterRecoveryPlanSpec;
import io.pilotlight.api.v1alpha1.plan.ProtectSpec;
import io.pilotlight.config.OperatorSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The namespaces a plan protects on a site: those it names plus those its selector matches there,
 * less the ones that are never protected whatever selects them: the cluster's own (kube-*), the
 * operator's and Velero's. Every reader and writer of protected namespaces (sync, backups, failover
 * steps) gets them from here, so the rule holds on both sites.
 */
@ApplicationScoped
public class ProtectedNamespaces {

    /** Namespaces whose objects belong to the cluster itself and must not be copied to another. */
    static final Set<String> SYSTEM = Set.of("kube-system", "kube-public", "kube-node-lease");

    private final String operatorNamespace;

    @Inject
    public ProtectedNamespaces(OperatorSettings settings) {
        this(settings.security().operatorNamespace());
    }

    public ProtectedNamespaces(String operatorNamespace) {
        this.operatorNamespace = operatorNamespace;
    }

    /**
     * On the site left after a failover, or on a standby, the namespaces a selector matched on the
     * source are copies carrying only Pilotlight's labels: those this plan's sync made (not a Drill's)
     * count as matched too, so that a selector finds the same namespaces on both sites.
     */
    public List<String> resolve(KubernetesClient site, DisasterRecoveryPlan plan) {
        DisasterRecoveryPlanSpec spec = plan.getSpec();
        ProtectSpec protect = spec.getProtect();
        TreeSet<String> names = new TreeSet<>();
        if (protect.getNamespaces() != null) {
            names.addAll(protect.getNamespaces());
        }
        if (protect.getNamespaceSelector() != null) {
            site.namespaces().withLabelSelector(protect.getNamespaceSelector()).list().getItems().stream()
                    .map(Namespace::getMetadata).map(m -> m.getName()).forEach(names::add);
            site.namespaces().withLabels(PlanLabels.of(plan)).withoutLabel(PlanLabels.DRILL).list().getItems().stream()
                    .map(Namespace::getMetadata).map(m -> m.getName()).forEach(names::add);
        }
        names.removeIf(ns -> why(ns, spec).isPresent());
        return List.copyOf(names);
    }

    /** Why a namespace is never protected (nor written as a drill's copy), or empty when it may be. */
    public Optional<String> why(String namespace, DisasterRecoveryPlanSpec spec) {
        if (SYSTEM.contains(namespace)) {
            return Optional.of("'" + namespace + "' belongs to the cluster itself and cannot be protected");
        }
        if (namespace.equals(operatorNamespace)) {
            return Optional.of("'" + namespace + "' is the operator's namespace");
        }
        if (spec.getBackup() != null && namespace.equals(spec.getBackup().getVeleroNamespace())) {
            return Optional.of("'" + namespace + "' is Velero's namespace (spec.backup.veleroNamespace)");
        }
        return Optional.empty();
    }
}
