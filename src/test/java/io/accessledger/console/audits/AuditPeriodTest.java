package io.accessledger.console.audits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.accessledger.api.ApiException;
import io.accessledger.console.web.ConsoleDates;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class AuditPeriodTest {
  private final ConsoleDates london = new ConsoleDates(ZoneId.of("Europe/London"));

  @Test
  void wholeDaysInclusiveRecordedAsTheApisInstantsInTheZone() {
    AuditPeriod march = AuditPeriod.parse("2026-03-01", "2026-03-31");
    assertThat(march.recorded(london)).containsExactly(
        java.util.Map.entry("from", "2026-03-01T00:00:00Z"),
        java.util.Map.entry("to", "2026-04-01T00:00:00+01:00"));
    assertThat(march.checked(london).end()).isEqualTo(Instant.parse("2026-03-31T23:00:00Z"));
    assertThat(march.query()).isEqualTo("from=2026-03-01&to=2026-03-31");
    AuditPeriod oneDay = AuditPeriod.parse("2026-03-29", "2026-03-29");
    assertThat(oneDay.checked(london).start()).isEqualTo(Instant.parse("2026-03-29T00:00:00Z"));
    assertThat(oneDay.checked(london).end()).isEqualTo(Instant.parse("2026-03-29T23:00:00Z"));
  }

  @Test
  void refusesNamingTheField() {
    assertThatThrownBy(() -> AuditPeriod.parse(null, "2026-03-31"))
        .isInstanceOf(ApiException.class).hasMessageContaining("(from)");
    assertThatThrownBy(() -> AuditPeriod.parse("2026-03-01", " "))
        .hasMessageContaining("(to)");
    assertThatThrownBy(() -> AuditPeriod.parse("2026-02-29", "2026-03-31"))
        .hasMessageContaining("(from)").hasMessageContaining("real date");
    assertThatThrownBy(() -> AuditPeriod.parse("+12026-03-01", "2026-03-31"))
        .hasMessageContaining("(from)");
    assertThatThrownBy(() -> AuditPeriod.parse("2026-03-01", "2026-3-31"))
        .hasMessageContaining("(to)");
    assertThatThrownBy(() -> AuditPeriod.parse("2026-04-01", "2026-03-31"))
        .hasMessageContaining("on or before");
    assertThat(((ApiException) org.assertj.core.api.Assertions.catchThrowable(
        () -> AuditPeriod.parse("x", "y"))).status()).isEqualTo(400);
  }

  @Test
  void theDefaultIsThePreviousCalendarMonthInTheZone() {
    // 00:30 on 1 April in London is still 31 March in UTC: the zone decides.
    Clock clock = Clock.fixed(Instant.parse("2026-03-31T23:30:00Z"), ZoneOffset.UTC);
    assertThat(AuditPeriod.previousMonth(clock, london)).isEqualTo(
        new AuditPeriod(LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 31)));
    Clock january = Clock.fixed(Instant.parse("2026-01-15T12:00:00Z"), ZoneOffset.UTC);
    assertThat(AuditPeriod.previousMonth(january, london)).isEqualTo(
        new AuditPeriod(LocalDate.of(2025, 12, 1), LocalDate.of(2025, 12, 31)));
  }
}
