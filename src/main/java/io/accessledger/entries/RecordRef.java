package io.accessledger.entries;

/**
 * The record a {@code VIEW} opened: {@code {type, id}}. Both are null only when not given (never,
 * in an event ingest accepted).
 */
public record RecordRef(String type, String id) {
  /** What the record reads as when the view names none. */
  public static final RecordRef NONE = new RecordRef(null, null);

  static RecordRef read(Fields record) {
    return new RecordRef(record.text("type"), record.text("id"));
  }
}
