package io.accessledger.registers;

import java.util.Map;

/**
 * A share decision's {@code courtOrder}, as recorded: each field null when missing or blank.
 *
 * @param date the order's date as written ({@code YYYY-MM-DD} when valid)
 */
public record CourtOrder(String court, String reference, String date) {
  static CourtOrder of(Map<?, ?> order) {
    return order == null ? null : new CourtOrder(EventFields.text(order, "court"),
        EventFields.text(order, "reference"), EventFields.text(order, "date"));
  }
}
