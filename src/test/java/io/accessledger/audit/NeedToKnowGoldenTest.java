package io.accessledger.audit;

import io.accessledger.entries.Golden;
import io.accessledger.entries.SampleEntries;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The audit of {@link SampleEntries}' log finds what it always found. */
class NeedToKnowGoldenTest {
  @Test
  void theFindingsAreWhatTheyAlwaysWere() {
    NeedToKnowAudit audit = new NeedToKnowAudit(AuditFixtures.policy(),
        Instant.parse("2026-01-01T00:00:00Z"), Instant.parse("2027-01-01T00:00:00Z"));
    SampleEntries.all().forEach(audit::accept);
    StringBuilder lines = new StringBuilder();
    audit.findings().forEach(finding -> lines.append(finding).append('\n'));
    lines.append("unreadable ").append(audit.unreadable()).append('\n');
    Golden.assertMatches("need-to-know.txt", lines.toString());
  }
}
