package io.pilotlight.core.clusters;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SiteProbeVersionTest {

    @Test
    void kubernetesVersionAnswersAreRead() {
        assertThat(SiteProbe.version("{\"major\":\"1\",\"minor\":\"34\",\"gitVersion\":\"v1.34.4\",\"platform\":\"linux/amd64\"}")
                .getGitVersion()).isEqualTo("v1.34.4");
        assertThat(SiteProbe.version("{\"major\":\"1\",\"minor\":\"30+\",\"gitVersion\":\"v1.30.2-eks-1552ad0\"}").getMinor())
                .isEqualTo("30+");
    }

    @Test
    void anythingElseIsNotAKubernetesApiServerAndIsNotQuoted() {
        for (String answer : new String[] {"<html>secret page</html>", "{\"gitVersion\":\"secret\"}",
                "{\"major\":\"1\",\"minor\":\"34\",\"gitVersion\":\"v1.34.4 secret with spaces\"}", "null"}) {
            assertThatThrownBy(() -> SiteProbe.version(answer)).hasMessageContaining("not a Kubernetes API server")
                    .hasMessageNotContaining("secret");
        }
    }
}
