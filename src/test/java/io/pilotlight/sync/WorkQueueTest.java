package io.pilotlight.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class WorkQueueTest {

    private static final long NOW = 0;

    @Test
    void aNewerChangeReplacesThePendingOneAndKeepsWhenTheFirstWasSeen() throws Exception {
        WorkQueue<String, String> q = new WorkQueue<>(10);
        q.offer("a", "v1", 100);
        q.offer("b", "v1", 150);
        q.offer("a", "v2", 200);

        List<WorkQueue.Item<String, String>> items = q.take(10, 0);

        assertThat(items).extracting(WorkQueue.Item::key).containsExactly("a", "b");
        assertThat(items.get(0).value()).isEqualTo("v2");
        assertThat(items.get(0).seenNanos()).as("lag counts from the oldest change not yet copied").isEqualTo(100);
        assertThat(q.size()).isZero();
    }

    @Test
    void aFullQueueRefusesAndRemembersIt() {
        WorkQueue<String, String> q = new WorkQueue<>(2);
        assertThat(q.offer("a", "v", NOW)).isTrue();
        assertThat(q.offer("b", "v", NOW)).isTrue();
        assertThat(q.offer("c", "v", NOW)).isFalse();
        assertThat(q.offer("a", "v2", NOW)).as("a pending key is still replaced").isTrue();
        assertThat(q.size()).isEqualTo(2);
        assertThat(q.takeOverflow()).isTrue();
        assertThat(q.takeOverflow()).as("reported once").isFalse();
    }

    @Test
    void takeHandsOutAtMostMaxAndWaitsBoundedWhenEmpty() throws Exception {
        WorkQueue<Integer, String> q = new WorkQueue<>(100);
        for (int i = 0; i < 5; i++) {
            q.offer(i, "v", NOW);
        }
        assertThat(q.take(3, 0)).hasSize(3);
        assertThat(q.take(3, 0)).hasSize(2);
        long start = System.nanoTime();
        assertThat(q.take(3, Duration.ofMillis(50).toNanos())).isEmpty();
        assertThat(System.nanoTime() - start).isGreaterThanOrEqualTo(Duration.ofMillis(45).toNanos());
    }

    @Test
    void aRetryWaitsForItsBackoffAndNeverOverridesANewerChange() throws Exception {
        WorkQueue<String, String> q = new WorkQueue<>(10);
        q.offer("a", "v1", NOW);
        WorkQueue.Item<String, String> failed = q.take(1, 0).get(0);

        q.retry(failed, System.nanoTime() + Duration.ofMillis(80).toNanos());
        assertThat(q.take(1, 0)).as("not due yet").isEmpty();
        List<WorkQueue.Item<String, String>> due = q.take(1, Duration.ofSeconds(2).toNanos());
        assertThat(due).singleElement().satisfies(i -> assertThat(i.attempts()).isEqualTo(1));

        q.offer("a", "v2", NOW);
        q.retry(due.get(0), System.nanoTime());
        assertThat(q.take(10, 0)).singleElement().satisfies(i -> assertThat(i.value()).isEqualTo("v2"));
    }

    @Test
    void wakeUpEndsAWait() throws Exception {
        WorkQueue<String, String> q = new WorkQueue<>(10);
        Thread waker = new Thread(() -> {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                return;
            }
            q.wakeUp();
        });
        waker.start();
        long start = System.nanoTime();
        assertThat(q.take(1, Duration.ofSeconds(10).toNanos())).isEmpty();
        assertThat(System.nanoTime() - start).isLessThan(Duration.ofSeconds(5).toNanos());
        waker.join();
    }

    @Test
    void lagWindowKeepsTheMostRecentSamples() {
        LagWindow w = new LagWindow(100);
        assertThat(w.percentile(50)).isNull();
        for (int i = 1; i <= 100; i++) {
            w.record(i);
        }
        assertThat(w.percentile(50)).isEqualTo(50);
        assertThat(w.percentile(99)).isEqualTo(99);
        for (int i = 0; i < 100; i++) {
            w.record(1000);
        }
        assertThat(w.percentile(50)).as("older samples left the window").isEqualTo(1000);
        assertThat(w.count()).isEqualTo(100);
    }

    @Test
    void aKeyWhoseWriteIsInFlightWaitsInTheQueueForIt() throws Exception {
        WorkQueue<String, String> q = new WorkQueue<>(10);
        q.offer("a", "v2", NOW);
        q.offer("b", "v1", NOW);

        assertThat(q.take(10, 0, "a"::equals)).extracting(WorkQueue.Item::key).containsExactly("b");
        assertThat(q.take(10, Duration.ofMillis(20).toNanos(), "a"::equals)).as("only a busy key left").isEmpty();
        assertThat(q.take(10, 0, k -> false)).extracting(WorkQueue.Item::value).containsExactly("v2");
    }
}
