package io.accessledger.console.audits;

import io.accessledger.api.ApiException;
import io.accessledger.console.web.ConsoleDates;
import io.accessledger.query.NeedToKnowAudits;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAdjusters;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The period of a console audit: whole days, {@code from} and {@code to} both inclusive, in the
 * ledger's zone. The read it records is exactly the API's: {@code from} is the start of the first
 * day and {@code to} the start of the day after the last, as RFC 3339 ({@link ConsoleDates#startOf}),
 * so a {@code POST /v1/audits/need-to-know} with that body records the same parameters and
 * {@code Reviews} reads the same period back from either.
 */
public record AuditPeriod(LocalDate from, LocalDate to) {
  /** Four-digit years only, so a date is always safe in a URL and a file name. */
  private static final Pattern DAY = Pattern.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}");

  public AuditPeriod {
    if (from.isAfter(to)) {
      throw new IllegalArgumentException("from is after to");
    }
  }

  /**
   * The period of the {@code from} and {@code to} fields ({@code YYYY-MM-DD}).
   *
   * @throws ApiException 400 naming the field that is missing or not a date, or saying that
   *     from is after to
   */
  public static AuditPeriod parse(String from, String to) {
    LocalDate first = day("from", from);
    LocalDate last = day("to", to);
    if (first.isAfter(last)) {
      throw ApiException.malformed("The start of the period (from, " + first + ") must be on or"
          + " before its end (to, " + last + ").");
    }
    return new AuditPeriod(first, last);
  }

  /** The previous calendar month, as of now in {@code dates}' zone: the form's default. */
  public static AuditPeriod previousMonth(Clock clock, ConsoleDates dates) {
    LocalDate today = LocalDate.ofInstant(clock.instant(), dates.zone());
    LocalDate first = today.minusMonths(1).withDayOfMonth(1);
    return new AuditPeriod(first, first.with(TemporalAdjusters.lastDayOfMonth()));
  }

  /** The parameters the read records, as the API records them: {@code from}, {@code to}. */
  public Map<String, String> recorded(ConsoleDates dates) {
    Map<String, String> parameters = new LinkedHashMap<>();
    parameters.put("from", dates.startOf(from));
    parameters.put("to", dates.startOf(to.plusDays(1)));
    return parameters;
  }

  /** The service's period for the same read, as the API checks it. */
  public NeedToKnowAudits.Period checked(ConsoleDates dates) {
    return NeedToKnowAudits.period(new LinkedHashMap<>(recorded(dates)));
  }

  /** The page's query: {@code from=YYYY-MM-DD&to=YYYY-MM-DD} (dates need no escaping). */
  public String query() {
    return "from=" + from + "&to=" + to;
  }

  private static LocalDate day(String field, String text) {
    if (text == null || text.isBlank()) {
      throw ApiException.malformed("Enter " + what(field) + " (" + field + "), as YYYY-MM-DD.");
    }
    try {
      if (!DAY.matcher(text).matches()) {
        throw new DateTimeParseException("not YYYY-MM-DD", text, 0);
      }
      return LocalDate.parse(text);
    } catch (DateTimeParseException e) {
      throw ApiException.malformed(cap(what(field)) + " (" + field + ") must be a real date as"
          + " YYYY-MM-DD, such as 2026-03-01.");
    }
  }

  private static String what(String field) {
    return field.equals("from") ? "the first day of the period" : "the last day of the period";
  }

  private static String cap(String text) {
    return Character.toUpperCase(text.charAt(0)) + text.substring(1);
  }
}
