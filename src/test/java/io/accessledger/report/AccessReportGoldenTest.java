package io.accessledger.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.accessledger.api.ProvenEntry;
import io.accessledger.entries.Golden;
import io.accessledger.entries.SampleEntries;
import io.accessledger.events.LegalBasisVocabulary;
import io.accessledger.ledger.leaf.LedgerEntry;
import io.dropwizard.jackson.Jackson;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The report on {@link SampleEntries}' child, under each naming policy, serialised as the API
 * serialises it, is byte for byte what it always was.
 */
class AccessReportGoldenTest {
  /** The API's own mapper, so the golden text is the JSON a client is served. */
  private static final ObjectMapper JSON = Jackson.newObjectMapper();

  static Proven proven(LedgerEntry entry) {
    return Proven.of(entry, new ProvenEntry(entry.seq(), "leaf " + entry.seq(),
        String.format("%064x", entry.seq()), List.of()));
  }

  static ReportSource source() {
    List<LedgerEntry> entries = SampleEntries.all();
    List<Proven> history = new ArrayList<>();
    for (int seq : new int[] {0, 1, 2, 3, 5, 6, 7, 8, 9}) {
      history.add(proven(entries.get(seq)));
    }
    return new ReportSource(SampleEntries.CHILD, null, null, proven(entries.get(14)),
        new ReportSource.SignedLog("origin.example/log", "origin.example/log+00000000+AQ", 15,
            "origin.example/log\n15\nroot=\n\n— origin.example/log sig\n",
            "subject:" + SampleEntries.CHILD, "statement\n", 9),
        history, Map.of(SampleEntries.RELEASE, proven(entries.get(4))),
        List.of(proven(entries.get(10)), proven(entries.get(11))));
  }

  @Test
  void theReportUnderEveryPolicyIsWhatItAlwaysWas() throws Exception {
    for (StaffNames policy : StaffNames.values()) {
      AccessReport report = new AccessReportBuilder(LegalBasisVocabulary.shipped(), policy)
          .build(source());
      Golden.assertMatches("access-report-" + policy.name().toLowerCase() + ".json",
          JSON.writerWithDefaultPrettyPrinter().writeValueAsString(report) + "\n");
    }
  }
}
