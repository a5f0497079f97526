package io.accessledger.entries;

import java.util.Optional;

/**
 * Who received shared or extracted data: {@code {organisation, role?}}.
 *
 * @param organisation null only when not given (never, in an event ingest accepted)
 */
public record Recipient(String organisation, Optional<String> role) {
  /** What a recipient reads as when the entry names none. */
  public static final Recipient NONE = new Recipient(null, Optional.empty());

  static Recipient read(Fields recipient) {
    return new Recipient(recipient.text("organisation"), recipient.optionalText("role"));
  }
}
