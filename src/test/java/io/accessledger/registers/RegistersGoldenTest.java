package io.accessledger.registers;

import io.accessledger.entries.Golden;
import io.accessledger.entries.SampleEntries;
import io.accessledger.ledger.LedgerEntry;
import org.junit.jupiter.api.Test;

/** The register lines of {@link SampleEntries}' decisions and release are what they always were. */
class RegistersGoldenTest {
  @Test
  void summariesAndFlagsAreWhatTheyAlwaysWere() {
    StringBuilder lines = new StringBuilder();
    for (LedgerEntry entry : SampleEntries.all()) {
      Object type = entry.event().get("type");
      if ("SHARE_DECISION".equals(type)) {
        ShareDecision share = ShareDecision.of(entry.event());
        lines.append(share.summary()).append('\n')
            .append(ShareFlags.of(share, RegisterEvents.LONDON)).append('\n');
      } else if ("EXTRACT_RELEASE".equals(type)) {
        ExtractRelease release = ExtractRelease.of(entry.event());
        lines.append(release.summary()).append('\n')
            .append(ExtractFlags.of(release, RegisterEvents.AGREEMENTS, RegisterEvents.LONDON))
            .append('\n');
      }
    }
    Golden.assertMatches("registers.txt", lines.toString());
  }
}
