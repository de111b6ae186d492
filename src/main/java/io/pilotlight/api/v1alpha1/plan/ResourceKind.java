package io.pilotlight.api.v1alpha1.plan;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;
import io.pilotlight.api.v1alpha1.meta.ApiConstants;

/**
 * A kind of namespaced resource to carry from the primary to the standby, identified by API group
 * and kind (any served version). Refused at admission: the core group written as "core", kinds of
 * Pilotlight's own group, and the cluster-scoped kinds Kubernetes itself serves; any other
 * cluster-scoped kind is found by discovery and reported in StandbyInSync.
 */
@ValidationRule(
        value = "self.kind.matches('^[A-Z][A-Za-z0-9]*$')",
        message = "kind must be a Kind in CamelCase, such as Deployment or ConfigMap, not a resource name such as deployments")
@ValidationRule(
        value = "!has(self.group) || self.group != 'core'",
        message = "the core group (Service, ConfigMap, Secret...) is written as \"\" or left out, not \"core\": use {kind: Service}")
@ValidationRule(
        value = "!has(self.group) || !(self.group == 'pilotlight.io' || self.group.endsWith('.pilotlight.io'))",
        message = "Pilotlight's own kinds (group pilotlight.io) cannot be protected: create the plan and its Failovers where the operator runs")
@ValidationRule(
        value = "!(((has(self.group) ? self.group : '') + '/' + self.kind) in " + ResourceKind.CLUSTER_SCOPED + ")",
        message = "cluster-scoped kinds (ClusterRole, ClusterRoleBinding, CustomResourceDefinition, Namespace, Node, PersistentVolume,"
                + " StorageClass, webhook configurations...) cannot be protected: a plan copies namespaced objects only; install them"
                + " on the standby as part of the cluster itself")
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"group", "kind"})
public class ResourceKind {

    /** The cluster-scoped kinds of Kubernetes itself, as CEL's list of {@code group/Kind}. */
    static final String CLUSTER_SCOPED = "['/Namespace', '/Node', '/PersistentVolume', '/ComponentStatus',"
            + " 'rbac.authorization.k8s.io/ClusterRole', 'rbac.authorization.k8s.io/ClusterRoleBinding',"
            + " 'apiextensions.k8s.io/CustomResourceDefinition', 'apiregistration.k8s.io/APIService',"
            + " 'storage.k8s.io/StorageClass', 'storage.k8s.io/CSIDriver', 'storage.k8s.io/CSINode', 'storage.k8s.io/VolumeAttachment',"
            + " 'storage.k8s.io/VolumeAttributesClass',"
            + " 'admissionregistration.k8s.io/MutatingWebhookConfiguration', 'admissionregistration.k8s.io/ValidatingWebhookConfiguration',"
            + " 'admissionregistration.k8s.io/ValidatingAdmissionPolicy', 'admissionregistration.k8s.io/ValidatingAdmissionPolicyBinding',"
            + " 'admissionregistration.k8s.io/MutatingAdmissionPolicy', 'admissionregistration.k8s.io/MutatingAdmissionPolicyBinding',"
            + " 'scheduling.k8s.io/PriorityClass', 'node.k8s.io/RuntimeClass', 'networking.k8s.io/IngressClass',"
            + " 'networking.k8s.io/IPAddress', 'networking.k8s.io/ServiceCIDR', 'certificates.k8s.io/CertificateSigningRequest',"
            + " 'certificates.k8s.io/ClusterTrustBundle', 'flowcontrol.apiserver.k8s.io/FlowSchema',"
            + " 'flowcontrol.apiserver.k8s.io/PriorityLevelConfiguration', 'resource.k8s.io/DeviceClass']";

    @JsonProperty("group")
    @JsonPropertyDescription("API group of the kind, e.g. apps or networking.k8s.io. Leave it out (or empty) for the core group (Service, ConfigMap, Secret...).")
    @Size(max = 253)
    @Pattern(ApiConstants.API_GROUP_PATTERN)
    private String group;

    @JsonProperty("kind")
    @JsonPropertyDescription("Kind in CamelCase as in a manifest's kind field, e.g. Deployment or ConfigMap (not the plural resource name).")
    @Required
    @Size(max = 63)
    private String kind;

    public String getGroup() {
        return group;
    }

    public void setGroup(String group) {
        this.group = group;
    }

    public String getKind() {
        return kind;
    }

    public void setKind(String kind) {
        this.kind = kind;
    }
}
