package io.accessledger.registers;

import io.accessledger.entries.EventParser;
import io.accessledger.entries.ExtractRelease;
import io.accessledger.entries.Golden;
import io.accessledger.entries.LedgerEvent;
import io.accessledger.entries.SampleEntries;
import io.accessledger.entries.ShareDecision;
import io.accessledger.ledger.leaf.LedgerEntry;
import org.junit.jupiter.api.Test;

/** The register lines of {@link SampleEntries}' decisions and release are what they always were. */
class RegistersGoldenTest {
  @Test
  void summariesAndFlagsAreWhatTheyAlwaysWere() {
    StringBuilder lines = new StringBuilder();
    for (LedgerEntry entry : SampleEntries.all()) {
      LedgerEvent event = EventParser.parse(entry);
      if (event instanceof ShareDecision share) {
        lines.append(Summaries.of(share)).append('\n')
            .append(ShareFlags.of(share, RegisterEvents.LONDON)).append('\n');
      } else if (event instanceof ExtractRelease release) {
        lines.append(Summaries.of(release)).append('\n')
            .append(ExtractFlags.of(release, RegisterEvents.AGREEMENTS, RegisterEvents.LONDON))
            .append('\n');
      }
    }
    Golden.assertMatches("registers.txt", lines.toString());
  }
}
