package io.pilotlight.failover;

import static org.assertj.core.api.Assertions.assertThat;

import io.pilotlight.api.v1alpha1.failover.FailoverStep;
import io.pilotlight.api.v1alpha1.failover.StepState;
import io.pilotlight.failover.actions.ActionSteps;
import io.pilotlight.failover.actions.HttpCheck;
import io.pilotlight.failover.actions.JobAction;
import io.pilotlight.failover.run.FailoverRun;
import io.pilotlight.failover.run.Step;
import io.pilotlight.failover.steps.ActivateStep;
import io.pilotlight.failover.steps.DrillCopyStep;
import io.pilotlight.failover.steps.FenceStep;
import io.pilotlight.failover.steps.FinalBackupStep;
import io.pilotlight.failover.steps.FinalSyncStep;
import io.pilotlight.failover.steps.PauseSyncStep;
import io.pilotlight.failover.steps.QuiesceStep;
import io.pilotlight.failover.steps.RestoreStep;
import io.pilotlight.failover.steps.SwitchTrafficStep;
import io.pilotlight.failover.steps.ValidateStep;
import io.pilotlight.testsupport.FailoverRuns;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which steps a Failover takes, in which order, and which one runs next: no cluster needed. */
class StepRegistryTest {

    // Steps are only asked their names here: their collaborators are not needed.
    private final StepRegistry registry = new StepRegistry(new ValidateStep(null, null, null, null), new QuiesceStep(null, null),
            new FenceStep(null, null, null), new FinalSyncStep(null), new FinalBackupStep(), new RestoreStep(null, null), new PauseSyncStep(null),
            new SwitchTrafficStep(null), new ActivateStep(null, null), new DrillCopyStep(null), null,
            new ActionSteps((JobAction) null, (HttpCheck) null), null);

    @Test
    void aPlannedFailoverQuiescesSyncsAndScalesUpWaveByWave() {
        assertThat(names(run("{type: Planned}", "waves: [{name: data, selector: {matchLabels: {tier: data}}}, {name: apps, selector: {}}]")))
                .containsExactly("Validate", "Quiesce", "FinalSync", "PauseSync", "ScaleUp/data", "ScaleUp/apps", "ScaleUp/remaining",
                        "SwitchTraffic", "Activate");
    }

    @Test
    void aFailbackSyncsBackAndAnUnplannedOneFencesInstead() {
        assertThat(names(run("{type: Planned, restore: {enabled: true}}", ""))).as("a final backup to restore from")
                .containsSubsequence("Quiesce", "FinalSync", "FinalBackup", "Restore", "PauseSync");
        assertThat(names(run("{type: Planned, direction: ToPrimary}", ""))).as("the re-protected primary gets a final sync")
                .containsExactly("Validate", "Quiesce", "FinalSync", "PauseSync", "ScaleUp/all", "SwitchTraffic", "Activate");
        assertThat(names(run("{type: Unplanned, restore: {enabled: true}}", ""))).containsExactly("Validate", "Fence", "Restore",
                "PauseSync", "ScaleUp/all", "SwitchTraffic", "Activate");
        assertThat(names(run("{type: Unplanned}", "restoreVolumes: true"))).as("the plan's default").contains("Restore");
        assertThat(names(run("{type: Unplanned, restore: {enabled: false}}", "restoreVolumes: true"))).doesNotContain("Restore");
    }

    @Test
    void aDrillCopiesAndScalesUpWithoutTouchingTrafficOrTheSync() {
        assertThat(names(run("{type: Drill}", ""))).containsExactly("Validate", "DrillCopy", "ScaleUp/all");
    }

    @Test
    void actionsStandAroundTheirWavesBeforeTheQuiesceAndBeforeTheTrafficSwitch() {
        String failover = "beforeQuiesce: [{name: checkpoint, approval: {}}],"
                + " waves: [{name: data, selector: {}, before: [{name: ok, approval: {}}], after: [{name: promote, approval: {}}]}],"
                + " beforeSwitchTraffic: [{name: health, approval: {}}]";
        assertThat(names(run("{type: Planned}", failover))).containsExactly("Validate", "Action/Quiesce/before/checkpoint", "Quiesce",
                "FinalSync", "PauseSync", "Action/data/before/ok", "ScaleUp/data", "Action/data/after/promote", "ScaleUp/remaining",
                "Action/SwitchTraffic/before/health", "SwitchTraffic", "Activate");
        assertThat(names(run("{type: Unplanned}", failover))).as("no quiesce, so nothing before it").doesNotContain(
                "Action/Quiesce/before/checkpoint").contains("Action/data/after/promote", "Action/SwitchTraffic/before/health");
        assertThat(names(run("{type: Drill}", failover))).as("a drill runs its waves' actions, and switches no traffic")
                .containsExactly("Validate", "DrillCopy", "Action/data/before/ok", "ScaleUp/data", "Action/data/after/promote", "ScaleUp/remaining");
    }

    @Test
    void theNextStepIsTheFirstThatHasNotFinished() {
        FailoverRun run = run("{type: Unplanned}", "");
        assertThat(registry.next(run)).map(Step::name).hasValue("Validate");
        record(run, "Validate", StepState.SUCCEEDED);
        record(run, "Fence", StepState.RUNNING);
        assertThat(registry.next(run)).as("a restarted operator resumes the running step").map(Step::name).hasValue("Fence");
        run.step("Fence").orElseThrow().setState(StepState.SUCCEEDED);
        record(run, "PauseSync", StepState.SKIPPED);
        assertThat(registry.next(run)).map(Step::name).hasValue("ScaleUp/all");
        for (String name : List.of("ScaleUp/all", "SwitchTraffic", "Activate")) {
            record(run, name, StepState.SUCCEEDED);
        }
        assertThat(registry.next(run)).isEmpty();
    }

    private List<String> names(FailoverRun run) {
        return registry.sequence(run).stream().map(Step::name).toList();
    }

    private static void record(FailoverRun run, String name, StepState state) {
        FailoverStep step = new FailoverStep();
        step.setName(name);
        step.setState(state);
        run.status().getSteps().add(step);
    }

    private static FailoverRun run(String failoverSpec, String planFailover) {
        return FailoverRuns.of(failoverSpec, planFailover);
    }
}
