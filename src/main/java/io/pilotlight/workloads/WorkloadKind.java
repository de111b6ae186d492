package io.pilotlight.workloads;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.Resource;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import io.pilotlight.core.SyncKind;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** The kinds a failover parks, resumes and waits for, and how each is read. */
public enum WorkloadKind {
    DEPLOYMENT("apps", "v1", "Deployment", "deployments", true),
    STATEFUL_SET("apps", "v1", "StatefulSet", "statefulsets", true),
    REPLICA_SET("apps", "v1", "ReplicaSet", "replicasets", true),
    DAEMON_SET("apps", "v1", "DaemonSet", "daemonsets", true),
    CRON_JOB("batch", "v1", "CronJob", "cronjobs", false),
    JOB("batch", "v1", "Job", "jobs", false),
    HORIZONTAL_POD_AUTOSCALER("autoscaling", "v2", "HorizontalPodAutoscaler", "horizontalpodautoscalers", false),
    SCALED_OBJECT("keda.sh", "v1alpha1", "ScaledObject", "scaledobjects", false);

    private final String group;
    private final String version;
    private final String kind;
    private final boolean runsPods;
    /** Named in full, so that reading a kind needs no discovery request, and a kind the site does not serve is a plain 404. */
    private final ResourceDefinitionContext context;

    WorkloadKind(String group, String version, String kind, String plural, boolean runsPods) {
        this.group = group;
        this.version = version;
        this.kind = kind;
        this.runsPods = runsPods;
        this.context = new ResourceDefinitionContext.Builder().withGroup(group).withVersion(version).withKind(kind)
                .withPlural(plural).withNamespaced(true).build();
    }

    /** Whether its Pods are waited for: the kinds a wave scales up. */
    public boolean runsPods() {
        return runsPods;
    }

    /** The kinds that run Pods, or the others (CronJobs, Jobs, autoscalers). */
    public static List<WorkloadKind> runningPods(boolean pods) {
        return Arrays.stream(values()).filter(k -> k.runsPods == pods).toList();
    }

    public String kind() {
        return kind;
    }

    public String group() {
        return group;
    }

    /** The resource name, e.g. {@code statefulsets}. */
    public String plural() {
        return context.getPlural();
    }

    /** Its API, for generic reads and informers. */
    public ResourceDefinitionContext context() {
        return context;
    }

    /** The version it is read in. */
    public String version() {
        return version;
    }

    /** The workload kind of a protected kind, whatever version the site serves it in; empty for a kind that runs nothing. */
    public static Optional<WorkloadKind> of(SyncKind kind) {
        return Arrays.stream(values()).filter(w -> kind.is(w.group, w.kind)).findFirst();
    }

    /**
     * The objects of this kind in a namespace; none when the site does not serve the kind (KEDA not
     * installed). ReplicaSets and Jobs owned by another object are left out: their owner is what
     * scales or schedules them.
     */
    public List<GenericKubernetesResource> list(KubernetesClient site, String namespace) {
        try {
            return site.genericKubernetesResources(context).inNamespace(namespace).list().getItems().stream().filter(this::standsAlone)
                    .toList();
        } catch (KubernetesClientException e) {
            if (e.getCode() == 404) {
                return List.of();
            }
            throw e;
        }
    }

    /** False for a ReplicaSet or Job owned by another object, which its owner scales or schedules. */
    public boolean standsAlone(GenericKubernetesResource object) {
        return !((this == REPLICA_SET || this == JOB) && object.getMetadata().getOwnerReferences() != null
                && !object.getMetadata().getOwnerReferences().isEmpty());
    }

    public Resource<GenericKubernetesResource> resource(KubernetesClient site, String namespace, String name) {
        return site.genericKubernetesResources(context).inNamespace(namespace).withName(name);
    }
}
