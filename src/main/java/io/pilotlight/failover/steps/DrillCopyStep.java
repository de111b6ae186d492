package io.pilotlight.failover.steps;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.pilotlight.api.v1alpha1.Reasons;
import io.pilotlight.api.v1alpha1.failover.FailoverPhase;
import io.pilotlight.api.v1alpha1.plan.ResourceKind;
import io.pilotlight.core.PlanLabels;
import io.pilotlight.core.ProtectedNamespaces;
import io.pilotlight.core.SyncAnnotations;
import io.pilotlight.core.SyncKind;
import io.pilotlight.core.clusters.SiteConfigException;
import io.pilotlight.failover.run.FailoverRun;
import io.pilotlight.failover.run.PhasedStep;
import io.pilotlight.failover.run.StepOutcome;
import io.pilotlight.sync.ObjectCleaner;
import io.pilotlight.util.Json;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Drill: copies the standby's parked copy of each protected namespace into an isolated namespace
 * ({@code <namespace><suffix>}) on the standby, still parked, for the waves that follow to scale up.
 * The primary, traffic, the backups and the standby's own copies are not touched, nor a namespace
 * of that name that the drill did not make (the drill fails). Ingresses and autoscalers are not
 * copied: an Ingress would claim the application's host names.
 */
@Singleton
public class DrillCopyStep extends PhasedStep {

    public static final String NAME = "DrillCopy";
    /** On the drill's namespaces and objects: the Failover that made them. */
    static final int NAMESPACE_MAX = 63;
    private static final Duration EARLIER_DRILL_RETRY = Duration.ofSeconds(2);

    /** The kinds a drill copies, in creation order, with the version it reads and writes them at. */
    static final List<SyncKind> KINDS = List.of(
            new SyncKind("", "v1", "ServiceAccount", "serviceaccounts"),
            new SyncKind("", "v1", "ConfigMap", "configmaps"),
            new SyncKind("", "v1", "Secret", "secrets"),
            new SyncKind("", "v1", "PersistentVolumeClaim", "persistentvolumeclaims"),
            new SyncKind("rbac.authorization.k8s.io", "v1", "Role", "roles"),
            new SyncKind("rbac.authorization.k8s.io", "v1", "RoleBinding", "rolebindings"),
            new SyncKind("", "v1", "Service", "services"),
            new SyncKind("apps", "v1", "StatefulSet", "statefulsets"),
            new SyncKind("apps", "v1", "Deployment", "deployments"),
            new SyncKind("apps", "v1", "DaemonSet", "daemonsets"),
            new SyncKind("batch", "v1", "CronJob", "cronjobs"));


    private final ProtectedNamespaces namespaces;

    public DrillCopyStep(ProtectedNamespaces namespaces) {
        super(NAME, FailoverPhase.SCALING_UP);
        this.namespaces = namespaces;
    }

    /** Suffix of the drill's namespaces: the plan's failover.drill.namespaceSuffix. */
    public static String suffix(FailoverRun run) {
        return run.plan().getSpec().getFailover().getDrill().getNamespaceSuffix();
    }

    /** The drill's namespaces on the standby. */
    public static List<String> drillNamespaces(FailoverRun run, ProtectedNamespaces protectedNamespaces) throws SiteConfigException {
        String suffix = suffix(run);
        return protectedNamespaces.resolve(run.to(), run.plan()).stream().map(n -> n + suffix).toList();
    }

    @Override
    public StepOutcome run(FailoverRun run) throws SiteConfigException {
        KubernetesClient standby = run.to();
        Set<String> protectedKinds = new TreeSet<>();
        for (ResourceKind k : run.plan().getSpec().getProtect().getResources()) {
            protectedKinds.add((k.getGroup() == null || k.getGroup().isEmpty() || "core".equals(k.getGroup()) ? "" : k.getGroup() + "/")
                    + k.getKind());
        }
        Map<String, String> labels = new HashMap<>(PlanLabels.of(run.plan()));
        labels.put(PlanLabels.DRILL, run.failover().getMetadata().getName());
        List<String> sources = namespaces.resolve(standby, run.plan());
        // Admission checks the namespaces a plan names; those a namespaceSelector finds are checked here, before any is made.
        List<String> tooLong = sources.stream().filter(n -> (n + suffix(run)).length() > NAMESPACE_MAX).toList();
        if (!tooLong.isEmpty()) {
            return StepOutcome.failed(Reasons.INVALID_SPEC, "the drill copies of " + tooLong + " would be named longer than the "
                    + NAMESPACE_MAX + " characters a namespace name may have (namespace + " + suffix(run) + "): set a shorter"
                    + " spec.failover.drill.namespaceSuffix in the plan, or keep those namespaces out of protect.namespaceSelector");
        }
        int copied = 0;
        List<String> made = new ArrayList<>();
        for (String source : sources) {
            String target = source + suffix(run);
            Namespace existing = standby.namespaces().withName(target).get();
            if (existing == null) {
                standby.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(target).withLabels(labels)
                        .addToAnnotations(SyncAnnotations.CREATED_FOR, run.planKey()).endMetadata().build()).create();
            } else {
                String madeBy = existing.getMetadata().getLabels() == null ? null : existing.getMetadata().getLabels().get(PlanLabels.DRILL);
                if (!run.failover().getMetadata().getName().equals(madeBy)) {
                    return inTheWay(target, existing, madeBy);
                }
            }
            made.add(target);
            for (SyncKind kind : KINDS) {
                if (!protectedKinds.contains(kind.label())) {
                    continue;
                }
                for (GenericKubernetesResource o : standby.genericKubernetesResources(kind.apiVersion(), kind.kind()).inNamespace(source)
                        .withLabels(PlanLabels.of(run.plan())).list().getItems()) {
                    if (standby.genericKubernetesResources(kind.apiVersion(), kind.kind()).inNamespace(target)
                            .withName(o.getMetadata().getName()).get() == null) {
                        standby.resource(copy(kind, o, target, labels)).create();
                        copied++;
                    }
                }
            }
        }
        return StepOutcome.done(copied + " object(s) copied into " + made);
    }

    /** A namespace of the copy's name that this drill did not make: an earlier drill's going away is waited for. */
    private static StepOutcome inTheWay(String target, Namespace existing, String madeBy) {
        if (madeBy != null && existing.getMetadata().getDeletionTimestamp() != null) {
            return StepOutcome.waiting("namespace " + target + " of the earlier drill " + madeBy + " is being deleted on the standby",
                    EARLIER_DRILL_RETRY);
        }
        return StepOutcome.failed(Reasons.CONFLICT, "namespace " + target + " exists on the standby and this drill did not make it"
                + (madeBy == null ? "" : " (drill " + madeBy + " did: its copies live until its ttl, or until that Drill is deleted)")
                + "; a drill never writes into a namespace it did not create (set spec.failover.drill.namespaceSuffix"
                + " of the plan to another suffix, or remove that namespace)");
    }

    @SuppressWarnings("unchecked")
    private static GenericKubernetesResource copy(SyncKind kind, GenericKubernetesResource source, String namespace,
            Map<String, String> labels) {
        Map<String, Object> raw = Json.convertValue(source, Map.class);
        Map<String, Object> cleaned = ObjectCleaner.clean(kind, raw);
        Map<String, Object> metadata = (Map<String, Object>) cleaned.computeIfAbsent("metadata", k -> new LinkedHashMap<>());
        metadata.put("namespace", namespace);
        Map<String, Object> l = (Map<String, Object>) metadata.computeIfAbsent("labels", k -> new LinkedHashMap<>());
        l.putAll(labels);
        // Keep what parking recorded, so the drill's waves resume the copy as a failover would.
        Map<String, String> recorded = new LinkedHashMap<>();
        Map<String, String> annotations = source.getMetadata().getAnnotations() == null ? Map.of() : source.getMetadata().getAnnotations();
        annotations.forEach((k, v) -> {
            if (k.startsWith(SyncAnnotations.PREFIX) && !k.equals(SyncAnnotations.SOURCE) && !k.equals(SyncAnnotations.CREATED_FOR)) {
                recorded.put(k, v);
            }
        });
        if (!recorded.isEmpty()) {
            ((Map<String, Object>) metadata.computeIfAbsent("annotations", k -> new LinkedHashMap<>())).putAll(recorded);
        }
        return Json.convertValue(cleaned, GenericKubernetesResource.class);
    }
}
