package io.pilotlight.plan;

import io.pilotlight.api.v1alpha1.Condition;
import io.pilotlight.api.v1alpha1.ConditionStatus;
import io.pilotlight.api.v1alpha1.ConditionTypes;
import io.pilotlight.api.v1alpha1.Reasons;
import io.pilotlight.status.Conditions;
import java.util.ArrayList;
import java.util.List;

/**
 * Ready sums up the conditions a failover depends on: both sites answer, the standby can run the
 * protected objects and (unless sync is off) holds an up-to-date copy of them, backups are scheduled
 * and the recovery point is within the objective. The
 * message names every condition that holds Ready back, with its own message.
 */
public final class ReadinessRules {

    private ReadinessRules() {
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
                if (firstReason == null) {
                    firstReason = c == null ? Reasons.PENDING : c.getReason();
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
