package io.accessledger.report;

import static io.accessledger.report.ReportFixtures.auditQuery;
import static io.accessledger.report.ReportFixtures.proven;
import static io.accessledger.report.ReportFixtures.view;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AuditorChecksTest {
  private static final Set<Long> CHILDS_ENTRIES = Set.of(3L, 12L);

  private static Optional<String> asked(String path) {
    return AuditorChecks.asked(proven(40, auditQuery("dpo", "auditor", path)).event(), "c-1",
        CHILDS_ENTRIES);
  }

  @Test
  void readsThatNameTheChildOrFetchTheirEntriesAreChecksOfTheirRecord() {
    assertThat(asked("/v1/subjects/c-1/events")).contains("read the history of your record");
    assertThat(asked("/v1/subjects/c-1/access-report"))
        .contains("produced an access report like this one");
    assertThat(asked("/v1/entries/12")).contains("read ledger entry 12 about you");
    assertThat(asked("/v1/entries/3/tlog-proof"))
        .contains("fetched the proof of ledger entry 3 about you");
    Map<String, Object> bundle = Map.of("type", "AUDIT_QUERY", "actor", Map.of("id", "dpo"),
        "query", Map.of("path", "/v1/evidence", "parameters", Map.of("subject", "c-1")));
    assertThat(AuditorChecks.asked(proven(41, bundle).event(), "c-1", CHILDS_ENTRIES))
        .contains("made an evidence bundle of your record");
  }

  @Test
  void otherReadsAreNot() {
    assertThat(asked("/v1/subjects/c-10/events")).isEmpty();
    assertThat(asked("/v1/subjects/c-1/events/extra")).isEmpty();
    assertThat(asked("/v1/actors/c-1/events")).isEmpty();
    assertThat(asked("/v1/entries/4")).isEmpty();
    assertThat(asked("/v1/entries/12/other")).isEmpty();
    assertThat(asked("/v1/checkpoint")).isEmpty();
    Map<String, Object> otherBundle = Map.of("type", "AUDIT_QUERY", "actor", Map.of("id", "dpo"),
        "query", Map.of("path", "/v1/evidence", "parameters", Map.of("subject", "c-10")));
    assertThat(AuditorChecks.asked(proven(41, otherBundle).event(), "c-1", CHILDS_ENTRIES))
        .isEmpty();
    // Only the log's own record of a read counts, whatever a posted event says.
    Map<String, Object> posted = new java.util.HashMap<>(
        view("2026-03-01T09:00:00Z", ReportFixtures.person("sw-1", null, null, null), "x"));
    posted.put("query", Map.of("path", "/v1/subjects/c-1/events"));
    assertThat(AuditorChecks.asked(proven(42, posted).event(), "c-1", CHILDS_ENTRIES)).isEmpty();
  }
}
