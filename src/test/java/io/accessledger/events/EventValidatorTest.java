package io.accessledger.events;

import static org.assertj.core.api.Assertions.assertThat;

import io.accessledger.ledger.json.CanonicalJson;
import io.accessledger.ledger.json.JsonNull;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Whole events: the valid fixtures, the 4 KiB limit, big extracts, and the error list itself. */
class EventValidatorTest {
  private final EventValidator validator = new EventValidator(LegalBasisVocabulary.shipped());

  private List<FieldError> validate(Map<String, Object> event) {
    return validator.validate(Events.reparse(event));
  }

  @ParameterizedTest
  @ValueSource(strings = {"view", "view-minimal", "share-decision", "extract-release"})
  void theFixturesAreValid(String fixture) {
    assertThat(validate(Events.fixture(fixture))).isEmpty();
  }

  @Test
  void acceptsTheParserOutputDirectly() {
    byte[] json = ("{\"eventId\":\"a\",\"type\":\"VIEW\",\"occurredAt\":\"2026-01-01T00:00:00Z\","
        + "\"actor\":{\"id\":\"u\"},\"purpose\":\"p\",\"legalBasis\":[\"UKGDPR-6-1-e\"],"
        + "\"subject\":{\"id\":\"s\"},\"record\":{\"type\":\"t\",\"id\":\"i\"}}")
        .getBytes(StandardCharsets.UTF_8);
    assertThat(validator.validate(CanonicalJson.parse(json))).isEmpty();
  }

  @Test
  void aShareOnCourtOrderGroundsWithTheOrderIsValid() {
    Map<String, Object> event = Events.fixture("share-decision");
    Events.set(event, "grounds", "COURT_ORDER");
    Events.set(event, "legalBasis", List.of("UKGDPR-6-1-c", "DPA2018-S2-P5-1", "COURT-ORDER"));
    Map<String, Object> order = new LinkedHashMap<>();
    order.put("court", "Family Court at Northshire");
    order.put("reference", "NS26C00042");
    order.put("date", "2026-02-28");
    Events.set(event, "courtOrder", order);
    Events.set(event, "subjectInformed", true);
    Events.remove(event, "notInformedReason");
    assertThat(validate(event)).isEmpty();
  }

  @Test
  void breakGlassWithAReasonIsValid() {
    Map<String, Object> event = Events.fixture("view");
    Events.set(event, "breakGlass", true);
    Events.set(event, "reason", "Out of hours emergency placement");
    assertThat(validate(event)).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"2026-03-02T09:15:27Z", "2026-03-02T09:15:27.1Z",
      "2026-03-02T09:15:27.123456789Z", "2024-02-29T23:59:59Z", "2000-02-29T00:00:00Z",
      "0001-01-01T00:00:00Z", "9999-12-31T23:59:59.999999999Z"})
  void acceptsUtcTimestampsWithFractionsAndLeapDays(String occurredAt) {
    Map<String, Object> event = Events.fixture("view");
    Events.set(event, "occurredAt", occurredAt);
    assertThat(validate(event)).isEmpty();
    assertThat(Rfc3339.isUtcTimestamp(occurredAt)).isTrue();
  }

  @Test
  void datesAreRealCalendarDays() {
    assertThat(Rfc3339.isDate("2024-02-29")).isTrue();
    assertThat(Rfc3339.isDate("1900-02-29")).isFalse();
    assertThat(Rfc3339.isDate("2026-02-30")).isFalse();
    assertThat(Rfc3339.isDate("2026-2-03")).isFalse();
    assertThat(Rfc3339.isDate("2026-02-03Z")).isFalse();
    assertThat(Rfc3339.isUtcTimestamp("2026-02-03")).isFalse();
  }

  @Test
  void eventIdsOfExactly128SafeCharactersAreAccepted() {
    Map<String, Object> event = Events.fixture("view");
    Events.set(event, "eventId", "aZ09._:-".repeat(16));
    assertThat(validate(event)).isEmpty();
  }

  @Test
  void idsOf256CharactersAreAcceptedCountingCodePoints() {
    Map<String, Object> event = Events.fixture("view");
    Events.set(event, "actor.id", "a".repeat(256));
    Events.set(event, "subject.id", "\ud83d\ude00".repeat(256)); // 512 UTF-16 units
    Events.set(event, "record.id", "r/with/slashes");
    assertThat(validate(event)).isEmpty();
  }

  // ---- the 4 KiB limit, counted in UTF-8 bytes

  @Test
  void stringsOfExactly4096BytesPass() {
    for (String s : List.of("a".repeat(4096), "\u00e9".repeat(2048), "\u20ac".repeat(1365) + "a",
        "\ud83d\ude00".repeat(1024))) {
      assertThat(s.getBytes(StandardCharsets.UTF_8)).hasSize(4096);
      Map<String, Object> event = Events.fixture("view");
      Events.set(event, "purpose", s);
      Events.set(event, "extensions.long", s);
      assertThat(validate(event)).isEmpty();
    }
  }

  @Test
  void stringsOf4097BytesFailNamingTheFieldAndTheLimit() {
    for (String s : List.of("a".repeat(4097), "\u00e9".repeat(2048) + "a",
        "\u20ac".repeat(1365) + "\u00e9", "\ud83d\ude00".repeat(1024) + "a")) {
      assertThat(s.getBytes(StandardCharsets.UTF_8)).hasSize(4097);
      Map<String, Object> event = Events.fixture("view");
      Events.set(event, "purpose", s);
      assertThat(validate(event)).containsExactly(
          new FieldError("purpose", "must be at most 4096 UTF-8 bytes, got 4097"));
    }
  }

  @Test
  void theLimitAppliesToEveryStringWhereverItIs() {
    String big = "x".repeat(EventValidator.MAX_STRING_BYTES + 1);
    Map<String, Object> share = Events.fixture("share-decision");
    Events.set(share, "rationale", big);
    Events.set(share, "dataShared[1]", big);
    Events.set(share, "recipient.role", big);
    Events.set(share, "notInformedReason", big);
    assertThat(validate(share)).extracting(FieldError::field).containsExactly(
        "recipient.role", "dataShared[1]", "rationale", "notInformedReason");
    Map<String, Object> extract = Events.fixture("extract-release");
    Events.set(extract, "dataset.name", big);
    Events.set(extract, "extensions", Map.of("note", big));
    Events.set(extract, "legalBasis[2]", big);
    assertThat(validate(extract))
        .extracting(FieldError::field)
        .containsExactly("legalBasis[2]", "extensions.note", "dataset.name");
    assertThat(validate(extract)).allSatisfy(e ->
        assertThat(e.message()).isEqualTo("must be at most 4096 UTF-8 bytes, got 4097"));
  }

  // ---- big extracts

  @Test
  void anExtractOf100000SubjectsPasses() {
    Map<String, Object> event = Events.fixture("extract-release");
    Events.set(event, "subjects", Events.subjects(EventValidator.MAX_EXTRACT_SUBJECTS));
    assertThat(validate(event)).isEmpty();
  }

  @Test
  void anExtractOf100001SubjectsFails() {
    Map<String, Object> event = Events.fixture("extract-release");
    Events.set(event, "subjects", Events.subjects(EventValidator.MAX_EXTRACT_SUBJECTS + 1));
    assertThat(validate(event)).containsExactly(
        new FieldError("subjects", "must name at most 100000 subjects, got 100001"));
  }

  @Test
  void stopsAfterOneHundredProblems() {
    Map<String, Object> event = Events.fixture("extract-release");
    List<Object> subjects = new ArrayList<>();
    for (int i = 0; i < 50_000; i++) {
      subjects.add(Map.of("id", ""));
    }
    Events.set(event, "subjects", subjects);
    List<FieldError> errors = validate(event);
    assertThat(errors).hasSize(EventValidator.MAX_ERRORS);
    assertThat(errors.get(0)).isEqualTo(new FieldError("subjects[0].id", "must not be empty"));
    assertThat(errors.get(99).field()).isEqualTo("subjects[99].id");
  }

  // ---- the error list

  @Test
  void reportsEveryProblemAtOnceInAStableOrder() {
    Map<String, Object> event = Events.fixture("view");
    Events.remove(event, "actor.id");
    Events.set(event, "purpose", "");
    Events.set(event, "legalBasis", List.of("CA1989-S17", "NOPE"));
    Events.set(event, "record.type", "a/b");
    Events.set(event, "colour", "blue");
    Events.set(event, "breakGlass", true);
    assertThat(validate(event)).extracting(FieldError::toString).containsExactly(
        "colour: unknown field \"colour\"",
        "actor.id: required",
        "purpose: must not be empty",
        "legalBasis[1]: unknown legal basis code \"NOPE\"",
        "legalBasis: must include at least one UK GDPR Article 6 lawful basis (UKGDPR-6-1-...)",
        "record.type: must not contain '/' (the link key record:<type>/<id> would be ambiguous)",
        "reason: required when breakGlass is true");
  }

  @Test
  void withoutAValidTypeTheCommonFieldsAreStillChecked() {
    Map<String, Object> event = Events.fixture("share-decision");
    Events.set(event, "type", "SHARE");
    Events.remove(event, "purpose");
    Events.set(event, "sharedWith", "x");
    assertThat(validate(event)).extracting(FieldError::field)
        .containsExactly("type", "sharedWith", "purpose");
  }

  @Test
  void theEventItselfMustBeAnObject() {
    assertThat(validator.validate(CanonicalJson.parse("[]")))
        .containsExactly(new FieldError("", "must be a JSON object, got array"));
    assertThat(validator.validate("VIEW"))
        .containsExactly(new FieldError("", "must be a JSON object, got string"));
    assertThat(validator.validate(JsonNull.INSTANCE))
        .containsExactly(new FieldError("", "must be a JSON object, got null"));
    assertThat(validator.validate(null))
        .containsExactly(new FieldError("", "must be a JSON object, got nothing"));
    assertThat(validator.validate(Map.of()).get(0).toString()).isEqualTo("type: required");
  }

  @Test
  void anEmptyObjectNamesEveryCommonField() {
    assertThat(validator.validate(Map.of())).extracting(FieldError::toString).containsExactly(
        "type: required", "eventId: required", "occurredAt: required", "actor: required",
        "purpose: required", "legalBasis: required");
  }

  @Test
  void fieldErrorsReadAsPathAndMessage() {
    assertThat(new FieldError("actor.id", "required")).hasToString("actor.id: required");
    assertThat(new FieldError("", "must be a JSON object, got array"))
        .hasToString("(event): must be a JSON object, got array");
  }

  @Test
  void hostileKeysAndValuesAreEscapedAndShortenedInMessages() {
    Map<String, Object> event = Events.fixture("view");
    Events.set(event, "a\"b\nc", "x");
    Events.set(event, "type", "V\u2028" + "I".repeat(100));
    List<FieldError> errors = validate(event);
    assertThat(errors).extracting(FieldError::field)
        .containsExactly("type", "[\"a\\\"b\\u000ac\"]");
    assertThat(errors.get(0).message())
        .startsWith("unknown type \"V\\u2028" + "I".repeat(62) + "...\"")
        .doesNotContain("\n", "\u2028");
  }

  @Test
  void eventTypesParseExactly() {
    assertThat(EventType.parse("VIEW")).contains(EventType.VIEW);
    assertThat(EventType.parse("SHARE_DECISION")).contains(EventType.SHARE_DECISION);
    assertThat(EventType.parse("EXTRACT_RELEASE")).contains(EventType.EXTRACT_RELEASE);
    assertThat(EventType.parse("view")).isEmpty();
    assertThat(EventType.parse("AUDIT_QUERY")).isEmpty();
    assertThat(EventType.parse(null)).isEmpty();
  }

  @Test
  void theLedgersOwnMaintenanceEntriesCannotBePosted() {
    Map<String, Object> event = Events.fixture("view");
    Events.set(event, "type", "MAINTENANCE");
    assertThat(validate(event)).filteredOn(error -> error.field().equals("type"))
        .extracting(FieldError::message)
        .containsExactly("MAINTENANCE events are written by the ledger itself and cannot be posted");
  }

  @Test
  void theResultIsImmutable() {
    List<FieldError> errors = validator.validate(Map.of());
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> errors.add(null))
        .isInstanceOf(UnsupportedOperationException.class);
  }
}
