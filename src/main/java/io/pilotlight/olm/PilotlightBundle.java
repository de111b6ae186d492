package io.pilotlight.olm;

import io.quarkiverse.operatorsdk.annotations.CSVMetadata;
import io.quarkiverse.operatorsdk.annotations.CSVMetadata.Annotations;
import io.quarkiverse.operatorsdk.annotations.CSVMetadata.InstallMode;
import io.quarkiverse.operatorsdk.annotations.CSVMetadata.Link;
import io.quarkiverse.operatorsdk.annotations.CSVMetadata.Maintainer;
import io.quarkiverse.operatorsdk.annotations.CSVMetadata.Provider;
import io.quarkiverse.operatorsdk.annotations.SharedCSVMetadata;

/**
 * The OLM bundle's ClusterServiceVersion metadata, read at build time by QOSDK's bundle generator
 * (nothing here runs). Both controllers belong to this bundle because its name is the operator's
 * resource name ({@code quarkus.kubernetes.name=pilotlight} in application.properties), which is also
 * the OLM package. The install section (permissions, Deployment) is not here: hack/install/bundle.sh
 * takes it from deploy/ after the generator ran. Install modes: the operator watches every namespace
 * or the namespaces of its OperatorGroup (the generator points each controller's namespaces at
 * {@code olm.targetNamespaces}), so all four are supported.
 */
@CSVMetadata(
        displayName = "Pilotlight",
        description = """
                Pilotlight keeps a scaled-down copy of the protected namespaces of a primary cluster on a \
                standby cluster (the pilot light), owns their Velero backup schedule, measures the recovery \
                point, and fails over when a Failover is created: the primary quiesced or fenced, the standby \
                scaled up wave by wave, traffic switched (ExternalDNS, Gateway API or RFC 2136), and the RTO \
                and RPO achieved recorded in the Failover's status.

                Install it in the cluster that survives the loss of the primary: the standby, or a third cluster. \
                A plan acts in this cluster as a ServiceAccount of its own namespace (impersonated), and on a \
                remote site with the credentials of the kubeconfig Secret it names; see the project's \
                SECURITY.md and deploy/remote-site/ for the identities a site needs.""",
        keywords = { "disaster recovery", "pilot light", "failover", "velero", "backup", "rpo", "rto" },
        maturity = "alpha",
        minKubeVersion = "1.25.0",
        provider = @Provider(name = "Pilotlight", url = "https://github.com/pilotlight/pilotlight"),
        maintainers = @Maintainer(name = "Pilotlight maintainers", email = "maintainers@pilotlight.io"),
        links = {
                @Link(name = "Source", url = "https://github.com/pilotlight/pilotlight"),
                @Link(name = "Documentation", url = "https://github.com/pilotlight/pilotlight#readme") },
        annotations = @Annotations(
                capabilities = "Basic Install",
                categories = "Storage",
                repository = "https://github.com/pilotlight/pilotlight",
                others = @Annotations.Annotation(name = "operatorframework.io/suggested-namespace", value = "pilotlight-system")),
        installModes = {
                @InstallMode(type = "OwnNamespace"),
                @InstallMode(type = "SingleNamespace"),
                @InstallMode(type = "MultiNamespace"),
                @InstallMode(type = "AllNamespaces") })
public final class PilotlightBundle implements SharedCSVMetadata {
    private PilotlightBundle() {
    }
}
