package io.accessledger;

import static org.assertj.core.api.Assertions.assertThatCode;

import io.accessledger.api.ProvenEntry;
import io.accessledger.audit.NeedToKnowAudit;
import io.accessledger.audit.NeedToKnowPolicy;
import io.accessledger.audit.Rule;
import io.accessledger.entries.EventParser;
import io.accessledger.entries.ExtractRelease;
import io.accessledger.entries.LedgerEvent;
import io.accessledger.entries.OddLeaves;
import io.accessledger.entries.SampleEntries;
import io.accessledger.entries.ShareDecision;
import io.accessledger.events.LegalBasisVocabulary;
import io.accessledger.evidence.BundleSummary;
import io.accessledger.evidence.VerifiedBundle;
import io.accessledger.ledger.leaf.LedgerEntry;
import io.accessledger.ledger.merkle.Digest;
import io.accessledger.ledger.notes.Checkpoint;
import io.accessledger.ledger.notes.CompletenessStatement;
import io.accessledger.registers.AgreementTerms;
import io.accessledger.registers.DataSharingAgreements;
import io.accessledger.registers.ExtractFlags;
import io.accessledger.registers.ShareFlags;
import io.accessledger.registers.Summaries;
import io.accessledger.report.AccessReportBuilder;
import io.accessledger.report.Proven;
import io.accessledger.report.ReportSource;
import io.accessledger.report.StaffNames;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * A register, an audit or a report lists whatever the log holds: no leaf, however odd (one stored
 * before a rule existed), makes the parser or any reader built on it fail.
 */
class OddLeavesTest {
  private static final ZoneId LONDON = ZoneId.of("Europe/London");
  private static final DataSharingAgreements AGREEMENTS = DataSharingAgreements.of(
      List.of(new AgreementTerms("WWCSC-FAMILY-VALUED", "Evaluator Ltd", "Evaluation",
          "2020-01-01", "2025-12-31", true, List.of("referrals"), List.of("UKGDPR-6-1-e"))),
      code -> true);

  @Test
  void noOddLeafMakesTheParserOrAnyReaderFail() {
    List<LedgerEntry> odd = OddLeaves.all();
    for (LedgerEntry entry : odd) {
      assertThatCode(() -> read(entry)).as(entry.event().toString()).doesNotThrowAnyException();
    }
    NeedToKnowAudit audit = new NeedToKnowAudit(everyRule(),
        Instant.parse("2026-01-01T00:00:00Z"), Instant.parse("2027-01-01T00:00:00Z"));
    assertThatCode(() -> {
      odd.forEach(audit::accept);
      audit.findings();
    }).doesNotThrowAnyException();
  }

  /** Every rule on, the slightest thresholds, so that odd views reach every one. */
  private static NeedToKnowPolicy everyRule() {
    return new NeedToKnowPolicy(EnumSet.allOf(Rule.class), Map.of("north-cin", "north-area"),
        LONDON, LocalTime.of(8, 0), LocalTime.of(18, 0),
        EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY), Set.of(), Set.of(),
        Duration.ofDays(30), 1, 1, 1.0, Set.of(SampleEntries.CHILD),
        Map.of("sw-0042", Map.of(SampleEntries.CHILD, "the child")), true, true);
  }

  private static void read(LedgerEntry entry) {
    LedgerEvent event = EventParser.parse(entry);
    new BundleSummary(LegalBasisVocabulary.shipped()).print(new VerifiedBundle("subject:c",
        new Checkpoint("o", 15, Digest.ZERO), new CompletenessStatement("o", 15, Digest.ZERO,
            "subject:c", 14), entry, List.of(entry),
        Map.of(SampleEntries.RELEASE, entry), List.of(), null, List.of(),
            List.of()),
        new PrintStream(OutputStream.nullOutputStream(), true, StandardCharsets.UTF_8));
    if (event instanceof ShareDecision share) {
      ShareFlags.of(share, LONDON);
      Summaries.of(share);
    } else if (event instanceof ExtractRelease release) {
      ExtractFlags.of(release, AGREEMENTS, LONDON);
      Summaries.of(release);
    } else if (entry.seq() == SampleEntries.RELEASE) {
      return; // a report needs its release to be one
    }
    Proven proven = proven(entry);
    Proven release = proven(SampleEntries.entry((int) SampleEntries.RELEASE));
    ReportSource source = new ReportSource(SampleEntries.CHILD, null, null,
        proven(SampleEntries.entry(14)),
        new ReportSource.SignedLog("o", "k", 15, "note", "subject:" + SampleEntries.CHILD, "s", 9),
        entry.seq() == 5 || event.header().type() == null ? List.of() : List.of(proven),
        Map.of(SampleEntries.RELEASE, release), List.of());
    for (StaffNames policy : StaffNames.values()) {
      new AccessReportBuilder(LegalBasisVocabulary.shipped(), policy).build(source);
    }
  }

  private static Proven proven(LedgerEntry entry) {
    return Proven.of(entry, new ProvenEntry(entry.seq(), "leaf", "00", List.of()));
  }
}
