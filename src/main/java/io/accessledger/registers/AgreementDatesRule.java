package io.accessledger.registers;

import io.accessledger.entries.ExtractRelease;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code EXTRACT_OUTSIDE_AGREEMENT_DATES}: the release falls outside its agreement's term, checked
 * twice: the day it was released ({@code occurredAt}, in the service's zone) must lie between the
 * agreement's {@code from} and {@code to}, and so must the whole period the dataset covers
 * ({@code dataset.periodFrom} to {@code dataset.periodTo}). All ends are inclusive. A date that is
 * missing or malformed cannot be shown to lie within the term, and is flagged too.
 */
public final class AgreementDatesRule {
  public static final String CODE = "EXTRACT_OUTSIDE_AGREEMENT_DATES";

  private AgreementDatesRule() {}

  /**
   * @param agreement the release's agreement; null (not configured) is never flagged here
   * @param zone the service's zone ({@code ledger.zone}), in which the release's day is taken
   */
  public static Optional<Flag> check(ExtractRelease release, DataSharingAgreement agreement,
      ZoneId zone) {
    if (agreement == null) {
      return Optional.empty();
    }
    List<String> problems = new ArrayList<>();
    LocalDate released = Days.localDay(release.header().at(), zone);
    if (released == null) {
      problems.add("the release's time " + release.header().occurredAt() + " is not a valid time");
    } else if (!agreement.covers(released)) {
      problems.add("it was released on " + released + " (" + zone + ")");
    }
    within("the dataset's period starts", release.dataset().periodFrom(), agreement, problems);
    within("the dataset's period ends", release.dataset().periodTo(), agreement, problems);
    if (problems.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new Flag(CODE, "Agreement " + agreement.id() + " runs from "
        + agreement.from() + " to " + agreement.to() + " inclusive, but "
        + String.join(", and ", problems) + "."));
  }

  private static void within(String what, String text, DataSharingAgreement agreement,
      List<String> problems) {
    LocalDate day = Days.date(text);
    if (day == null) {
      problems.add(what + " on " + (text == null ? "no stated day" : "\"" + text + "\"")
          + ", which is not a date");
    } else if (!agreement.covers(day)) {
      problems.add(what + " on " + day + (day.isBefore(agreement.from()) ? ", before" : ", after")
          + " the agreement");
    }
  }
}
