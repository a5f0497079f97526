package io.accessledger.registers;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;

/**
 * Calendar days for comparing an event's moment with dates written by people (agreement terms,
 * court orders, dataset periods). Those dates are local dates of the service's zone
 * ({@code ledger.zone}), so a moment's day is taken there: in Europe/London, a decision at
 * 2026-06-30T23:30:00Z was made on 1 July.
 */
final class Days {
  private Days() {}

  /** The day in {@code zone} of {@code at} (an event's {@code Header.at()}), or null for null. */
  static LocalDate localDay(Instant at, ZoneId zone) {
    return at == null ? null : LocalDate.ofInstant(at, zone);
  }

  /** The date {@code YYYY-MM-DD}, or null if it is not one. */
  static LocalDate date(String text) {
    if (text == null) {
      return null;
    }
    try {
      return LocalDate.parse(text);
    } catch (DateTimeParseException e) {
      return null;
    }
  }
}
