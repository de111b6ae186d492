package io.pilotlight.failover.actions;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.pilotlight.api.v1alpha1.DisasterRecoveryPlan;
import io.pilotlight.api.v1alpha1.Failover;
import io.pilotlight.api.v1alpha1.Reasons;
import io.pilotlight.core.ProtectedNamespaces;
import io.pilotlight.failover.run.FailoverRun;
import io.pilotlight.failover.run.Step;
import io.pilotlight.failover.run.StepOutcome;
import io.pilotlight.plan.PlanValidator;
import io.pilotlight.testsupport.FailoverRuns;
import io.pilotlight.testsupport.TestSettings;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The pure parts of failover actions: Job names and states, approvals, HTTP checks against a loopback server, plan validation. */
class FailoverActionsTest {

    private static final KubernetesSerialization YAML = new KubernetesSerialization();
    private static final String SECRET_BODY = "db-password=hunter2 status=healthy";

    private HttpServer server;
    private String base;
    private final ActionSteps steps = new ActionSteps(new JobAction(null),
            new HttpCheck(TestSettings.with(Map.of("pilotlight.actions.allowed-hosts", "127.0.0.1")).actions()));

    @BeforeEach
    void startServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/healthz", x -> {
            byte[] body = SECRET_BODY.getBytes(StandardCharsets.UTF_8);
            x.sendResponseHeaders(200, body.length);
            x.getResponseBody().write(body);
            x.close();
        });
        server.createContext("/moved", x -> {
            x.getResponseHeaders().add("Location", "http://203.0.113.9/elsewhere");
            x.sendResponseHeaders(302, -1);
            x.close();
        });
        server.start();
        base = "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @AfterEach
    void stopServer() {
        server.stop(0);
    }

    @Test
    void aJobIsNamedFromTheFailoverAndTheActionTheSameEveryTime() {
        Failover fo = failover("a-failover-with-a-rather-long-name-for-a-kubernetes-object", "uid-1");
        String name = JobAction.jobName(fo, "Action/data/after/promote-the-replica-now");
        assertThat(name).hasSizeLessThanOrEqualTo(63).matches("^[a-z0-9]([-a-z0-9]*[a-z0-9])?$")
                .isEqualTo(JobAction.jobName(fo, "Action/data/after/promote-the-replica-now"));
        assertThat(JobAction.jobName(fo, "Action/data/before/promote-the-replica-now")).as("the same action name elsewhere").isNotEqualTo(name);
        assertThat(JobAction.jobName(failover(fo.getMetadata().getName(), "uid-2"), "Action/data/after/promote-the-replica-now"))
                .as("a Failover made again under the same name").isNotEqualTo(name);
        assertThat(JobAction.jobName(failover("go", "uid-1"), "Action/data/after/promote")).startsWith("go-promote-");
    }

    @Test
    void aJobFoundAgainIsOnlyObservedAndOneNotMadeByTheFailoverIsLeftAlone() {
        Failover fo = failover("go", "uid-1");
        assertThat(observe(fo, "uid-1", "")).extracting(StepOutcome::result).isEqualTo(StepOutcome.Result.WAITING);
        assertThat(observe(fo, "uid-1", "conditions: [{type: Complete, status: 'True'}]").message()).isEqualTo("Job shop/job completed");
        StepOutcome failed = observe(fo, "uid-1", "conditions: [{type: Failed, status: 'True', reason: DeadlineExceeded}]");
        assertThat(failed.reason()).isEqualTo(Reasons.ACTION_FAILED);
        assertThat(failed.message()).isEqualTo("Job shop/job failed (DeadlineExceeded)");
        assertThat(observe(fo, "uid-1", "conditions: [{type: Failed, status: 'True', reason: 'anything a site says'}]").message())
                .as("a reason Kubernetes does not define is not repeated").isEqualTo("Job shop/job failed");
        StepOutcome foreign = observe(fo, "uid-other", "conditions: [{type: Complete, status: 'True'}]");
        assertThat(foreign.reason()).isEqualTo(Reasons.CONFLICT);
        assertThat(foreign.message()).contains("not made by this Failover");
    }

    @Test
    void anApprovalWaitsVisiblyUntilTheAnnotationNamesIt() {
        FailoverRun run = run("{type: Planned}", "beforeSwitchTraffic: [{name: go-live, approval: {message: ask the DBA}}]");
        Step gate = steps.beforeSwitchTraffic(run.plan().getSpec().getFailover().getBeforeSwitchTraffic()).get(0);
        StepOutcome waiting = run(gate, run);
        assertThat(waiting.result()).isEqualTo(StepOutcome.Result.WAITING);
        assertThat(waiting.message()).contains("waiting for approval go-live (ask the DBA)",
                "kubectl annotate failover fo -n ops --overwrite pilotlight.io/approve=go-live");
        run.failover().getMetadata().setAnnotations(Map.of(ApprovalGate.ANNOTATION, "other, go-live"));
        assertThat(run(gate, run).result()).isEqualTo(StepOutcome.Result.DONE);
        assertThat(ApprovalGate.approved(Map.of(ApprovalGate.ANNOTATION, "go-live-2"), "go-live")).isFalse();
    }

    @Test
    void anUnplannedFailoverSkipsApprovalsOnlyWhenThePlanSaysSo() {
        String actions = "beforeSwitchTraffic: [{name: go-live, approval: {}}]";
        FailoverRun keep = run("{type: Unplanned}", actions);
        assertThat(run(steps.beforeSwitchTraffic(keep.plan().getSpec().getFailover().getBeforeSwitchTraffic()).get(0), keep).result())
                .isEqualTo(StepOutcome.Result.WAITING);
        FailoverRun skip = run("{type: Unplanned}", actions + ", approvals: SkipForUnplanned");
        assertThat(run(steps.beforeSwitchTraffic(skip.plan().getSpec().getFailover().getBeforeSwitchTraffic()).get(0), skip).result())
                .isEqualTo(StepOutcome.Result.SKIPPED);
        FailoverRun planned = run("{type: Planned}", actions + ", approvals: SkipForUnplanned");
        assertThat(run(steps.beforeSwitchTraffic(planned.plan().getSpec().getFailover().getBeforeSwitchTraffic()).get(0), planned).result())
                .isEqualTo(StepOutcome.Result.WAITING);
    }

    @Test
    void anHttpCheckPassesOnTheExpectedStatusAndSaysOnlyWhetherTheBodyMatched() {
        StepOutcome passed = http("{url: '" + base + "/healthz', bodyContains: healthy}");
        assertThat(passed.result()).isEqualTo(StepOutcome.Result.DONE);
        assertThat(passed.message()).endsWith("passed; the body matched").doesNotContain("hunter2");
        FailoverRun run = run("{type: Planned}", "beforeSwitchTraffic: [{name: check, httpGet: {url: '" + base
                + "/healthz', bodyContains: ready, retries: 1}}]");
        StepOutcome first = only(run);
        assertThat(first.result()).isEqualTo(StepOutcome.Result.WAITING);
        assertThat(first.message()).contains("attempt 1 of 2", "the body did not match").doesNotContain("hunter2", "healthy");
        StepOutcome last = only(run);
        assertThat(last.result()).isEqualTo(StepOutcome.Result.FAILED);
        assertThat(last.reason()).isEqualTo(Reasons.ACTION_FAILED);
        assertThat(last.message()).startsWith("action check failed: GET").contains("2 attempt(s)").doesNotContain("hunter2");
    }

    @Test
    void aRedirectIsNotFollowedAndAHostNotAllowedIsNeverCalled() {
        StepOutcome moved = http("{url: '" + base + "/moved', retries: 0}");
        assertThat(moved.message()).contains("HTTP 302 (a redirect, not followed), expected [200]").doesNotContain("203.0.113.9");
        assertThat(http("{url: '" + base + "/moved', expectedStatus: [302]}").result()).isEqualTo(StepOutcome.Result.DONE);
        StepOutcome refused = http("{url: 'http://localhost:" + server.getAddress().getPort() + "/healthz'}");
        assertThat(refused.result()).isEqualTo(StepOutcome.Result.FAILED);
        assertThat(refused.reason()).isEqualTo(Reasons.INVALID_SPEC);
        assertThat(refused.message()).contains("host localhost is not allowed", "pilotlight.actions.allowed-hosts", "nothing was called");
        assertThat(TestSettings.with(Map.of()).actions().allows("127.0.0.1")).as("no host by default").isFalse();
    }

    @Test
    void aFailedActionStopsTheFailoverUnlessItMayContinue() {
        String check = "{name: check, %s httpGet: {url: 'http://192.0.2.1/'}}";
        StepOutcome fail = only(run("{type: Planned}", "beforeSwitchTraffic: [" + check.formatted("") + "]"));
        assertThat(fail.result()).isEqualTo(StepOutcome.Result.FAILED);
        assertThat(fail.message()).startsWith("action check failed: host 192.0.2.1 is not allowed");
        StepOutcome goOn = only(run("{type: Planned}", "beforeSwitchTraffic: [" + check.formatted("onFailure: Continue,") + "]"));
        assertThat(goOn.result()).isEqualTo(StepOutcome.Result.DONE);
        assertThat(goOn.message()).startsWith("action check failed: host 192.0.2.1").endsWith("onFailure is Continue, so the failover goes on");
    }

    @Test
    void aPlanWhoseJobHasNoContainerOrRunsOutsideProtectOrThatCallsAHostNotAllowedIsInvalid() {
        PlanValidator validator = new PlanValidator(new ProtectedNamespaces("pilotlight-system"),
                TestSettings.with(Map.of("pilotlight.actions.allowed-hosts", "shop.dc2.example.com")));
        DisasterRecoveryPlan plan = run("{type: Planned}", """
                beforeSwitchTraffic: [{name: ours, httpGet: {url: 'https://SHOP.dc2.example.com/healthz'}},
                  {name: theirs, httpGet: {url: 'http://169.254.169.254/latest/meta-data/'}}],
                waves: [{name: data, selector: {}, after: [
                  {name: promote, job: {namespace: shop, template: {template: {spec: {restartPolicy: Never, containers: [{name: p, image: x}]}}}}},
                  {name: empty, job: {namespace: shop, template: {backoffLimit: 0, template: {spec: {containers: []}}}}},
                  {name: elsewhere, job: {namespace: billing, template: {template: {spec: {containers: [{name: p, image: x}]}}}}}]}]
                """).plan();
        assertThat(validator.problems(plan.getSpec())).containsExactly(
                "spec.failover.waves[0].after[empty].job.template: template.spec.containers must have at least one container",
                "spec.failover.waves[0].after[elsewhere].job.namespace: billing is not among spec.protect.namespaces;"
                        + " a Job runs in a protected namespace only",
                "spec.failover.beforeSwitchTraffic[theirs].httpGet.url: host 169.254.169.254 is not among the hosts the operator may call"
                        + " (pilotlight.actions.allowed-hosts, an admin's setting)");
    }

    private StepOutcome http(String httpGet) {
        return only(run("{type: Planned}", "beforeSwitchTraffic: [{name: check, httpGet: " + httpGet + "}]"));
    }

    /** Runs the one action of the plan's beforeSwitchTraffic. */
    private StepOutcome only(FailoverRun run) {
        return run(steps.beforeSwitchTraffic(run.plan().getSpec().getFailover().getBeforeSwitchTraffic()).get(0), run);
    }

    private static StepOutcome run(Step step, FailoverRun run) {
        try {
            return step.run(run);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static StepOutcome observe(Failover fo, String uid, String status) {
        Job job = YAML.unmarshal("""
                apiVersion: batch/v1
                kind: Job
                metadata: {name: job, namespace: shop, labels: {pilotlight.io/failover-uid: %s}}
                status: {%s}
                """.formatted(uid, status), Job.class);
        return JobAction.observe(job, fo);
    }

    private static Failover failover(String name, String uid) {
        Failover failover = YAML.unmarshal("""
                apiVersion: pilotlight.io/v1alpha1
                kind: Failover
                metadata: {name: %s, namespace: ops, uid: %s}
                spec: {planRef: {name: shop}}
                """.formatted(name, uid), Failover.class);
        return failover;
    }

    private static FailoverRun run(String failoverSpec, String planFailover) {
        return FailoverRuns.of(failoverSpec, planFailover);
    }
}
