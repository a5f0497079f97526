package io.accessledger.entries;

/**
 * The court order a share decision rests on: {@code {court, reference, date}}, each null when not
 * given (ingest requires all three, and {@code date} as {@code YYYY-MM-DD}).
 *
 * @param date the order's date as written
 */
public record CourtOrder(String court, String reference, String date) {
  static CourtOrder read(Fields order) {
    return new CourtOrder(order.text("court"), order.text("reference"), order.text("date"));
  }
}
