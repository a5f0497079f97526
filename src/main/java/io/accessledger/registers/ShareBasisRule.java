package io.accessledger.registers;

import static io.accessledger.registers.LegalBasisCodes.ARTICLE_9_PREFIX;
import static io.accessledger.registers.LegalBasisCodes.COURT_ORDER;
import static io.accessledger.registers.LegalBasisCodes.CRIME_EXEMPTION;
import static io.accessledger.registers.LegalBasisCodes.PUBLIC_TASK;
import static io.accessledger.registers.LegalBasisCodes.RECOGNISED_LEGITIMATE_INTEREST;
import static io.accessledger.registers.LegalBasisCodes.REQUIRED_BY_LAW_OR_COURT;
import static io.accessledger.registers.LegalBasisCodes.SAFEGUARDING;
import static io.accessledger.registers.LegalBasisCodes.SUBSTANTIAL_PUBLIC_INTEREST;
import static io.accessledger.registers.LegalBasisCodes.UNLAWFUL_ACTS;

import io.accessledger.entries.ShareDecision;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * {@code BASIS_GROUNDS_MISMATCH} for a share decision: its {@code legalBasis} lacks what
 * LEGAL-BASES.md ("Expected pairings") expects for its {@code grounds}.
 *
 * <ul>
 *   <li>{@code SERIOUS_HARM_RISK}: {@code UKGDPR-6-1-e} or {@code UKGDPR-6-1-ea}; and when the
 *       decision cites any Article 9(2) condition ({@code UKGDPR-9-2-*}), which is how it says
 *       special category data is involved, {@code UKGDPR-9-2-g} with {@code DPA2018-S1-P18};
 *   <li>{@code CRIME_PREVENTION_DETECTION}: {@code DPA2018-S1-P10} and/or {@code DPA2018-S2-P2};
 *   <li>{@code COURT_ORDER}: {@code DPA2018-S2-P5-1} or {@code COURT-ORDER};
 *   <li>{@code LEGAL_OBLIGATION}: no pairing is expected, so never flagged.
 * </ul>
 *
 * The codes LEGAL-BASES.md says are "usually" or "often" cited ({@code CA1989-S47},
 * {@code CA2004-S11}, {@code CDA1998-S115}) are not required. The rule applies whatever the
 * {@code decision}: a decision not to share records the grounds it weighed too.
 */
public final class ShareBasisRule {
  public static final String CODE = "BASIS_GROUNDS_MISMATCH";

  private ShareBasisRule() {}

  public static Optional<Flag> check(ShareDecision share) {
    Set<String> cited = Set.copyOf(share.header().legalBasis());
    List<String> problems = new ArrayList<>();
    String grounds = share.grounds() == null ? "" : share.grounds();
    switch (grounds) {
      case "SERIOUS_HARM_RISK" -> {
        if (!cited.contains(PUBLIC_TASK) && !cited.contains(RECOGNISED_LEGITIMATE_INTEREST)) {
          problems.add("it cites neither " + PUBLIC_TASK + " (public task) nor "
              + RECOGNISED_LEGITIMATE_INTEREST + " (recognised legitimate interest)");
        }
        List<String> article9 = share.header().legalBasis().stream()
            .filter(code -> code.startsWith(ARTICLE_9_PREFIX)).toList();
        List<String> missing = LegalBasisCodes.absent(cited, SUBSTANTIAL_PUBLIC_INTEREST, SAFEGUARDING);
        if (!article9.isEmpty() && !missing.isEmpty()) {
          problems.add("it cites special category data (" + String.join(", ", article9)
              + "), which needs " + SUBSTANTIAL_PUBLIC_INTEREST + " (substantial public interest)"
              + " with " + SAFEGUARDING + " (safeguarding), but " + String.join(" and ", missing)
              + (missing.size() == 1 ? " is" : " are") + " missing");
        }
      }
      case "CRIME_PREVENTION_DETECTION" -> {
        if (!cited.contains(UNLAWFUL_ACTS) && !cited.contains(CRIME_EXEMPTION)) {
          problems.add("it cites neither " + UNLAWFUL_ACTS + " (preventing or detecting unlawful"
              + " acts) nor " + CRIME_EXEMPTION + " (crime and taxation)");
        }
      }
      case "COURT_ORDER" -> {
        if (!cited.contains(REQUIRED_BY_LAW_OR_COURT) && !cited.contains(COURT_ORDER)) {
          problems.add("it cites neither " + REQUIRED_BY_LAW_OR_COURT + " (disclosure required"
              + " by law or court order) nor " + COURT_ORDER + " (an order of a court)");
        }
      }
      default -> { } // LEGAL_OBLIGATION: LEGAL-BASES.md expects no particular pairing
    }
    if (problems.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new Flag(CODE, "The legal bases do not fit the grounds " + grounds
        + " (LEGAL-BASES.md, expected pairings): " + String.join("; and ", problems) + "."));
  }
}
