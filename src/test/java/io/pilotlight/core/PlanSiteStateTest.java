package io.pilotlight.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.pilotlight.api.v1alpha1.DisasterRecoveryPlan;
import io.pilotlight.api.v1alpha1.DisasterRecoveryPlanSpec;
import io.pilotlight.api.v1alpha1.DisasterRecoveryPlanStatus;
import io.pilotlight.api.v1alpha1.plan.SiteSpec;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The site-state decisions, on a status held in memory in place of the API server. */
class PlanSiteStateTest {

    private final DisasterRecoveryPlanStatus stored = new DisasterRecoveryPlanStatus();
    private int writes;
    private final PlanSiteState state = new PlanSiteState(new PlanStatusGateway(null) {
        @Override
        void changeSiteState(DisasterRecoveryPlan plan, Change change) {
            if (change.apply(stored)) {
                writes++;
            }
        }
    });
    private final DisasterRecoveryPlan plan = plan();

    @BeforeEach
    void primaryServes() {
        stored.setActiveSite("dc1");
    }

    @Test
    void theFirstPassSetsThePrimaryActiveOnlyWhenNothingDid() {
        stored.setActiveSite(null);
        state.startOnPrimary(plan);
        stored.setActiveSite("dc2");
        state.startOnPrimary(plan);

        assertThat(stored.getActiveSite()).isEqualTo("dc2");
        assertThat(writes).isEqualTo(1);
    }

    @Test
    void aFailoverClaimsAFreePlanOrOneWhoseHolderEnded() {
        assertThat(state.claim(plan, "a", name -> true)).isEmpty();
        assertThat(stored.getActiveFailover()).isEqualTo("a");

        assertThat(state.claim(plan, "b", Set.of("a")::contains)).contains("a");
        assertThat(stored.getActiveFailover()).isEqualTo("a");

        assertThat(state.claim(plan, "b", name -> false)).isEmpty();
        assertThat(stored.getActiveFailover()).isEqualTo("b");
    }

    @Test
    void claimingAgainWritesNothing() {
        state.claim(plan, "a", name -> true);
        state.claim(plan, "a", name -> true);

        assertThat(writes).isEqualTo(1);
    }

    @Test
    void onlyTheHolderRecordsAFenceAndItKeepsThePlan() {
        assertThat(state.recordFence(plan, "a", "dc1")).isFalse();
        assertThat(stored.getFencedSite()).isNull();

        stored.setActiveFailover("a");
        assertThat(state.recordFence(plan, "a", "dc1")).isTrue();
        assertThat(state.recordFence(plan, "a", "dc1")).isTrue();

        assertThat(stored.getFencedSite()).isEqualTo("dc1");
        assertThat(stored.getActiveFailover()).isEqualTo("a");
        assertThat(writes).isEqualTo(1);
    }

    @Test
    void activatingMovesTheActiveSiteAndReleasesThePlan() {
        stored.setActiveFailover("a");
        stored.setFencedSite("dc1");

        assertThat(state.activate(plan, "a", "dc2", false)).isEqualTo(PlanSiteState.Activation.ACTIVATED);

        assertThat(stored.getActiveSite()).isEqualTo("dc2");
        assertThat(stored.getFencedSite()).isEqualTo("dc1");
        assertThat(stored.getActiveFailover()).isNull();
    }

    @Test
    void aFailbackLiftsTheFence() {
        stored.setActiveSite("dc2");
        stored.setActiveFailover("back");
        stored.setFencedSite("dc1");

        state.activate(plan, "back", "dc1", true);

        assertThat(stored.getActiveSite()).isEqualTo("dc1");
        assertThat(stored.getFencedSite()).isNull();
    }

    @Test
    void activatingAgainAfterTheReleaseIsSeenAsDone() {
        stored.setActiveSite("dc2");

        assertThat(state.activate(plan, "a", "dc2", false)).isEqualTo(PlanSiteState.Activation.ALREADY_ACTIVE);
        assertThat(state.activate(plan, "a", "dc3", false)).isEqualTo(PlanSiteState.Activation.NOT_HELD);
        assertThat(writes).isZero();
    }

    @Test
    void anotherHoldersActivationChangesNothing() {
        stored.setActiveFailover("b");

        assertThat(state.activate(plan, "a", "dc2", false)).isEqualTo(PlanSiteState.Activation.NOT_HELD);

        assertThat(stored.getActiveSite()).isEqualTo("dc1");
        assertThat(stored.getActiveFailover()).isEqualTo("b");
    }

    @Test
    void releaseAndRollBackFreeThePlanOnlyForItsHolder() {
        stored.setActiveFailover("b");
        assertThat(state.release(plan, "a")).isFalse();
        assertThat(state.rollBack(plan, "a", null)).isFalse();
        assertThat(stored.getActiveFailover()).isEqualTo("b");

        stored.setFencedSite("dc1");
        assertThat(state.rollBack(plan, "b", null)).isTrue();
        assertThat(stored.getActiveFailover()).isNull();
        assertThat(stored.getFencedSite()).isNull();
    }

    @Test
    void aFailbackRolledBackPutsThePrimarysFenceBack() {
        stored.setActiveFailover("back");

        state.rollBack(plan, "back", "dc1");

        assertThat(stored.getFencedSite()).isEqualTo("dc1");
        assertThat(stored.getActiveFailover()).isNull();
    }

    @Test
    void thePlanLetsGoOfAFailoverOnlyWhenItNoLongerRuns() {
        stored.setActiveFailover("a");
        state.releaseEnded(plan, name -> true);
        assertThat(stored.getActiveFailover()).isEqualTo("a");

        state.releaseEnded(plan, name -> false);
        assertThat(stored.getActiveFailover()).isNull();
    }

    private static DisasterRecoveryPlan plan() {
        DisasterRecoveryPlan plan = new DisasterRecoveryPlan();
        plan.setMetadata(new ObjectMetaBuilder().withName("shop").withNamespace("dr").build());
        DisasterRecoveryPlanSpec spec = new DisasterRecoveryPlanSpec();
        SiteSpec primary = new SiteSpec();
        primary.setName("dc1");
        spec.setPrimary(primary);
        plan.setSpec(spec);
        return plan;
    }
}
