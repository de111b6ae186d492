package io.pilotlight.failover.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.pilotlight.api.v1alpha1.DisasterRecoveryPlan;
import io.pilotlight.api.v1alpha1.Failover;
import io.pilotlight.api.v1alpha1.FailoverSpec;
import io.pilotlight.api.v1alpha1.FailoverStatus;
import io.pilotlight.api.v1alpha1.failover.FailoverPhase;
import io.pilotlight.api.v1alpha1.failover.FailoverReport;
import io.pilotlight.api.v1alpha1.failover.FailoverStep;
import io.pilotlight.api.v1alpha1.failover.SiteChanges;
import io.pilotlight.api.v1alpha1.failover.StepState;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The report of an ended Failover: objectives met or not, what changed where, and its Markdown. */
class FailoverReportTest {

    private static final DisasterRecoveryPlan PLAN = Serialization.unmarshal("""
            apiVersion: pilotlight.io/v1alpha1
            kind: DisasterRecoveryPlan
            metadata: {name: shop, namespace: dr}
            spec:
              primary: {name: dc1}
              standby: {name: dc2}
              protect: {namespaces: [shop]}
              objectives: {rpo: 1h, rto: 10s}
              failover:
                beforeQuiesce: [{name: checkpoint, job: {namespace: shop, template: {template: {spec: {containers: [{name: c, image: x}]}}}}}]
                waves: [{name: data, selector: {matchLabels: {tier: data}}, after: [{name: promote, job: {namespace: shop,
                          template: {template: {spec: {containers: [{name: c, image: x}]}}}}}]}]
                beforeSwitchTraffic: [{name: health, httpGet: {url: 'http://127.0.0.1/healthz'}}, {name: go-live, approval: {}}]
            """, DisasterRecoveryPlan.class);

    @Test
    void saysWhichStepsChangedEachSiteAndWhetherTheObjectivesWereMet() {
        Failover failover = failover();
        FailoverReport report = ReportBuilder.build(failover, PLAN);
        assertThat(report.getRtoObjectiveSeconds()).isEqualTo(10L);
        assertThat(report.getRtoMet()).as("12s against 10s").isFalse();
        assertThat(report.getRpoMet()).isTrue();
        assertThat(report.getSites()).extracting(SiteChanges::getSite, SiteChanges::getRole, SiteChanges::getSteps).containsExactly(
                tuple("dc1", "left", List.of("Action/Quiesce/before/checkpoint", "Quiesce")),
                tuple("dc2", "target", List.of("FinalSync", "ScaleUp/data", "Action/data/after/promote")),
                tuple("traffic", "traffic", List.of("SwitchTraffic")));
    }

    @Test
    void theMarkdownHasTheFactsTheStepsTheActionsAndTheChangesByRole() {
        Failover failover = failover();
        failover.getStatus().setReport(ReportBuilder.build(failover, PLAN));
        String md = MarkdownReport.render(failover);
        assertThat(md).startsWith("# Failover report: dr/go\n")
                .contains("| RTO achieved / objective | 12s / 10s (**missed**) |", "| RPO achieved / objective | 0s / 3600s (met) |",
                        "| 2 | Quiesce | Fencing | Succeeded | 2026-12-02T02:00:01Z | 2026-12-02T02:00:04Z | 3s | 3 workload(s) on dc1 parked \\| stopped |",
                        "- `Action/SwitchTraffic/before/health`: Succeeded in 0s — 200, the body matched",
                        "### dc1 (the site left)\n\n- Action/Quiesce/before/checkpoint: Job shop/go-checkpoint completed\n- Quiesce: ",
                        "### traffic (the traffic provider's object)");
        assertThat(md).doesNotContain("- PauseSync").doesNotContain("- Validate");
    }

    private static Failover failover() {
        Failover f = new Failover();
        f.setMetadata(new ObjectMetaBuilder().withName("go").withNamespace("dr").withUid("u1").withCreationTimestamp("2026-12-02T02:00:00Z").build());
        f.setSpec(Serialization.unmarshal("{\"planRef\": {\"name\": \"shop\"}, \"type\": \"Planned\", \"direction\": \"ToStandby\"}",
                FailoverSpec.class));
        FailoverStatus status = new FailoverStatus();
        status.setPhase(FailoverPhase.COMPLETED);
        status.setFromSite("dc1");
        status.setToSite("dc2");
        status.setRtoSeconds(12L);
        status.setRpoSeconds(0L);
        status.setSteps(new ArrayList<>(List.of(step("Action/Quiesce/before/checkpoint", "Job shop/go-checkpoint completed"),
                step("Quiesce", "3 workload(s) on dc1 parked | stopped"), step("FinalSync", "full pass"), step("PauseSync", "stopped"),
                step("ScaleUp/data", "1 ready"), step("Action/data/after/promote", "Job shop/go-promote completed"),
                step("Action/SwitchTraffic/before/health", "200, the body matched"), step("Action/SwitchTraffic/before/go-live", "approved"),
                step("SwitchTraffic", "DNSEndpoint dr/shop"), step("Activate", "dc2 is active"))));
        status.getSteps().get(1).setPhase(FailoverPhase.FENCING);
        status.getSteps().get(1).setStartedAt("2026-12-02T02:00:01Z");
        status.getSteps().get(1).setFinishedAt("2026-12-02T02:00:04Z");
        f.setStatus(status);
        return f;
    }

    private static FailoverStep step(String name, String message) {
        FailoverStep s = new FailoverStep();
        s.setName(name);
        s.setState(StepState.SUCCEEDED);
        s.setMessage(message);
        s.setStartedAt("2026-12-02T02:00:05Z");
        s.setFinishedAt("2026-12-02T02:00:05Z");
        return s;
    }
}
