package io.accessledger.entries;

import io.accessledger.ledger.leaf.LedgerEntry;
import java.util.Map;

/**
 * Reads the {@code event} of a decoded leaf into its typed {@link LedgerEvent}, under the rules of
 * this package ({@code package-info}): never throws, whatever the leaf holds. Each reader of the
 * log parses an entry once and works on the record. Stateless and thread-safe.
 */
public final class EventParser {
  private EventParser() {}

  /** The typed event of {@code entry}. */
  public static LedgerEvent parse(LedgerEntry entry) {
    return parse(entry.event());
  }

  /** The typed form of {@code event}, a decoded leaf's {@code event} object. */
  public static LedgerEvent parse(Map<String, ?> event) {
    Fields fields = Fields.of(event);
    Header header = Header.read(fields);
    if (header.type() == null) {
      return new OtherEvent(header);
    }
    return switch (header.type()) {
      case View.TYPE -> View.read(header, fields);
      case ShareDecision.TYPE -> ShareDecision.read(header, fields);
      case ExtractRelease.TYPE -> ExtractRelease.read(header, fields);
      case ExtractSubject.TYPE -> ExtractSubject.read(header, fields);
      case Allocation.TYPE -> Allocation.read(header, fields);
      case CaseClosure.TYPE -> CaseClosure.read(header, fields);
      case AuditQuery.TYPE -> AuditQuery.read(header, fields);
      case Review.TYPE -> Review.read(header, fields);
      case Maintenance.TYPE -> Maintenance.read(header, fields);
      case KeyRotationEvent.TYPE -> KeyRotationEvent.read(header, fields);
      default -> new OtherEvent(header);
    };
  }

  /**
   * Only the {@link Header} of {@code entry}: for a reader that needs no more than the type and
   * the time (a history's filters), at a fraction of the cost of {@link #parse}.
   */
  public static Header header(LedgerEntry entry) {
    return Header.read(Fields.of(entry.event()));
  }
}
