package io.accessledger.entries;

import static io.accessledger.entries.Samples.object;
import static io.accessledger.entries.Samples.parsed;
import static org.assertj.core.api.Assertions.assertThat;

import io.accessledger.ledger.json.JsonNull;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The parser's common rules: dispatch on type, the header, and what is not given. */
class EventParserTest {
  @Test
  void everyEntryTypeHasItsOwnRecord() {
    assertThat(SampleEntries.all()).extracting(entry -> (Object) EventParser.parse(entry).getClass())
        .containsExactly(View.class, View.class, ShareDecision.class, ShareDecision.class,
            ExtractRelease.class, ExtractSubject.class, Allocation.class, Allocation.class,
            CaseClosure.class, CaseClosure.class, AuditQuery.class, AuditQuery.class,
            Review.class, Maintenance.class, AuditQuery.class);
  }

  @Test
  void theHeaderHoldsTheFieldsEveryEntryMayCarry() {
    View view = parsed(0);
    assertThat(view.header()).isEqualTo(new Header("VIEW", "lcs:view:000123",
        "2026-03-02T09:15:27.123Z", Instant.parse("2026-03-02T09:15:27.123Z"),
        new Person("sw-0042", Optional.of("social-worker"),
            Optional.of("north-cin"), Optional.of("A. Worker")),
        "Preparing the child in need review",
        List.of("UKGDPR-6-1-e", "UKGDPR-9-2-h", "DPA2018-S1-P2", "CA1989-S17")));
    assertThat(EventParser.header(SampleEntries.entry(0))).isEqualTo(view.header());
  }

  @Test
  void entriesTheLedgerWritesHaveNoPurposeOrLegalBasisAndSomeNoActor() {
    Header subject = EventParser.parse(SampleEntries.entry(5)).header();
    assertThat(subject.actor()).isEqualTo(Person.NONE);
    assertThat(subject.purpose()).isNull();
    assertThat(subject.legalBasis()).isEmpty();
    assertThat(EventParser.parse(SampleEntries.entry(10)).header().actor().id()).isEqualTo("dpo");
  }

  @Test
  void anUnknownOrMissingTypeReadsAsAnOtherEventWithItsHeader() {
    LedgerEvent unknown = EventParser.parse(Map.of("type", "SOME_LATER_TYPE", "eventId", "k-1",
        "occurredAt", "2027-01-01T00:00:00Z", "oldKey", "a", "newKey", "b"));
    assertThat(unknown).isInstanceOf(OtherEvent.class);
    assertThat(unknown.header().eventId()).isEqualTo("k-1");
    LedgerEvent rotation = EventParser.parse(Map.of("type", "KEY_ROTATION", "eventId", "k-2",
        "occurredAt", "2027-01-01T00:00:00Z", "oldKey", "a", "newKey", "b"));
    assertThat(rotation).isEqualTo(new KeyRotationEvent(rotation.header(), "a", "b"));
    assertThat(EventParser.parse(Map.of("eventId", "x"))).isInstanceOf(OtherEvent.class);
    assertThat(EventParser.parse(Map.of("type", " "))).isInstanceOf(OtherEvent.class);
    assertThat(EventParser.parse(Map.of("type", 7L))).isInstanceOf(OtherEvent.class);
    assertThat(EventParser.parse(Map.of()).header())
        .isEqualTo(new Header(null, null, null, null, Person.NONE, null, List.of()));
  }

  @Test
  void aBlankStringIsNotGivenWhetherTheFieldIsRequiredOrOptional() {
    View view = parsed(0, event -> {
      event.put("purpose", "   ");
      event.put("eventId", "");
      object(event, "actor").put("role", "\t");
      object(event, "actor").put("id", " ");
      event.put("reason", "\n");
    });
    assertThat(view.header().purpose()).isNull();
    assertThat(view.header().eventId()).isNull();
    assertThat(view.header().actor().id()).isNull();
    assertThat(view.header().actor().role()).isEmpty();
    assertThat(view.reason()).isEmpty();
  }

  @Test
  void aValueOfTheWrongTypeIsNotGivenAndNeverAnError() {
    View view = parsed(0, event -> {
      event.put("occurredAt", 1_700_000_000L);
      event.put("actor", "sw-0042");
      event.put("legalBasis", "UKGDPR-6-1-e");
      event.put("record", List.of("case-note"));
      event.put("breakGlass", "true");
      event.put("reason", JsonNull.INSTANCE);
    });
    assertThat(view.header().occurredAt()).isNull();
    assertThat(view.header().at()).isNull();
    assertThat(view.header().actor()).isEqualTo(Person.NONE);
    assertThat(view.header().legalBasis()).isEmpty();
    assertThat(view.record()).isEqualTo(RecordRef.NONE);
    assertThat(view.breakGlass()).as("only the JSON true").isFalse();
    assertThat(view.reason()).isEmpty();
  }

  @Test
  void aTimeThatIsNotRfc3339IsKeptAsWrittenWithNoInstant() {
    Header header = EventParser.parse(Map.of("type", "VIEW", "occurredAt", "2026-03-03 10:00"))
        .header();
    assertThat(header.occurredAt()).isEqualTo("2026-03-03 10:00");
    assertThat(header.at()).isNull();
  }

  @Test
  void listElementsThatAreNotGivenAreLeftOut() {
    View view = parsed(0, event -> event.put("legalBasis",
        List.of("UKGDPR-6-1-e", " ", 5L, JsonNull.INSTANCE, Map.of(), "CA1989-S17")));
    assertThat(view.header().legalBasis()).containsExactly("UKGDPR-6-1-e", "CA1989-S17");
  }

  @Test
  void theRecordsAreImmutable() {
    ShareDecision share = parsed(2);
    assertThat(share.subjects()).isUnmodifiable();
    assertThat(share.dataShared()).isUnmodifiable();
    assertThat(share.header().legalBasis()).isUnmodifiable();
    AuditQuery query = parsed(10);
    assertThat(query.parameters()).isUnmodifiable();
  }
}
