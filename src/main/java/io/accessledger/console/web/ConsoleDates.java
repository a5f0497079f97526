package io.accessledger.console.web;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;

/**
 * Dates as the console shows and takes them: in the service's one zone ({@code ledger.zone}),
 * written the GOV.UK way ("3 March 2026"). A console period is whole days, inclusive; the read it
 * records is the API's period of instants, from the start of the first day to the start of the
 * day after the last.
 */
public final class ConsoleDates {
  private static final DateTimeFormatter SHORT = DateTimeFormatter.ofPattern("d MMM", Locale.UK);
  private static final DateTimeFormatter LONG = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Locale.UK);
  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);
  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm:ss", Locale.UK);
  private static final DateTimeFormatter RFC3339 = DateTimeFormatter.ISO_OFFSET_DATE_TIME;

  /** Whole days, inclusive, and how the console writes them. */
  public record Span(LocalDate from, LocalDate to, String fromText, String toText) {}

  private final ZoneId zone;

  public ConsoleDates(ZoneId zone) {
    this.zone = zone;
  }

  public ZoneId zone() {
    return zone;
  }

  /** "3 Mar". */
  public String shortDay(LocalDate day) {
    return SHORT.format(day);
  }

  /** "Tuesday 3 March 2026". */
  public String longDay(LocalDate day) {
    return LONG.format(day);
  }

  /** "3 March 2026". */
  public String day(LocalDate day) {
    return DAY.format(day);
  }

  /** "3 March 2026, 14:05:09", in the service's zone. */
  public String dateTime(Instant at) {
    return TIME.format(at.atZone(zone));
  }

  /** The start of {@code day} in the zone, as RFC 3339 with the zone's offset then. */
  public String startOf(LocalDate day) {
    return RFC3339.format(day.atStartOfDay(zone).toOffsetDateTime());
  }

  /**
   * The whole days of an API period ({@code from} inclusive, {@code to} exclusive, RFC 3339) when
   * it is one, as the console's audit page would have recorded it; empty otherwise.
   */
  public Optional<Span> spanOf(String from, String to) {
    try {
      ZonedDateTime start = Instant.parse(from).atZone(zone);
      ZonedDateTime end = Instant.parse(to).atZone(zone);
      if (!start.toLocalTime().equals(java.time.LocalTime.MIDNIGHT)
          || !end.toLocalTime().equals(java.time.LocalTime.MIDNIGHT) || !start.isBefore(end)) {
        return Optional.empty();
      }
      LocalDate first = start.toLocalDate();
      LocalDate last = end.toLocalDate().minusDays(1);
      return Optional.of(new Span(first, last, day(first), day(last)));
    } catch (DateTimeException | NullPointerException e) {
      return Optional.empty();
    }
  }
}
