package io.accessledger.registers;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/** The configured data-sharing agreements, validated, by {@code id}. Immutable. */
public final class DataSharingAgreements {
  private final Map<String, DataSharingAgreement> byId;

  private DataSharingAgreements(Map<String, DataSharingAgreement> byId) {
    this.byId = Collections.unmodifiableMap(byId);
  }

  /**
   * Checks the configured {@code agreements} and indexes them by id.
   *
   * @param knownLegalBasis whether a code is in the legal-basis vocabulary (shipped and local)
   * @throws IllegalArgumentException naming every problem, each by its place
   *     ({@code agreements[1] (DSA-7)}) and field: a missing or blank {@code id}, {@code recipient}
   *     or {@code purpose}; an {@code id} with spaces around it or used twice; a missing
   *     {@code pseudonymisedOnly}; a {@code from} or {@code to} that is missing or not a date
   *     {@code YYYY-MM-DD}; {@code to} before {@code from}; no {@code categories}, or a blank or
   *     repeated one; a {@code legalBases} code that is unknown, blank or repeated; a blank or
   *     repeated alias
   */
  public static DataSharingAgreements of(
      List<AgreementTerms> agreements, Predicate<String> knownLegalBasis) {
    List<String> problems = new ArrayList<>();
    Map<String, DataSharingAgreement> byId = new LinkedHashMap<>();
    for (int i = 0; i < agreements.size(); i++) {
      AgreementTerms a = agreements.get(i);
      String place = "agreements[" + i + "]";
      if (a == null) {
        problems.add(place + ": must be an agreement with id, recipient, purpose, from, to,"
            + " pseudonymisedOnly and categories");
        continue;
      }
      if (!blank(a.id())) {
        place += " (" + a.id() + ")";
      }
      int before = problems.size();
      LocalDate from = day(place, "from", "first day", a.from(), problems);
      LocalDate to = day(place, "to", "last day", a.to(), problems);
      check(place, a, from, to, knownLegalBasis, problems);
      if (!blank(a.id()) && byId.containsKey(a.id())) {
        problems.add(place + ": id " + a.id() + " is used by an earlier agreement");
      } else if (problems.size() == before) {
        byId.put(a.id(), new DataSharingAgreement(a.id(), a.recipient(), a.purpose(), from, to,
            a.pseudonymisedOnly(), a.categories(), a.legalBases(), a.aliases()));
      }
    }
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException("invalid agreements in the configuration: "
          + String.join("; ", problems));
    }
    return new DataSharingAgreements(byId);
  }

  /** The agreement with exactly this id. */
  public Optional<DataSharingAgreement> find(String id) {
    return Optional.ofNullable(id == null ? null : byId.get(id));
  }

  /** The id of an agreement that differs from {@code id} only in letter case, for hints. */
  public Optional<String> sameIgnoringCase(String id) {
    return id == null ? Optional.empty() : byId.keySet().stream()
        .filter(known -> known.toLowerCase(Locale.ROOT).equals(id.toLowerCase(Locale.ROOT)))
        .findFirst();
  }

  /** Every agreement, in configured order. */
  public List<DataSharingAgreement> all() {
    return List.copyOf(byId.values());
  }

  private static void check(String place, AgreementTerms a, LocalDate from, LocalDate to,
      Predicate<String> known, List<String> problems) {
    if (blank(a.id())) {
      problems.add(place + ": id is required");
    } else if (!a.id().strip().equals(a.id())) {
      problems.add(place + ": id must not start or end with white space");
    }
    if (blank(a.recipient())) {
      problems.add(place + ": recipient (the organisation receiving the data) is required");
    }
    if (blank(a.purpose())) {
      problems.add(place + ": purpose is required");
    }
    if (from != null && to != null && to.isBefore(from)) {
      problems.add(place + ": to (" + to + ") is before from (" + from + ")");
    }
    if (a.pseudonymisedOnly() == null) {
      problems.add(place + ": pseudonymisedOnly (true or false) is required");
    }
    if (a.categories().isEmpty()) {
      problems.add(place + ": categories must list at least one data category");
    }
    distinct(place, "categories", a.categories(), problems);
    distinct(place, "legalBases", a.legalBases(), problems);
    distinct(place, "aliases", a.aliases(), problems);
    for (String code : a.legalBases()) {
      if (!blank(code) && !known.test(code)) {
        problems.add(place + ": legalBases code " + code + " is not in the legal-basis vocabulary"
            + " (LEGAL-BASES.md, or localLegalBases)");
      }
    }
  }

  /** The date {@code text} names, or null after adding what is wrong with it. */
  private static LocalDate day(String place, String field, String meaning, String text,
      List<String> problems) {
    if (blank(text)) {
      problems.add(place + ": " + field + " (" + meaning + ", YYYY-MM-DD) is required");
      return null;
    }
    LocalDate day = Days.date(text);
    if (day == null) {
      problems.add(place + ": " + field + " must be a real date YYYY-MM-DD, got " + text);
    }
    return day;
  }

  private static void distinct(String place, String field, List<String> values,
      List<String> problems) {
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < values.size(); i++) {
      String value = values.get(i);
      if (blank(value)) {
        problems.add(place + ": " + field + "[" + i + "] is blank");
      } else if (!seen.add(value)) {
        problems.add(place + ": " + field + " names " + value + " twice");
      }
    }
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }
}
