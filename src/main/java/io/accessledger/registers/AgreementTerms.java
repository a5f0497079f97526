package io.accessledger.registers;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * One entry of {@code agreements:} in {@code config.yml}, exactly as written: what Jackson binds
 * the configuration to. Nothing is checked here, so that {@link DataSharingAgreements#of} can name
 * every problem of every agreement at once, by place and field; it turns valid terms into a
 * {@link DataSharingAgreement}, whose fields are documented there.
 *
 * @param from the first day, {@code YYYY-MM-DD}, as written
 * @param to the last day, {@code YYYY-MM-DD}, as written
 * @param aliases other names the recipient is written under ({@code WWCSC}); optional
 */
public record AgreementTerms(
    String id,
    String recipient,
    String purpose,
    String from,
    String to,
    Boolean pseudonymisedOnly,
    List<String> categories,
    List<String> legalBases,
    List<String> aliases) {

  public AgreementTerms {
    categories = copy(categories);
    legalBases = copy(legalBases);
    aliases = copy(aliases);
  }

  /** Terms whose recipient has no other name. */
  public AgreementTerms(String id, String recipient, String purpose, String from, String to,
      Boolean pseudonymisedOnly, List<String> categories, List<String> legalBases) {
    this(id, recipient, purpose, from, to, pseudonymisedOnly, categories, legalBases, List.of());
  }

  // Null elements are kept so that validation can name them.
  private static List<String> copy(List<String> list) {
    return list == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(list));
  }
}
