package io.pilotlight.velero.v1;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The Velero models read what a newer Velero writes and write it back unchanged: unknown enum values map
 * to UNKNOWN without losing the raw value, and unknown fields survive a read-modify-write. Checked with
 * the Fabric8 client's own serialization and with a plain ObjectMapper (no special configuration).
 */
class VeleroModelTest {

    private static final KubernetesSerialization K8S = new KubernetesSerialization();
    private static final ObjectMapper PLAIN = new ObjectMapper();

    private static final String BACKUP = """
            {
              "apiVersion": "velero.io/v1",
              "kind": "Backup",
              "metadata": {"name": "b1", "namespace": "velero", "labels": {"velero.io/schedule-name": "s"}},
              "spec": {
                "includedNamespaces": ["shop"],
                "ttl": "720h0m0s",
                "storageLocation": "default",
                "volumeGroupSnapshotLabelKey": "group",
                "hooks": {"resources": [{"name": "freeze", "pre": [{"exec": {"command": ["fsfreeze"]}}]}]},
                "labelSelector": {"matchLabels": {"app": "db"}}
              },
              "status": {
                "phase": "SomethingNew",
                "queuePosition": 3,
                "errors": 0,
                "progress": {"totalItems": 10, "itemsBackedUp": 4, "itemsSkipped": 1},
                "hookStatus": {"hooksAttempted": 1}
              }
            }""";

    private static final String SCHEDULE = """
            {
              "apiVersion": "velero.io/v1",
              "kind": "Schedule",
              "metadata": {"name": "plan-a", "namespace": "velero"},
              "spec": {
                "schedule": "0 * * * *",
                "useOwnerReferencesInBackup": false,
                "futureSpecField": {"nested": [1, 2, 3]},
                "template": {
                  "metadata": {"labels": {"pilotlight.io/plan": "a"}, "annotations": {"x": "y"}},
                  "includedNamespaces": ["shop"],
                  "snapshotMoveData": true,
                  "uploaderConfig": {"parallelFilesUpload": 4},
                  "orderedResources": {"pods": "shop/a,shop/b"}
                }
              },
              "status": {"phase": "Enabled", "lastBackup": "2026-01-01T00:00:00Z", "lastSkipped": "2026-01-01T01:00:00Z"}
            }""";

    private static final String BSL = """
            {
              "apiVersion": "velero.io/v1",
              "kind": "BackupStorageLocation",
              "metadata": {"name": "default", "namespace": "velero"},
              "spec": {
                "provider": "aws",
                "default": true,
                "accessMode": "ReadWrite",
                "objectStorage": {"bucket": "b", "prefix": "p", "caCertRef": {"name": "ca", "key": "ca.crt"}},
                "config": {"region": "eu-west-1"},
                "credential": {"name": "cloud-credentials", "key": "cloud"}
              },
              "status": {"phase": "Available", "lastValidationTime": "2026-01-01T00:00:00Z", "lastSyncedRevision": "abc"}
            }""";

    @Test
    void unknownBackupPhaseMapsToUnknownAndKeepsTheRawValue() throws Exception {
        Backup backup = K8S.unmarshal(BACKUP, Backup.class);

        assertThat(backup.getStatus().phase()).isEqualTo(BackupPhase.UNKNOWN);
        assertThat(backup.getStatus().getPhase()).isEqualTo("SomethingNew");
        assertThat(PLAIN.readTree(K8S.asJson(backup)).at("/status/phase").asText()).isEqualTo("SomethingNew");
    }

    @Test
    void everyVelero118BackupPhaseIsKnown() {
        for (String phase : List.of("New", "Queued", "ReadyToStart", "FailedValidation", "InProgress",
                "WaitingForPluginOperations", "WaitingForPluginOperationsPartiallyFailed", "Finalizing",
                "FinalizingPartiallyFailed", "Completed", "PartiallyFailed", "Failed", "Deleting")) {
            assertThat(BackupPhase.fromValue(phase)).as(phase).isNotEqualTo(BackupPhase.UNKNOWN);
            assertThat(BackupPhase.fromValue(phase).value()).isEqualTo(phase);
        }
        assertThat(BackupPhase.fromValue(null)).isNull();
    }

    @Test
    void enumsDeserializeUnknownValuesWithoutMapperConfiguration() throws Exception {
        assertThat(PLAIN.readValue("\"Queued\"", BackupPhase.class)).isEqualTo(BackupPhase.QUEUED);
        assertThat(PLAIN.readValue("\"Paused\"", SchedulePhase.class)).isEqualTo(SchedulePhase.UNKNOWN);
        assertThat(PLAIN.readValue("\"Rolling\"", RestorePhase.class)).isEqualTo(RestorePhase.UNKNOWN);
        assertThat(PLAIN.readValue("\"Degraded\"", BackupStorageLocationPhase.class))
                .isEqualTo(BackupStorageLocationPhase.UNKNOWN);
        assertThat(K8S.unmarshal("\"WriteOnly\"", BackupStorageLocationAccessMode.class))
                .isEqualTo(BackupStorageLocationAccessMode.UNKNOWN);
    }

    @Test
    void typedAccessorsOfKnownValues() {
        Schedule schedule = K8S.unmarshal(SCHEDULE, Schedule.class);
        assertThat(schedule.getStatus().phase()).isEqualTo(SchedulePhase.ENABLED);

        BackupStorageLocation bsl = K8S.unmarshal(BSL, BackupStorageLocation.class);
        assertThat(bsl.getStatus().phase()).isEqualTo(BackupStorageLocationPhase.AVAILABLE);
        assertThat(bsl.getSpec().accessMode()).isEqualTo(BackupStorageLocationAccessMode.READ_WRITE);
        assertThat(bsl.getSpec().getDefaultLocation()).isTrue();

        Restore restore = K8S.unmarshal("""
                {"apiVersion": "velero.io/v1", "kind": "Restore", "metadata": {"name": "r"},
                 "spec": {"backupName": "b1", "existingResourcePolicy": "update", "namespaceMapping": {"shop": "shop-drill"}},
                 "status": {"phase": "WaitingForPluginOperationsPartiallyFailed", "itemOperationsFuture": 2}}""",
                Restore.class);
        assertThat(restore.getSpec().existingResourcePolicy()).isEqualTo(ExistingResourcePolicy.UPDATE);
        assertThat(restore.getSpec().getNamespaceMapping()).containsEntry("shop", "shop-drill");
        assertThat(restore.getStatus().phase()).isEqualTo(RestorePhase.WAITING_FOR_PLUGIN_OPERATIONS_PARTIALLY_FAILED);
        assertThat(restore.getStatus().getAdditionalProperties()).containsEntry("itemOperationsFuture", 2);
    }

    @Test
    void unknownFieldsSurviveARoundTripWithTheClientSerialization() throws Exception {
        for (var c : List.of(Map.entry(BACKUP, Backup.class), Map.entry(SCHEDULE, Schedule.class),
                Map.entry(BSL, BackupStorageLocation.class))) {
            Object read = K8S.unmarshal(c.getKey(), c.getValue());
            assertThat(PLAIN.readTree(K8S.asJson(read))).as(c.getValue().getSimpleName())
                    .isEqualTo(PLAIN.readTree(c.getKey()));
        }
    }

    @Test
    void unknownFieldsSurviveARoundTripWithAPlainObjectMapper() throws Exception {
        Schedule schedule = PLAIN.readValue(SCHEDULE, Schedule.class);
        assertThat(PLAIN.readTree(PLAIN.writeValueAsString(schedule))).isEqualTo(PLAIN.readTree(SCHEDULE));
    }

    @Test
    void aReadModifyWriteKeepsUnknownNestedFields() throws Exception {
        Schedule schedule = K8S.unmarshal(SCHEDULE, Schedule.class);

        schedule.getSpec().setPaused(true);
        schedule.getSpec().getTemplate().setTtl("72h0m0s");
        schedule.getSpec().getTemplate().getMetadata().getLabels().put("extra", "1");

        JsonNode written = PLAIN.readTree(K8S.asJson(schedule));
        assertThat(written.at("/spec/paused").asBoolean()).isTrue();
        assertThat(written.at("/spec/template/ttl").asText()).isEqualTo("72h0m0s");
        assertThat(written.at("/spec/template/metadata/labels/extra").asText()).isEqualTo("1");
        // not modelled by us, kept as they were
        assertThat(written.at("/spec/futureSpecField/nested")).hasSize(3);
        assertThat(written.at("/spec/template/metadata/annotations/x").asText()).isEqualTo("y");
        assertThat(written.at("/spec/template/snapshotMoveData").asBoolean()).isTrue();
        assertThat(written.at("/spec/template/uploaderConfig/parallelFilesUpload").asInt()).isEqualTo(4);
        assertThat(written.at("/spec/template/orderedResources/pods").asText()).isEqualTo("shop/a,shop/b");
        assertThat(written.at("/status/lastSkipped").asText()).isEqualTo("2026-01-01T01:00:00Z");
    }

    @Test
    void nullFieldsAreNotWritten() throws Exception {
        Backup backup = new Backup();
        backup.getMetadata().setName("b");
        backup.setSpec(new io.pilotlight.velero.v1.BackupSpec());
        backup.getSpec().setIncludedNamespaces(List.of("shop"));

        JsonNode written = PLAIN.readTree(K8S.asJson(backup));
        assertThat(written.get("spec").size()).isEqualTo(1);
        assertThat(written.at("/apiVersion").asText()).isEqualTo("velero.io/v1");
        assertThat(written.at("/kind").asText()).isEqualTo("Backup");
    }
}
