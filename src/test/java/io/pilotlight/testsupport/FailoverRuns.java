package io.pilotlight.testsupport;

import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.pilotlight.api.v1alpha1.DisasterRecoveryPlan;
import io.pilotlight.api.v1alpha1.Failover;
import io.pilotlight.api.v1alpha1.FailoverStatus;
import io.pilotlight.failover.run.FailoverRun;
import java.time.Instant;
import java.util.ArrayList;

/** A Failover of plan ops/shop (dc1 to dc2, protecting namespace shop) as its steps see it, without sites: for unit tests. */
public final class FailoverRuns {

    private static final KubernetesSerialization YAML = new KubernetesSerialization();

    private FailoverRuns() {
    }

    /**
     * @param failoverSpec the Failover's spec in flow YAML, without planRef, e.g. {@code {type: Planned}}
     * @param planFailover the inside of the plan's spec.failover in flow YAML
     */
    public static FailoverRun of(String failoverSpec, String planFailover) {
        Failover failover = YAML.unmarshal("""
                apiVersion: pilotlight.io/v1alpha1
                kind: Failover
                metadata: {name: fo, namespace: ops, uid: u1}
                spec: %s
                """.formatted(failoverSpec.replaceFirst("\\{", "{planRef: {name: shop}, ")), Failover.class);
        failover.setStatus(new FailoverStatus());
        failover.getStatus().setSteps(new ArrayList<>());
        DisasterRecoveryPlan plan = YAML.unmarshal("""
                apiVersion: pilotlight.io/v1alpha1
                kind: DisasterRecoveryPlan
                metadata: {name: shop, namespace: ops}
                spec:
                  primary: {name: dc1}
                  standby: {name: dc2}
                  protect: {namespaces: [shop]}
                  failover: {%s}
                """.formatted(planFailover), DisasterRecoveryPlan.class);
        return new FailoverRun(failover, plan, null, Instant.now());
    }
}
