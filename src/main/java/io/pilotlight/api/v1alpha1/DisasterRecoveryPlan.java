package io.pilotlight.api.v1alpha1;

import io.fabric8.crd.generator.annotation.AdditionalPrinterColumn;
import io.fabric8.kubernetes.api.model.Namespaced;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.model.annotation.Categories;
import io.fabric8.kubernetes.model.annotation.Group;
import io.fabric8.kubernetes.model.annotation.ShortNames;
import io.fabric8.kubernetes.model.annotation.Version;
import io.pilotlight.api.v1alpha1.meta.ApiConstants;
import io.quarkiverse.operatorsdk.annotations.CSVMetadata;

/**
 * A pilot-light disaster recovery plan: namespaces of a primary cluster kept, scaled down, on a standby
 * cluster, backed up by Velero, ready to be failed over by a {@link Failover}.
 */
@Group(ApiConstants.GROUP)
@Version(ApiConstants.VERSION)
@ShortNames("drp")
@Categories(ApiConstants.CATEGORY)
@AdditionalPrinterColumn(name = "Active", jsonPath = ".status.activeSite", type = AdditionalPrinterColumn.Type.STRING,
        getDescription = "Site that currently serves the application")
@AdditionalPrinterColumn(name = "Sync", jsonPath = ".status.syncDirection", type = AdditionalPrinterColumn.Type.STRING,
        getDescription = "Which way the sync copies: active site → parked copy")
@AdditionalPrinterColumn(name = "RPO", jsonPath = ".status.rpo", type = AdditionalPrinterColumn.Type.STRING,
        getDescription = "Age of the newest good copy of the data")
@AdditionalPrinterColumn(name = "In-Sync", jsonPath = ".status.conditions[?(@.type==\"StandbyInSync\")].status",
        type = AdditionalPrinterColumn.Type.STRING, getDescription = "Whether the parked copy matches the active site")
@AdditionalPrinterColumn(name = "Ready", jsonPath = ".status.conditions[?(@.type==\"Ready\")].status",
        type = AdditionalPrinterColumn.Type.STRING, getDescription = "Whether the plan is ready to fail over")
@AdditionalPrinterColumn(name = "Age", jsonPath = ".metadata.creationTimestamp", type = AdditionalPrinterColumn.Type.DATE)
// Its entry in the OLM bundle's ClusterServiceVersion (owned CRDs), read by QOSDK's bundle generator.
@CSVMetadata(displayName = "Disaster Recovery Plan", description = "Namespaces of a primary cluster kept, scaled down,"
        + " on a standby cluster, backed up by Velero, with recovery objectives (RPO, RTO) and how traffic reaches the application.")
public class DisasterRecoveryPlan extends CustomResource<DisasterRecoveryPlanSpec, DisasterRecoveryPlanStatus>
        implements Namespaced {
}
