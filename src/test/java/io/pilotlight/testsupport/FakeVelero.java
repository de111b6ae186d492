package io.pilotlight.testsupport;

import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.pilotlight.velero.v1.Backup;
import io.pilotlight.velero.v1.BackupSpec;
import io.pilotlight.velero.v1.BackupStatus;
import io.pilotlight.velero.v1.BackupStorageLocation;
import io.pilotlight.velero.v1.BackupStorageLocationSpec;
import io.pilotlight.velero.v1.BackupStorageLocationStatus;
import io.pilotlight.velero.v1.ObjectStorageLocation;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

/**
 * Plays Velero's part in a namespace of its own, for the outcomes a real server cannot be made to give
 * here (the real one is {@link RealVelero}, in {@code RealVeleroTest}): Backups that completed minutes
 * ago (an RPO already exceeded, without waiting for it), and Failed or PartiallyFailed Backups with a
 * failure reason, which a healthy local Velero does not produce on demand. Writes a namespace with an
 * Available default BackupStorageLocation, and Backups whose status the test writes as Velero would.
 */
public final class FakeVelero {

    private final KubernetesClient client;
    private final String namespace;

    public FakeVelero(KubernetesClient client, String namespace) {
        this.client = client;
        this.namespace = namespace;
    }

    public String namespace() {
        return namespace;
    }

    public FakeVelero install() {
        client.resource(new NamespaceBuilder().withNewMetadata().withName(namespace).endMetadata().build()).serverSideApply();
        BackupStorageLocation bsl = new BackupStorageLocation();
        bsl.setMetadata(new ObjectMetaBuilder().withName("default").withNamespace(namespace).build());
        BackupStorageLocationSpec spec = new BackupStorageLocationSpec();
        spec.setProvider("aws");
        ObjectStorageLocation storage = new ObjectStorageLocation();
        storage.setBucket("pilotlight-tests");
        spec.setObjectStorage(storage);
        spec.setDefaultLocation(true);
        bsl.setSpec(spec);
        bsl = client.resource(bsl).create();
        BackupStorageLocationStatus status = new BackupStorageLocationStatus();
        status.setPhase("Available");
        bsl.setStatus(status);
        // Velero's CRDs have no status subresource: Velero writes status with the object itself.
        client.resource(bsl).update();
        return this;
    }

    /** A Backup made by a Schedule, in the given phase; completed is null while it runs. */
    public Backup backup(String name, String scheduleName, String phase, Instant started, Instant completed) {
        Backup backup = new Backup();
        backup.setMetadata(new ObjectMetaBuilder().withName(name).withNamespace(namespace)
                .withLabels(Map.of("velero.io/schedule-name", scheduleName)).build());
        BackupSpec spec = new BackupSpec();
        spec.setIncludedNamespaces(List.of("anything"));
        backup.setSpec(spec);
        backup = client.resource(backup).create();
        BackupStatus status = new BackupStatus();
        status.setPhase(phase);
        status.setStartTimestamp(started.truncatedTo(ChronoUnit.SECONDS).toString());
        if (completed != null) {
            status.setCompletionTimestamp(completed.truncatedTo(ChronoUnit.SECONDS).toString());
        }
        if (phase.contains("Failed")) {
            status.setFailureReason("simulated failure");
            status.setErrors(3);
        }
        backup.setStatus(status);
        return client.resource(backup).update();
    }

    public void delete() {
        client.namespaces().withName(namespace).delete();
    }
}
