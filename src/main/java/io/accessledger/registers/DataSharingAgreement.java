package io.accessledger.registers;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * A data-sharing agreement: the terms an {@code EXTRACT_RELEASE} naming it in {@code agreement} is
 * checked against. Configured under {@code agreements:} in {@code config.yml} and validated by
 * {@link DataSharingAgreements#of}.
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
 * @param aliases other names of the recipient, each as good as {@code recipient} (an acronym such
 *     as {@code WWCSC}); empty when it has none
 */
public record DataSharingAgreement(
    String id,
    String recipient,
    String purpose,
    LocalDate from,
    LocalDate to,
    boolean pseudonymisedOnly,
    List<String> categories,
    List<String> legalBases,
    List<String> aliases) {

  /** An agreement whose recipient has no other name. */
  public DataSharingAgreement(String id, String recipient, String purpose, LocalDate from,
      LocalDate to, boolean pseudonymisedOnly, List<String> categories, List<String> legalBases) {
    this(id, recipient, purpose, from, to, pseudonymisedOnly, categories, legalBases, List.of());
  }

  /** @throws NullPointerException if any field but {@code legalBases} and {@code aliases} is null */
  public DataSharingAgreement {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(recipient, "recipient");
    Objects.requireNonNull(purpose, "purpose");
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    categories = List.copyOf(categories);
    legalBases = legalBases == null ? List.of() : List.copyOf(legalBases);
    aliases = aliases == null ? List.of() : List.copyOf(aliases);
  }

  /**
   * Whether {@code organisation} is this agreement's recipient, by its name or an alias, letter
   * case and runs of white space ignored ({@link Organisations#same}).
   */
  public boolean allowsRecipient(String organisation) {
    return Organisations.same(organisation, recipient)
        || aliases.stream().anyMatch(alias -> Organisations.same(organisation, alias));
  }

  /** Whether {@code day} lies within the agreement's term, both ends included. */
  public boolean covers(LocalDate day) {
    return !day.isBefore(from) && !day.isAfter(to);
  }
}
