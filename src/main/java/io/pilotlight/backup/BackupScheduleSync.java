package io.pilotlight.backup;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.pilotlight.api.v1alpha1.DisasterRecoveryPlan;
import io.pilotlight.api.v1alpha1.Reasons;
import io.pilotlight.api.v1alpha1.plan.BackupPolicySpec;
import io.pilotlight.core.PlanLabels;
import io.pilotlight.status.ConditionResult;
import io.pilotlight.util.Json;
import io.pilotlight.util.RemoteErrors;
import io.pilotlight.velero.v1.BackupSpec;
import io.pilotlight.velero.v1.BackupStorageLocation;
import io.pilotlight.velero.v1.BackupStorageLocationPhase;
import io.pilotlight.velero.v1.Metadata;
import io.pilotlight.velero.v1.Schedule;
import io.pilotlight.velero.v1.SchedulePhase;
import io.pilotlight.velero.v1.ScheduleSpec;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Keeps the plan's Velero Schedule on a site (the active one) as the plan says: created, updated when the plan
 * changes, and deleted with the plan. It writes only a Schedule that carries the plan's labels, and
 * never an empty namespace list (which Velero would read as "every namespace").
 */
@ApplicationScoped
public class BackupScheduleSync {

    public ConditionResult ensure(KubernetesClient primary, DisasterRecoveryPlan plan, List<String> namespaces) {
        BackupPolicySpec backup = plan.getSpec().getBackup();
        String veleroNs = backup.getVeleroNamespace();
        String name = PlanLabels.scheduleName(plan);
        if (!primary.supports(Schedule.class)) {
            return ConditionResult.isFalse(Reasons.VELERO_NOT_INSTALLED,
                    "Velero's CRDs (schedules.velero.io) are not installed on the active site");
        }
        if (primary.namespaces().withName(veleroNs).get() == null) {
            return ConditionResult.isFalse(Reasons.VELERO_NOT_INSTALLED, "namespace '" + veleroNs
                    + "' (spec.backup.veleroNamespace) does not exist on the active site; is Velero installed there?");
        }
        if (namespaces.isEmpty()) {
            return ConditionResult.isFalse(Reasons.NO_NAMESPACES,
                    "no namespace on the active site matches spec.protect, so there is nothing to back up");
        }
        Schedule existing = primary.resources(Schedule.class).inNamespace(veleroNs).withName(name).get();
        if (existing != null && !PlanLabels.ownedBy(existing.getMetadata().getLabels(), plan)) {
            return ConditionResult.isFalse(Reasons.SCHEDULE_CONFLICT, "a Velero Schedule " + veleroNs + "/" + name
                    + " exists on the active site and was not created by Pilotlight; it is left alone");
        }
        Schedule desired = desired(plan, name, namespaces);
        if (existing == null || !contains(existing, desired)) {
            existing = primary.resources(Schedule.class).inNamespace(veleroNs).resource(desired)
                    .fieldManager(PlanLabels.FIELD_MANAGER).forceConflicts().serverSideApply();
        }
        if (existing.getStatus() != null && existing.getStatus().phase() == SchedulePhase.FAILED_VALIDATION) {
            // Velero's own sentences are the site's text: counted and pointed at, not copied.
            int errors = existing.getStatus().getValidationErrors() == null ? 0 : existing.getStatus().getValidationErrors().size();
            return ConditionResult.isFalse(Reasons.SCHEDULE_INVALID, "Velero rejected Schedule " + veleroNs + "/" + name + " with "
                    + errors + " validation error(s): see its status.validationErrors on the active site");
        }
        String location = storageLocationProblem(primary, veleroNs, backup.getStorageLocation());
        if (location != null) {
            return ConditionResult.isFalse(Reasons.STORAGE_LOCATION_UNAVAILABLE, location);
        }
        return ConditionResult.isTrue(Reasons.SCHEDULE_CREATED, "Velero Schedule " + veleroNs + "/" + name + " backs up "
                + namespaces.size() + " namespace(s) " + namespaces + " on '" + backup.getSchedule() + "'");
    }

    /**
     * Deletes the plan's Schedule when it is Pilotlight's. Backups already taken are kept: they are
     * recovery points, and Velero expires them by their TTL.
     */
    public void delete(KubernetesClient primary, DisasterRecoveryPlan plan) {
        String veleroNs = plan.getSpec().getBackup().getVeleroNamespace();
        // A site without Velero has no Schedule, and its identity may have no rights on Velero's objects at all.
        if (!primary.supports(Schedule.class) || primary.namespaces().withName(veleroNs).get() == null) {
            return;
        }
        var schedule = primary.resources(Schedule.class).inNamespace(veleroNs).withName(PlanLabels.scheduleName(plan));
        Schedule existing = schedule.get();
        if (existing != null && PlanLabels.ownedBy(existing.getMetadata().getLabels(), plan)) {
            schedule.delete();
        }
    }

    Schedule desired(DisasterRecoveryPlan plan, String name, List<String> namespaces) {
        BackupPolicySpec backup = plan.getSpec().getBackup();
        BackupSpec template = new BackupSpec();
        template.setIncludedNamespaces(namespaces);
        template.setLabelSelector(plan.getSpec().getProtect().getLabelSelector());
        template.setTtl(backup.getTtl());
        template.setStorageLocation(backup.getStorageLocation());
        template.setSnapshotVolumes(backup.getSnapshotVolumes());
        template.setDefaultVolumesToFsBackup(backup.getDefaultVolumesToFsBackup());
        template.setIncludeClusterResources(backup.getIncludeClusterResources());
        Metadata metadata = new Metadata();
        metadata.setLabels(new HashMap<>(PlanLabels.of(plan)));
        template.setMetadata(metadata);

        ScheduleSpec spec = new ScheduleSpec();
        spec.setSchedule(backup.getSchedule());
        spec.setTemplate(template);
        spec.setUseOwnerReferencesInBackup(false);

        Schedule schedule = new Schedule();
        schedule.setMetadata(new ObjectMetaBuilder().withName(name).withNamespace(backup.getVeleroNamespace())
                .withLabels(PlanLabels.of(plan)).build());
        schedule.setSpec(spec);
        return schedule;
    }

    /** Whether every field we would write already has the value we would write (others may exist). */
    private boolean contains(Schedule existing, Schedule desired) {
        return subset(Json.convertValue(desired.getSpec(), JsonNode.class),
                Json.convertValue(existing.getSpec(), JsonNode.class))
                && existing.getMetadata().getLabels() != null
                && existing.getMetadata().getLabels().entrySet().containsAll(desired.getMetadata().getLabels().entrySet());
    }

    private static boolean subset(JsonNode want, JsonNode have) {
        if (have == null || have.isNull()) {
            return want == null || want.isNull();
        }
        if (want.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = want.fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> field = it.next();
                if (!field.getValue().isNull() && !subset(field.getValue(), have.get(field.getKey()))) {
                    return false;
                }
            }
            return true;
        }
        return want.equals(have);
    }

    private static String storageLocationProblem(KubernetesClient primary, String veleroNs, String name) {
        try {
            var locations = primary.resources(BackupStorageLocation.class).inNamespace(veleroNs);
            List<BackupStorageLocation> candidates = name == null
                    ? locations.list().getItems().stream().filter(l -> l.getSpec() != null && Boolean.TRUE.equals(l.getSpec().getDefaultLocation())).toList()
                    : java.util.Optional.ofNullable(locations.withName(name).get()).stream().toList();
            if (candidates.isEmpty()) {
                return name == null ? "no default BackupStorageLocation in namespace " + veleroNs + " on the active site; set spec.backup.storageLocation"
                        : "BackupStorageLocation " + veleroNs + "/" + name + " does not exist on the active site";
            }
            BackupStorageLocation location = candidates.get(0);
            if (location.getStatus() != null && location.getStatus().phase() == BackupStorageLocationPhase.UNAVAILABLE) {
                // Velero's own message quotes the object store's answer: point at it rather than copy it.
                return "BackupStorageLocation " + veleroNs + "/" + location.getMetadata().getName() + " is Unavailable"
                        + " (its status.message on the active site says why)";
            }
            return null;
        } catch (KubernetesClientException e) {
            return "cannot read BackupStorageLocations in " + veleroNs + " on the active site: " + RemoteErrors.describe(e);
        }
    }
}
