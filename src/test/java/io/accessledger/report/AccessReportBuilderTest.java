package io.accessledger.report;

import static io.accessledger.report.ReportFixtures.auditQuery;
import static io.accessledger.report.ReportFixtures.extractSubject;
import static io.accessledger.report.ReportFixtures.person;
import static io.accessledger.report.ReportFixtures.release;
import static io.accessledger.report.ReportFixtures.report;
import static io.accessledger.report.ReportFixtures.share;
import static io.accessledger.report.ReportFixtures.source;
import static io.accessledger.report.ReportFixtures.view;
import static org.assertj.core.api.Assertions.assertThat;

import io.accessledger.events.LegalBasisVocabulary;
import java.time.Instant;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AccessReportBuilderTest {
  /** Two social workers, a team manager who decides, a head of service known only by id. */
  static List<Map<String, Object>> staffedHistory() {
    return List.of(
        view("2026-03-01T09:00:00Z", person("sw-1", "social-worker", "north", "Sam Worker"), "a"),
        view("2026-03-01T10:00:00Z", person("sw-2", "social-worker", "south", null), "b"),
        view("2026-03-01T11:00:00Z", person("sw-1", "social-worker", "north", "Sam Worker"), "c"),
        share(person("tm-1", "team-manager", "north", "Terry Manager"), person("tm-1", null, null,
            null), person("hos-1", null, null, null)),
        release(person("ig-1", "information-governance", null, null)),
        extractSubject(4));
  }

  static final List<Map<String, Object>> CHECKS = List.of(
      auditQuery("ico-case-7", "investigator", "/v1/subjects/c-1/events"));

  /** Everything the report's content shows, as text (the evidence carries the raw leaves). */
  static String content(AccessReport report) {
    return List.of(report.requestedBy(), report.views(), report.shares(), report.extracts(),
        report.otherEntries(), report.auditorChecks()).toString();
  }

  @Test
  void pseudonymsAreOnePerPersonForTheWholeReportCountedPerRole() {
    AccessReport report = report(StaffNames.PSEUDONYM, staffedHistory(), CHECKS);
    assertThat(report.views()).extracting(v -> v.viewer().pseudonym())
        .containsExactly("Social worker A", "Social worker B", "Social worker A");
    ShareItem share = report.shares().get(0);
    // The actor and the decider are one person: one label.
    assertThat(share.recordedBy().pseudonym()).isEqualTo("Team manager A");
    assertThat(share.decidedBy().pseudonym()).isEqualTo("Team manager A");
    assertThat(share.approvedBy().pseudonym()).isEqualTo("Member of staff A");
    assertThat(report.extracts().get(0).releasedBy().pseudonym())
        .isEqualTo("Information governance A");
    assertThat(report.auditorChecks().get(0).by().pseudonym()).isEqualTo("Investigator A");
    assertThat(report.requestedBy().pseudonym()).isEqualTo("Auditor A");
    // Role and team are always shown; names and ids never.
    assertThat(report.views().get(1).viewer())
        .isEqualTo(new Staff("social-worker", "south", null, null, "Social worker B"));
    assertThat(content(report)).doesNotContain("sw-1", "sw-2", "Sam Worker", "tm-1",
        "Terry Manager", "hos-1", "ig-1", "ico-case-7", "dpo-jane");
  }

  @Test
  void aPseudonymTakesTheRoleThePersonHasElsewhereInTheReport() {
    // The approver is named by id only in the share, and with a role in a later view.
    List<Map<String, Object>> events = List.of(
        share(person("tm-1", "team-manager", null, null), person("tm-1", null, null, null),
            person("hos-1", null, null, null)),
        view("2026-03-09T09:00:00Z", person("hos-1", "head-of-service", null, null), "review"));
    AccessReport report = report(StaffNames.PSEUDONYM, events, List.of());
    assertThat(report.shares().get(0).approvedBy().pseudonym()).isEqualTo("Head of service A");
    assertThat(report.views().get(0).viewer().pseudonym()).isEqualTo("Head of service A");
  }

  @Test
  void roleOnlyShowsRoleAndTeamAndNothingThatTellsPeopleApart() {
    AccessReport report = report(StaffNames.ROLE_ONLY, staffedHistory(), CHECKS);
    assertThat(report.views()).extracting(ViewItem::viewer).containsExactly(
        new Staff("social-worker", "north", null, null, null),
        new Staff("social-worker", "south", null, null, null),
        new Staff("social-worker", "north", null, null, null));
    assertThat(report.shares().get(0).decidedBy())
        .isEqualTo(new Staff("team-manager", "north", null, null, null));
    assertThat(report.requestedBy()).isEqualTo(new Staff("auditor", null, null, null, null));
    assertThat(content(report)).doesNotContain("sw-1", "sw-2", "Sam Worker", "tm-1",
        "Terry Manager", "hos-1", "ig-1", "ico-case-7", "dpo-jane");
  }

  @Test
  void showGivesNamesAndStaffIdsAsRecorded() {
    AccessReport report = report(StaffNames.SHOW, staffedHistory(), CHECKS);
    assertThat(report.views()).extracting(ViewItem::viewer).containsExactly(
        new Staff("social-worker", "north", "sw-1", "Sam Worker", null),
        new Staff("social-worker", "south", "sw-2", null, null),
        new Staff("social-worker", "north", "sw-1", "Sam Worker", null));
    assertThat(report.shares().get(0).approvedBy())
        .isEqualTo(new Staff(null, null, "hos-1", null, null));
    assertThat(report.auditorChecks().get(0).by())
        .isEqualTo(new Staff("investigator", null, "ico-case-7", null, null));
  }

  @Test
  void lettersRunAToZThenTwoLetters() {
    assertThat(StaffNamer.letters(0)).isEqualTo("A");
    assertThat(StaffNamer.letters(25)).isEqualTo("Z");
    assertThat(StaffNamer.letters(26)).isEqualTo("AA");
    assertThat(StaffNamer.letters(27)).isEqualTo("AB");
    assertThat(StaffNamer.letters(701)).isEqualTo("ZZ");
    assertThat(StaffNamer.letters(702)).isEqualTo("AAA");
  }

  @Test
  void sharesAndExtractsCarryWordsForTheirCodesAndNeverAnotherChild() {
    AccessReport report = report(StaffNames.ROLE_ONLY, staffedHistory(), List.of());
    ShareItem share = report.shares().get(0);
    assertThat(share.decision()).isEqualTo(new Coded("DO_NOT_SHARE", "not to share"));
    assertThat(share.grounds())
        .isEqualTo(new Coded("CRIME_PREVENTION_DETECTION", "preventing or detecting a crime"));
    assertThat(share.consent())
        .isEqualTo(new Coded("REFUSED", "consent was asked for and refused"));
    assertThat(share.entry()).isEqualTo(new Ref(3, String.format("%064x", 3)));
    ExtractItem extract = report.extracts().get(0);
    assertThat(extract.recipient()).isEqualTo(new Recipient("Evaluator Ltd", "research team"));
    assertThat(extract.pseudonymised()).isFalse();
    assertThat(extract.categories()).containsExactly("referrals", "cin-plans");
    assertThat(extract.entry().seq()).isEqualTo(5);
    assertThat(extract.release().seq()).isEqualTo(4);
    assertThat(content(report)).doesNotContain("sibling-2");
    assertThat(report.evidence().releases()).extracting(e -> e.seq()).containsExactly(4L);
  }

  @Test
  void legalBasesCarryTheVocabularysLabelsAndAnUnknownCodeKeepsItsCodeWithNoLabel() {
    Map<String, Object> event = new LinkedHashMap<>(
        view("2026-03-01T09:00:00Z", person("sw-1", "social-worker", null, null), "a"));
    event.put("legalBasis", List.of("UKGDPR-6-1-e", "LOCAL-GONE"));
    ViewItem view = report(StaffNames.ROLE_ONLY, List.of(event), List.of()).views().get(0);
    String publicTask = LegalBasisVocabulary.shipped().find("UKGDPR-6-1-e").orElseThrow().label();
    assertThat(view.legalBasis()).containsExactly(
        new Ground("UKGDPR-6-1-e", publicTask,
            "https://www.legislation.gov.uk/id/eur/2016/679/article/6/1/e"),
        new Ground("LOCAL-GONE", null, null));
  }

  @Test
  void entriesAreInOccurredAtOrderAndTheEvidenceInSeqOrder() {
    List<Map<String, Object>> events = List.of(
        view("2026-03-01T10:00:00.5Z", person("sw-1", "social-worker", null, null), "second"),
        view("2026-03-01T10:00:00Z", person("sw-1", "social-worker", null, null), "first"),
        view("2026-03-01T10:00:01Z", person("sw-1", "social-worker", null, null), "third"));
    AccessReport report = report(StaffNames.ROLE_ONLY, events, List.of());
    assertThat(report.views()).extracting(ViewItem::purpose)
        .containsExactly("first", "second", "third");
    assertThat(report.evidence().entries()).extracting(e -> e.seq()).containsExactly(0L, 1L, 2L);
    assertThat(report.evidence().complete()).isTrue();
  }

  @Test
  void aWindowKeepsWhatOccurredInItAndSaysTheEvidenceIsNoLongerTheWholeHistory() {
    AccessReport report = new AccessReportBuilder(LegalBasisVocabulary.shipped(),
        StaffNames.ROLE_ONLY).build(source(Instant.parse("2026-03-01T10:00:00Z"),
            Instant.parse("2026-03-02T10:00:00Z"), staffedHistory(), CHECKS));
    // 10:00 is in (from is inclusive), 11:00 too; the share at exactly `to` is out.
    assertThat(report.views()).extracting(ViewItem::purpose).containsExactly("b", "c");
    assertThat(report.shares()).isEmpty();
    assertThat(report.extracts()).isEmpty();
    assertThat(report.auditorChecks()).isEmpty();
    assertThat(report.from()).isEqualTo("2026-03-01T10:00:00Z");
    assertThat(report.to()).isEqualTo("2026-03-02T10:00:00Z");
    assertThat(report.evidence().complete()).isFalse();
    assertThat(report.evidence().entries()).extracting(e -> e.seq()).containsExactly(1L, 2L);
    assertThat(report.evidence().releases()).isEmpty();
  }

  @Test
  void otherEntryTypesShowOnlyTheCommonFieldsSoNoStaffIdSlipsPastThePolicy() {
    Map<String, Object> allocation = new LinkedHashMap<>();
    allocation.put("type", "ALLOCATION");
    allocation.put("eventId", "al-1");
    allocation.put("occurredAt", "2026-03-01T09:00:00Z");
    allocation.put("actor", person("tm-1", "team-manager", "north", "Terry Manager"));
    allocation.put("subject", Map.of("id", ReportFixtures.CHILD));
    allocation.put("allocationId", "a-1");
    allocation.put("assignee", Map.of("worker", "sw-secret"));
    allocation.put("from", "2026-03-01T09:00:00Z");
    allocation.put("purpose", "allocation");
    allocation.put("legalBasis", List.of("UKGDPR-6-1-e"));
    AccessReport report = report(StaffNames.ROLE_ONLY, List.of(allocation), List.of());
    assertThat(report.otherEntries()).hasSize(1);
    OtherItem other = report.otherEntries().get(0);
    assertThat(other.type())
        .isEqualTo(new Coded("ALLOCATION", "a change of who is allocated to the case"));
    assertThat(other.actor()).isEqualTo(new Staff("team-manager", "north", null, null, null));
    assertThat(content(report)).doesNotContain("sw-secret", "tm-1");
    assertThat(new AccessReportHtml(ZoneId.of("Europe/London"), "UK time").render(report))
        .doesNotContain("sw-secret", "tm-1")
        .contains("A change of who is allocated to the case");
  }

  @Test
  void anOldLeafWithBlankOrMissingFieldsStillReportsThemAsNotGiven() {
    Map<String, Object> view = new LinkedHashMap<>(
        view("2026-03-01T09:00:00Z", person("sw-1", " ", null, null), " "));
    view.put("reason", "  ");
    view.remove("record");
    Map<String, Object> share = new LinkedHashMap<>(share(person("tm-1", "team-manager", null,
        null), person("tm-1", null, null, null), null));
    share.remove("actor");
    share.put("recipient", "Police");
    share.put("consentReason", "");
    AccessReport report = report(StaffNames.SHOW, List.of(view, share), List.of());
    ViewItem shown = report.views().get(0);
    assertThat(shown.viewer()).isEqualTo(new Staff(null, null, "sw-1", null, null));
    assertThat(shown.purpose()).isNull();
    assertThat(shown.reason()).isNull();
    assertThat(shown.recordType()).isNull();
    ShareItem decision = report.shares().get(0);
    assertThat(decision.recordedBy()).isNull();
    assertThat(decision.decidedBy()).isEqualTo(new Staff(null, null, "tm-1", null, null));
    assertThat(decision.recipient()).isNull();
    assertThat(decision.consentReason()).isNull();
  }
}
