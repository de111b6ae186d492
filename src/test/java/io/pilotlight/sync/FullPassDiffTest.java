package io.pilotlight.sync;

import static io.pilotlight.sync.SyncObjects.CONFIG_MAP;
import static io.pilotlight.sync.SyncObjects.NS;
import static io.pilotlight.sync.SyncObjects.OURS;
import static io.pilotlight.sync.SyncObjects.copy;
import static io.pilotlight.sync.SyncObjects.key;
import static io.pilotlight.sync.SyncObjects.listing;
import static io.pilotlight.sync.SyncObjects.made;
import static io.pilotlight.sync.SyncObjects.source;
import static io.pilotlight.sync.SyncObjects.target;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.pilotlight.core.SyncKind;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The full pass as a pure diff: a source listing and a target listing in, the writes out. */
class FullPassDiffTest {

    private static final Set<String> SYNCED = Set.of("ConfigMap", "apps/Deployment");
    private static final WatchKey CONFIG_MAPS = new WatchKey(CONFIG_MAP, NS);

    static Stream<Arguments> passes() {
        GenericKubernetesResource a1 = source("a", "1");
        GenericKubernetesResource a2 = source("a", "2");
        GenericKubernetesResource copyA = target("a", "10", true);
        return Stream.of(
                arguments("create: no copy on the target", List.of(a1), List.of(), Map.of(), true,
                        List.of("upsert a over an absent copy"), 0, 0),
                arguments("unchanged: the copy is the one written from this version", List.of(a1), List.of(copyA),
                        Map.of(key("a"), copy(a1, copyA)), true, List.of(), 1, 0),
                arguments("update: the source changed since the copy was written", List.of(a2), List.of(copyA),
                        Map.of(key("a"), copy(a1, copyA)), true, List.of("upsert a over a present copy, known"), 0, 0),
                arguments("drift: the copy changed on the target", List.of(a1), List.of(target("a", "11", true)),
                        Map.of(key("a"), copy(a1, copyA)), true, List.of("upsert a over a present copy, known"), 0, 0),
                arguments("a copy the ledger does not know is written again", List.of(a1), List.of(copyA), Map.of(), true,
                        List.of("upsert a over a present copy"), 0, 0),
                arguments("conflict: a user's object of that name is handed to the writer, which refuses it",
                        List.of(a1), List.of(target("a", "10", false)), Map.of(), true,
                        List.of("upsert a over a present copy"), 0, 0),
                arguments("prune: a copy Pilotlight made whose source is gone", List.of(), List.of(target("b", "5", true)),
                        Map.of(), true, List.of("delete b"), 0, 0),
                arguments("a user's object without a source is never deleted", List.of(), List.of(target("c", "5", false)),
                        Map.of(), true, List.of(), 0, 0),
                arguments("prune off: the copy is held", List.of(), List.of(target("b", "5", true)), Map.of(), false,
                        List.of(), 0, 1),
                arguments("skipped: per-cluster and owner-made objects are not carried; their old copies are pruned",
                        List.of(source("kube-root-ca.crt", "1"), made("generated")),
                        List.of(target("kube-root-ca.crt", "3", false), target("generated", "4", true)), Map.of(), true,
                        List.of("delete generated"), 0, 0),
                arguments("creates and prunes in one pass, upserts first", List.of(a1, source("d", "1")),
                        List.of(target("b", "5", true), copyA), Map.of(key("a"), copy(a1, copyA)), true,
                        List.of("upsert d over an absent copy", "delete b"), 1, 0));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("passes")
    void writesWhatDiffers(String name, List<GenericKubernetesResource> onSource, List<GenericKubernetesResource> onTarget,
            Map<ObjectKey, Copy> ledger, boolean prune, List<String> tasks, int confirmed, int held) {
        FullPassDiff.Result pass = FullPassDiff.diff(List.of(listing(onSource, onTarget)), ledger::get, OURS,
                SYNCED, prune, null);

        assertThat(pass.tasks()).extracting(FullPassDiffTest::describe).containsExactlyElementsOf(tasks);
        assertThat(pass.confirmed()).as("confirmed").isEqualTo(confirmed);
        assertThat(pass.held()).as("held").isEqualTo(held);
        assertThat(pass.seen().complete()).isTrue();
    }

    @Test
    void aFailedSourceListDeletesNothingAndForgetsNothingItStillSees() {
        WatchKey elsewhere = new WatchKey(CONFIG_MAP, "other");
        FullPassDiff.Result pass = FullPassDiff.diff(List.of(
                new Listing(elsewhere, null, null, "listing ConfigMap in other on the primary failed: HTTP 503", null),
                listing(List.of(), List.of(target("b", "5", true)))), key -> null, OURS, SYNCED, true, null);

        assertThat(pass.tasks()).isEmpty();
        assertThat(pass.held()).isEqualTo(1);
        assertThat(pass.seen().complete()).isFalse();
        assertThat(pass.seen().sourceProblem()).contains("HTTP 503");
        assertThat(pass.seen().sourceGone(key("b"))).isTrue();
        assertThat(pass.seen().copyGone(key("b"))).as("still on the target: kept in the ledger").isFalse();
        assertThat(pass.seen().copyGone(key("gone"))).as("gone from both sites").isTrue();
        assertThat(pass.seen().sourceGone(new ObjectKey(CONFIG_MAP, "other", "x"))).as("not compared").isFalse();
    }

    @Test
    void onAReprotectedSiteObjectsNeitherMadeNorAdoptedThatTheSourceLacksAreReportedNeverTouched() {
        List<GenericKubernetesResource> onTarget = List.of(target("hand-made", "5", false), target("old-copy", "6", true),
                target("kube-root-ca.crt", "3", false), target("unselected", "7", false));
        FullPassDiff.Result pass = FullPassDiff.diff(List.of(listing(List.of(), onTarget)), key -> null, OURS, SYNCED, true,
                o -> !o.getMetadata().getName().equals("unselected"));

        assertThat(pass.orphans()).containsExactly(key("hand-made"));
        assertThat(pass.tasks()).extracting(FullPassDiffTest::describe).containsExactly("delete old-copy");
        assertThat(FullPassDiff.diff(List.of(listing(List.of(), onTarget)), key -> null, OURS, SYNCED, true, null).orphans())
                .as("on the standby: not reported, as before").isEmpty();
    }

    @Test
    void aCompletePassForgetsEveryCopyWhoseSourceIsGone() {
        FullPassDiff.Seen seen = FullPassDiff.Seen.of(
                List.of(listing(List.of(source("a", "1")), List.of(target("b", "5", true)))), SYNCED);

        assertThat(seen.copyGone(key("b"))).isTrue();
        assertThat(seen.copyGone(key("a"))).isFalse();
        assertThat(seen.copyGone(new ObjectKey(new SyncKind("apps", "v1", "Deployment", "deployments"), NS, "b")))
                .as("a kind this pass did not list").isFalse();
    }

    @Test
    void aFailedTargetListComparesNothingThere() {
        FullPassDiff.Result pass = FullPassDiff.diff(
                List.of(new Listing(CONFIG_MAPS, null, null, null, "listing ConfigMap in shop on the standby failed: HTTP 500")),
                key -> null, OURS, SYNCED, true, null);

        assertThat(pass.tasks()).isEmpty();
        assertThat(pass.seen().complete()).isTrue();
        assertThat(pass.seen().targetListed()).isFalse();
        assertThat(pass.seen().compared()).isEmpty();
        assertThat(pass.seen().targetProblem()).contains("HTTP 500");
    }

    private static String describe(WriteTask task) {
        if (task instanceof WriteTask.Upsert u) {
            return "upsert " + u.key().name() + (u.target() instanceof TargetCopy.Absent ? " over an absent copy"
                    : " over a present copy") + (u.known() != null ? ", known" : "");
        }
        return "delete " + task.key().name();
    }
}
