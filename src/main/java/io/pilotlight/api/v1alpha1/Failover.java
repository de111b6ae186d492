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

/** One failover (or failback, or drill) of a {@link DisasterRecoveryPlan}, recorded step by step in its status. */
@Group(ApiConstants.GROUP)
@Version(ApiConstants.VERSION)
@ShortNames("fo")
@Categories(ApiConstants.CATEGORY)
@AdditionalPrinterColumn(name = "Plan", jsonPath = ".spec.planRef.name", type = AdditionalPrinterColumn.Type.STRING,
        getDescription = "The DisasterRecoveryPlan failed over")
@AdditionalPrinterColumn(name = "Type", jsonPath = ".spec.type", type = AdditionalPrinterColumn.Type.STRING,
        getDescription = "Planned, Unplanned or Drill")
@AdditionalPrinterColumn(name = "Phase", jsonPath = ".status.phase", type = AdditionalPrinterColumn.Type.STRING,
        getDescription = "Current phase")
@AdditionalPrinterColumn(name = "Progress", jsonPath = ".status.progress", type = AdditionalPrinterColumn.Type.STRING,
        getDescription = "Human-readable progress")
@AdditionalPrinterColumn(name = "RTO", jsonPath = ".status.rtoSeconds", type = AdditionalPrinterColumn.Type.INTEGER,
        getDescription = "Recovery time achieved, in seconds")
@AdditionalPrinterColumn(name = "Age", jsonPath = ".metadata.creationTimestamp", type = AdditionalPrinterColumn.Type.DATE)
// Its entry in the OLM bundle's ClusterServiceVersion (owned CRDs), read by QOSDK's bundle generator.
@CSVMetadata(displayName = "Failover",
        description = "A failover of a plan (Planned, Unplanned or Drill), or a failback: the steps taken, the RTO and RPO achieved.")
public class Failover extends CustomResource<FailoverSpec, FailoverStatus> implements Namespaced {
}
