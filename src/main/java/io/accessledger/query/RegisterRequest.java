package io.accessledger.query;

import io.accessledger.api.ApiException;
import io.accessledger.entries.ShareDecision;
import io.accessledger.registers.Flag;
import io.accessledger.registers.Organisations;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The filters of a register read, checked before anything is appended. Each is optional, and an
 * item must pass all that are given:
 *
 * <ul>
 *   <li>{@code from} (inclusive) and {@code to} (exclusive): RFC 3339 UTC times on the event's
 *       {@code occurredAt};
 *   <li>{@code flagged}: {@code true} keeps only items with a flag, {@code false} only those
 *       without;
 *   <li>{@code recipient}: the recipient organisation, as {@link Organisations#same} compares;
 *   <li>shares only: {@code decision} and {@code grounds}, one of the contract's values;
 *   <li>extracts only: {@code agreement}, an agreement id, compared exactly.
 * </ul>
 *
 * Null fields are filters not given.
 */
public record RegisterRequest(Instant from, Instant to, Boolean flagged, String recipient,
    String decision, String grounds, String agreement) {
  /** The parameters {@code GET /v1/registers/shares} takes. */
  public static final Set<String> SHARE_PARAMETERS =
      Set.of("from", "to", "flagged", "recipient", "decision", "grounds");

  /** The parameters {@code GET /v1/registers/extracts} takes. */
  public static final Set<String> EXTRACT_PARAMETERS =
      Set.of("from", "to", "flagged", "recipient", "agreement");

  /** The share register's filters, from parameters already limited to {@link #SHARE_PARAMETERS}. */
  public static RegisterRequest shares(Map<String, String> parameters) {
    RegisterRequest common = common(parameters);
    return new RegisterRequest(common.from, common.to, common.flagged, common.recipient,
        oneOf(parameters, "decision", ShareDecision.DECISIONS),
        oneOf(parameters, "grounds", ShareDecision.GROUNDS), null);
  }

  /** The extract register's filters, from parameters limited to {@link #EXTRACT_PARAMETERS}. */
  public static RegisterRequest extracts(Map<String, String> parameters) {
    RegisterRequest common = common(parameters);
    return new RegisterRequest(common.from, common.to, common.flagged, common.recipient, null,
        null, text(parameters, "agreement"));
  }

  /** Whether an item with these values passes every filter given. */
  boolean matches(String occurredAt, String itemRecipient, String itemDecision,
      String itemGrounds, String itemAgreement, List<Flag> flags) {
    return inWindow(occurredAt)
        && (flagged == null || flagged == !flags.isEmpty())
        && (recipient == null || Organisations.same(recipient, itemRecipient))
        && (decision == null || decision.equals(itemDecision))
        && (grounds == null || grounds.equals(itemGrounds))
        && (agreement == null || agreement.equals(itemAgreement));
  }

  private boolean inWindow(String occurredAt) {
    if (from == null && to == null) {
      return true;
    }
    Instant at;
    try {
      at = occurredAt == null ? null : Instant.parse(occurredAt);
    } catch (DateTimeParseException e) {
      at = null; // an unparseable time matches no time window
    }
    return at != null && (from == null || !at.isBefore(from)) && (to == null || at.isBefore(to));
  }

  private static RegisterRequest common(Map<String, String> parameters) {
    Instant from = instant(parameters, "from");
    Instant to = instant(parameters, "to");
    if (from != null && to != null && !from.isBefore(to)) {
      throw ApiException.malformed("from (" + parameters.get("from") + ") must be before to ("
          + parameters.get("to") + ")");
    }
    Boolean flagged = null;
    String value = parameters.get("flagged");
    if (value != null) {
      if (!value.equals("true") && !value.equals("false")) {
        throw ApiException.malformed("flagged must be true or false, got " + value);
      }
      flagged = Boolean.valueOf(value);
    }
    return new RegisterRequest(from, to, flagged, text(parameters, "recipient"), null, null, null);
  }

  private static Instant instant(Map<String, String> parameters, String name) {
    String value = parameters.get(name);
    if (value == null) {
      return null;
    }
    try {
      return Instant.parse(value);
    } catch (DateTimeParseException e) {
      throw ApiException.malformed(name + " must be an RFC 3339 UTC time such as "
          + "2026-11-23T09:00:00Z, got " + value);
    }
  }

  private static String oneOf(Map<String, String> parameters, String name, List<String> allowed) {
    String value = parameters.get(name);
    if (value != null && !allowed.contains(value)) {
      throw ApiException.malformed(name + " must be one of " + allowed + ", got " + value);
    }
    return value;
  }

  private static String text(Map<String, String> parameters, String name) {
    String value = parameters.get(name);
    if (value != null && value.isBlank()) {
      throw ApiException.malformed(name + " must not be blank");
    }
    return value;
  }
}
