package io.pilotlight.core;

/**
 * Annotations Pilotlight writes on the parked copies (on the standby, or on the site a failover left
 * once it is re-protected). Together with the copy itself they hold the source site's state exactly, so
 * a failover can restore it from the copy alone: the source's replica count, suspend flag, HPA
 * behaviour... Values are JSON where a field may be absent on the source ({@code null} then). The
 * {@code primary-*} names are kept from when the source was always the primary: they mean "the
 * source's", and renaming them would strand the records on copies made before.
 */
public final class SyncAnnotations {

    public static final String PREFIX = "pilotlight.io/";
    /** Where the copy comes from: {@code {"site":..,"uid":..,"resourceVersion":..}} of the primary's object. */
    public static final String SOURCE = PREFIX + "source";
    /** The primary's {@code spec.replicas} of a parked Deployment, StatefulSet or ReplicaSet. */
    public static final String PRIMARY_REPLICAS = PREFIX + "primary-replicas";
    /** The primary's {@code spec.suspend} of a suspended CronJob or Job: {@code true} or {@code false}. */
    public static final String PRIMARY_SUSPEND = PREFIX + "primary-suspend";
    /** The primary's {@code spec.behavior} of a neutralised HorizontalPodAutoscaler, as JSON ({@code null}: none). */
    public static final String PRIMARY_HPA_BEHAVIOR = PREFIX + "primary-behavior";
    /** The primary's {@code spec.scaleTarget.name} of an autoscaling/v1 HorizontalPodAutoscaler detached from its target. */
    public static final String PRIMARY_SCALE_TARGET = PREFIX + "primary-scale-target";
    /** The primary's pod template {@code nodeSelector} of a parked DaemonSet, as JSON ({@code null}: none). */
    public static final String PRIMARY_NODE_SELECTOR = PREFIX + "primary-node-selector";
    /** The primary's {@code autoscaling.keda.sh/paused} annotation of a paused KEDA ScaledObject, as JSON. */
    public static final String PRIMARY_KEDA_PAUSED = PREFIX + "primary-keda-paused";
    /** On a copy whose workload Pilotlight holds parked: the count or state it is parked at. */
    public static final String PARKED = PREFIX + "parked";
    /**
     * On a site's own object that a failover parked in place (the site it left, or a fenced site): the
     * plan, {@code namespace/name}, it did it for. The other annotations above record what it changed.
     */
    public static final String PARKED_BY = PREFIX + "parked-by";
    /** Node selector key that no node carries: parks a DaemonSet. */
    public static final String PARKED_NODE_LABEL = PREFIX + "parked";
    /** On an object of the primary: {@code "true"} keeps it off the standby. */
    public static final String SKIP = PREFIX + "skip";
    /**
     * On an object adopted by the sync ({@link PlanLabels#ADOPTED}): {@code {"site":..,"uid":..,"at":..}},
     * the site it belongs to, the uid of the active site's object whose copy it became, and when.
     */
    public static final String ADOPTED = PREFIX + "adopted-from";
    /** On a namespace of the standby that Pilotlight created for a plan. */
    public static final String CREATED_FOR = PREFIX + "created-for";

    private SyncAnnotations() {
    }
}
