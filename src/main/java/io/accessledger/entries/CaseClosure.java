package io.accessledger.entries;

import java.util.Optional;

/**
 * A {@code CASE_CLOSURE} (contract section 5): the child's case closed at {@code occurredAt}.
 *
 * @param subject the child's id; null only when not given
 * @param reason why, when given
 */
public record CaseClosure(Header header, String subject, Optional<String> reason)
    implements LedgerEvent {
  public static final String TYPE = "CASE_CLOSURE";

  static CaseClosure read(Header header, Fields event) {
    return new CaseClosure(header, event.object("subject").text("id"),
        event.optionalText("reason"));
  }
}
