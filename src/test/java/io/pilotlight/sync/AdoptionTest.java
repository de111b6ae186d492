package io.pilotlight.sync;

import static io.pilotlight.sync.SyncObjects.OURS;
import static io.pilotlight.sync.SyncObjects.source;
import static io.pilotlight.sync.SyncObjects.target;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.LabelSelectorBuilder;
import io.pilotlight.core.PlanLabels;
import io.pilotlight.core.SyncAnnotations;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Which originals of a site left by a failover the sync may adopt, and what adopting records. */
class AdoptionTest {

    private static GenericKubernetesResource copyOf(String site, String uid) {
        GenericKubernetesResource s = source("a", "1");
        s.getMetadata().setAnnotations(new HashMap<>(Map.of(SyncAnnotations.SOURCE,
                "{\"site\":\"" + site + "\",\"uid\":\"" + uid + "\",\"resourceVersion\":\"9\"}")));
        return s;
    }

    @Test
    void theOriginalWhoseUidTheActiveSitesCopyNamesIsAdopted() {
        GenericKubernetesResource original = target("a", "10", false);
        assertThat(Adoption.adoptable(copyOf("dc1", "tgt-a"), original, "dc1", null)).isTrue();
    }

    @Test
    void anythingElseIsAConflict() {
        GenericKubernetesResource original = target("a", "10", false);
        assertThat(Adoption.adoptable(source("a", "1"), original, "dc1", null)).as("made on the active site: no origin").isFalse();
        assertThat(Adoption.adoptable(copyOf("dc1", "other-uid"), original, "dc1", null)).as("made again by hand").isFalse();
        assertThat(Adoption.adoptable(copyOf("dc3", "tgt-a"), original, "dc1", null)).as("another site's").isFalse();
        assertThat(Adoption.adoptable(copyOf("dc1", "tgt-a"), target("a", "10", true), "dc1", null))
                .as("another plan's labels").isFalse();
        assertThat(Adoption.adoptable(copyOf("dc1", "tgt-a"), original, "dc1",
                new LabelSelectorBuilder().addToMatchLabels("tier", "web").build())).as("not selected by protect").isFalse();
        GenericKubernetesResource edited = source("a", "1");
        edited.getMetadata().setAnnotations(Map.of(SyncAnnotations.SOURCE, "not json"));
        assertThat(Adoption.adoptable(edited, original, "dc1", null)).isFalse();
        GenericKubernetesResource deleting = target("a", "10", false);
        deleting.getMetadata().setDeletionTimestamp("2026-12-02T00:00:00Z");
        assertThat(Adoption.adoptable(copyOf("dc1", "tgt-a"), deleting, "dc1", null)).isFalse();
    }

    @Test
    @SuppressWarnings("unchecked")
    void adoptingRecordsItOnTheObjectAtTheVersionRead() {
        Map<String, Object> patch = Adoption.patch(target("a", "10", false), "dc1", OURS, Instant.parse("2026-12-02T03:00:00Z"));
        Map<String, Object> metadata = (Map<String, Object>) patch.get("metadata");
        assertThat(metadata).containsEntry("resourceVersion", "10");
        assertThat((Map<String, Object>) metadata.get("labels")).containsAllEntriesOf(OURS).containsEntry(PlanLabels.ADOPTED, "true");
        Map<String, Object> annotations = (Map<String, Object>) metadata.get("annotations");
        assertThat(annotations.get(SyncAnnotations.ADOPTED)).isEqualTo("{\"site\":\"dc1\",\"uid\":\"tgt-a\",\"at\":\"2026-12-02T03:00:00Z\"}");
        assertThat(annotations).containsEntry(SyncAnnotations.PARKED_BY, null);
    }
}
