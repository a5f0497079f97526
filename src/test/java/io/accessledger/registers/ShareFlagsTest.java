package io.accessledger.registers;

import static io.accessledger.registers.RegisterEvents.LONDON;
import static io.accessledger.registers.RegisterEvents.codes;
import static io.accessledger.registers.RegisterEvents.courtOrderShare;
import static io.accessledger.registers.RegisterEvents.share;
import static io.accessledger.registers.RegisterEvents.shareOf;
import static io.accessledger.registers.RegisterEvents.with;
import static io.accessledger.registers.RegisterEvents.without;
import static org.assertj.core.api.Assertions.assertThat;

import io.accessledger.entries.ShareDecision;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ShareFlagsTest {
  @Test
  void decisionsThatPassEveryCheckHaveNoFlags() {
    assertThat(ShareFlags.of(shareOf(share()), LONDON)).isEmpty();
    assertThat(ShareFlags.of(shareOf(courtOrderShare()), LONDON)).isEmpty();
  }

  @Test
  void everyRuleThatFiresIsListedInOrder() {
    Map<String, Object> share = with(without(courtOrderShare(), "approvedBy"), "legalBasis",
        List.of("UKGDPR-6-1-c"));
    with(share, "courtOrder.date", "2026-12-01");
    assertThat(codes(ShareFlags.of(shareOf(share), LONDON))).containsExactly(
        "SHARE_NOT_APPROVED", "BASIS_GROUNDS_MISMATCH", "COURT_ORDER_DETAILS_MISSING");
  }

  @Test
  void theSummarySaysWhatWasDecidedWithoutNamingTheChildren() {
    String summary = Summaries.of(shareOf(share()));
    assertThat(summary).isEqualTo("2026-11-23T16:40:00Z: decision to SHARE chronology about"
        + " 2 subjects with Northshire Police, grounds SERIOUS_HARM_RISK, consent NOT_SOUGHT;"
        + " decided by tm-7, approved by hos-1; legal basis UKGDPR-6-1-e, UKGDPR-9-2-g,"
        + " DPA2018-S1-P18, CA1989-S47; recorded by tm-7 (team-manager)");
    String refusal = Summaries.of(shareOf(with(without(courtOrderShare(), "approvedBy"),
        "decision", "DO_NOT_SHARE")));
    assertThat(refusal).contains("decision NOT to share chronology")
        .contains("approved by no one recorded")
        .contains("court order NS26C00123 of Family Court at Northshire dated 2026-11-20");
  }

  @Test
  void aLeafWithMissingFieldsStillReads() {
    ShareDecision odd = shareOf(Map.of("type", "SHARE_DECISION", "subjects", "none"));
    assertThat(odd.subjects()).isEmpty();
    assertThat(codes(ShareFlags.of(odd, LONDON))).containsExactly("SHARE_NOT_APPROVED");
  }
}
