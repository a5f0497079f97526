package io.accessledger.console.session;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.LinkedHashMap;

/**
 * Limits failed sign-ins per client address: after {@code maxFailures} failures within {@code
 * window}, that address may not try again until the oldest of them is {@code window} old. A
 * success does not clear the count (an attacker holding one valid token must not earn more
 * guesses at others).
 *
 * <p>Memory is bounded: at most {@code maxAddresses} addresses are tracked; past that the one
 * tracked longest is forgotten. Tokens carry 256 random bits, so this is not what keeps them from
 * being guessed; it keeps a stolen-list replay or a scripted attack slow and visible
 * ({@code console.sign-in.refused} in the metrics). Counted per node: with several nodes an
 * address spread over them gets as many tries per window as there are nodes. Thread-safe.
 */
public final class SignInThrottle {
  private final int maxFailures;
  private final Duration window;
  private final int maxAddresses;
  private final Clock clock;
  private final LinkedHashMap<String, Deque<Instant>> failures = new LinkedHashMap<>();

  public SignInThrottle(int maxFailures, Duration window, int maxAddresses, Clock clock) {
    if (maxFailures < 1 || window.isNegative() || window.isZero() || maxAddresses < 1) {
      throw new IllegalArgumentException("console.signIn: maxFailures and the window must be"
          + " positive");
    }
    this.maxFailures = maxFailures;
    this.window = window;
    this.maxAddresses = maxAddresses;
    this.clock = clock;
  }

  /** Whether {@code address} may try to sign in now. */
  public boolean allows(String address) {
    synchronized (failures) {
      Deque<Instant> recent = failures.get(address);
      if (recent == null) {
        return true;
      }
      forgetOld(recent, clock.instant());
      if (recent.isEmpty()) {
        failures.remove(address);
        return true;
      }
      return recent.size() < maxFailures;
    }
  }

  /** Counts a failed sign-in from {@code address}. */
  public void failed(String address) {
    Instant now = clock.instant();
    synchronized (failures) {
      Deque<Instant> recent = failures.computeIfAbsent(address, a -> new ArrayDeque<>());
      forgetOld(recent, now);
      recent.addLast(now);
      while (recent.size() > maxFailures) {
        recent.removeFirst();
      }
      while (failures.size() > maxAddresses) {
        Iterator<String> eldest = failures.keySet().iterator();
        eldest.next();
        eldest.remove();
      }
    }
  }

  /** When {@code address} may try again: now if it may already. */
  public Duration retryAfter(String address) {
    synchronized (failures) {
      Deque<Instant> recent = failures.get(address);
      if (recent == null || recent.size() < maxFailures) {
        return Duration.ZERO;
      }
      Duration wait = Duration.between(clock.instant(), recent.peekFirst().plus(window));
      return wait.isNegative() ? Duration.ZERO : wait;
    }
  }

  private void forgetOld(Deque<Instant> recent, Instant now) {
    Instant cutoff = now.minus(window);
    while (!recent.isEmpty() && !recent.peekFirst().isAfter(cutoff)) {
      recent.removeFirst();
    }
  }
}
