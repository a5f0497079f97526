package io.accessledger.ledger.verify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class PrefetchingIteratorTest {

  @Test
  void deliversEveryRowInOrderAcrossChunksAndClosesTheStreamOnItsOwnThread() {
    AtomicBoolean closed = new AtomicBoolean();
    AtomicReference<String> openedOn = new AtomicReference<>();
    List<Long> seen = new ArrayList<>();
    try (PrefetchingIterator<Long> it = new PrefetchingIterator<>(() -> {
      openedOn.set(Thread.currentThread().getName());
      return LongStream.range(0, 10_000).boxed().onClose(() -> closed.set(true));
    }, "test-reader")) {
      it.forEachRemaining(seen::add);
      assertThat(it.hasNext()).isFalse();
      assertThatThrownBy(it::next).isInstanceOf(NoSuchElementException.class);
    }
    assertThat(seen).hasSize(10_000);
    assertThat(seen).isSorted();
    assertThat(seen.get(9_999)).isEqualTo(9_999L);
    assertThat(openedOn.get()).isEqualTo("test-reader");
    assertThat(closed).isTrue();
  }

  @Test
  void aFailureComesAfterTheRowsReadBeforeIt() {
    try (PrefetchingIterator<Long> it = new PrefetchingIterator<>(
        () -> LongStream.range(0, 2_000).boxed().map(n -> {
          if (n == 1_500) {
            throw new IllegalStateException("row 1500 cannot be read");
          }
          return n;
        }), "test-reader")) {
      long read = 0;
      while (read < 1_500) {
        assertThat(it.next()).isEqualTo(read++);
      }
      assertThatThrownBy(it::hasNext)
          .isInstanceOf(IllegalStateException.class)
          .hasMessage("row 1500 cannot be read");
    }
  }

  @Test
  void anErrorOnTheReaderIsThrownToTheCallerInsteadOfLeavingItWaiting() {
    try (PrefetchingIterator<Long> it = new PrefetchingIterator<>(
        () -> LongStream.range(0, 100).boxed().map(n -> {
          if (n == 10) {
            throw new AssertionError("broken at 10");
          }
          return n;
        }), "test-reader")) {
      for (long n = 0; n < 10; n++) {
        assertThat(it.next()).isEqualTo(n);
      }
      assertThatThrownBy(it::hasNext).isInstanceOf(AssertionError.class).hasMessage("broken at 10");
    }
  }

  @Test
  void closingEarlyStopsTheReaderAndClosesTheStream() {
    AtomicBoolean closed = new AtomicBoolean();
    PrefetchingIterator<Long> it = new PrefetchingIterator<>(
        () -> Stream.iterate(0L, n -> n + 1).onClose(() -> closed.set(true)), "test-reader");
    assertThat(it.next()).isZero();
    it.close(); // an endless stream: returns only if the reader stopped
    assertThat(closed).isTrue();
  }
}
