package io.pilotlight.plan;

import static org.assertj.core.api.Assertions.assertThat;

import io.pilotlight.api.v1alpha1.ConditionStatus;
import io.pilotlight.api.v1alpha1.Reasons;
import io.pilotlight.plan.CompatibilityRules.Facts;
import io.pilotlight.plan.CompatibilityRules.UsedCrd;
import io.pilotlight.status.ConditionResult;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CompatibilityRulesTest {

    private static final UsedCrd WIDGETS = new UsedCrd("widgets.example.com", "v1", "shop");
    private static final UsedCrd GADGETS = new UsedCrd("gadgets.example.com", "v2", "billing");

    @Test
    void sameVersionEverythingPresentIsCompatible() {
        ConditionResult r = CompatibilityRules.evaluate(new Facts("v1.34.4", 34, "v1.34.2", 34,
                List.of(WIDGETS), Map.of(WIDGETS.name(), Set.of("v1", "v1beta1")), Set.of("fast"), Set.of("fast", "slow")));

        assertThat(r.status()).isEqualTo(ConditionStatus.TRUE);
        assertThat(r.reason()).isEqualTo(Reasons.AS_EXPECTED);
        assertThat(r.message()).contains("every CRD the protected namespaces use").contains("StorageClasses (1)").doesNotContain("differ");
    }

    @Test
    void onlyACrdTheStandbyLacksOrServesAtAnotherVersionMayBlock() {
        Map<String, Set<String>> served = Map.of(WIDGETS.name(), Set.of("v1", "v1beta1"), GADGETS.name(), Set.of("v1"));

        assertThat(CompatibilityRules.mayBlock(WIDGETS.name(), "v1", served)).as("served at its storage version").isFalse();
        assertThat(CompatibilityRules.mayBlock(GADGETS.name(), "v2", served)).as("served, not at v2").isTrue();
        assertThat(CompatibilityRules.mayBlock("sprockets.example.com", "v1", served)).as("not installed").isTrue();
    }

    @Test
    void oneMinorApartIsFineWithANote() {
        ConditionResult r = CompatibilityRules.evaluate(versions("v1.34.4", 34, "v1.33.7", 33));

        assertThat(r.status()).isEqualTo(ConditionStatus.TRUE);
        assertThat(r.reason()).isEqualTo(Reasons.AS_EXPECTED);
        assertThat(r.message()).contains("versions differ by one minor: v1.34.4 / v1.33.7");
    }

    @Test
    void moreThanOneMinorApartIsABlocker() {
        ConditionResult r = CompatibilityRules.evaluate(versions("v1.34.4", 34, "v1.32.1", 32));

        assertThat(r.status()).isEqualTo(ConditionStatus.FALSE);
        assertThat(r.reason()).isEqualTo(Reasons.VERSION_SKEW);
        assertThat(r.message()).isEqualTo("1 blocker(s): Kubernetes v1.34.4 on the primary and v1.32.1 on the standby"
                + " are more than 1 minor version apart");
    }

    @Test
    void aNewerStandbyIsASkewToo() {
        ConditionResult r = CompatibilityRules.evaluate(versions("v1.31.0", 31, "v1.34.4", 34));

        assertThat(r.status()).isEqualTo(ConditionStatus.FALSE);
        assertThat(r.reason()).isEqualTo(Reasons.VERSION_SKEW);
    }

    @Test
    void unknownMinorIsNotCompared() {
        for (Facts facts : List.of(versions("v1.34.4+weird", -1, "v1.20.0", 20), versions("v1.34.4", 34, "unknown", -1),
                versions("?", -1, "?", -1))) {
            ConditionResult r = CompatibilityRules.evaluate(facts);
            assertThat(r.status()).as("%s", facts).isEqualTo(ConditionStatus.TRUE);
            assertThat(r.message()).as("%s", facts).doesNotContain("differ");
        }
    }

    @Test
    void missingCrdIsABlockerNamingTheNamespace() {
        ConditionResult r = CompatibilityRules.evaluate(new Facts("v1.34.4", 34, "v1.34.4", 34,
                List.of(WIDGETS), Map.of(), Set.of(), Set.of()));

        assertThat(r.status()).isEqualTo(ConditionStatus.FALSE);
        assertThat(r.reason()).isEqualTo(Reasons.MISSING_CRD);
        assertThat(r.message()).isEqualTo("1 blocker(s): CRD widgets.example.com (used in namespace shop) is not installed on the standby");
    }

    @Test
    void crdNotServingTheStorageVersionIsABlocker() {
        ConditionResult r = CompatibilityRules.evaluate(new Facts("v1.34.4", 34, "v1.34.4", 34,
                List.of(WIDGETS), Map.of(WIDGETS.name(), Set.of("v1beta1")), Set.of(), Set.of()));

        assertThat(r.status()).isEqualTo(ConditionStatus.FALSE);
        assertThat(r.reason()).isEqualTo(Reasons.MISSING_CRD);
        assertThat(r.message()).contains("CRD widgets.example.com on the standby does not serve version v1 (it serves [v1beta1])");
    }

    @Test
    void missingStorageClassIsABlocker() {
        ConditionResult r = CompatibilityRules.evaluate(new Facts("v1.34.4", 34, "v1.34.4", 34,
                List.of(), Map.of(), Set.of("fast"), Set.of("standard")));

        assertThat(r.status()).isEqualTo(ConditionStatus.FALSE);
        assertThat(r.reason()).isEqualTo(Reasons.MISSING_STORAGE_CLASS);
        assertThat(r.message()).isEqualTo("1 blocker(s): StorageClass fast (used by protected PVCs) does not exist on the standby");
    }

    @Test
    void everyBlockerIsListedMostSeriousFirst() {
        ConditionResult r = CompatibilityRules.evaluate(new Facts("v1.34.4", 34, "v1.30.0", 30,
                List.of(WIDGETS, GADGETS), Map.of(GADGETS.name(), Set.of("v1")), Set.of("fast"), Set.of()));

        assertThat(r.status()).isEqualTo(ConditionStatus.FALSE);
        assertThat(r.reason()).isEqualTo(Reasons.VERSION_SKEW);
        assertThat(r.message()).startsWith("4 blocker(s): Kubernetes v1.34.4 on the primary and v1.30.0");
        assertThat(r.message().split("; ")).hasSize(4);
        assertThat(r.message())
                .containsSubsequence("more than 1 minor version apart", "CRD widgets.example.com (used in namespace shop) is not installed",
                        "CRD gadgets.example.com on the standby does not serve version v2", "StorageClass fast");
    }

    @Test
    void withoutSkewTheFirstBlockerKindGivesTheReason() {
        ConditionResult r = CompatibilityRules.evaluate(new Facts("v1.34.4", 34, "v1.34.4", 34,
                List.of(WIDGETS), Map.of(), Set.of("fast"), Set.of()));

        assertThat(r.reason()).isEqualTo(Reasons.MISSING_CRD);
        assertThat(r.message()).startsWith("2 blocker(s): CRD widgets.example.com").contains("StorageClass fast");
    }

    private static Facts versions(String primary, int primaryMinor, String standby, int standbyMinor) {
        return new Facts(primary, primaryMinor, standby, standbyMinor, List.of(), Map.of(), Set.of(), Set.of());
    }
}
