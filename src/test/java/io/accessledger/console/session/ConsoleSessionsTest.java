package io.accessledger.console.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.accessledger.auth.ApiClient;
import io.accessledger.auth.Role;
import io.accessledger.support.SettableClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ConsoleSessionsTest {
  private static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");
  private final SettableClock clock = new SettableClock(T0);
  private final ConsoleSessions sessions = new ConsoleSessions(
      new SessionLimits(Duration.ofMinutes(15), Duration.ofHours(8), 3, 3), clock);
  private final ApiClient dpo = new ApiClient("dpo", Role.AUDITOR, null);

  @Test
  void aSessionIsFoundByItsCookieAndCarriesTheClientAndAFreshCsrfToken() {
    ConsoleSessions.Opened opened = sessions.open(dpo);
    assertThat(opened.cookieValue()).hasSize(43).matches("[A-Za-z0-9_-]+");
    assertThat(sessions.find(opened.cookieValue())).get().satisfies(s -> {
      assertThat(s.client()).isEqualTo("dpo");
      assertThat(s.role()).isEqualTo(Role.AUDITOR);
      assertThat(s.csrf()).hasSize(43).isNotEqualTo(opened.cookieValue());
    });
    assertThat(sessions.open(dpo).cookieValue()).isNotEqualTo(opened.cookieValue());
  }

  @Test
  void unknownAlteredAndAbsentCookiesFindNothing() {
    String cookie = sessions.open(dpo).cookieValue();
    char last = cookie.charAt(cookie.length() - 1);
    assertThat(sessions.find(cookie.substring(0, 42) + (last == 'A' ? 'B' : 'A'))).isEmpty();
    assertThat(sessions.find(null)).isEmpty();
    assertThat(sessions.find("")).isEmpty();
    assertThat(sessions.find("x".repeat(1000))).isEmpty();
  }

  @Test
  void aSessionEndsAfterItsIdleTimeoutButUseKeepsItOpen() {
    String cookie = sessions.open(dpo).cookieValue();
    clock.set(T0.plus(Duration.ofMinutes(14)));
    assertThat(sessions.find(cookie)).isPresent();
    clock.set(T0.plus(Duration.ofMinutes(28)));
    assertThat(sessions.find(cookie)).as("used 14 minutes ago").isPresent();
    clock.set(T0.plus(Duration.ofMinutes(43)));
    assertThat(sessions.find(cookie)).as("idle 15 minutes").isEmpty();
    clock.set(T0.plus(Duration.ofMinutes(44)));
    assertThat(sessions.find(cookie)).as("an ended session stays ended").isEmpty();
  }

  @Test
  void aSessionEndsAtItsAbsoluteTimeoutHoweverBusy() {
    String cookie = sessions.open(dpo).cookieValue();
    for (int minutes = 10; minutes < 8 * 60; minutes += 10) {
      clock.set(T0.plus(Duration.ofMinutes(minutes)));
      assertThat(sessions.find(cookie)).isPresent();
    }
    clock.set(T0.plus(Duration.ofHours(8)));
    assertThat(sessions.find(cookie)).isEmpty();
  }

  @Test
  void signOutAndRevocationEndSessions() {
    String first = sessions.open(dpo).cookieValue();
    String second = sessions.open(dpo).cookieValue();
    String other = sessions.open(new ApiClient("ico", Role.INVESTIGATOR, null)).cookieValue();
    sessions.end(first);
    assertThat(sessions.find(first)).isEmpty();
    assertThat(sessions.find(second)).isPresent();
    sessions.endAllOf("dpo");
    assertThat(sessions.find(second)).isEmpty();
    assertThat(sessions.find(other)).isPresent();
  }

  @Test
  void pastTheLimitTheSessionIdleLongestEnds() {
    String a = sessions.open(dpo).cookieValue();
    String b = sessions.open(dpo).cookieValue();
    String c = sessions.open(dpo).cookieValue();
    sessions.find(a); // b is now the one idle longest
    String d = sessions.open(dpo).cookieValue();
    assertThat(sessions.open()).isEqualTo(3);
    assertThat(sessions.find(b)).isEmpty();
    assertThat(sessions.find(a)).isPresent();
    assertThat(sessions.find(c)).isPresent();
    assertThat(sessions.find(d)).isPresent();
  }

  @Test
  void oneClientsSignInsEndOnlyItsOwnOldestSessions() {
    ConsoleSessions capped = new ConsoleSessions(
        new SessionLimits(Duration.ofMinutes(15), Duration.ofHours(8), 100, 2), clock);
    String other = capped.open(new ApiClient("ico", Role.INVESTIGATOR, null)).cookieValue();
    String first = capped.open(dpo).cookieValue();
    String second = capped.open(dpo).cookieValue();
    for (int i = 0; i < 50; i++) {
      capped.open(dpo);
    }
    assertThat(capped.open()).isEqualTo(3);
    assertThat(capped.find(first)).isEmpty();
    assertThat(capped.find(second)).isEmpty();
    assertThat(capped.find(other)).as("another client's session").isPresent();
  }

  @Test
  void onlyAuditorsAndInvestigatorsGetSessions() {
    assertThatThrownBy(() -> sessions.open(new ApiClient("feed", Role.INGEST, "carefirst")))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> sessions.open(new ApiClient("ops", Role.ADMIN, null)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void limitsAreChecked() {
    assertThatThrownBy(() -> new SessionLimits(Duration.ofHours(9), Duration.ofHours(8), 1, 1))
        .hasMessageContaining("idleTimeout");
    assertThatThrownBy(() -> new SessionLimits(Duration.ZERO, Duration.ofHours(8), 1, 1))
        .hasMessageContaining("idleTimeout");
    assertThatThrownBy(() -> new SessionLimits(Duration.ofMinutes(1), Duration.ofHours(8), 0, 1))
        .hasMessageContaining("maxSessions");
  }
}
