package io.accessledger.entries;

import static io.accessledger.entries.Samples.object;
import static io.accessledger.entries.Samples.parsed;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The five types records systems post, each read from a valid leaf and from odd ones. */
class PostedEventsParseTest {
  @Test
  void aView() {
    View view = parsed(1);
    assertThat(view.subject()).isEqualTo("child-7788");
    assertThat(view.record()).isEqualTo(new RecordRef("referral", "r-1"));
    assertThat(view.breakGlass()).isTrue();
    assertThat(view.reason()).contains("Police at the door");
    assertThat(view.header().actor())
        .isEqualTo(new Person("edt-9", Optional.empty(), Optional.empty(), Optional.empty()));

    View plain = parsed(0, event -> event.remove("breakGlass"));
    assertThat(plain.breakGlass()).isFalse();
    assertThat(plain.reason()).isEmpty();
    View odd = parsed(1, event -> {
      event.put("subject", "child-7788");
      object(event, "record").put("id", 12L);
    });
    assertThat(odd.subject()).isNull();
    assertThat(odd.record()).isEqualTo(new RecordRef("referral", null));
    assertThat(Samples.<View>parsed(1, event -> event.remove("record")).record())
        .isEqualTo(RecordRef.NONE);
  }

  @Test
  void aShareDecision() {
    ShareDecision share = parsed(2);
    assertThat(share.subjects()).containsExactly("child-7788", "child-7789");
    assertThat(List.of(share.decision(), share.grounds(), share.consent()))
        .containsExactly("SHARE", "SERIOUS_HARM_RISK", "NOT_SOUGHT");
    assertThat(share.consentReason()).startsWith("Seeking consent");
    assertThat(share.recipient())
        .isEqualTo(new Recipient("Northshire Police", Optional.of("Public Protection Unit")));
    assertThat(share.dataShared()).containsExactly("referral summary", "chronology since 2025-09");
    assertThat(share.decidedBy().displayName()).contains("B. Manager");
    assertThat(share.rationale()).startsWith("Reasonable cause");
    assertThat(share.approvedBy().map(Person::id)).contains("hos-0001");
    assertThat(share.subjectInformed()).contains(false);
    assertThat(share.notInformedReason()).contains("Informing the family would prejudice the enquiry");
    assertThat(share.courtOrder()).isEmpty();
    ShareDecision ordered = parsed(3);
    assertThat(ordered.courtOrder())
        .contains(new CourtOrder("Family Court at Northshire", "NS26C00123", "2026-03-20"));
    assertThat(ordered.approvedBy()).isEmpty();
    assertThat(ordered.recipient().role()).isEmpty();
  }

  @Test
  void aShareDecisionFromAnOddLeaf() {
    ShareDecision odd = parsed(3, event -> {
      event.put("subjects", List.of(Map.of("id", "c-1"), "c-2", Map.of("id", " ")));
      event.put("approvedBy", Map.of("id", " "));
      event.put("subjectInformed", "no");
      object(event, "courtOrder").put("court", "");
      event.remove("recipient");
      event.remove("decidedBy");
      event.remove("decision");
    });
    assertThat(odd.subjects()).containsExactly("c-1");
    assertThat(odd.approvedBy()).as("an object is there, with no id")
        .contains(new Person(null, Optional.empty(), Optional.empty(), Optional.empty()));
    assertThat(odd.subjectInformed()).isEmpty();
    assertThat(odd.courtOrder()).contains(new CourtOrder(null, "NS26C00123", "2026-03-20"));
    assertThat(odd.recipient()).isEqualTo(Recipient.NONE);
    assertThat(odd.decidedBy()).isEqualTo(Person.NONE);
    assertThat(odd.decision()).isNull();
    assertThat(Samples.<ShareDecision>parsed(3, event -> event.put("courtOrder", "NS26C00123"))
        .courtOrder()).isEmpty();
  }

  @Test
  void anExtractRelease() {
    ExtractRelease release = parsed(4);
    assertThat(release.recipient().organisation())
        .isEqualTo("What Works for Children's Social Care");
    assertThat(release.agreement()).isEqualTo("WWCSC-FAMILY-VALUED");
    assertThat(release.dataset()).isEqualTo(new Dataset("family-valued-extract-2026-01",
        "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08", 12840L, true,
        List.of("referrals", "assessments", "cin-plans", "ethnicity"), "2020-01-01",
        "2025-12-31"));
    assertThat(release.subjectCount()).isEqualTo(3L);
    assertThat(release.approvedBy().map(Person::id)).contains("dpo-0001");

    ExtractRelease odd = parsed(4, event -> {
      event.remove("dataset");
      event.put("subjectCount", "3");
      event.remove("approvedBy");
    });
    assertThat(odd.dataset())
        .isEqualTo(new Dataset(null, null, null, null, List.of(), null, null));
    assertThat(odd.subjectCount()).isNull();
    assertThat(odd.approvedBy()).isEmpty();
    Dataset wrong = Samples.<ExtractRelease>parsed(4, event -> {
      object(event, "dataset").put("rowCount", "12840");
      object(event, "dataset").put("pseudonymised", "yes");
    }).dataset();
    assertThat(wrong.rowCount()).isNull();
    assertThat(wrong.pseudonymised()).isNull();
  }

  @Test
  void anAllocation() {
    Allocation worker = parsed(6);
    assertThat(worker.subject()).isEqualTo("child-7788");
    assertThat(worker.allocationId()).isEqualTo("alloc-501");
    assertThat(worker.assignee()).isEqualTo(new Assignee(Optional.of("sw-0042"), Optional.empty()));
    assertThat(worker.from()).isEqualTo(Instant.parse("2026-03-01T09:00:00Z"));
    assertThat(worker.to()).contains(Instant.parse("2026-09-01T00:00:00Z"));
    Allocation team = parsed(7);
    assertThat(team.assignee()).isEqualTo(new Assignee(Optional.empty(), Optional.of("north-cin")));
    assertThat(team.to()).isEmpty();

    Allocation odd = parsed(6, event -> {
      event.put("from", "yesterday");
      event.put("to", 5L);
      event.put("assignee", "sw-0042");
    });
    assertThat(odd.from()).isNull();
    assertThat(odd.to()).isEmpty();
    assertThat(odd.assignee()).isEqualTo(new Assignee(Optional.empty(), Optional.empty()));
  }

  @Test
  void aCaseClosure() {
    CaseClosure closure = parsed(8);
    assertThat(closure.subject()).isEqualTo("child-7788");
    assertThat(closure.reason()).contains("No further action");
    assertThat(Samples.<CaseClosure>parsed(9).reason()).isEmpty();
    assertThat(Samples.<CaseClosure>parsed(8, event -> event.put("reason", " ")).reason())
        .isEmpty();
    assertThat(Samples.<CaseClosure>parsed(8, event -> event.put("subject", Map.of("id", 7L)))
        .subject()).isNull();
  }
}
