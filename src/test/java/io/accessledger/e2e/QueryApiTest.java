package io.accessledger.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.accessledger.auth.Role;
import io.accessledger.ledger.leaf.HistoryChain;
import io.accessledger.ledger.leaf.LeafCodec;
import io.accessledger.ledger.leaf.LedgerEntry;
import io.accessledger.ledger.merkle.Digest;
import io.accessledger.ledger.merkle.ProofException;
import io.accessledger.ledger.merkle.ProofVerifier;
import io.accessledger.ledger.notes.Checkpoint;
import io.accessledger.ledger.notes.CompletenessStatement;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Reading the log as a DPO or investigator would, checking every answer the way an outsider would:
 * the checkpoint's signature with the published key, each leaf's hash, each proof.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class QueryApiTest {
  static final ApiServer SERVER = new ApiServer();
  static final DropwizardAppExtension<?> APP = SERVER.app;
  static String ingest;
  static String auditor;
  static String investigator;
  static String verifierKey;

  @BeforeAll
  static void fill() {
    ingest = SERVER.addClient("carefirst", Role.INGEST, "carefirst");
    auditor = SERVER.addClient("dpo", Role.AUDITOR, null);
    investigator = SERVER.addClient("ico-case-7", Role.INVESTIGATOR, null);
    for (int i = 0; i < 30; i++) {
      String day = String.format("2026-11-%02dT09:00:00Z", 1 + i % 28);
      SERVER.post(ingest, "/v1/events", Json.view("q-" + i, "c-" + (i % 3), "w-" + (i % 2), day));
    }
    SERVER.post(ingest, "/v1/events", Json.share("q-share", "c-0", "c-9"));
    SERVER.post(ingest, "/v1/events", Json.extract("q-extract", "c-8", "c-0"));
    verifierKey = SERVER.get(auditor, "/v1/log").json().path("verifierKey").asText();
  }

  private static LedgerEntry decode(JsonNode entry) throws Exception {
    return LeafCodec.decode(entry.path("leaf").asText().getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void aSubjectsHistoryHoldsEveryEntryNamingThemEachProvenAgainstTheSignedTree() throws Exception {
    ApiServer.Answer answer = SERVER.get(auditor, "/v1/subjects/c-0/events");
    assertThat(answer.status).as(answer.body).isEqualTo(200);
    JsonNode history = answer.json();
    Checkpoint checkpoint = ClientSideChecks.checkHistory(history, verifierKey);

    List<String> types = new ArrayList<>();
    long previous = -1;
    for (JsonNode entry : history.path("entries")) {
      LedgerEntry leaf = decode(entry);
      types.add((String) leaf.event().get("type"));
      assertThat(leaf.links()).as("each entry links back to the one before it")
          .containsEntry("subject:c-0", previous);
      previous = leaf.seq();
    }
    assertThat(types).filteredOn("VIEW"::equals).hasSize(10);
    assertThat(types).endsWith("SHARE_DECISION", "EXTRACT_SUBJECT");
    assertThat(history.path("next").isNull()).isTrue();

    // The read itself was recorded first, and the checkpoint covers that record.
    long auditSeq = Long.parseLong(answer.header("Ledger-Audit-Seq"));
    assertThat(checkpoint.size()).isGreaterThan(auditSeq);
    JsonNode audit = SERVER.get(auditor, "/v1/entries/" + auditSeq).json();
    LedgerEntry recorded = decode(audit);
    assertThat(recorded.source()).isEqualTo("ledger");
    assertThat(recorded.event()).containsEntry("type", "AUDIT_QUERY")
        .containsEntry("actor", Map.of("id", "dpo", "role", "auditor"))
        .containsEntry("query", Map.of("path", "/v1/subjects/c-0/events", "parameters", Map.of()));
  }

  @Test
  void aHistoryNeverDisclosesAnotherChildOfTheSameExtract() throws Exception {
    JsonNode history = SERVER.get(investigator, "/v1/subjects/c-8/events").json();
    ClientSideChecks.checkHistory(history, verifierKey);
    assertThat(history.path("entries")).hasSize(1);
    String leaf = history.path("entries").get(0).path("leaf").asText();
    assertThat(leaf).contains("EXTRACT_SUBJECT").doesNotContain("c-0");
  }

  @Test
  void filtersAndPagesWalkTheSameEntries() throws Exception {
    JsonNode all = SERVER.get(auditor, "/v1/actors/w-0/events?type=VIEW").json();
    assertThat(all.path("entries")).hasSize(15);

    List<Long> paged = new ArrayList<>();
    String cursor = null;
    int pages = 0;
    do {
      JsonNode page = SERVER.get(auditor, "/v1/actors/w-0/events?type=VIEW&limit=4"
          + (cursor == null ? "" : "&cursor=" + cursor)).json();
      ClientSideChecks.checkHistory(page, verifierKey);
      page.path("entries").forEach(e -> paged.add(e.path("seq").asLong()));
      cursor = page.path("next").isNull() ? null : page.path("next").asText();
      pages++;
    } while (cursor != null);
    List<Long> expected = new ArrayList<>();
    all.path("entries").forEach(e -> expected.add(e.path("seq").asLong()));
    assertThat(paged).isEqualTo(expected);
    assertThat(pages).isBetween(4, 5);

    JsonNode window = SERVER.get(auditor,
        "/v1/subjects/c-1/events?from=2026-11-05T00:00:00Z&to=2026-11-11T00:00:00Z").json();
    List<String> days = new ArrayList<>();
    for (JsonNode entry : window.path("entries")) {
      days.add((String) decode(entry).event().get("occurredAt"));
    }
    assertThat(days).containsExactly("2026-11-05T09:00:00Z", "2026-11-08T09:00:00Z");

    JsonNode record = SERVER.get(auditor, "/v1/records/case-note/note-c-2/events").json();
    ClientSideChecks.checkHistory(record, verifierKey);
    assertThat(record.path("entries")).hasSize(10);
  }

  @Test
  void unfilteredPagesAreTheWholeChainUpToTheSignedHead() throws Exception {
    List<JsonNode> pages = new ArrayList<>();
    String cursor = null;
    do {
      JsonNode page = SERVER.get(auditor, "/v1/subjects/c-0/events?limit=3"
          + (cursor == null ? "" : "&cursor=" + cursor)).json();
      pages.add(page);
      cursor = page.path("next").isNull() ? null : page.path("next").asText();
    } while (cursor != null);
    assertThat(ClientSideChecks.checkCompleteHistory(pages, verifierKey)).isEqualTo(12);
    JsonNode last = pages.get(pages.size() - 1);
    Checkpoint checkpoint =
        ClientSideChecks.openCheckpoint(last.path("checkpoint").asText(), verifierKey);
    CompletenessStatement statement =
        ClientSideChecks.openCompleteness(last, checkpoint, verifierKey);
    assertThat(statement.linkKey()).isEqualTo("subject:c-0");

    // Leaving out a middle page breaks the chain; stopping early contradicts the signed head.
    List<JsonNode> gap = new ArrayList<>(pages);
    gap.remove(1);
    assertThatThrownBy(() -> ClientSideChecks.checkCompleteHistory(gap, verifierKey))
        .isInstanceOfSatisfying(HistoryChain.BrokenChainException.class,
            e -> assertThat(e.kind()).isEqualTo(HistoryChain.Break.GAP));
    assertThatThrownBy(() -> ClientSideChecks.checkCompleteHistory(pages.subList(0, 1),
        verifierKey))
        .isInstanceOfSatisfying(HistoryChain.BrokenChainException.class,
            e -> assertThat(e.kind()).isEqualTo(HistoryChain.Break.TRUNCATED));

    // A key nobody names has a signed statement too: head -1.
    JsonNode nobody = SERVER.get(auditor, "/v1/subjects/nobody/events").json();
    Checkpoint now = ClientSideChecks.checkHistory(nobody, verifierKey);
    assertThat(ClientSideChecks.openCompleteness(nobody, now, verifierKey).head()).isEqualTo(-1);
    assertThat(ClientSideChecks.checkCompleteHistory(List.of(nobody), verifierKey)).isZero();
  }

  @Test
  void oneEntryIsProvenInTheLatestTreeOrInAnEarlierSignedOne() throws Exception {
    JsonNode latest = SERVER.get(auditor, "/v1/entries/3").json();
    Checkpoint now = ClientSideChecks.openCheckpoint(latest.path("checkpoint").asText(), verifierKey);
    assertThat(latest.path("treeSize").asLong()).isEqualTo(now.size());
    ClientSideChecks.checkEntry(latest, now);

    // Every append signs a checkpoint, so the size just after entry 3 was signed.
    JsonNode early = SERVER.get(auditor, "/v1/entries/3?treeSize=4").json();
    Checkpoint then = ClientSideChecks.openCheckpoint(early.path("checkpoint").asText(), verifierKey);
    assertThat(then.size()).isEqualTo(4);
    ClientSideChecks.checkEntry(early, then);

    // A proof from one tree does not verify against another.
    assertThatThrownBy(() -> ClientSideChecks.checkEntry(early, now))
        .isInstanceOf(ProofException.class);
  }

  @Test
  void consistencyProofsShowTheLogOnlyGrew() throws Exception {
    JsonNode early = SERVER.get(auditor, "/v1/entries/0?treeSize=1").json();
    Checkpoint first = ClientSideChecks.openCheckpoint(early.path("checkpoint").asText(), verifierKey);
    String note = SERVER.get(investigator, "/v1/checkpoint").body;
    Checkpoint later = ClientSideChecks.openCheckpoint(note, verifierKey);

    JsonNode proof = SERVER.get(investigator,
        "/v1/proofs/consistency?from=1&to=" + later.size()).json();
    assertThat(proof.path("from").asLong()).isEqualTo(1);
    List<Digest> hashes = ClientSideChecks.digests(proof.path("proof"));
    ProofVerifier.verifyConsistency(1, later.size(), hashes, first.root(), later.root());
    assertThatThrownBy(() -> ProofVerifier.verifyConsistency(
        1, later.size(), hashes, later.root(), first.root())).isInstanceOf(ProofException.class);
  }

  @Test
  void theLogNamesItsKeyAndEveryReadIsItselfInTheLog() throws Exception {
    ApiServer.Answer log = SERVER.get(ingest, "/v1/log");
    assertThat(log.status).isEqualTo(200);
    assertThat(log.json().path("origin").asText()).isEqualTo("access-ledger.local/log");
    assertThat(log.json().path("verifierKey").asText()).startsWith("access-ledger.local/log+");
    long auditSeq = Long.parseLong(log.header("Ledger-Audit-Seq"));
    assertThat(log.json().path("treeSize").asLong()).isGreaterThan(auditSeq);

    JsonNode reads = SERVER.get(auditor, "/v1/actors/carefirst/events?type=AUDIT_QUERY").json();
    assertThat(reads.path("entries")).isNotEmpty();
    assertThat(decode(reads.path("entries").get(0)).event().get("query"))
        .isEqualTo(Map.of("path", "/v1/log", "parameters", Map.of()));
  }
}
