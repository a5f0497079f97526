package io.accessledger.events;

import java.util.Optional;

/**
 * The event types a records system may post (contract sections 4 and 5). The ledger writes {@code
 * AUDIT_QUERY}, {@code EXTRACT_SUBJECT}, {@code REVIEW}, {@code MAINTENANCE} and {@code KEY_ROTATION} entries itself, so
 * they are deliberately not here.
 */
public enum EventType {
  VIEW,
  SHARE_DECISION,
  EXTRACT_RELEASE,
  ALLOCATION,
  CASE_CLOSURE;

  /**
   * The type whose wire name is exactly {@code name} (case-sensitive), or empty. Never throws, so
   * the validator needs no exception for an unknown type.
   */
  public static Optional<EventType> parse(String name) {
    if (name == null) {
      return Optional.empty();
    }
    return switch (name) {
      case "VIEW" -> Optional.of(VIEW);
      case "SHARE_DECISION" -> Optional.of(SHARE_DECISION);
      case "EXTRACT_RELEASE" -> Optional.of(EXTRACT_RELEASE);
      case "ALLOCATION" -> Optional.of(ALLOCATION);
      case "CASE_CLOSURE" -> Optional.of(CASE_CLOSURE);
      default -> Optional.empty();
    };
  }
}
