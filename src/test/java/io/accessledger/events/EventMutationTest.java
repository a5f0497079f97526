package io.accessledger.events;

import static org.assertj.core.api.Assertions.assertThat;

import io.accessledger.ledger.json.JsonNull;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One rule at a time: each case breaks a valid fixture in one way and expects exactly one problem,
 * at exactly the expected path, with a message naming it.
 */
class EventMutationTest {
  private static final EventValidator VALIDATOR =
      new EventValidator(LegalBasisVocabulary.shipped());

  /** A fixture, one change to it, and the single problem that change must cause. */
  record Mutation(String fixture, String description, Consumer<Map<String, Object>> change,
      String field, String message) {
    @Override
    public String toString() {
      return fixture + ": " + description + " -> " + field;
    }
  }

  private static Mutation set(String fixture, String path, Object value, String field,
      String message) {
    return new Mutation(fixture, path + " = " + shown(value),
        e -> Events.set(e, path, value), field, message);
  }

  private static Mutation remove(String fixture, String path, String field, String message) {
    return new Mutation(fixture, "without " + path, e -> Events.remove(e, path), field, message);
  }

  private static Mutation change(String fixture, String description,
      Consumer<Map<String, Object>> change, String field, String message) {
    return new Mutation(fixture, description, change, field, message);
  }

  private static String shown(Object value) {
    String s = String.valueOf(value);
    return s.length() > 40 ? s.substring(0, 40) + "..." : s;
  }

  private static Map<String, Object> object(Object... keysAndValues) {
    Map<String, Object> map = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      map.put((String) keysAndValues[i], keysAndValues[i + 1]);
    }
    return map;
  }

  static Stream<Mutation> common() {
    List<Mutation> cases = new ArrayList<>();
    for (String f : List.of("view", "share-decision", "extract-release", "allocation",
        "case-closure")) {
      cases.add(remove(f, "eventId", "eventId", "required"));
      cases.add(remove(f, "type", "type", "required"));
      cases.add(remove(f, "occurredAt", "occurredAt", "required"));
      cases.add(remove(f, "actor", "actor", "required"));
      cases.add(remove(f, "actor.id", "actor.id", "required"));
      cases.add(remove(f, "purpose", "purpose", "required"));
      cases.add(remove(f, "legalBasis", "legalBasis", "required"));
      cases.add(set(f, "foo", "bar", "foo", "unknown field \"foo\""));
      cases.add(set(f, "actor.foo", "bar", "actor.foo", "unknown field \"foo\""));
      cases.add(set(f, "subjectCount", 3L, "subjectCount", "unknown field \"subjectCount\""));
    }
    return cases.stream();
  }

  static Stream<Mutation> commonDetail() {
    String v = "view";
    return Stream.of(
        set(v, "eventId", "", "eventId", "must not be empty"),
        set(v, "eventId", "e".repeat(129), "eventId", "at most 128 characters, got 129"),
        set(v, "eventId", "lcs view 1", "eventId", "may contain only A-Z a-z 0-9 . _ : -"),
        set(v, "eventId", "lcs/view/1", "eventId", "found U+002F at index 3"),
        set(v, "eventId", 42L, "eventId", "must be a string, got integer"),
        set(v, "eventId", JsonNull.INSTANCE, "eventId", "must be a string, got null"),
        set(v, "type", "view", "type",
            "unknown type \"view\", expected one of VIEW, SHARE_DECISION, EXTRACT_RELEASE"),
        set(v, "type", "REASSIGNMENT", "type", "unknown type \"REASSIGNMENT\""),
        set(v, "type", "AUDIT_QUERY", "type", "AUDIT_QUERY events are written by the ledger"),
        set(v, "type", "EXTRACT_SUBJECT", "type", "EXTRACT_SUBJECT events are written by the"
            + " ledger itself and cannot be posted"),
        set(v, "type", true, "type", "must be a string, got boolean"),
        set(v, "actor", "sw-0042", "actor", "must be an object, got string"),
        set(v, "actor", JsonNull.INSTANCE, "actor", "must be an object, got null"),
        set(v, "actor.id", "", "actor.id", "must not be empty"),
        set(v, "actor.id", "  \t", "actor.id", "must not be blank"),
        set(v, "actor.id", "a".repeat(257), "actor.id", "at most 256 characters, got 257"),
        set(v, "actor.id", "sw\n42", "actor.id", "must not contain control characters"
            + " (found U+000A at index 2)"),
        set(v, "actor.id", "sw\u008542", "actor.id", "control characters"),
        set(v, "actor.id", 42L, "actor.id", "must be a string, got integer"),
        set(v, "actor.role", "", "actor.role", "must not be empty"),
        set(v, "actor.team", List.of("a"), "actor.team", "must be a string, got array"),
        set(v, "actor.displayName", JsonNull.INSTANCE, "actor.displayName",
            "must be a string, got null"),
        set(v, "purpose", "", "purpose", "must not be empty"),
        set(v, "purpose", " ", "purpose", "must not be blank"),
        set(v, "purpose", JsonNull.INSTANCE, "purpose", "must be a string, got null"),
        set(v, "legalBasis", List.of(), "legalBasis", "must not be empty"),
        set(v, "legalBasis", "UKGDPR-6-1-e", "legalBasis", "must be an array, got string"),
        set(v, "legalBasis", List.of("UKGDPR-9-2-h", "DPA2018-S1-P2"), "legalBasis",
            "must include at least one UK GDPR Article 6 lawful basis"),
        set(v, "legalBasis", List.of("UKGDPR-6-1-e", "NOT-A-CODE"), "legalBasis[1]",
            "unknown legal basis code \"NOT-A-CODE\""),
        set(v, "legalBasis", List.of("UKGDPR-6-1-z"), "legalBasis[0]",
            "unknown legal basis code \"UKGDPR-6-1-z\""),
        set(v, "legalBasis", List.of("UKGDPR-6-1-e", "CA1989-S17", "UKGDPR-6-1-e"),
            "legalBasis[2]", "duplicate code \"UKGDPR-6-1-e\" (same as legalBasis[0])"),
        set(v, "legalBasis", List.of("UKGDPR-6-1-e", 7L), "legalBasis[1]",
            "must be a string, got integer"),
        set(v, "legalBasis", List.of("UKGDPR-6-1-e", ""), "legalBasis[1]", "must not be empty"),
        set(v, "extensions", "x", "extensions", "must be an object, got string"),
        set(v, "extensions.count", 5L, "extensions.count", "must be a string, got integer"),
        set(v, "extensions.note", JsonNull.INSTANCE, "extensions.note",
            "must be a string, got null"),
        set(v, "extensions.", "x", "extensions[\"\"]", "key must be 1 to 128 characters, got 0"),
        change(v, "extensions key of 129 characters",
            e -> Events.set(e, "extensions." + "k".repeat(129), "x"),
            "extensions[\"" + "k".repeat(64) + "...\"]",
            "key must be 1 to 128 characters, got 129"),
        change(v, "extensions with 65 keys", e -> {
          java.util.Map<String, Object> keys = new java.util.LinkedHashMap<>();
          for (int i = 0; i < 65; i++) {
            keys.put("k" + i, "x");
          }
          Events.set(e, "extensions", keys);
        }, "extensions", "must hold at most 64 keys, got 65"),
        set(v, "la-code", "x", "[\"la-code\"]", "unknown field \"la-code\""));
  }

  static Stream<Mutation> occurredAt() {
    String v = "view";
    String format = "must be an RFC 3339 UTC timestamp YYYY-MM-DDTHH:MM:SS[.fraction]Z";
    return Stream.of(
        set(v, "occurredAt", "2026-03-02T09:15:27+01:00", "occurredAt", format),
        set(v, "occurredAt", "2026-03-02T09:15:27+00:00", "occurredAt", format),
        set(v, "occurredAt", "2026-03-02T09:15:27z", "occurredAt", format),
        set(v, "occurredAt", "2026-03-02t09:15:27Z", "occurredAt", format),
        set(v, "occurredAt", "2026-03-02 09:15:27Z", "occurredAt", format),
        set(v, "occurredAt", "2026-03-02T09:15Z", "occurredAt", format),
        set(v, "occurredAt", "2026-03-02T09:15:27", "occurredAt", format),
        set(v, "occurredAt", "2026-03-02", "occurredAt", format),
        set(v, "occurredAt", "2026-3-2T09:15:27Z", "occurredAt", format),
        set(v, "occurredAt", "2026-03-02T09:15:27.Z", "occurredAt", format),
        set(v, "occurredAt", "2026-03-02T09:15:27.1234567890Z", "occurredAt", format),
        set(v, "occurredAt", "2026-03-02T09:15:27,5Z", "occurredAt", format),
        set(v, "occurredAt", "+2026-03-02T09:15:27Z", "occurredAt", format),
        set(v, "occurredAt", "", "occurredAt", format),
        set(v, "occurredAt", 1772442927L, "occurredAt", "must be a string, got integer"),
        set(v, "occurredAt", "2026-02-30T09:15:27Z", "occurredAt", "is not a real date and time"),
        set(v, "occurredAt", "2025-02-29T09:15:27Z", "occurredAt", "is not a real date and time"),
        set(v, "occurredAt", "2026-13-01T09:15:27Z", "occurredAt", "is not a real date and time"),
        set(v, "occurredAt", "2026-00-10T09:15:27Z", "occurredAt", "is not a real date and time"),
        set(v, "occurredAt", "2026-04-31T09:15:27Z", "occurredAt", "is not a real date and time"),
        set(v, "occurredAt", "2026-03-00T09:15:27Z", "occurredAt", "is not a real date and time"),
        set(v, "occurredAt", "2026-03-02T24:00:00Z", "occurredAt", "is not a real date and time"),
        set(v, "occurredAt", "2026-03-02T09:60:00Z", "occurredAt", "is not a real date and time"),
        set(v, "occurredAt", "2016-12-31T23:59:60Z", "occurredAt", "is not a real date and time"));
  }

  static Stream<Mutation> view() {
    String v = "view";
    return Stream.of(
        remove(v, "subject", "subject", "required"),
        remove(v, "subject.id", "subject.id", "required"),
        set(v, "subject", List.of(object("id", "c-1")), "subject", "must be an object, got array"),
        set(v, "subject.id", "", "subject.id", "must not be empty"),
        set(v, "subject.id", "c".repeat(257), "subject.id", "at most 256 characters"),
        set(v, "subject.name", "Alex", "subject.name", "unknown field \"name\""),
        remove(v, "record", "record", "required"),
        remove(v, "record.type", "record.type", "required"),
        remove(v, "record.id", "record.id", "required"),
        set(v, "record.type", "case/note", "record.type", "must not contain '/'"),
        set(v, "record.type", "case\u0000note", "record.type", "control characters"),
        set(v, "record.id", "r\r1", "record.id", "control characters"),
        set(v, "record.id", 55512L, "record.id", "must be a string, got integer"),
        set(v, "record.version", 2L, "record.version", "unknown field \"version\""),
        set(v, "breakGlass", true, "reason", "required when breakGlass is true"),
        set(v, "breakGlass", "true", "breakGlass", "must be a boolean, got string"),
        set(v, "breakGlass", JsonNull.INSTANCE, "breakGlass", "must be a boolean, got null"),
        set(v, "reason", "", "reason", "must not be empty"),
        change(v, "breakGlass true, blank reason", e -> {
          Events.set(e, "breakGlass", true);
          Events.set(e, "reason", "   ");
        }, "reason", "must not be blank"),
        set(v, "subjects", List.of(object("id", "c-1")), "subjects", "unknown field \"subjects\""),
        set(v, "decision", "SHARE", "decision", "unknown field \"decision\""));
  }

  static Stream<Mutation> shareDecision() {
    String s = "share-decision";
    return Stream.of(
        remove(s, "subjects", "subjects", "required"),
        set(s, "subjects", List.of(), "subjects", "must not be empty"),
        set(s, "subjects", object("id", "c"), "subjects", "must be an array, got object"),
        set(s, "subjects[1]", "child-7789", "subjects[1]", "must be an object, got string"),
        remove(s, "subjects[1].id", "subjects[1].id", "required"),
        set(s, "subjects[1].id", "child-7788", "subjects[1].id",
            "duplicate subject id (same as subjects[0].id)"),
        set(s, "subjects[0].name", "Alex", "subjects[0].name", "unknown field \"name\""),
        set(s, "subjects[0].id", "", "subjects[0].id", "must not be empty"),
        remove(s, "decision", "decision", "required"),
        set(s, "decision", "MAYBE", "decision",
            "must be one of SHARE, DO_NOT_SHARE, got \"MAYBE\""),
        set(s, "decision", "share", "decision", "must be one of SHARE, DO_NOT_SHARE"),
        remove(s, "grounds", "grounds", "required"),
        set(s, "grounds", "PUBLIC_INTEREST", "grounds", "must be one of SERIOUS_HARM_RISK,"
            + " CRIME_PREVENTION_DETECTION, COURT_ORDER, LEGAL_OBLIGATION"),
        remove(s, "consent", "consent", "required"),
        set(s, "consent", "GIVEN", "consent",
            "must be one of NOT_SOUGHT, REFUSED, WITHDRAWN, NOT_POSSIBLE"),
        remove(s, "consentReason", "consentReason", "required"),
        set(s, "consentReason", "", "consentReason", "must not be empty"),
        remove(s, "recipient", "recipient", "required"),
        remove(s, "recipient.organisation", "recipient.organisation", "required"),
        remove(s, "recipient.role", "", ""),
        set(s, "recipient.role", "", "recipient.role", "must not be empty"),
        set(s, "recipient.email", "x@y", "recipient.email", "unknown field \"email\""),
        remove(s, "dataShared", "dataShared", "required"),
        set(s, "dataShared", List.of(), "dataShared", "must not be empty"),
        set(s, "dataShared[1]", "", "dataShared[1]", "must not be empty"),
        set(s, "dataShared[0]", 3L, "dataShared[0]", "must be a string, got integer"),
        remove(s, "decidedBy", "decidedBy", "required"),
        remove(s, "decidedBy.id", "decidedBy.id", "required"),
        set(s, "decidedBy.id", "tm\t7", "decidedBy.id", "control characters"),
        set(s, "decidedBy.badge", "7", "decidedBy.badge", "unknown field \"badge\""),
        remove(s, "rationale", "rationale", "required"),
        set(s, "rationale", "\n", "rationale", "must not be blank"),
        remove(s, "approvedBy", "", ""),
        remove(s, "approvedBy.id", "approvedBy.id", "required"),
        set(s, "approvedBy.id", "h".repeat(257), "approvedBy.id", "at most 256 characters"),
        set(s, "approvedBy.grade", "x", "approvedBy.grade", "unknown field \"grade\""),
        remove(s, "notInformedReason", "notInformedReason",
            "required when subjectInformed is false"),
        set(s, "subjectInformed", true, "notInformedReason",
            "allowed only when subjectInformed is false"),
        remove(s, "subjectInformed", "notInformedReason",
            "allowed only when subjectInformed is false"),
        set(s, "subjectInformed", "no", "subjectInformed", "must be a boolean, got string"),
        set(s, "notInformedReason", "", "notInformedReason", "must not be empty"),
        set(s, "grounds", "COURT_ORDER", "courtOrder", "required when grounds is COURT_ORDER"),
        change(s, "courtOrder date not ISO", e -> Events.set(e, "courtOrder",
                object("court", "Family Court at Northshire", "reference", "NS26C00042",
                    "date", "02/03/2026")),
            "courtOrder.date", "must be a date YYYY-MM-DD, got \"02/03/2026\""),
        change(s, "courtOrder date Feb 30", e -> Events.set(e, "courtOrder",
                object("court", "Family Court", "reference", "NS26C00042", "date", "2026-02-30")),
            "courtOrder.date", "is not a real date"),
        change(s, "courtOrder without reference", e -> Events.set(e, "courtOrder",
                object("court", "Family Court", "date", "2026-03-02")),
            "courtOrder.reference", "required"),
        change(s, "courtOrder with a judge", e -> Events.set(e, "courtOrder",
                object("court", "Family Court", "reference", "R", "date", "2026-03-02",
                    "judge", "HHJ X")),
            "courtOrder.judge", "unknown field \"judge\""),
        set(s, "courtOrder", "NS26C00042", "courtOrder", "must be an object, got string"),
        set(s, "dataset", object(), "dataset", "unknown field \"dataset\""),
        set(s, "subject", object("id", "c"), "subject", "unknown field \"subject\""));
  }

  static Stream<Mutation> extractRelease() {
    String x = "extract-release";
    return Stream.of(
        remove(x, "recipient", "recipient", "required"),
        remove(x, "recipient.organisation", "recipient.organisation", "required"),
        remove(x, "agreement", "agreement", "required"),
        set(x, "agreement", "", "agreement", "must not be empty"),
        remove(x, "dataset", "dataset", "required"),
        set(x, "dataset", List.of(), "dataset", "must be an object, got array"),
        remove(x, "dataset.name", "dataset.name", "required"),
        remove(x, "dataset.sha256", "dataset.sha256", "required"),
        set(x, "dataset.sha256", "9F86D081884C7D659A2FEAA0C55AD015A3BF4F1B2B0B822CD15D6C15B0F00A08",
            "dataset.sha256", "must be 64 lowercase hex digits"),
        set(x, "dataset.sha256", "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a0",
            "dataset.sha256", "must be 64 lowercase hex digits"),
        set(x, "dataset.sha256", "g".repeat(64), "dataset.sha256", "lowercase hex"),
        remove(x, "dataset.rowCount", "dataset.rowCount", "required"),
        set(x, "dataset.rowCount", -1L, "dataset.rowCount", "must be >= 0, got -1"),
        set(x, "dataset.rowCount", "12840", "dataset.rowCount", "must be an integer, got string"),
        remove(x, "dataset.pseudonymised", "dataset.pseudonymised", "required"),
        set(x, "dataset.pseudonymised", "true", "dataset.pseudonymised",
            "must be a boolean, got string"),
        remove(x, "dataset.categories", "dataset.categories", "required"),
        set(x, "dataset.categories", List.of(), "dataset.categories", "must not be empty"),
        set(x, "dataset.categories[2]", "referrals", "dataset.categories[2]",
            "duplicate category \"referrals\" (same as dataset.categories[0])"),
        set(x, "dataset.categories[1]", "", "dataset.categories[1]", "must not be empty"),
        remove(x, "dataset.periodFrom", "dataset.periodFrom", "required"),
        remove(x, "dataset.periodTo", "dataset.periodTo", "required"),
        set(x, "dataset.periodFrom", "2020-13-01", "dataset.periodFrom", "is not a real date"),
        set(x, "dataset.periodFrom", "2020-01-01T00:00:00Z", "dataset.periodFrom",
            "must be a date YYYY-MM-DD"),
        set(x, "dataset.periodTo", "2019-12-31", "dataset.periodTo",
            "must not be before dataset.periodFrom (2020-01-01)"),
        set(x, "dataset.rows", 3L, "dataset.rows", "unknown field \"rows\""),
        remove(x, "subjects", "subjects", "required"),
        set(x, "subjects", List.of(), "subjects", "must not be empty"),
        set(x, "subjects[2].id", "child-0001", "subjects[2].id",
            "duplicate subject id (same as subjects[0].id)"),
        set(x, "subjects[1].nhs", "x", "subjects[1].nhs", "unknown field \"nhs\""),
        remove(x, "approvedBy", "", ""),
        remove(x, "approvedBy.id", "approvedBy.id", "required"),
        set(x, "decision", "SHARE", "decision", "unknown field \"decision\""),
        set(x, "record", object("type", "t", "id", "i"), "record", "unknown field \"record\""));
  }

  static Stream<Mutation> allocationAndClosure() {
    String a = "allocation";
    String c = "case-closure";
    return Stream.of(
        remove(a, "to", "", ""),
        remove(a, "subject", "subject", "required"),
        remove(a, "allocationId", "allocationId", "required"),
        set(a, "allocationId", "a\nb", "allocationId", "control character"),
        remove(a, "assignee", "assignee", "required"),
        remove(a, "from", "from", "required"),
        set(a, "from", "2026-03-01", "from", "RFC 3339"),
        set(a, "to", "2026-02-01T00:00:00Z", "to", "must not be before from"),
        set(a, "assignee", object("worker", "sw-1", "team", "t-1"), "assignee",
            "exactly one of worker"),
        set(a, "assignee", object(), "assignee", "exactly one of worker"),
        set(a, "assignee", object("worker", "sw-1", "manager", "m-1"), "assignee.manager",
            "unknown field \"manager\""),
        set(a, "assignee", object("team", ""), "assignee.team", "must not be empty"),
        set(a, "record", object("type", "t", "id", "i"), "record", "unknown field \"record\""),
        remove(c, "reason", "", ""),
        remove(c, "subject", "subject", "required"),
        set(c, "reason", " ", "reason", "blank"),
        set(c, "allocationId", "x", "allocationId", "unknown field \"allocationId\""));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource({"common", "commonDetail", "occurredAt", "view", "shareDecision",
      "extractRelease", "allocationAndClosure"})
  void eachMutationFailsWithExactlyTheExpectedProblem(Mutation mutation) {
    Map<String, Object> event = Events.fixture(mutation.fixture());
    mutation.change().accept(event);
    List<FieldError> errors = VALIDATOR.validate(Events.reparse(event));
    if (mutation.field().isEmpty() && mutation.message().isEmpty()) {
      assertThat(errors).as("an optional field may be left out").isEmpty();
      return;
    }
    assertThat(errors).extracting(FieldError::field).containsExactly(mutation.field());
    assertThat(errors.get(0).message()).contains(mutation.message());
  }
}
