package io.pilotlight.plan;

import io.pilotlight.api.v1alpha1.Condition;
import io.pilotlight.api.v1alpha1.ConditionStatus;
import io.pilotlight.api.v1alpha1.ConditionTypes;
import io.pilotlight.api.v1alpha1.Reasons;
import io.pilotlight.status.ConditionResult;
import io.pilotlight.status.Conditions;
import io.pilotlight.traffic.TrafficSwitchException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Ready sums up the conditions a failover depends on: both sites answer, the standby can run the
 * protected objects and (unless sync is off) holds an up-to-date copy of them, backups are scheduled
 * and the recovery point is within the objective. The
 * message names every condition that holds Ready back, with its own message; the reason is the first
 * of them that needs a person, else the first of them.
 */
public final class ReadinessRules {

    /** Ready reasons that no retry cures: the spec, a Secret or the trust settings must change. */
    private static final Set<String> NEEDS_A_PERSON = Set.of(Reasons.INVALID_SPEC, Reasons.SERVICE_ACCOUNT_REQUIRED,
            Reasons.TOO_MANY_WATCHES, TrafficSwitchException.NOT_ALLOWED);

    private ReadinessRules() {
    }

    /** Stalled, from Ready: True while the plan waits for a person to fix it, so that GitOps tools report it Failed. */
    public static ConditionResult stalled(Condition ready) {
        if (ready != null && ready.getStatus() == ConditionStatus.FALSE && NEEDS_A_PERSON.contains(ready.getReason())) {
            return ConditionResult.isTrue(ready.getReason(), "nothing changes until the plan (or what it names) is fixed: "
                    + ready.getMessage());
        }
        return ConditionResult.isFalse(Reasons.AS_EXPECTED, "nothing for a person to fix");
    }

    /**
     * @param syncEnabled whether {@code sync.mode} is not Off: only then does Ready need StandbyInSync
     */
    public static ConditionResult aggregate(List<Condition> conditions, boolean backupsEnabled, boolean syncEnabled) {
        List<String> required = new ArrayList<>(List.of(ConditionTypes.PRIMARY_REACHABLE, ConditionTypes.STANDBY_REACHABLE,
                ConditionTypes.STANDBY_COMPATIBLE));
        if (syncEnabled) {
            required.add(ConditionTypes.STANDBY_IN_SYNC);
        }
        if (backupsEnabled) {
            required.add(ConditionTypes.BACKUP_SCHEDULED);
            required.add(ConditionTypes.RPO_MET);
        }
        List<String> failing = new ArrayList<>();
        String firstReason = null;
        for (String type : required) {
            Condition c = Conditions.find(conditions, type).orElse(null);
            if (c == null || c.getStatus() != ConditionStatus.TRUE) {
                String why = c == null ? "not checked yet" : c.getStatus() + ", " + c.getReason() + ": " + c.getMessage();
                failing.add(type + " (" + why + ")");
                String reason = c == null ? Reasons.PENDING : c.getReason();
                // A reason only a person can cure comes first, so that Stalled says so whatever else waits.
                if (firstReason == null || NEEDS_A_PERSON.contains(reason) && !NEEDS_A_PERSON.contains(firstReason)) {
                    firstReason = reason;
                }
            }
        }
        if (failing.isEmpty()) {
            return ConditionResult.isTrue(Reasons.AS_EXPECTED, "both sites answer, the standby is compatible"
                    + (syncEnabled ? " and in sync" : " (sync is off)")
                    + (backupsEnabled ? ", backups are scheduled and the RPO is met" : "; backups are off"));
        }
        return ConditionResult.isFalse(firstReason, "not ready: " + String.join("; ", failing));
    }
}
