package io.pilotlight.api.v1alpha1.plan;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Size;
import java.util.List;

/** How the copy on the standby is kept parked (the pilot light) until a failover. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"replicas", "keepWarm", "suspendCronJobs", "neutraliseHPAs"})
public class PilotLightSpec {

    @JsonProperty("replicas")
    @JsonPropertyDescription("Replicas each protected Deployment, StatefulSet and ReplicaSet has on the standby while parked (keepWarm workloads excepted); DaemonSets parked at 0 get a node selector no node matches. The primary's replica count is kept in annotation pilotlight.io/primary-replicas and restored on failover.")
    @Default("0")
    @Min(0)
    private Integer replicas;

    @JsonProperty("keepWarm")
    @JsonPropertyDescription("Workloads that stay running on the standby with their own replica count; the first matching entry wins.")
    @Size(max = 32)
    private List<KeepWarmSpec> keepWarm;

    @JsonProperty("suspendCronJobs")
    @JsonPropertyDescription("Suspend CronJobs (and Jobs) on the standby while parked, so scheduled work runs on one site only; the primary's flag is kept in annotation pilotlight.io/primary-suspend.")
    @Default("true")
    private Boolean suspendCronJobs;

    @JsonProperty("neutraliseHPAs")
    @JsonPropertyDescription("Keep autoscalers on the standby from scaling parked workloads up: a HorizontalPodAutoscaler gets spec.behavior with selectPolicy Disabled both ways (its own behavior is kept in annotation pilotlight.io/primary-behavior and restored on failover); a KEDA ScaledObject is paused.")
    @Default("true")
    private Boolean neutraliseHPAs;

    public Integer getReplicas() {
        return replicas;
    }

    public void setReplicas(Integer replicas) {
        this.replicas = replicas;
    }

    public List<KeepWarmSpec> getKeepWarm() {
        return keepWarm;
    }

    public void setKeepWarm(List<KeepWarmSpec> keepWarm) {
        this.keepWarm = keepWarm;
    }

    public Boolean getSuspendCronJobs() {
        return suspendCronJobs;
    }

    public void setSuspendCronJobs(Boolean suspendCronJobs) {
        this.suspendCronJobs = suspendCronJobs;
    }

    public Boolean getNeutraliseHPAs() {
        return neutraliseHPAs;
    }

    public void setNeutraliseHPAs(Boolean neutraliseHPAs) {
        this.neutraliseHPAs = neutraliseHPAs;
    }
}
