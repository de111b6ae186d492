package io.pilotlight.failover.report;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.pilotlight.api.v1alpha1.DisasterRecoveryPlan;
import io.pilotlight.api.v1alpha1.Failover;
import io.pilotlight.api.v1alpha1.failover.FailoverReport;
import io.pilotlight.core.PlanLabels;
import io.pilotlight.core.PlanSites;
import io.pilotlight.core.clusters.SiteConfigException;
import io.pilotlight.util.Hashes;
import io.pilotlight.util.RemoteErrors;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;

/**
 * Keeps an ended Failover's report: {@code status.report} ({@link ReportBuilder}), and the ConfigMap
 * {@code <failover>-report} beside it, key {@code report.md} ({@link MarkdownReport}), owned by the
 * Failover so that it goes with it. The ConfigMap is written as the plan acts in the operator's
 * cluster (its ServiceAccount, impersonated, unless its namespace is trusted), like every object of
 * the plan's namespace, and a ConfigMap of that name that the Failover does not own is left alone.
 * When it cannot be written the report's note says why; the status keeps the data anyway.
 */
@ApplicationScoped
public class ReportConfigMap {

    public static final String KEY = "report.md";

    private final PlanSites sites;

    public ReportConfigMap(PlanSites sites) {
        this.sites = sites;
    }

    /** @param plan the plan, or null when it is gone */
    public void record(Failover failover, DisasterRecoveryPlan plan) {
        FailoverReport report = ReportBuilder.build(failover, plan);
        failover.getStatus().setReport(report);
        report.setConfigMap(null);
        report.setNote(null);
        if (plan == null) {
            report.setNote("no ConfigMap: the plan does not exist, so there is no identity to write it with");
            return;
        }
        String name = name(failover);
        try {
            KubernetesClient identity = sites.identity(plan);
            ConfigMap existing = identity.configMaps().inNamespace(failover.getMetadata().getNamespace()).withName(name).get();
            if (existing != null && !ownedBy(existing, failover)) {
                report.setNote("ConfigMap " + name + " exists and is not this Failover's: left alone, no report written there");
                return;
            }
            report.setConfigMap(name);
            ConfigMap desired = configMap(failover, plan, name, MarkdownReport.render(failover));
            if (existing == null) {
                identity.resource(desired).create();
            } else {
                desired.getMetadata().setResourceVersion(existing.getMetadata().getResourceVersion());
                identity.resource(desired).update();
            }
        } catch (SiteConfigException e) {
            report.setConfigMap(null);
            report.setNote("no ConfigMap: " + e.getMessage());
        } catch (KubernetesClientException e) {
            report.setConfigMap(null);
            report.setNote("the ConfigMap " + name + " could not be written as the plan's identity: " + RemoteErrors.describe(e));
        }
    }

    /** {@code <failover>-report}; a name too long for that is cut and ends in a hash of the whole. */
    public static String name(Failover failover) {
        String name = failover.getMetadata().getName() + "-report";
        return name.length() <= 253 ? name : name.substring(0, 240).replaceAll("[-.]+$", "") + "-" + Hashes.sha256Hex(name, 6);
    }

    private static boolean ownedBy(ConfigMap map, Failover failover) {
        return map.getMetadata().getOwnerReferences() != null && map.getMetadata().getOwnerReferences().stream()
                .anyMatch(o -> failover.getMetadata().getUid().equals(o.getUid()));
    }

    private static ConfigMap configMap(Failover failover, DisasterRecoveryPlan plan, String name, String markdown) {
        // Owned, not blocking the owner's deletion: that would need the finalizers right on Failovers, which a plan's identity has not.
        return new ConfigMapBuilder().withNewMetadata().withName(name).withNamespace(failover.getMetadata().getNamespace())
                .withLabels(PlanLabels.of(plan))
                .withOwnerReferences(new OwnerReferenceBuilder().withApiVersion(failover.getApiVersion()).withKind(failover.getKind())
                        .withName(failover.getMetadata().getName()).withUid(failover.getMetadata().getUid()).withController(true).build())
                .endMetadata().withData(Map.of(KEY, markdown)).build();
    }
}
