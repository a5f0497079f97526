package io.accessledger.events;

import java.util.Objects;

/**
 * One code of the legal-basis vocabulary (LEGAL-BASES.md): what an event cites as its legal
 * grounds.
 *
 * @param code the code events carry in {@code legalBasis}, e.g. {@code UKGDPR-6-1-e}
 * @param label what the code means, in words, for reports and exports
 * @param uri a stable {@code https://www.legislation.gov.uk/id/...} URI of the provision, or {@code
 *     null} where no single provision exists (common-law duties, court orders, local codes)
 */
public record LegalBasis(String code, String label, String uri) {
  /**
   * @throws NullPointerException if {@code code} or {@code label} is null
   * @throws IllegalArgumentException if {@code code} or {@code label} is blank
   */
  public LegalBasis {
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(label, "label");
    if (code.isBlank()) {
      throw new IllegalArgumentException("legal basis code must not be blank");
    }
    if (label.isBlank()) {
      throw new IllegalArgumentException("legal basis " + code + " has a blank label");
    }
  }
}
