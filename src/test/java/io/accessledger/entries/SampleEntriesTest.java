package io.accessledger.entries;

import static org.assertj.core.api.Assertions.assertThat;

import io.accessledger.events.EventValidator;
import io.accessledger.events.LegalBasisVocabulary;
import io.accessledger.ledger.leaf.LedgerEntry;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The samples are entries the ledger would hold: every posted one passes the validator. */
class SampleEntriesTest {
  private static final EventValidator VALIDATOR =
      new EventValidator(LegalBasisVocabulary.shipped());

  @Test
  void everyPostedSampleIsAValidEventInItsStoredForm() {
    int posted = 0;
    for (LedgerEntry entry : SampleEntries.all()) {
      if (!entry.source().equals("lcs")) {
        continue;
      }
      Map<String, Object> event = new LinkedHashMap<>(entry.event());
      if (event.remove("subjectCount") != null) {
        event.put("subjects", List.of(Map.of("id", SampleEntries.CHILD), Map.of("id", "c-2"),
            Map.of("id", "c-3")));
      }
      assertThat(VALIDATOR.validate(event)).as("entry " + entry.seq()).isEmpty();
      posted++;
    }
    assertThat(posted).isEqualTo(9);
  }
}
