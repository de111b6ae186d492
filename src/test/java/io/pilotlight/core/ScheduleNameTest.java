package io.pilotlight.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.pilotlight.api.v1alpha1.DisasterRecoveryPlan;
import io.pilotlight.api.v1alpha1.meta.ApiConstants;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The Velero Schedule's name: one per plan, a valid object name and label value. */
class ScheduleNameTest {

    @Test
    void plansWhoseNamespaceAndNameJoinTheSameWayGetDifferentSchedules() {
        assertThat(name("x", "a-b")).isEqualTo("pilotlight-x.a-b");
        assertThat(name("x-a", "b")).isEqualTo("pilotlight-x-a.b");
    }

    @Test
    void aLongNameIsCutTo63WithAHashOfTheWholeAndStaysValid() {
        String ns = "n".repeat(63);
        String a = name(ns, "shop");
        String b = name(ns, "shop2");
        assertThat(a).hasSize(63).isNotEqualTo(b).startsWith("pilotlight-nnn");
        assertThat(b).hasSize(63);
        // A cut right after the dot would leave an empty DNS label.
        String atDot = name("n".repeat(34), "p".repeat(30));
        assertThat(atDot.substring(0, 46)).doesNotEndWith(".");
        for (String n : List.of(a, b, atDot)) {
            assertThat(n).matches(ApiConstants.DNS_SUBDOMAIN_PATTERN).matches("^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$");
        }
    }

    @Test
    void aKeptNameNeverEqualsACutOne() {
        // Kept names are at most 62 characters, cut ones exactly 63: the two kinds cannot meet.
        Set<String> names = new HashSet<>();
        for (int length = 40; length <= 70; length++) {
            String plan = "p".repeat(length);
            String n = name("team", plan);
            if (("pilotlight-team." + plan).length() <= 62) {
                assertThat(n).isEqualTo("pilotlight-team." + plan);
            } else {
                assertThat(n).hasSize(63);
            }
            names.add(n);
        }
        assertThat(names).hasSize(31);
    }

    private static String name(String namespace, String plan) {
        DisasterRecoveryPlan p = new DisasterRecoveryPlan();
        p.setMetadata(new ObjectMetaBuilder().withNamespace(namespace).withName(plan).build());
        return PlanLabels.scheduleName(p);
    }
}
