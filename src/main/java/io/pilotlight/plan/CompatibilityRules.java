package io.pilotlight.plan;

import io.pilotlight.api.v1alpha1.Reasons;
import io.pilotlight.status.ConditionResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Whether the standby can run what the primary runs: pure rules over facts gathered from both
 * sites. Every blocker is listed in the message, most serious first.
 */
public final class CompatibilityRules {

    /** Kubernetes supports a skew of one minor version between related components; more is a blocker. */
    static final int MAX_MINOR_SKEW = 1;

    /** A CRD the protected namespaces use on the primary: its name and the version objects are stored in. */
    public record UsedCrd(String name, String storageVersion, String usedIn) {
    }

    public record Facts(String primaryVersion, int primaryMinor, String standbyVersion, int standbyMinor,
            List<UsedCrd> usedCrds, Map<String, Set<String>> standbyServedVersions,
            Set<String> usedStorageClasses, Set<String> standbyStorageClasses) {
    }

    private CompatibilityRules() {
    }

    /**
     * Whether a primary's CRD can be a blocker: the standby lacks it or does not serve its storage version.
     * Only those are looked for in the protected namespaces (a list per namespace each): a CRD the standby
     * serves is fine whether used or not, and 50 plans of 20 namespaces asked 20,000 lists for them.
     */
    public static boolean mayBlock(String crd, String storageVersion, Map<String, Set<String>> standbyServedVersions) {
        Set<String> served = standbyServedVersions.get(crd);
        return served == null || !served.contains(storageVersion);
    }

    public static ConditionResult evaluate(Facts facts) {
        List<String> blockers = new ArrayList<>();
        String reason = null;
        if (facts.primaryMinor() >= 0 && facts.standbyMinor() >= 0
                && Math.abs(facts.primaryMinor() - facts.standbyMinor()) > MAX_MINOR_SKEW) {
            reason = Reasons.VERSION_SKEW;
            blockers.add("Kubernetes " + facts.primaryVersion() + " on the primary and " + facts.standbyVersion()
                    + " on the standby are more than " + MAX_MINOR_SKEW + " minor version apart");
        }
        for (UsedCrd crd : facts.usedCrds()) {
            if (!mayBlock(crd.name(), crd.storageVersion(), facts.standbyServedVersions())) {
                continue;
            }
            Set<String> served = facts.standbyServedVersions().get(crd.name());
            reason = reason == null ? Reasons.MISSING_CRD : reason;
            blockers.add(served == null ? "CRD " + crd.name() + " (used in namespace " + crd.usedIn() + ") is not installed on the standby"
                    : "CRD " + crd.name() + " on the standby does not serve version " + crd.storageVersion() + " (it serves " + served + ")");
        }
        for (String sc : facts.usedStorageClasses()) {
            if (!facts.standbyStorageClasses().contains(sc)) {
                reason = reason == null ? Reasons.MISSING_STORAGE_CLASS : reason;
                blockers.add("StorageClass " + sc + " (used by protected PVCs) does not exist on the standby");
            }
        }
        if (blockers.isEmpty()) {
            String skew = facts.primaryMinor() != facts.standbyMinor() && facts.primaryMinor() >= 0 && facts.standbyMinor() >= 0
                    ? " (versions differ by one minor: " + facts.primaryVersion() + " / " + facts.standbyVersion() + ")"
                    : "";
            return ConditionResult.isTrue(Reasons.AS_EXPECTED, "the standby serves every CRD the protected namespaces use, and"
                    + " their StorageClasses (" + facts.usedStorageClasses().size() + ")" + skew);
        }
        return ConditionResult.isFalse(reason, blockers.size() + " blocker(s): " + String.join("; ", blockers));
    }
}
