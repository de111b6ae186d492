package io.pilotlight.sync;

import static io.pilotlight.sync.SyncObjects.OURS;
import static io.pilotlight.sync.SyncObjects.copy;
import static io.pilotlight.sync.SyncObjects.source;
import static io.pilotlight.sync.SyncObjects.target;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The target writer's decisions on an absent, unknown or present copy, without a target. */
class TargetDecisionTest {

    private static final GenericKubernetesResource A1 = source("a", "1");
    private static final GenericKubernetesResource A2 = source("a", "2");
    private static final GenericKubernetesResource COPY = target("a", "10", true);
    private static final GenericKubernetesResource USERS = target("a", "10", false);

    static Stream<Arguments> upserts() {
        Copy ofA1 = copy(A1, COPY);
        return Stream.of(
                arguments("absent: created, never forced over a copy made meanwhile", null, TargetCopy.ABSENT, "apply"),
                arguments("absent though the ledger knew a copy: created", ofA1, TargetCopy.ABSENT, "apply"),
                arguments("present and Pilotlight's: applied over it", null, new TargetCopy.Present(COPY), "apply forced"),
                arguments("present and a user's: a conflict", ofA1, new TargetCopy.Present(USERS), "conflict"),
                arguments("unknown and not in the ledger: read from the target first", null, TargetCopy.UNKNOWN, "read"),
                arguments("unknown, the ledger has this version's copy: nothing to write", copy(A2, COPY), TargetCopy.UNKNOWN,
                        "unchanged"),
                arguments("unknown, the ledger has an older version's copy: applied on condition it is that copy", ofA1,
                        TargetCopy.UNKNOWN, "apply forced, expecting tgt-a"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("upserts")
    void upsert(String name, Copy known, TargetCopy target, String step) {
        assertThat(describe(TargetDecision.upsert(known, "src-a", "2", target, OURS, t -> false))).isEqualTo(step);
    }

    @Test
    void aUsersObjectIsAdoptedOnlyWhenShownToBeTheOriginOfTheSource() {
        assertThat(describe(TargetDecision.upsert(null, "src-a", "2", new TargetCopy.Present(USERS), OURS, t -> true)))
                .isEqualTo("adopt");
        assertThat(describe(TargetDecision.upsert(null, "src-a", "2", new TargetCopy.Present(COPY), OURS, t -> true)))
                .as("Pilotlight's copy already").isEqualTo("apply forced");
    }

    static Stream<Arguments> deletes() {
        return Stream.of(
                arguments("prune off: left as it is", false, new TargetCopy.Present(COPY), "skip"),
                arguments("absent: already gone", true, TargetCopy.ABSENT, "gone"),
                arguments("unknown: read from the target first", true, TargetCopy.UNKNOWN, "read"),
                arguments("present and a user's: never deleted", true, new TargetCopy.Present(USERS), "skip"),
                arguments("present and Pilotlight's: deleted at the version seen", true, new TargetCopy.Present(COPY),
                        "remove at 10"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("deletes")
    void delete(String name, boolean prune, TargetCopy target, String step) {
        assertThat(describe(TargetDecision.delete(prune, target, OURS))).isEqualTo(step);
    }

    @Test
    void driftIsAChangeMadeByTheWriteOfAVersionAlreadyCopied() {
        GenericKubernetesResource rewritten = target("a", "12", true);
        Copy ofA1 = copy(A1, COPY);

        assertThat(TargetDecision.drift(ofA1, "src-a", "1", target("a", "11", true), rewritten)).isTrue();
        assertThat(TargetDecision.drift(ofA1, "src-a", "1", rewritten, rewritten)).as("the write changed nothing").isFalse();
        assertThat(TargetDecision.drift(ofA1, "src-a", "2", COPY, rewritten)).as("a new version of the source").isFalse();
        assertThat(TargetDecision.drift(null, "src-a", "1", COPY, rewritten)).as("not written by this session").isFalse();
        assertThat(TargetDecision.drift(ofA1, "src-a", "1", null, rewritten)).as("not listed").isFalse();
    }

    private static String describe(TargetDecision.Upsert step) {
        if (step instanceof TargetDecision.Upsert.Apply apply) {
            return "apply" + (apply.force() ? " forced" : "")
                    + (apply.expectedUid() != null ? ", expecting " + apply.expectedUid() : "");
        }
        if (step instanceof TargetDecision.Upsert.Adopt) {
            return "adopt";
        }
        return step instanceof TargetDecision.Upsert.Conflict ? "conflict"
                : step instanceof TargetDecision.Upsert.Read ? "read" : "unchanged";
    }

    private static String describe(TargetDecision.Delete step) {
        if (step instanceof TargetDecision.Delete.Remove remove) {
            return "remove at " + remove.resourceVersion();
        }
        return step instanceof TargetDecision.Delete.Skip ? "skip" : step instanceof TargetDecision.Delete.Gone ? "gone" : "read";
    }
}
