package io.pilotlight.api.v1alpha1;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.pilotlight.api.v1alpha1.failover.FailoverPhase;
import io.pilotlight.api.v1alpha1.failover.FailoverType;
import io.pilotlight.api.v1alpha1.plan.SyncMode;
import io.pilotlight.api.v1alpha1.plan.TsigAlgorithm;
import org.junit.jupiter.api.Test;

/** The API classes read and write the field names the CRDs and the documentation use. */
class ApiModelTest {

    private static final KubernetesSerialization K8S = new KubernetesSerialization();

    @Test
    void readsAFullPlan() {
        DisasterRecoveryPlan plan = K8S.unmarshal("""
                apiVersion: pilotlight.io/v1alpha1
                kind: DisasterRecoveryPlan
                metadata: {name: shop, namespace: pilotlight}
                spec:
                  primary: {name: dc1, kubeconfigSecretRef: {name: dc1-kubeconfig}}
                  standby: {name: dc2}
                  protect:
                    namespaces: [shop]
                    resources: [{group: apps, kind: Deployment}]
                  pilotLight:
                    keepWarm: [{selector: {matchLabels: {app: db}}, replicas: 1}]
                    neutraliseHPAs: false
                  sync: {mode: Periodic, interval: 1m}
                  traffic:
                    rfc2136:
                      server: 127.0.0.1
                      zone: example.com
                      recordName: shop.example.com
                      primaryAddresses: [192.0.2.1]
                      standbyAddresses: [192.0.2.2]
                      tsigSecretRef: {name: tsig}
                      tsigAlgorithm: hmac-sha512
                  healthCheck: {autoFailover: true}
                status:
                  activeSite: dc1
                  rpo: 12m
                  conditions: [{type: Ready, status: "True", reason: AsExpected}]
                """, DisasterRecoveryPlan.class);

        assertThat(plan.getSpec().getPrimary().getKubeconfigSecretRef().getName()).isEqualTo("dc1-kubeconfig");
        assertThat(plan.getSpec().getPilotLight().getNeutraliseHPAs()).isFalse();
        assertThat(plan.getSpec().getPilotLight().getKeepWarm().get(0).getReplicas()).isEqualTo(1);
        assertThat(plan.getSpec().getSync().getMode()).isEqualTo(SyncMode.PERIODIC);
        assertThat(plan.getSpec().getTraffic().getRfc2136().getTsigAlgorithm()).isEqualTo(TsigAlgorithm.HMAC_SHA512);
        assertThat(plan.getSpec().getHealthCheck().getAutoFailover()).isTrue();
        assertThat(plan.getStatus().getConditions().get(0).getStatus()).isEqualTo(ConditionStatus.TRUE);
        assertThat(plan.getStatus().getRpo()).isEqualTo("12m");
    }

    @Test
    void writesEnumValuesAndOmitsNulls() throws Exception {
        Failover fo = K8S.unmarshal("""
                apiVersion: pilotlight.io/v1alpha1
                kind: Failover
                metadata: {name: fo1}
                spec: {planRef: {name: shop}, type: Unplanned}
                status: {phase: SwitchingTraffic, rtoSeconds: 42}
                """, Failover.class);
        assertThat(fo.getSpec().getType()).isEqualTo(FailoverType.UNPLANNED);
        assertThat(fo.getStatus().getPhase()).isEqualTo(FailoverPhase.SWITCHING_TRAFFIC);

        JsonNode written = new ObjectMapper().readTree(K8S.asJson(fo));
        assertThat(written.at("/spec/type").asText()).isEqualTo("Unplanned");
        assertThat(written.at("/status/phase").asText()).isEqualTo("SwitchingTraffic");
        assertThat(written.get("spec").size()).as("only the fields that were set").isEqualTo(2);
    }
}
