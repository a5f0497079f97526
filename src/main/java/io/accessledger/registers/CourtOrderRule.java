package io.accessledger.registers;

import io.accessledger.entries.CourtOrder;
import io.accessledger.entries.ShareDecision;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code COURT_ORDER_DETAILS_MISSING}: a decision on {@code COURT_ORDER} grounds whose
 * {@code courtOrder} does not show an order it could rest on: absent, with a blank {@code court},
 * {@code reference} or {@code date}, a {@code date} that is not a date, or an order dated after
 * the day of the decision (in the service's zone), which cannot have been its ground.
 *
 * <p>Ingest already refuses a {@code COURT_ORDER} decision without {@code courtOrder} or with a
 * blank or malformed field, so in this log the flag fires on an order dated after the decision;
 * the other cases are checked too because a register reports on what the log holds, not on what
 * the validator of the day let in.
 */
public final class CourtOrderRule {
  public static final String CODE = "COURT_ORDER_DETAILS_MISSING";

  private CourtOrderRule() {}

  /** @param zone the service's zone ({@code ledger.zone}), in which the decision's day is taken */
  public static Optional<Flag> check(ShareDecision share, ZoneId zone) {
    if (!"COURT_ORDER".equals(share.grounds())) {
      return Optional.empty();
    }
    CourtOrder order = share.courtOrder().orElse(null);
    if (order == null) {
      return flag("no court order is recorded (courtOrder is absent)");
    }
    List<String> blank = new ArrayList<>();
    if (order.court() == null) {
      blank.add("court");
    }
    if (order.reference() == null) {
      blank.add("reference");
    }
    if (order.date() == null) {
      blank.add("date");
    }
    List<String> problems = new ArrayList<>();
    if (!blank.isEmpty()) {
      problems.add("the order's " + String.join(", ", blank) + (blank.size() == 1 ? " is" : " are")
          + " missing");
    }
    LocalDate ordered = Days.date(order.date());
    LocalDate decided = Days.localDay(share.header().at(), zone);
    if (order.date() != null && ordered == null) {
      problems.add("the order's date \"" + order.date() + "\" is not a date YYYY-MM-DD");
    } else if (ordered != null && decided != null && ordered.isAfter(decided)) {
      problems.add("the order is dated " + ordered + ", after the decision was made on " + decided
          + " (" + zone + "), so it cannot have been its ground");
    }
    return problems.isEmpty() ? Optional.empty() : flag(String.join("; ", problems));
  }

  private static Optional<Flag> flag(String problems) {
    return Optional.of(new Flag(CODE, "The grounds are COURT_ORDER but the court order's details"
        + " do not support the decision: " + problems + "."));
  }
}
