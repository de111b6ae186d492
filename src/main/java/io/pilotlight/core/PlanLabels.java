package io.pilotlight.core;

import io.pilotlight.api.v1alpha1.DisasterRecoveryPlan;
import io.pilotlight.util.Hashes;
import java.util.Map;

/**
 * Names and labels of the objects Pilotlight creates for a plan. The labels are how Pilotlight
 * recognises its own objects: it deletes or overwrites nothing that does not carry them.
 */
public final class PlanLabels {

    public static final String MANAGED_BY = "app.kubernetes.io/managed-by";
    public static final String MANAGER = "pilotlight";
    /** The field manager of Pilotlight's server-side applies, so that its fields are told apart from the user's. */
    public static final String FIELD_MANAGER = "pilotlight";
    public static final String PLAN = "pilotlight.io/plan";
    public static final String PLAN_NAMESPACE = "pilotlight.io/plan-namespace";
    /** On the namespaces a Drill makes: the Failover they belong to. */
    public static final String DRILL = "pilotlight.io/drill";
    /** On a Drill Failover the plan's drill schedule created: only those are deleted to keep its history limit. */
    public static final String SCHEDULED_DRILL = "pilotlight.io/scheduled-drill";

    /**
     * On a site's own object that the sync took over as the copy of the active site's object (re-protect):
     * {@code "true"}; with the plan's labels, and {@link SyncAnnotations#ADOPTED} saying from what.
     */
    public static final String ADOPTED = "pilotlight.io/adopted";

    private PlanLabels() {
    }

    public static Map<String, String> of(DisasterRecoveryPlan plan) {
        return of(plan.getMetadata().getNamespace(), plan.getMetadata().getName());
    }

    /** The labels of a plan known by its namespace and name. */
    public static Map<String, String> of(String planNamespace, String planName) {
        return Map.of(MANAGED_BY, MANAGER,
                PLAN, labelValue(planName),
                PLAN_NAMESPACE, planNamespace);
    }

    public static boolean ownedBy(Map<String, String> labels, DisasterRecoveryPlan plan) {
        return ownedBy(labels, of(plan));
    }

    /** Whether the labels carry every one of a plan's labels ({@link #of}). */
    public static boolean ownedBy(Map<String, String> labels, Map<String, String> planLabels) {
        return labels != null && planLabels.entrySet().stream().allMatch(e -> e.getValue().equals(labels.get(e.getKey())));
    }

    /**
     * The Velero Schedule of a plan: {@code pilotlight-<namespace>.<plan>}, one per plan: no namespace
     * name holds a dot, so {@code x/a-b} and {@code x-a/b} get different names. It is also the value of
     * the {@code velero.io/schedule-name} label of its Backups, so at most 63 characters: a name past 62
     * is cut to 46 and given a hash of the whole, 63 characters in all, never the length of a kept one.
     */
    public static String scheduleName(DisasterRecoveryPlan plan) {
        String name = "pilotlight-" + plan.getMetadata().getNamespace() + "." + plan.getMetadata().getName();
        if (name.length() <= 62) {
            return name;
        }
        // A cut right after a dot would leave an empty DNS label ("x.-hash"): a dash keeps the length.
        String kept = name.substring(0, 46);
        return (kept.endsWith(".") ? kept.substring(0, 45) + "-" : kept) + "-" + Hashes.sha256Hex(name, 8);
    }

    /** Label values are limited to 63 characters; object names are not, so long ones are shortened. */
    static String labelValue(String value) {
        return boundedName(value);
    }

    private static String boundedName(String name) {
        if (name.length() <= 63) {
            return name;
        }
        return name.substring(0, 54) + "-" + Hashes.sha256Hex(name, 4);
    }
}
