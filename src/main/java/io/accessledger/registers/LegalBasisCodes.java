package io.accessledger.registers;

import java.util.Collection;
import java.util.List;
import java.util.stream.Stream;

/** The legal-basis codes of LEGAL-BASES.md that the expected pairings name. */
final class LegalBasisCodes {
  static final String PUBLIC_TASK = "UKGDPR-6-1-e";
  static final String RECOGNISED_LEGITIMATE_INTEREST = "UKGDPR-6-1-ea";
  /** Every Article 9(2) condition starts so: citing one says special category data is involved. */
  static final String ARTICLE_9_PREFIX = "UKGDPR-9-2-";
  static final String SUBSTANTIAL_PUBLIC_INTEREST = "UKGDPR-9-2-g";
  static final String SAFEGUARDING = "DPA2018-S1-P18";
  static final String UNLAWFUL_ACTS = "DPA2018-S1-P10";
  static final String CRIME_EXEMPTION = "DPA2018-S2-P2";
  static final String REQUIRED_BY_LAW_OR_COURT = "DPA2018-S2-P5-1";
  static final String COURT_ORDER = "COURT-ORDER";

  private LegalBasisCodes() {}

  /** The codes of {@code expected} that {@code cited} lacks, in the order given. */
  static List<String> absent(Collection<String> cited, String... expected) {
    return Stream.of(expected).filter(code -> !cited.contains(code)).toList();
  }
}
