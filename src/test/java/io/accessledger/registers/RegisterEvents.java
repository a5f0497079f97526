package io.accessledger.registers;

import io.accessledger.entries.EventParser;
import io.accessledger.entries.ExtractRelease;
import io.accessledger.entries.ShareDecision;
import io.accessledger.ledger.json.CanonicalJson;
import io.accessledger.support.JsonValues;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Crafted events for the register rules, as a leaf's {@code event} decodes: a share decision and an
 * extract release (in its stored form, with {@code subjectCount}) that pass every check, and the
 * shipped agreement. Tests change one field at a time with {@link #with} and {@link #without}.
 */
final class RegisterEvents {
  /** The service's default zone, in which the rules' tests take an event's day. */
  static final ZoneId LONDON = ZoneId.of("Europe/London");
  static final List<String> CATEGORIES = List.of("la-child-codes", "referrals", "assessments",
      "cin-plans", "cp-plans", "looked-after-episodes", "gender", "ethnicity", "age-in-months",
      "disability", "uasc-status", "attendance", "fsm-eligibility", "pupil-premium");

  static final List<String> EVALUATION_BASES =
      List.of("UKGDPR-6-1-e", "UKGDPR-9-2-j", "DPA2018-S1-P4");

  /** WWCSC-FAMILY-VALUED exactly as CONTRACT.md and config.yml give it. */
  static final DataSharingAgreement FAMILY_VALUED = new DataSharingAgreement(
      "WWCSC-FAMILY-VALUED", "Evaluator Ltd", "Evaluation of Family Valued",
      LocalDate.of(2020, 1, 1), LocalDate.of(2025, 12, 31), true, CATEGORIES, EVALUATION_BASES);

  static final DataSharingAgreements AGREEMENTS = DataSharingAgreements.of(
      List.of(new AgreementTerms("WWCSC-FAMILY-VALUED", "Evaluator Ltd",
          "Evaluation of Family Valued", "2020-01-01", "2025-12-31", true, CATEGORIES,
          EVALUATION_BASES)),
      code -> true);

  static final String SHARE = """
      {"eventId":"share-1","type":"SHARE_DECISION","occurredAt":"2026-11-23T16:40:00Z",
       "actor":{"id":"tm-7","role":"team-manager"},"purpose":"Strategy discussion under s47",
       "legalBasis":["UKGDPR-6-1-e","UKGDPR-9-2-g","DPA2018-S1-P18","CA1989-S47"],
       "subjects":[{"id":"child-7788"},{"id":"child-7789"}],"decision":"SHARE",
       "grounds":"SERIOUS_HARM_RISK","consent":"NOT_SOUGHT",
       "consentReason":"Seeking consent would increase the risk of harm",
       "recipient":{"organisation":"Northshire Police"},"dataShared":["chronology"],
       "decidedBy":{"id":"tm-7"},"approvedBy":{"id":"hos-1"},
       "rationale":"Reasonable cause to suspect significant harm"}
      """;

  static final String EXTRACT = """
      {"eventId":"extract-1","type":"EXTRACT_RELEASE","occurredAt":"2025-06-02T10:00:00Z",
       "actor":{"id":"ig-3","role":"information-governance"},"purpose":"Evaluation of Family Valued",
       "legalBasis":["UKGDPR-6-1-e","UKGDPR-9-2-j","DPA2018-S1-P4"],
       "recipient":{"organisation":"Evaluator Ltd"},"agreement":"WWCSC-FAMILY-VALUED",
       "dataset":{"name":"cin-2024","sha256":"%s","rowCount":2,"pseudonymised":true,
                  "categories":["referrals","assessments"],"periodFrom":"2020-01-01",
                  "periodTo":"2024-12-31"},
       "subjectCount":2}
      """.formatted("ab".repeat(32));

  private RegisterEvents() {}

  /** A mutable copy of the share decision that passes every check. */
  static Map<String, Object> share() {
    return parse(SHARE);
  }

  /** A mutable copy of the release (stored form) that passes every check. */
  static Map<String, Object> extract() {
    return parse(EXTRACT);
  }

  /** A share on COURT_ORDER grounds with an order made before the decision; passes every check. */
  static Map<String, Object> courtOrderShare() {
    Map<String, Object> share = share();
    share.put("grounds", "COURT_ORDER");
    share.put("legalBasis", List.of("UKGDPR-6-1-c", "DPA2018-S2-P5-1", "COURT-ORDER"));
    share.put("courtOrder", new LinkedHashMap<>(
        Map.of("court", "Family Court at Northshire", "reference", "NS26C00123",
            "date", "2026-11-20")));
    return share;
  }

  /** Sets {@code field} of the object at dotted {@code path} ({@code dataset.pseudonymised}). */
  static Map<String, Object> with(Map<String, Object> event, String path, Object value) {
    parent(event, path).put(last(path), value);
    return event;
  }

  static Map<String, Object> without(Map<String, Object> event, String path) {
    parent(event, path).remove(last(path));
    return event;
  }

  /** {@code event} as the registers read it: typed by the event model. */
  static ShareDecision shareOf(Map<String, Object> event) {
    return (ShareDecision) EventParser.parse(event);
  }

  static ExtractRelease extractOf(Map<String, Object> event) {
    return (ExtractRelease) EventParser.parse(event);
  }

  static List<String> codes(List<Flag> flags) {
    return flags.stream().map(Flag::code).toList();
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> parent(Map<String, Object> event, String path) {
    Map<String, Object> at = event;
    String[] steps = path.split("\\.");
    for (int i = 0; i < steps.length - 1; i++) {
      at = (Map<String, Object>) at.get(steps[i]);
    }
    return at;
  }

  private static String last(String path) {
    return path.substring(path.lastIndexOf('.') + 1);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> parse(String json) {
    return (Map<String, Object>) JsonValues.mutable(CanonicalJson.parse(json));
  }

}
