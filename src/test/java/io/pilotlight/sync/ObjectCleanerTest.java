package io.pilotlight.sync;

import static io.pilotlight.testsupport.JsonTrees.map;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.pilotlight.core.SyncKind;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ObjectCleanerTest {

    private static final KubernetesSerialization JSON = new KubernetesSerialization();
    private static final SyncKind DEPLOYMENT = new SyncKind("apps", "v1", "Deployment", "deployments");
    private static final SyncKind SERVICE = new SyncKind("", "v1", "Service", "services");
    private static final SyncKind CONFIG_MAP = new SyncKind("", "v1", "ConfigMap", "configmaps");
    private static final SyncKind SECRET = new SyncKind("", "v1", "Secret", "secrets");
    private static final SyncKind PVC = new SyncKind("", "v1", "PersistentVolumeClaim", "persistentvolumeclaims");
    private static final SyncKind SERVICE_ACCOUNT = new SyncKind("", "v1", "ServiceAccount", "serviceaccounts");
    private static final SyncKind JOB = new SyncKind("batch", "v1", "Job", "jobs");
    private static final SyncKind STATEFUL_SET = new SyncKind("apps", "v1", "StatefulSet", "statefulsets");
    private static final Set<String> KINDS = Set.of("apps/Deployment", "batch/CronJob", "Service", "ConfigMap");

    @Test
    void sourceClusterMetadataAndStatusAreRemoved() {
        Map<String, Object> live = yaml("""
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                  name: web
                  namespace: shop
                  uid: 1b2c
                  resourceVersion: "4711"
                  generation: 7
                  creationTimestamp: "2026-01-01T00:00:00Z"
                  selfLink: /apis/apps/v1/namespaces/shop/deployments/web
                  finalizers: [example.com/protect]
                  ownerReferences: [{apiVersion: example.com/v1, kind: App, name: shop, uid: 9f, controller: true}]
                  managedFields: [{manager: kubectl, operation: Apply}]
                  labels: {app: web, pilotlight.io/plan: old, app.kubernetes.io/managed-by: pilotlight}
                  annotations:
                    deployment.kubernetes.io/revision: "3"
                    kubectl.kubernetes.io/last-applied-configuration: "{}"
                    pilotlight.io/primary-replicas: "9"
                    team: shop
                spec:
                  replicas: 3
                  template:
                    metadata: {creationTimestamp: null, labels: {app: web}}
                    spec: {containers: [{name: web, image: web:1}]}
                status: {replicas: 3, readyReplicas: 3}
                """);

        Map<String, Object> clean = ObjectCleaner.clean(DEPLOYMENT, live);

        assertThat(clean).doesNotContainKey("status").containsEntry("apiVersion", "apps/v1").containsEntry("kind", "Deployment");
        assertThat(map(clean, "metadata")).containsOnlyKeys("name", "namespace", "labels", "annotations");
        assertThat(map(clean, "metadata", "labels")).isEqualTo(Map.of("app", "web"));
        assertThat(map(clean, "metadata", "annotations")).isEqualTo(Map.of("team", "shop"));
        assertThat(map(clean, "spec", "template", "metadata")).doesNotContainKey("creationTimestamp");
        assertThat(map(clean, "spec")).containsEntry("replicas", 3);
        assertThat(map(live, "metadata")).as("the source is left as it is").containsKey("uid");
        assertThat(live).containsKey("status");
    }

    @Test
    void serviceLosesTheAddressesThePrimaryAllocatedButKeepsHeadlessAndPorts() {
        Map<String, Object> svc = yaml("""
                apiVersion: v1
                kind: Service
                metadata: {name: web, namespace: shop}
                spec:
                  type: LoadBalancer
                  clusterIP: 10.0.0.12
                  clusterIPs: [10.0.0.12]
                  ipFamilies: [IPv4]
                  ipFamilyPolicy: SingleStack
                  healthCheckNodePort: 31999
                  externalTrafficPolicy: Local
                  ports: [{port: 80, nodePort: 30080}]
                status: {loadBalancer: {ingress: [{ip: 1.2.3.4}]}}
                """);
        Map<String, Object> clean = ObjectCleaner.clean(SERVICE, svc);
        assertThat(map(clean, "spec")).doesNotContainKeys("clusterIP", "clusterIPs", "healthCheckNodePort", "ipFamilies")
                .containsEntry("ipFamilyPolicy", "SingleStack").containsKey("ports");
        assertThat(clean).doesNotContainKey("status");

        Map<String, Object> headless = yaml("""
                apiVersion: v1
                kind: Service
                metadata: {name: db, namespace: shop}
                spec: {clusterIP: None, clusterIPs: [None], ports: [{port: 5432}]}
                """);
        assertThat(map(ObjectCleaner.clean(SERVICE, headless), "spec")).containsEntry("clusterIP", "None")
                .containsEntry("clusterIPs", List.of("None"));
    }

    @Test
    void pvcForgetsItsVolumeAndBindingAnnotations() {
        Map<String, Object> pvc = yaml("""
                apiVersion: v1
                kind: PersistentVolumeClaim
                metadata:
                  name: data
                  namespace: shop
                  annotations:
                    pv.kubernetes.io/bind-completed: "yes"
                    pv.kubernetes.io/bound-by-controller: "yes"
                    volume.kubernetes.io/storage-provisioner: ebs.csi.aws.com
                    volume.kubernetes.io/selected-node: node-1
                spec: {accessModes: [ReadWriteOnce], storageClassName: fast, volumeName: pvc-123, resources: {requests: {storage: 1Gi}}}
                """);
        Map<String, Object> clean = ObjectCleaner.clean(PVC, pvc);
        assertThat(map(clean, "spec")).doesNotContainKey("volumeName").containsEntry("storageClassName", "fast");
        assertThat(map(clean, "metadata")).doesNotContainKey("annotations");
    }

    @Test
    void serviceAccountLosesItsTokenSecretsButKeepsImagePullSecrets() {
        Map<String, Object> sa = yaml("""
                apiVersion: v1
                kind: ServiceAccount
                metadata: {name: app, namespace: shop}
                secrets: [{name: app-token-x1}]
                imagePullSecrets: [{name: registry}]
                """);
        Map<String, Object> clean = ObjectCleaner.clean(SERVICE_ACCOUNT, sa);
        assertThat(clean).doesNotContainKey("secrets").containsKey("imagePullSecrets");
    }

    @Test
    void jobLosesItsGeneratedSelector() {
        Map<String, Object> job = yaml("""
                apiVersion: batch/v1
                kind: Job
                metadata: {name: migrate, namespace: shop}
                spec:
                  selector: {matchLabels: {batch.kubernetes.io/controller-uid: 77}}
                  template:
                    metadata: {labels: {batch.kubernetes.io/controller-uid: "77", batch.kubernetes.io/job-name: migrate, controller-uid: "77", job-name: migrate, app: migrate}}
                    spec: {restartPolicy: Never, containers: [{name: m, image: m:1}]}
                """);
        Map<String, Object> clean = ObjectCleaner.clean(JOB, job);
        assertThat(map(clean, "spec")).doesNotContainKey("selector");
        assertThat(map(clean, "spec", "template", "metadata", "labels")).isEqualTo(Map.of("app", "migrate"));
    }

    @Test
    void statefulSetClaimTemplatesLoseTheirStatus() {
        Map<String, Object> sts = yaml("""
                apiVersion: apps/v1
                kind: StatefulSet
                metadata: {name: db, namespace: shop}
                spec:
                  volumeClaimTemplates:
                  - metadata: {name: data, creationTimestamp: null}
                    spec: {accessModes: [ReadWriteOnce]}
                    status: {phase: Pending}
                """);
        Map<String, Object> clean = ObjectCleaner.clean(STATEFUL_SET, sts);
        @SuppressWarnings("unchecked")
        Map<String, Object> template = (Map<String, Object>) ((List<?>) map(clean, "spec").get("volumeClaimTemplates")).get(0);
        assertThat(template).doesNotContainKey("status");
        assertThat(map(template, "metadata")).isEqualTo(Map.of("name", "data"));
    }

    @Test
    void whatIsNotCarriedOver() {
        assertThat(ObjectCleaner.skipReason(CONFIG_MAP, yaml("metadata: {name: kube-root-ca.crt}"), KINDS))
                .contains("each cluster");
        assertThat(ObjectCleaner.skipReason(SERVICE_ACCOUNT, yaml("metadata: {name: default}"), KINDS)).contains("each cluster");
        assertThat(ObjectCleaner.skipReason(SERVICE_ACCOUNT, yaml("metadata: {name: app}"), KINDS)).isNull();
        assertThat(ObjectCleaner.skipReason(SECRET, yaml("""
                metadata: {name: app-token}
                type: kubernetes.io/service-account-token
                """), KINDS)).contains("token");
        assertThat(ObjectCleaner.skipReason(SECRET, yaml("""
                metadata: {name: tls}
                type: kubernetes.io/tls
                """), KINDS)).isNull();
        assertThat(ObjectCleaner.skipReason(CONFIG_MAP, yaml("metadata: {name: x, annotations: {pilotlight.io/skip: 'true'}}"), KINDS))
                .contains("pilotlight.io/skip");
        assertThat(ObjectCleaner.skipReason(CONFIG_MAP, yaml("metadata: {name: x, deletionTimestamp: '2026-01-01T00:00:00Z'}"), KINDS))
                .contains("being deleted");
        assertThat(ObjectCleaner.skipReason(JOB, yaml("""
                metadata: {name: report-123, ownerReferences: [{apiVersion: batch/v1, kind: CronJob, name: report, uid: x, controller: true}]}
                """), KINDS)).as("its CronJob is carried over and makes it on the standby").contains("CronJob report");
        assertThat(ObjectCleaner.skipReason(SECRET, yaml("""
                metadata: {name: cert, ownerReferences: [{apiVersion: cert-manager.io/v1, kind: Certificate, name: c, uid: x, controller: true}]}
                """), KINDS)).as("its owner is not carried over: the Secret is").isNull();
    }

    private static Map<String, Object> yaml(String text) {
        return JSON.unmarshal(text, Map.class);
    }
}
