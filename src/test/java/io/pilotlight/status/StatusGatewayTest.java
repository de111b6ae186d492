package io.pilotlight.status;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ManagedFieldsEntry;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.pilotlight.api.v1alpha1.Failover;
import io.pilotlight.api.v1alpha1.FailoverSpec;
import io.pilotlight.api.v1alpha1.FailoverStatus;
import io.pilotlight.api.v1alpha1.failover.FailoverPhase;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StatusGatewayTest {

    @Test
    void anOptimisticApplyCarriesTheVersionReadAndTheStatusOnly() {
        Failover body = StatusGateway.body(failover(), StatusGateway.Lock.OPTIMISTIC);

        assertThat(body.getMetadata().getName()).isEqualTo("fo");
        assertThat(body.getMetadata().getNamespace()).isEqualTo("ns");
        assertThat(body.getMetadata().getResourceVersion()).isEqualTo("42");
        assertThat(body.getStatus().getPhase()).isEqualTo(FailoverPhase.SCALING_UP);
        assertThat(body.getSpec()).isNull();
        assertThat(body.getMetadata().getLabels()).isNullOrEmpty();
        assertThat(body.getMetadata().getManagedFields()).isNullOrEmpty();
        assertThat(body.getKind()).isEqualTo("Failover");
        assertThat(body.getApiVersion()).isEqualTo("pilotlight.io/v1alpha1");
    }

    @Test
    void aMergingApplyCarriesNoVersion() {
        Failover body = StatusGateway.body(failover(), StatusGateway.Lock.MERGE);

        assertThat(body.getMetadata().getResourceVersion()).isNull();
        assertThat(body.getStatus().getPhase()).isEqualTo(FailoverPhase.SCALING_UP);
    }

    @Test
    void theResourceItWasMadeFromIsLeftAsItWas() {
        Failover failover = failover();

        StatusGateway.body(failover, StatusGateway.Lock.MERGE);

        assertThat(failover.getMetadata().getResourceVersion()).isEqualTo("42");
        assertThat(failover.getSpec()).isNotNull();
        assertThat(failover.getMetadata().getManagedFields()).hasSize(1);
    }

    private static Failover failover() {
        Failover failover = new Failover();
        failover.setMetadata(new ObjectMetaBuilder().withName("fo").withNamespace("ns").withResourceVersion("42")
                .withLabels(Map.of("a", "b")).withManagedFields(List.of(new ManagedFieldsEntry())).build());
        failover.setSpec(new FailoverSpec());
        FailoverStatus status = new FailoverStatus();
        status.setPhase(FailoverPhase.SCALING_UP);
        failover.setStatus(status);
        return failover;
    }
}
