package io.pilotlight.velero.v1;

import io.fabric8.kubernetes.api.model.Namespaced;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.model.annotation.Group;
import io.fabric8.kubernetes.model.annotation.Version;

/**
 * A Velero Backup (velero.io/v1): one backup of selected namespaces and resources. A model of
 * Velero's API, not ours: no CRD is generated for it.
 */
@Group(VeleroApi.GROUP)
@Version(VeleroApi.VERSION)
public class Backup extends CustomResource<BackupSpec, BackupStatus> implements Namespaced {
}
