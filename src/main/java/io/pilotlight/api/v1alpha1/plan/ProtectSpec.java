package io.pilotlight.api.v1alpha1.plan;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;
import io.fabric8.kubernetes.api.model.LabelSelector;
import java.util.List;

/**
 * What to protect: the namespaces of the primary to copy to the standby, and which kinds of
 * resources in them.
 */
@ValidationRule(
        value = "(has(self.namespaces) && size(self.namespaces) > 0) || "
                + "has(self.namespaceSelector)",
        message = "protect must name namespaces, set a namespaceSelector, or both: otherwise nothing is protected")
@ValidationRule(
        value = "!has(self.namespaceSelector) || "
                + "(has(self.namespaceSelector.matchLabels) && size(self.namespaceSelector.matchLabels) > 0) || "
                + "(has(self.namespaceSelector.matchExpressions) && size(self.namespaceSelector.matchExpressions) > 0)",
        message = "protect.namespaceSelector must not be empty: an empty selector matches every namespace, kube-system included")
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"namespaces", "namespaceSelector", "labelSelector", "resources"})
public class ProtectSpec {

    @JsonProperty("namespaces")
    @JsonPropertyDescription("Names of the namespaces to protect. Combine with namespaceSelector to add the namespaces it matches.")
    @Size(max = 256)
    @ValidationRule(
            value = "self.all(n, !(n in ['kube-system', 'kube-public', 'kube-node-lease']))",
            message = "kube-system, kube-public and kube-node-lease belong to each cluster's control plane and cannot be protected")
    private List<String> namespaces;

    @JsonProperty("namespaceSelector")
    @JsonPropertyDescription("Selects namespaces of the primary by their labels, in addition to those named in namespaces. Must not be empty.")
    private LabelSelector namespaceSelector;

    @JsonProperty("labelSelector")
    @JsonPropertyDescription("Only resources with matching labels are carried over. Leave it out to carry over every resource of the listed kinds.")
    private LabelSelector labelSelector;

    @JsonProperty("resources")
    @JsonPropertyDescription("Kinds of resources to carry over. Defaults to Deployments, StatefulSets, DaemonSets, CronJobs, Services, ConfigMaps, Secrets, ServiceAccounts, PersistentVolumeClaims, Roles, RoleBindings, Ingresses, HorizontalPodAutoscalers and PodDisruptionBudgets.")
    @Default("[{\"group\":\"apps\",\"kind\":\"Deployment\"},{\"group\":\"apps\",\"kind\":\"StatefulSet\"},{\"group\":\"apps\",\"kind\":\"DaemonSet\"},{\"group\":\"batch\",\"kind\":\"CronJob\"},{\"kind\":\"Service\"},{\"kind\":\"ConfigMap\"},{\"kind\":\"Secret\"},{\"kind\":\"ServiceAccount\"},{\"kind\":\"PersistentVolumeClaim\"},{\"group\":\"rbac.authorization.k8s.io\",\"kind\":\"Role\"},{\"group\":\"rbac.authorization.k8s.io\",\"kind\":\"RoleBinding\"},{\"group\":\"networking.k8s.io\",\"kind\":\"Ingress\"},{\"group\":\"autoscaling\",\"kind\":\"HorizontalPodAutoscaler\"},{\"group\":\"policy\",\"kind\":\"PodDisruptionBudget\"}]")
    @Size(min = 1, max = 64)
    @ValidationRule(
            value = "!self.exists(r, ((has(r.group) ? r.group : '') + '/' + r.kind) in ['/Pod', '/Event', '/Endpoints', '/Node', '/Namespace', 'apps/ReplicaSet', 'discovery.k8s.io/EndpointSlice', 'events.k8s.io/Event'])",
            message = "resources must not list Pods, ReplicaSets, Endpoints, EndpointSlices, Events, Nodes or Namespaces: they are made by controllers or the cluster itself; list their owners (Deployments, StatefulSets...) and use namespaces or namespaceSelector to pick namespaces")
    private List<ResourceKind> resources;

    public List<String> getNamespaces() {
        return namespaces;
    }

    public void setNamespaces(List<String> namespaces) {
        this.namespaces = namespaces;
    }

    public LabelSelector getNamespaceSelector() {
        return namespaceSelector;
    }

    public void setNamespaceSelector(LabelSelector namespaceSelector) {
        this.namespaceSelector = namespaceSelector;
    }

    public LabelSelector getLabelSelector() {
        return labelSelector;
    }

    public void setLabelSelector(LabelSelector labelSelector) {
        this.labelSelector = labelSelector;
    }

    public List<ResourceKind> getResources() {
        return resources;
    }

    public void setResources(List<ResourceKind> resources) {
        this.resources = resources;
    }
}
