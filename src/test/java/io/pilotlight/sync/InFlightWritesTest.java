package io.pilotlight.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class InFlightWritesTest {

    private final ExecutorService writers = Executors.newFixedThreadPool(4);
    private final AtomicInteger wakeUps = new AtomicInteger();
    private final InFlightWrites inFlight = new InFlightWrites(new WriterPool(writers, 2), wakeUps::incrementAndGet);

    @AfterEach
    void stop() {
        writers.shutdownNow();
    }

    @Test
    void aWriteHoldsASlotAndItsKeyUntilItsOutcomeIsTaken() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        WorkQueue.Item<ObjectKey, Change> a = item("a");
        inFlight.start(a, () -> {
            await(release);
            return Outcome.of(a.key(), Outcome.Result.WRITTEN, "");
        });

        assertThat(inFlight.free()).isEqualTo(1);
        assertThat(inFlight.busy(a.key())).isTrue();
        release.countDown();
        List<InFlightWrites.Done> done = inFlight.awaitAll();

        assertThat(done).extracting(d -> d.outcome().result()).containsExactly(Outcome.Result.WRITTEN);
        assertThat(inFlight.busy(a.key())).isFalse();
        assertThat(inFlight.free()).isEqualTo(2);
        Awaitility.await("the coordinator is woken by the finished write").atMost(Duration.ofSeconds(5)).until(() -> wakeUps.get() == 1);
    }

    @Test
    void aWriteThatThrowsEndsAsAFailedOutcomeSoThatNothingWaitsForItForever() throws Exception {
        WorkQueue.Item<ObjectKey, Change> a = item("a");
        WorkQueue.Item<ObjectKey, Change> b = item("b");
        inFlight.start(a, () -> {
            throw new IllegalStateException("boom");
        });
        inFlight.start(b, () -> Outcome.of(b.key(), Outcome.Result.WRITTEN, ""));

        List<InFlightWrites.Done> done = inFlight.awaitAll();

        assertThat(done).hasSize(2);
        assertThat(done).filteredOn(d -> d.item() == a).extracting(d -> d.outcome().result())
                .containsExactly(Outcome.Result.FAILED);
        assertThat(inFlight.finished()).isEmpty();
    }

    @Test
    void finishedHandsOutOnlyWhatHasFinished() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        WorkQueue.Item<ObjectKey, Change> slow = item("slow");
        WorkQueue.Item<ObjectKey, Change> quick = item("quick");
        inFlight.start(slow, () -> {
            await(release);
            return Outcome.of(slow.key(), Outcome.Result.WRITTEN, "");
        });
        inFlight.start(quick, () -> Outcome.of(quick.key(), Outcome.Result.WRITTEN, ""));
        Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> wakeUps.get() > 0);

        assertThat(inFlight.finished()).extracting(d -> d.item().key().name()).containsExactly("quick");
        assertThat(inFlight.busy(slow.key())).isTrue();
        release.countDown();
        assertThat(inFlight.awaitAll()).extracting(d -> d.item().key().name()).containsExactly("slow");
    }

    private static WorkQueue.Item<ObjectKey, Change> item(String name) {
        return new WorkQueue.Item<>(new ObjectKey(SyncObjects.CONFIG_MAP, "ns", name),
                new Change(false, null), System.nanoTime(), 0, 0);
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
