package io.accessledger.registers;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A data-sharing agreement, as configured under {@code agreements:} in {@code config.yml}: the
 * terms an {@code EXTRACT_RELEASE} naming it in {@code agreement} is checked against. Built as
 * given (Jackson binds the configuration to it); {@link DataSharingAgreements#of} validates it,
 * and only validated agreements reach the rules.
 *
 * @param id what releases name in {@code agreement}; compared exactly
 * @param recipient the organisation the agreement allows releases to ({@code recipient.organisation})
 * @param purpose what the data is for, in words (shown to people, never checked)
 * @param from the first day of the agreement, inclusive
 * @param to the last day of the agreement, inclusive
 * @param pseudonymisedOnly whether every dataset released under it must be pseudonymised
 * @param categories the data categories a dataset may hold
 * @param legalBases codes every release under it must cite; for an evaluation or research
 *     agreement, LEGAL-BASES.md's pairing {@code UKGDPR-6-1-e}, {@code UKGDPR-9-2-j},
 *     {@code DPA2018-S1-P4}; empty when none is expected
 */
public record DataSharingAgreement(
    String id,
    String recipient,
    String purpose,
    LocalDate from,
    LocalDate to,
    Boolean pseudonymisedOnly,
    List<String> categories,
    List<String> legalBases) {

  public DataSharingAgreement {
    categories = copy(categories);
    legalBases = copy(legalBases);
  }

  /** Whether {@code day} lies within the agreement's term, both ends included. */
  public boolean covers(LocalDate day) {
    return !day.isBefore(from) && !day.isAfter(to);
  }

  // Null elements are kept so that validation can name them instead of Jackson failing first.
  private static List<String> copy(List<String> list) {
    return list == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(list));
  }
}
