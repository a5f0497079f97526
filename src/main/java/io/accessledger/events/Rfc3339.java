package io.accessledger.events;

import io.accessledger.ledger.json.JsonPath;
import java.time.Month;
import java.time.Year;

/**
 * The two time formats events use, checked by hand so that the hot path neither compiles regular
 * expressions nor throws (java.time's parsers signal a bad value with an exception):
 *
 * <ul>
 *   <li>a UTC timestamp: {@code YYYY-MM-DDTHH:MM:SS[.fraction]Z}, RFC 3339 restricted to UTC,
 *       uppercase {@code T} and {@code Z}, a fraction of 1 to 9 digits, no offset and no leap
 *       second (java.time has none, so a 60th second could not be ordered);
 *   <li>a calendar date: {@code YYYY-MM-DD} (ISO 8601 / RFC 3339 full-date).
 * </ul>
 *
 * Both must also name a real day: 2026-02-30 and 2025-02-29 are refused, 2024-02-29 is not.
 * One UTC spelling per instant matters because the ledger compares and indexes these strings.
 */
public final class Rfc3339 {
  private static final int DATE_LENGTH = 10;
  private static final int MAX_FRACTION_DIGITS = 9;

  private Rfc3339() {}

  /** Whether {@code text} is a UTC timestamp as described above. */
  public static boolean isUtcTimestamp(String text) {
    return timestampProblem(text) == null;
  }

  /** Whether {@code text} is a real calendar date {@code YYYY-MM-DD}. */
  public static boolean isDate(String text) {
    return dateProblem(text) == null;
  }

  /** Null when {@code text} is a valid UTC timestamp, otherwise what is wrong with it. */
  static String timestampProblem(String text) {
    int n = text.length();
    boolean shape = n >= 20
        && isDateShape(text)
        && text.charAt(10) == 'T'
        && digits(text, 11, 13) && text.charAt(13) == ':'
        && digits(text, 14, 16) && text.charAt(16) == ':'
        && digits(text, 17, 19)
        && text.charAt(n - 1) == 'Z'
        && (n == 20 || (text.charAt(19) == '.' && n - 21 >= 1 && n - 21 <= MAX_FRACTION_DIGITS
            && digits(text, 20, n - 1)));
    if (!shape) {
      return "must be an RFC 3339 UTC timestamp YYYY-MM-DDTHH:MM:SS[.fraction]Z (uppercase T and"
          + " Z, fraction of up to " + MAX_FRACTION_DIGITS + " digits, no offset), got "
          + JsonPath.quoted(text);
    }
    if (!isRealDay(text) || number(text, 11, 13) > 23 || number(text, 14, 16) > 59
        || number(text, 17, 19) > 59) {
      return "is not a real date and time: " + JsonPath.quoted(text);
    }
    return null;
  }

  /** Null when {@code text} is a valid calendar date, otherwise what is wrong with it. */
  static String dateProblem(String text) {
    if (text.length() != DATE_LENGTH || !isDateShape(text)) {
      return "must be a date YYYY-MM-DD, got " + JsonPath.quoted(text);
    }
    if (!isRealDay(text)) {
      return "is not a real date: " + JsonPath.quoted(text);
    }
    return null;
  }

  private static boolean isDateShape(String text) {
    return digits(text, 0, 4) && text.charAt(4) == '-' && digits(text, 5, 7)
        && text.charAt(7) == '-' && digits(text, 8, 10);
  }

  /** The month and day of a date-shaped prefix name a real day (java.time knows leap years). */
  private static boolean isRealDay(String text) {
    int year = number(text, 0, 4);
    int month = number(text, 5, 7);
    int day = number(text, 8, 10);
    return month >= 1 && month <= 12 && day >= 1
        && day <= Month.of(month).length(Year.isLeap(year));
  }

  private static boolean digits(String text, int from, int to) {
    for (int i = from; i < to; i++) {
      char c = text.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
    }
    return true;
  }

  private static int number(String text, int from, int to) {
    int value = 0;
    for (int i = from; i < to; i++) {
      value = value * 10 + (text.charAt(i) - '0');
    }
    return value;
  }
}
