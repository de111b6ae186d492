package io.pilotlight.sync;

import static org.assertj.core.api.Assertions.assertThat;

import io.pilotlight.core.SyncKind;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The key of one informer and one full-pass list: a kind in a namespace. */
class WatchKeyTest {

    private static final SyncKind DEPLOYMENT = new SyncKind("apps", "v1", "Deployment", "deployments");

    @Test
    void anObjectMapsToTheKeyOfItsKindAndNamespace() {
        WatchKey key = WatchKey.of(new ObjectKey(DEPLOYMENT, "shop", "web"));

        assertThat(key).isEqualTo(new WatchKey(new SyncKind("apps", "v1", "Deployment", "deployments"), "shop"));
        assertThat(key).hasSameHashCodeAs(new WatchKey(DEPLOYMENT, "shop"));
        assertThat(key).isNotEqualTo(new WatchKey(DEPLOYMENT, "shop-b"));
        assertThat(key.toString()).as("as messages name it").isEqualTo("apps/Deployment in shop");
    }

    @Test
    void keysThatJoinedToTheSameStringStayApart() {
        // "apps/Deployment|a" + "|b" and "apps/Deployment" + "|a|b" were one string key; as records they are two.
        SyncKind odd = new SyncKind("apps", "v1", "Deployment|a", "deployments");
        Map<WatchKey, String> informers = Map.of(new WatchKey(odd, "b"), "one", new WatchKey(DEPLOYMENT, "a|b"), "two");

        assertThat(informers).hasSize(2);
    }
}
