package io.pilotlight.util;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class BoundedParallelTest {

    @Test
    void resultsComeInItemOrderWithNoMoreThanTheBoundInFlight() {
        AtomicInteger inFlight = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        List<Integer> items = IntStream.range(0, 40).boxed().toList();

        List<Integer> out = BoundedParallel.map(items, 4, i -> {
            most.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            inFlight.decrementAndGet();
            return i * 2;
        });

        assertThat(out).isEqualTo(items.stream().map(i -> i * 2).toList());
        assertThat(most.get()).isBetween(2, 4);
    }

    @Test
    void aFailureIsThrownOnceEveryCallHasEnded() {
        AtomicInteger done = new AtomicInteger();
        List<Integer> items = IntStream.range(0, 20).boxed().toList();

        assertThatThrownBy(() -> BoundedParallel.map(items, 3, i -> {
            if (i == 2) {
                throw new IllegalArgumentException("item 2");
            }
            return done.incrementAndGet();
        })).isInstanceOf(IllegalArgumentException.class).hasMessage("item 2");
        assertThat(done.get()).isEqualTo(19);
    }
}
