package io.accessledger.console.session;

import static org.assertj.core.api.Assertions.assertThat;

import io.accessledger.support.SettableClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class SignInThrottleTest {
  private static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");
  private final SettableClock clock = new SettableClock(T0);
  private final SignInThrottle throttle = new SignInThrottle(3, Duration.ofMinutes(15), 2, clock);

  @Test
  void anAddressIsStoppedAfterItsFailuresUntilTheOldestIsAWindowOld() {
    throttle.failed("10.0.0.1");
    clock.set(T0.plusSeconds(60));
    throttle.failed("10.0.0.1");
    assertThat(throttle.allows("10.0.0.1")).isTrue();
    throttle.failed("10.0.0.1");
    assertThat(throttle.allows("10.0.0.1")).isFalse();
    assertThat(throttle.retryAfter("10.0.0.1")).isEqualTo(Duration.ofMinutes(14));
    assertThat(throttle.allows("10.0.0.2")).as("other addresses").isTrue();
    clock.set(T0.plus(Duration.ofMinutes(15)));
    assertThat(throttle.allows("10.0.0.1")).as("the oldest failure has expired").isTrue();
    throttle.failed("10.0.0.1");
    assertThat(throttle.allows("10.0.0.1")).isFalse();
  }

  @Test
  void memoryIsBoundedByForgettingTheAddressTrackedLongest() {
    for (int i = 0; i < 3; i++) {
      throttle.failed("a");
    }
    throttle.failed("b");
    throttle.failed("c");
    assertThat(throttle.allows("a")).as("forgotten past two addresses").isTrue();
  }
}
