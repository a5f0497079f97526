package io.accessledger.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import io.accessledger.entries.Golden;
import io.accessledger.entries.SampleEntries;
import io.accessledger.events.LegalBasisVocabulary;
import io.accessledger.ledger.leaf.LedgerEntry;
import io.accessledger.ledger.merkle.Digest;
import io.accessledger.ledger.notes.Checkpoint;
import io.accessledger.ledger.notes.CompletenessStatement;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BundleSummaryTest {
  private static final String ORIGIN = "origin.example/log";

  static String printed(VerifiedBundle bundle) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
    new BundleSummary(LegalBasisVocabulary.shipped()).print(bundle, out);
    return bytes.toString(StandardCharsets.UTF_8);
  }

  @Test
  void everyEntryTypeIsSummarisedAsItAlwaysWas() {
    List<LedgerEntry> entries = SampleEntries.all();
    VerifiedBundle bundle = new VerifiedBundle("subject:" + SampleEntries.CHILD,
        new Checkpoint(ORIGIN, entries.size(), Digest.ZERO),
        new CompletenessStatement(ORIGIN, entries.size(), Digest.ZERO,
            "subject:" + SampleEntries.CHILD, 9),
        entries.get(10), entries,
        Map.of(SampleEntries.RELEASE, entries.get((int) SampleEntries.RELEASE)), List.of(3L, 7L),
        null, List.of(), List.of());
    Golden.assertMatches("bundle-summary.txt", printed(bundle));
  }

  @Test
  void textFromRecordsSystemsCannotForgeLines() {
    assertThat(BundleSummary.printable("a\nb\u202ec\\")).isEqualTo("a\\u000Ab\\u202Ec\\u005C");
    assertThat(BundleSummary.ascii("subject:é")).isEqualTo("subject:\\u00E9");
  }
}
