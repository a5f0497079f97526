package io.accessledger.console.entries.describe;

import io.accessledger.events.LegalBasis;
import io.accessledger.events.LegalBasisVocabulary;
import io.accessledger.report.Ground;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Legal-basis codes in words, from the vocabulary the reports use (shipped and local codes), so
 * that the console and a subject access report never label a code differently. A code the
 * vocabulary does not hold is shown as itself and said to be unknown, never dropped.
 */
public final class LegalWords {
  private static final Pattern GDPR = Pattern.compile("UKGDPR-(\\d+)-(\\d+)-([a-z]+)");
  private static final Pattern DPA = Pattern.compile("DPA2018-S(\\d+)-P(\\d+)(?:-(\\d+))?");

  private final LegalBasisVocabulary vocabulary;

  public LegalWords(LegalBasisVocabulary vocabulary) {
    this.vocabulary = vocabulary;
  }

  /**
   * How a sentence cites {@code code}: the provision, and the label's gist in brackets ("UK GDPR
   * Article 6(1)(e) (public task)", "DPA 2018 Schedule 1 paragraph 18 (safeguarding of children
   * and of individuals at risk)", "Children Act 1989 s47 (enquiries where significant harm is
   * suspected)"); the label alone where the code names no numbered provision.
   */
  public String citation(String code) {
    Optional<LegalBasis> basis = vocabulary.find(code);
    if (basis.isEmpty()) {
      return code + " (a code not in the vocabulary)";
    }
    String label = basis.get().label();
    Matcher gdpr = GDPR.matcher(code);
    if (gdpr.matches()) {
      return "UK GDPR Article " + gdpr.group(1) + "(" + gdpr.group(2) + ")(" + gdpr.group(3)
          + ") (" + gist(label) + ")";
    }
    Matcher dpa = DPA.matcher(code);
    if (dpa.matches()) {
      return "DPA 2018 Schedule " + dpa.group(1) + " paragraph " + dpa.group(2)
          + (dpa.group(3) == null ? "" : "(" + dpa.group(3) + ")") + " (" + gist(label) + ")";
    }
    int colon = label.indexOf(": ");
    return colon < 0 ? label
        : label.substring(0, colon) + " (" + label.substring(colon + 2) + ")";
  }

  /** Each code with its full label and legislation URI, as a report lists them, in order. */
  public List<Ground> grounds(List<String> codes) {
    List<Ground> grounds = new ArrayList<>(codes.size());
    for (String code : codes) {
      LegalBasis basis = vocabulary.find(code).orElse(null);
      grounds.add(basis == null ? new Ground(code, null, null)
          : new Ground(code, basis.label(), basis.uri()));
    }
    return grounds;
  }

  /** A label up to its first bracketed aside: "public task (the usual basis...)" -> "public task". */
  private static String gist(String label) {
    int aside = label.indexOf(" (");
    return aside < 0 ? label : label.substring(0, aside);
  }
}
