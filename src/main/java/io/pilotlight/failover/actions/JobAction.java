package io.pilotlight.failover.actions;

import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.JobCondition;
import io.fabric8.kubernetes.api.model.batch.v1.JobSpec;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.pilotlight.api.v1alpha1.Failover;
import io.pilotlight.api.v1alpha1.Reasons;
import io.pilotlight.api.v1alpha1.failover.FailoverType;
import io.pilotlight.api.v1alpha1.plan.ActionSpec;
import io.pilotlight.core.PlanLabels;
import io.pilotlight.core.ProtectedNamespaces;
import io.pilotlight.core.clusters.SiteConfigException;
import io.pilotlight.failover.run.FailoverRun;
import io.pilotlight.failover.run.StepOutcome;
import io.pilotlight.failover.steps.DrillCopyStep;
import io.pilotlight.plan.ActionValidation;
import io.pilotlight.util.Hashes;
import io.pilotlight.util.RemoteErrors;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A job action: one Job per Failover and action, named from both and labelled with the Failover's
 * uid, so a restarted operator finds the Job it made (by name, checked by label) and never makes a
 * second one. In a Drill the Job runs in the drill's copy of the namespace.
 */
public class JobAction {

    public static final String FAILOVER_UID = "pilotlight.io/failover-uid";
    public static final String ACTION = "pilotlight.io/action";
    static final Duration POLL = Duration.ofSeconds(2);
    /** The Job reasons Kubernetes defines; any other text a site answers is not repeated. */
    private static final Set<String> KNOWN_REASONS = Set.of("BackoffLimitExceeded", "DeadlineExceeded", "PodFailurePolicy",
            "MaxFailedIndexesExceeded", "FailedIndexes");

    private final ProtectedNamespaces namespaces;

    public JobAction(ProtectedNamespaces namespaces) {
        this.namespaces = namespaces;
    }

    StepOutcome run(FailoverRun run, ActionSite site, ActionSpec action, String stepName) throws SiteConfigException {
        KubernetesClient client = site == ActionSite.SOURCE ? run.from() : run.to();
        String ns = action.getJob().getNamespace();
        if (!namespaces.resolve(client, run.plan()).contains(ns)) {
            return StepOutcome.failed(Reasons.INVALID_SPEC, "namespace " + ns + " is not protected by the plan on site "
                    + run.siteName(site == ActionSite.SOURCE ? run.fromRole() : run.toRole()) + "; a Job runs in a protected namespace only");
        }
        if (run.type() == FailoverType.DRILL) {
            ns = ns + DrillCopyStep.suffix(run);
        }
        String name = jobName(run.failover(), stepName);
        Job job = client.batch().v1().jobs().inNamespace(ns).withName(name).get();
        if (job == null) {
            Optional<String> problem = ActionValidation.templateProblem(action);
            if (problem.isPresent()) {
                return StepOutcome.failed(Reasons.INVALID_SPEC, "job.template " + problem.get());
            }
            try {
                client.resource(desired(run, action, ns, name, stepName)).create();
            } catch (KubernetesClientException e) {
                if (e.getCode() == 409) {
                    return StepOutcome.waiting("Job " + ns + "/" + name + " appeared meanwhile; looking at it again", POLL);
                }
                if (e.getCode() >= 400 && e.getCode() < 500 && e.getCode() != 429) {
                    return StepOutcome.failed(Reasons.ACTION_FAILED, "site refused to create Job " + ns + "/" + name + ": "
                            + RemoteErrors.describe(e));
                }
                throw e;
            }
            return StepOutcome.waiting("Job " + ns + "/" + name + " created; waiting for it to complete", POLL);
        }
        return observe(job, run.failover());
    }

    /** What the Job's status says, once it is known to be this Failover's. */
    public static StepOutcome observe(Job job, Failover failover) {
        String id = job.getMetadata().getNamespace() + "/" + job.getMetadata().getName();
        Map<String, String> labels = job.getMetadata().getLabels();
        if (labels == null || !failover.getMetadata().getUid().equals(labels.get(FAILOVER_UID))) {
            return StepOutcome.failed(Reasons.CONFLICT, "Job " + id + " exists and was not made by this Failover; it was left alone");
        }
        Optional<JobCondition> end = job.getStatus() == null || job.getStatus().getConditions() == null ? Optional.empty()
                : job.getStatus().getConditions().stream()
                        .filter(c -> "True".equals(c.getStatus()) && ("Complete".equals(c.getType()) || "Failed".equals(c.getType())))
                        .findFirst();
        if (end.isPresent() && "Complete".equals(end.get().getType())) {
            return StepOutcome.done("Job " + id + " completed");
        }
        if (end.isPresent()) {
            String reason = KNOWN_REASONS.contains(end.get().getReason()) ? " (" + end.get().getReason() + ")" : "";
            return StepOutcome.failed(Reasons.ACTION_FAILED, "Job " + id + " failed" + reason);
        }
        int active = job.getStatus() == null || job.getStatus().getActive() == null ? 0 : job.getStatus().getActive();
        int failed = job.getStatus() == null || job.getStatus().getFailed() == null ? 0 : job.getStatus().getFailed();
        return StepOutcome.waiting("Job " + id + " running (" + active + " active, " + failed + " failed Pod(s)); waiting for it to complete",
                POLL);
    }

    /** The same for every call of the step: the Failover's name and the action's, with a hash that keeps it unique and short. */
    public static String jobName(Failover failover, String stepName) {
        String action = stepName.substring(stepName.lastIndexOf('/') + 1);
        String base = failover.getMetadata().getName() + "-" + action;
        if (base.length() > 52) {
            base = base.substring(0, 52);
        }
        base = base.replaceAll("[-.]+$", "");
        return base + "-" + Hashes.sha256Hex(failover.getMetadata().getUid() + "/" + stepName, 4);
    }

    private static Job desired(FailoverRun run, ActionSpec action, String ns, String name, String stepName) {
        JobSpec spec = ActionValidation.jobSpec(action).orElseThrow();
        // Not the plan's labels: the Job is no copy the sync or a rollback should take as its own.
        Map<String, String> labels = new HashMap<>();
        labels.put(PlanLabels.MANAGED_BY, PlanLabels.MANAGER);
        labels.put(FAILOVER_UID, run.failover().getMetadata().getUid());
        labels.put(ACTION, Hashes.sha256Hex(stepName, 8));
        return new JobBuilder().withNewMetadata().withName(name).withNamespace(ns).withLabels(labels)
                .addToAnnotations("pilotlight.io/failover", run.failover().getMetadata().getName())
                .addToAnnotations("pilotlight.io/step", stepName).endMetadata()
                .withSpec(spec).build();
    }
}
