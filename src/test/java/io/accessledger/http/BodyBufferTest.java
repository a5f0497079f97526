package io.accessledger.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * A body is buffered once and handed on without a copy when it is its declared length; every
 * growth is paid for in the server's budget, the unused part given back when the bytes are taken,
 * and all of it when the request ends.
 */
class BodyBufferTest {
  private static final String CALL = "POST /v1/events";

  private static void write(BodyBuffer buffer, int count) {
    byte[] chunk = new byte[16 * 1024];
    Arrays.fill(chunk, (byte) 'x');
    for (int left = count; left > 0; left -= chunk.length) {
      buffer.write(chunk, 0, Math.min(left, chunk.length));
    }
  }

  @Test
  void aBodyOfItsDeclaredLengthIsReservedOnceAndHandedOnExactly() {
    BodyBudget budget = new BodyBudget(64 << 20);
    BodyBudget.Reservation reservation = budget.open();
    BodyBuffer buffer = new BodyBuffer(CALL, 32 << 20, 3_000_000, reservation);
    write(buffer, 3_000_000);
    assertThat(budget.used()).as("the array never grew past the declared length").isEqualTo(3_000_000);
    byte[] body = buffer.take();
    assertThat(body).hasSize(3_000_000);
    assertThat(budget.used()).isEqualTo(3_000_000);
    assertThat(buffer.take()).as("the buffer keeps no reference").isEmpty();
    reservation.release();
    assertThat(budget.used()).isZero();
  }

  @Test
  void aBodyOfNoDeclaredLengthGivesBackWhatItDoesNotUse() {
    BodyBudget budget = new BodyBudget(64 << 20);
    BodyBuffer buffer = new BodyBuffer(CALL, 32 << 20, -1, budget.open());
    write(buffer, 100_000);
    assertThat(budget.used()).as("doubled from 8 KiB").isEqualTo(131_072);
    assertThat(buffer.take()).hasSize(100_000);
    assertThat(budget.used()).isEqualTo(100_000);
  }

  @Test
  void growingPastTheBudgetIs503AndAReleasedReservationTakesNoMore() {
    BodyBudget budget = new BodyBudget(1 << 20);
    BodyBudget.Reservation first = budget.open();
    write(new BodyBuffer(CALL, 32 << 20, 800_000, first), 800_000);
    BodyBudget.Reservation second = budget.open();
    BodyBuffer buffer = new BodyBuffer(CALL, 32 << 20, 800_000, second);
    assertThatThrownBy(() -> write(buffer, 800_000))
        .isInstanceOfSatisfying(Refusal.class, r -> assertThat(r.status()).isEqualTo(503))
        .hasMessageContaining("maxBufferedBytes");
    second.release();
    first.release();
    assertThat(budget.used()).isZero();
    assertThatThrownBy(() -> first.add(1, CALL)).isInstanceOf(Refusal.class);
    assertThat(budget.used()).isZero();
  }
}
