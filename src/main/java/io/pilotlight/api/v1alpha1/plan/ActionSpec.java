package io.pilotlight.api.v1alpha1.plan;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;
import io.pilotlight.api.v1alpha1.meta.ApiConstants;

/** One recovery action of a failover: a Job, an HTTP check or a manual approval. */
@ValidationRule(
        value = "[has(self.job), has(self.httpGet), has(self.approval)].filter(x, x).size() == 1",
        message = "an action is exactly one of job, httpGet or approval")
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"name", "onFailure", "timeout", "job", "httpGet", "approval"})
public class ActionSpec {

    @JsonProperty("name")
    @JsonPropertyDescription("Name of the action, unique in its list: the step is Action/<where>/<name>, and an approval names it.")
    @Required
    @Size(max = 40)
    @Pattern(ApiConstants.DNS_LABEL_PATTERN)
    private String name;

    @JsonProperty("onFailure")
    @JsonPropertyDescription("Fail stops the Failover, naming the action; Continue goes on and the step says the action failed.")
    @Default("Fail")
    private ActionFailurePolicy onFailure;

    @JsonProperty("timeout")
    @JsonPropertyDescription("How long the action may take (a job or httpGet: default 5m; an approval: only the Failover's timeout).")
    @Pattern(ApiConstants.DURATION_PATTERN)
    @Size(max = 32)
    private String timeout;

    @JsonProperty("job")
    @JsonPropertyDescription("Run a Job on the site the action runs on, in a protected namespace, and wait for it to complete.")
    private JobActionSpec job;

    @JsonProperty("httpGet")
    @JsonPropertyDescription("Call a URL, whose host the operator's configuration allows (pilotlight.actions.allowed-hosts), and check the answer.")
    private HttpGetActionSpec httpGet;

    @JsonProperty("approval")
    @JsonPropertyDescription("Wait until a person approves: kubectl annotate failover <name> pilotlight.io/approve=<action name>.")
    private ApprovalActionSpec approval;

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public ActionFailurePolicy getOnFailure() {
        return onFailure;
    }

    public void setOnFailure(ActionFailurePolicy onFailure) {
        this.onFailure = onFailure;
    }

    public String getTimeout() {
        return timeout;
    }

    public void setTimeout(String timeout) {
        this.timeout = timeout;
    }

    public JobActionSpec getJob() {
        return job;
    }

    public void setJob(JobActionSpec job) {
        this.job = job;
    }

    public HttpGetActionSpec getHttpGet() {
        return httpGet;
    }

    public void setHttpGet(HttpGetActionSpec httpGet) {
        this.httpGet = httpGet;
    }

    public ApprovalActionSpec getApproval() {
        return approval;
    }

    public void setApproval(ApprovalActionSpec approval) {
        this.approval = approval;
    }
}
