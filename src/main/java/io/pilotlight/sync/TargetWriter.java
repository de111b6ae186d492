package io.pilotlight.sync;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.Resource;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.pilotlight.core.PlanLabels;
import io.pilotlight.core.SyncAnnotations;
import io.pilotlight.util.Json;
import io.pilotlight.util.ObjectMaps;
import io.pilotlight.util.RemoteErrors;
import io.pilotlight.workloads.Parking;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import org.jboss.logging.Logger;

/**
 * Writes copies to the target site: upsert, delete, and the namespaces they need. Runs on the
 * writer threads, many at once: its only state is the set of namespaces known to exist on the target
 * (a concurrent set) and the stopped flag; what it learns goes back in the {@link Outcome}.
 * What to do is decided by {@link TargetDecision}; this class does the I/O.
 */
final class TargetWriter {

    private static final Logger LOG = Logger.getLogger(TargetWriter.class);

    private final Site target;
    private final SyncSettings settings;
    private final Parking parking;
    private final Map<String, String> ownLabels;
    private final Set<String> knownNamespaces = ConcurrentHashMap.newKeySet();
    private volatile boolean stopped;

    TargetWriter(Site target, SyncSettings settings, Map<String, String> ownLabels) {
        this.target = target;
        this.settings = settings;
        this.parking = new Parking(settings.pilotLight());
        this.ownLabels = ownLabels;
    }

    /** From now on every write is IGNORED: a newer session may be writing already. */
    void stop() {
        stopped = true;
    }

    /** Whether the namespace is not known to exist on the target: its first copy would make it. */
    boolean lacksNamespace(String ns) {
        return !knownNamespaces.contains(ns);
    }

    /**
     * Makes a protected namespace exist on the target before its first copy is written (a full pass asks
     * at its start, beside its lists, so that no copy waits for its namespace). A failure is left to the
     * namespace's copies to report.
     */
    void prepareNamespace(String ns) {
        if (stopped) {
            return;
        }
        try {
            ensureNamespace(ns);
        } catch (KubernetesClientException e) {
            LOG.debugf("sync of plan %s: making namespace %s %s failed, its copies will try again: %s", settings.planKey(), ns,
                    target.on(), RemoteErrors.describe(e));
        }
    }

    Outcome write(WriteTask task) {
        if (task instanceof WriteTask.Upsert u) {
            return upsert(u.key(), u.source(), u.target(), u.known());
        }
        return delete(task.key(), ((WriteTask.Delete) task).target());
    }

    /** Writes the copy of a source object, unless the target holds one that is not Pilotlight's. */
    Outcome upsert(ObjectKey key, GenericKubernetesResource source, TargetCopy copy, Copy known) {
        if (stopped) {
            return Outcome.of(key, Outcome.Result.IGNORED, "");
        }
        String uid = source.getMetadata().getUid();
        String version = source.getMetadata().getResourceVersion();
        Predicate<GenericKubernetesResource> adoptable = t -> Adoption.adoptable(source, t, settings.targetSite(),
                settings.labelSelector());
        TargetDecision.Upsert step = TargetDecision.upsert(known, uid, version, copy, ownLabels, adoptable);
        if (step instanceof TargetDecision.Upsert.Read) {
            try {
                step = TargetDecision.upsert(null, uid, version, TargetCopy.listed(resource(key).get()), ownLabels, adoptable);
            } catch (KubernetesClientException e) {
                return failed(key, "reading the copy " + target.on(), e);
            }
        }
        if (step instanceof TargetDecision.Upsert.Unchanged unchanged) {
            return new Outcome(key, Outcome.Result.UNCHANGED, unchanged.known(), "", false, false, false);
        }
        if (step instanceof TargetDecision.Upsert.Conflict) {
            return Outcome.of(key, Outcome.Result.CONFLICT, "exists " + target.on() + " without Pilotlight's labels: left as it is");
        }
        if (step instanceof TargetDecision.Upsert.Adopt adopt) {
            return adopt(key, source, adopt.current());
        }
        return apply(key, source, known, (TargetDecision.Upsert.Apply) step);
    }

    /** Records the adoption on the original (a merge patch at the version read), then writes the copy over it. */
    private Outcome adopt(ObjectKey key, GenericKubernetesResource source, GenericKubernetesResource original) {
        GenericKubernetesResource adopted;
        try {
            adopted = resource(key).patch(PatchContext.of(PatchType.JSON_MERGE),
                    Json.asJson(Adoption.patch(original, settings.targetSite(), ownLabels, Instant.now())));
        } catch (KubernetesClientException e) {
            // Deleted meanwhile: the copy is created; changed meanwhile (409): retried, and decided again then.
            return e.getCode() == 404 ? upsert(key, source, TargetCopy.ABSENT, null)
                    : failed(key, "adopting the original " + target.on(), e);
        }
        LOG.infof("sync of plan %s: adopted %s %s as the copy of the %s's object", settings.planKey(), key, target.on(),
                settings.sourceSite());
        return apply(key, source, null, new TargetDecision.Upsert.Apply(adopted, null));
    }

    private Outcome apply(ObjectKey key, GenericKubernetesResource source, Copy known, TargetDecision.Upsert.Apply step) {
        String uid = source.getMetadata().getUid();
        String version = source.getMetadata().getResourceVersion();
        Map<String, Object> desired = ObjectCleaner.clean(key.kind(), ObjectCleaner.asMap(source));
        Parking.Outcome parked = parking.park(key.kind(), desired);
        Map<String, Object> metadata = ObjectMaps.child(desired, "metadata");
        ObjectMaps.child(metadata, "labels").putAll(ownLabels);
        ObjectMaps.child(metadata, "annotations").put(SyncAnnotations.SOURCE, sourceAnnotation(uid, version));
        if (step.expectedUid() != null) {
            metadata.put("uid", step.expectedUid());
        }
        try {
            ensureNamespace(key.namespace());
            GenericKubernetesResource written = serverSideApply(key, desired, step.force());
            Copy copy = new Copy(uid, version, written.getMetadata().getUid(), Copy.versionOf(written),
                    parked == Parking.Outcome.PARKED);
            boolean drift = TargetDecision.drift(known, uid, version, step.current(), written);
            return new Outcome(key, Outcome.Result.WRITTEN, copy, "", drift, false, false);
        } catch (KubernetesClientException e) {
            if (step.expectedUid() != null && (e.getCode() == 409 || e.getCode() == 422)) {
                // The copy we knew was deleted or replaced on the target: look again.
                return upsert(key, source, TargetCopy.UNKNOWN, null).forgettingStaleCopy();
            }
            if (e.getCode() == 409 && !step.force()) {
                return Outcome.of(key, Outcome.Result.CONFLICT,
                        "created " + target.on() + " by someone else meanwhile: left as it is");
            }
            if (e.getCode() == 404) {
                knownNamespaces.remove(key.namespace());
            }
            return failed(key, "writing the copy " + target.on(), e);
        }
    }

    private GenericKubernetesResource serverSideApply(ObjectKey key, Map<String, Object> desired, boolean force) {
        GenericKubernetesResource object = Json.convertValue(desired, GenericKubernetesResource.class);
        var apply = target.client().genericKubernetesResources(key.kind().context()).inNamespace(key.namespace())
                .resource(object).fieldManager(PlanLabels.FIELD_MANAGER);
        return force ? apply.forceConflicts().serverSideApply() : apply.serverSideApply();
    }

    /** Deletes the copy of an object that is gone from the source, if the copy is Pilotlight's. */
    Outcome delete(ObjectKey key, TargetCopy copy) {
        if (stopped) {
            return Outcome.of(key, Outcome.Result.IGNORED, "");
        }
        TargetDecision.Delete step = TargetDecision.delete(settings.prune(), copy, ownLabels);
        if (step instanceof TargetDecision.Delete.Read) {
            try {
                step = TargetDecision.delete(true, TargetCopy.listed(resource(key).get()), ownLabels);
            } catch (KubernetesClientException e) {
                return failed(key, "reading the copy " + target.on(), e);
            }
        }
        if (step instanceof TargetDecision.Delete.Remove remove) {
            return remove(key, remove.resourceVersion());
        }
        return Outcome.of(key, step instanceof TargetDecision.Delete.Gone ? Outcome.Result.GONE : Outcome.Result.SKIPPED, "");
    }

    private Outcome remove(ObjectKey key, String resourceVersion) {
        try {
            resource(key).lockResourceVersion(resourceVersion).delete();
            LOG.debugf("sync of plan %s: deleted %s from the %s", settings.planKey(), key, target.role());
            return Outcome.of(key, Outcome.Result.DELETED, "");
        } catch (KubernetesClientException e) {
            if (e.getCode() == 404) {
                return Outcome.of(key, Outcome.Result.GONE, "");
            }
            return failed(key, "deleting the copy " + target.on(), e);
        }
    }

    /**
     * Creates a missing namespace on the target with Pilotlight's labels only: the source's labels are
     * not copied, since they include policy (pod-security.kubernetes.io/enforce=privileged, a tenant
     * label that a NetworkPolicy or admission webhook trusts) that a plan's author must not set here.
     */
    private void ensureNamespace(String ns) {
        if (knownNamespaces.contains(ns)) {
            return;
        }
        var namespaces = target.client().namespaces();
        if (namespaces.withName(ns).get() == null) {
            try {
                namespaces.resource(new NamespaceBuilder().withNewMetadata().withName(ns).withLabels(ownLabels)
                        .withAnnotations(Map.of(SyncAnnotations.CREATED_FOR, settings.planKey())).endMetadata().build()).create();
                LOG.infof("sync of plan %s: created namespace %s %s", settings.planKey(), ns, target.on());
            } catch (KubernetesClientException e) {
                if (e.getCode() != 409) {
                    throw e;
                }
            }
        }
        knownNamespaces.add(ns);
    }

    private Resource<GenericKubernetesResource> resource(ObjectKey key) {
        return target.client().genericKubernetesResources(key.kind().context()).inNamespace(key.namespace())
                .withName(key.name());
    }

    private Outcome failed(ObjectKey key, String what, KubernetesClientException e) {
        int code = e.getCode();
        boolean down = code == 0 || code == 429 || code >= 500;
        // Never quote the API server's message about a Secret: it may echo the content.
        String detail = key.kind().is("", "Secret") ? what + " failed: HTTP " + code : Site.describe(what, e);
        LOG.debugf("sync of plan %s: %s: %s", settings.planKey(), key, detail);
        return new Outcome(key, Outcome.Result.FAILED, null, detail, false, down, false);
    }

    private String sourceAnnotation(String uid, String resourceVersion) {
        Map<String, String> source = new LinkedHashMap<>();
        source.put("site", settings.sourceSite());
        source.put("uid", uid);
        source.put("resourceVersion", resourceVersion);
        return Json.asJson(source);
    }
}
