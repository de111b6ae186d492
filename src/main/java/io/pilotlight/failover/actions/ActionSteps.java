package io.pilotlight.failover.actions;

import io.pilotlight.api.v1alpha1.plan.ActionSpec;
import io.pilotlight.api.v1alpha1.plan.WaveSpec;
import io.pilotlight.config.OperatorSettings;
import io.pilotlight.core.ProtectedNamespaces;
import io.pilotlight.failover.run.Step;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.List;

/**
 * The steps of a plan's actions at each place they may stand: {@code Action/<wave>/before|after/<name>},
 * {@code Action/SwitchTraffic/before/<name>} and {@code Action/Quiesce/before/<name>}. Wave names are
 * DNS labels, so they never clash with the capitalised places.
 */
@Singleton
public class ActionSteps {

    private final JobAction jobs;
    private final HttpCheck http;

    @Inject
    public ActionSteps(ProtectedNamespaces namespaces, OperatorSettings settings) {
        this(new JobAction(namespaces), new HttpCheck(settings.actions()));
    }

    public ActionSteps(JobAction jobs, HttpCheck http) {
        this.jobs = jobs;
        this.http = http;
    }

    public List<Step> beforeWave(WaveSpec wave) {
        return steps(wave.getName() + "/before", wave.getBefore(), ActionSite.TARGET);
    }

    public List<Step> afterWave(WaveSpec wave) {
        return steps(wave.getName() + "/after", wave.getAfter(), ActionSite.TARGET);
    }

    public List<Step> beforeSwitchTraffic(List<ActionSpec> actions) {
        return steps("SwitchTraffic/before", actions, ActionSite.TARGET);
    }

    public List<Step> beforeQuiesce(List<ActionSpec> actions) {
        return steps("Quiesce/before", actions, ActionSite.SOURCE);
    }

    JobAction jobs() {
        return jobs;
    }

    HttpCheck http() {
        return http;
    }

    private List<Step> steps(String where, List<ActionSpec> actions, ActionSite site) {
        return actions == null ? List.of() : actions.stream().<Step>map(a -> new ActionStep(where, a, site, this)).toList();
    }
}
