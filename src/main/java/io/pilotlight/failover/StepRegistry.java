package io.pilotlight.failover;

import io.fabric8.kubernetes.api.model.LabelSelector;
import io.pilotlight.api.v1alpha1.failover.FailoverStep;
import io.pilotlight.api.v1alpha1.failover.FailoverType;
import io.pilotlight.api.v1alpha1.failover.StepState;
import io.pilotlight.api.v1alpha1.plan.FailoverPolicySpec;
import io.pilotlight.api.v1alpha1.plan.WaveSpec;
import io.pilotlight.core.ProtectedNamespaces;
import io.pilotlight.failover.actions.ActionSteps;
import io.pilotlight.failover.run.FailoverRun;
import io.pilotlight.failover.run.Step;
import io.pilotlight.failover.steps.ActivateStep;
import io.pilotlight.failover.steps.DrillCopyStep;
import io.pilotlight.failover.steps.FenceStep;
import io.pilotlight.failover.steps.FinalBackupStep;
import io.pilotlight.failover.steps.FinalSyncStep;
import io.pilotlight.failover.steps.PauseSyncStep;
import io.pilotlight.failover.steps.QuiesceStep;
import io.pilotlight.failover.steps.ReadinessWatches;
import io.pilotlight.failover.steps.RestoreStep;
import io.pilotlight.failover.steps.ScaleUpWaveStep;
import io.pilotlight.failover.steps.SwitchTrafficStep;
import io.pilotlight.failover.steps.ValidateStep;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The steps of a failover, in order, from its type and direction and the plan's waves, and the one
 * to run now: the first that has not succeeded or been skipped. A finished step is never run again.
 * <pre>
 * Planned:    Validate, Quiesce, FinalSync, [FinalBackup], [Restore], PauseSync, ScaleUp/&lt;wave&gt;..., SwitchTraffic, Activate
 *             (a failback too: the site left was re-protected, so its final sync carries back what changed there)
 * Unplanned:  Validate, Fence, [Restore], PauseSync, ScaleUp/&lt;wave&gt;..., SwitchTraffic, Activate
 * Drill:      Validate, DrillCopy, [Restore], ScaleUp/&lt;wave&gt;... (in the drill's namespaces)
 * </pre>
 * The plan's actions ({@link ActionSteps}) stand around these: before Quiesce (Planned), before and
 * after each wave (a Drill's too, in its namespaces), and before SwitchTraffic.
 */
@ApplicationScoped
public class StepRegistry {

    static final String REMAINING_WAVE = "remaining";
    static final String SINGLE_WAVE = "all";

    private final ValidateStep validate;
    private final QuiesceStep quiesce;
    private final FenceStep fence;
    private final FinalSyncStep finalSync;
    private final FinalBackupStep finalBackup;
    private final RestoreStep restore;
    private final PauseSyncStep pauseSync;
    private final SwitchTrafficStep switchTraffic;
    private final ActivateStep activate;
    private final DrillCopyStep drillCopy;
    private final ProtectedNamespaces namespaces;
    private final ActionSteps actions;
    private final ReadinessWatches readiness;

    public StepRegistry(ValidateStep validate, QuiesceStep quiesce, FenceStep fence, FinalSyncStep finalSync, FinalBackupStep finalBackup, RestoreStep restore,
            PauseSyncStep pauseSync, SwitchTrafficStep switchTraffic, ActivateStep activate, DrillCopyStep drillCopy,
            ProtectedNamespaces namespaces, ActionSteps actions, ReadinessWatches readiness) {
        this.validate = validate;
        this.quiesce = quiesce;
        this.fence = fence;
        this.finalSync = finalSync;
        this.finalBackup = finalBackup;
        this.restore = restore;
        this.pauseSync = pauseSync;
        this.switchTraffic = switchTraffic;
        this.activate = activate;
        this.drillCopy = drillCopy;
        this.namespaces = namespaces;
        this.actions = actions;
        this.readiness = readiness;
    }

    public List<Step> sequence(FailoverRun run) {
        List<Step> steps = new ArrayList<>();
        steps.add(validate);
        if (run.type() == FailoverType.DRILL) {
            steps.add(drillCopy);
            if (RestoreStep.wanted(run)) {
                steps.add(restore);
            }
            steps.addAll(waves(run, false, r -> DrillCopyStep.drillNamespaces(r, namespaces)));
            return steps;
        }
        FailoverPolicySpec policy = run.plan().getSpec().getFailover();
        if (run.type() == FailoverType.PLANNED) {
            steps.addAll(actions.beforeQuiesce(policy.getBeforeQuiesce()));
            steps.add(quiesce);
            steps.add(finalSync);
            if (RestoreStep.wanted(run)) {
                steps.add(finalBackup);
            }
        } else {
            steps.add(fence);
        }
        if (RestoreStep.wanted(run)) {
            steps.add(restore);
        }
        steps.add(pauseSync);
        steps.addAll(waves(run, true, r -> namespaces.resolve(r.to(), r.plan())));
        steps.addAll(actions.beforeSwitchTraffic(policy.getBeforeSwitchTraffic()));
        steps.add(switchTraffic);
        steps.add(activate);
        return steps;
    }

    /** The step to run now; empty when every step has finished. */
    public Optional<Step> next(FailoverRun run) {
        return sequence(run).stream().filter(s -> !finished(run.step(s.name()).orElse(null))).findFirst();
    }

    private static boolean finished(FailoverStep record) {
        return record != null && (record.getState() == StepState.SUCCEEDED || record.getState() == StepState.SKIPPED);
    }

    private List<Step> waves(FailoverRun run, boolean resumeScheduled, ScaleUpWaveStep.Namespaces ns) {
        List<WaveSpec> waves = run.plan().getSpec().getFailover().getWaves();
        List<Step> steps = new ArrayList<>();
        List<LabelSelector> earlier = new ArrayList<>();
        if (waves != null) {
            for (WaveSpec wave : waves) {
                steps.addAll(actions.beforeWave(wave));
                steps.add(new ScaleUpWaveStep(wave.getName(), wave.getSelector(), earlier, false, ns, readiness));
                steps.addAll(actions.afterWave(wave));
                earlier.add(wave.getSelector());
            }
        }
        steps.add(new ScaleUpWaveStep(earlier.isEmpty() ? SINGLE_WAVE : REMAINING_WAVE, null, earlier, resumeScheduled, ns, readiness));
        return steps;
    }
}
