package io.accessledger.http;

import java.util.Arrays;

/**
 * A body's bytes as they arrive (or inflate), in one array that grows as they do: doubling from
 * 8 KiB, never past the body's declared length (when it has one) or its limit, and each growth
 * reserved in the server's {@link BodyBudget} before it is made. {@link #take} hands the bytes on
 * without a copy when the array is exactly full (a body of its declared length), and in any case
 * drops this buffer's reference, so that a body is held once, by whoever took it.
 */
final class BodyBuffer {
  private static final byte[] EMPTY = new byte[0];
  private static final int FIRST = 8192;

  private final String call;
  private final int limit;
  private final long expected;
  private final BodyBudget.Reservation reservation;
  private byte[] bytes = EMPTY;
  private int size;

  /**
   * @param limit the most bytes the body may have; the caller refuses a larger one (413)
   * @param expected the declared length, or a negative number for none
   */
  BodyBuffer(String call, int limit, long expected, BodyBudget.Reservation reservation) {
    this.call = call;
    this.limit = limit;
    this.expected = expected;
    this.reservation = reservation;
  }

  int size() {
    return size;
  }

  int limit() {
    return limit;
  }

  /**
   * Appends {@code count} bytes of {@code chunk}; the caller has checked that they fit the limit.
   *
   * @throws Refusal 503 if the server's budget has no room for the buffer to grow
   */
  void write(byte[] chunk, int offset, int count) {
    int needed = size + count;
    if (needed > bytes.length) {
      long cap = expected >= needed ? Math.min(expected, limit) : limit;
      int grown = (int) Math.max(needed, Math.min(cap, Math.max(FIRST, 2L * bytes.length)));
      reservation.add(grown - bytes.length, call);
      bytes = Arrays.copyOf(bytes, grown);
    }
    System.arraycopy(chunk, offset, bytes, size, count);
    size = needed;
  }

  /**
   * The bytes written, in an array of exactly their length, which the caller then owns; this
   * buffer is empty afterwards. Copies only when the array is not full (no declared length, or a
   * shorter body), and gives the unused capacity back to the budget.
   */
  byte[] take() {
    byte[] taken = size == bytes.length ? bytes : Arrays.copyOf(bytes, size);
    reservation.giveBack(bytes.length - size);
    bytes = EMPTY;
    size = 0;
    return taken;
  }
}
