package io.accessledger.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.accessledger.auth.Role;
import io.accessledger.ledger.Checkpoint;
import io.accessledger.ledger.Digest;
import io.accessledger.ledger.LeafCodec;
import io.accessledger.ledger.LedgerEntry;
import io.accessledger.ledger.TlogProof;
import io.accessledger.ledger.VerifierKey;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@code GET /v1/entries/{seq}/tlog-proof}, checked as an outsider would: parse the C2SP text, take
 * the leaf from {@code GET /v1/entries/{seq}}, verify against the published verifier key with the
 * core's pure code only. Refusals write nothing; accepted reads are audited like any other.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class TlogProofApiTest {
  static final ApiServer SERVER = new ApiServer();
  static final DropwizardAppExtension<?> APP = SERVER.app;
  static String auditor;
  static VerifierKey key;

  @BeforeAll
  static void fill() throws Exception {
    String ingest = SERVER.addClient("carefirst", Role.INGEST, "carefirst");
    auditor = SERVER.addClient("dpo", Role.AUDITOR, null);
    for (int i = 0; i < 5; i++) {
      assertThat(SERVER.post(ingest, "/v1/events", Json.view("t-" + i, "c-" + i, "w-1")).status)
          .isEqualTo(201);
    }
    key = VerifierKey.parse(SERVER.get(auditor, "/v1/log").json().path("verifierKey").asText());
  }

  @Test
  void aProofVerifiesWithTheLeafFromTheEntryAndThePublishedKey() throws Exception {
    ApiServer.Answer answer = SERVER.get(auditor, "/v1/entries/2/tlog-proof");
    assertThat(answer.status).as(answer.body).isEqualTo(200);
    assertThat(answer.header("Content-Type")).isEqualToIgnoringWhitespace("text/plain;charset=utf-8");
    assertThat(answer.body).startsWith("c2sp.org/tlog-proof@v1\nindex 2\n");

    TlogProof proof = TlogProof.parse(answer.body);
    JsonNode entry = SERVER.get(auditor, "/v1/entries/2").json();
    byte[] leaf = entry.path("leaf").asText().getBytes(StandardCharsets.UTF_8);
    LedgerEntry decoded = LeafCodec.decode(leaf);
    assertThat(decoded.event().get("eventId")).isEqualTo("t-2");
    Checkpoint checkpoint = proof.verify(leaf, key);
    assertThat(proof.index()).isEqualTo(2);
    assertThat(proof.extra()).isNull();

    // The read was recorded first, and the proof's checkpoint covers that record.
    long auditSeq = Long.parseLong(answer.header("Ledger-Audit-Seq"));
    assertThat(checkpoint.size()).isGreaterThan(auditSeq);
    LedgerEntry audit = LeafCodec.decode(SERVER.get(auditor, "/v1/entries/" + auditSeq).json()
        .path("leaf").asText().getBytes(StandardCharsets.UTF_8));
    assertThat(audit.event().get("type")).isEqualTo("AUDIT_QUERY");
    assertThat(audit.event().get("query"))
        .isEqualTo(Map.of("path", "/v1/entries/2/tlog-proof", "parameters", Map.of()));

    // Another leaf does not verify against it.
    byte[] other = SERVER.get(auditor, "/v1/entries/3").json().path("leaf").asText()
        .getBytes(StandardCharsets.UTF_8);
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> proof.verify(other, key))
        .hasMessageContaining("root mismatch");
  }

  @Test
  void treeSizeSelectsTheCheckpointAndMatchesTheJsonAnswer() throws Exception {
    // Every append signs a checkpoint, so the size just after entry 3 was signed.
    ApiServer.Answer answer = SERVER.get(auditor, "/v1/entries/1/tlog-proof?treeSize=4");
    assertThat(answer.status).as(answer.body).isEqualTo(200);
    TlogProof proof = TlogProof.parse(answer.body);
    JsonNode entry = SERVER.get(auditor, "/v1/entries/1?treeSize=4").json();
    Checkpoint checkpoint =
        proof.verify(entry.path("leaf").asText().getBytes(StandardCharsets.UTF_8), key);
    assertThat(checkpoint.size()).isEqualTo(4);
    assertThat(proof.checkpoint()).isEqualTo(entry.path("checkpoint").asText());
    assertThat(proof.proof()).isEqualTo(ClientSideChecks.digests(entry.path("proof")));
    assertThat(proof.proof()).extracting(Digest::hex).hasSize(2);
  }

  @Test
  void refusalsNameTheProblemAndWriteNothing() {
    long before = SERVER.treeSize();
    ApiServer.Answer unknown = SERVER.get(auditor, "/v1/entries/999/tlog-proof");
    assertThat(unknown.status).as(unknown.body).isEqualTo(404);
    assertThat(unknown.json().path("message").asText()).startsWith("no entry 999: the signed log holds");
    assertThat(unknown.header("Ledger-Audit-Seq")).isNull();

    ApiServer.Answer unsigned = SERVER.get(auditor, "/v1/entries/1/tlog-proof?treeSize=" + before * 10);
    assertThat(unsigned.status).as(unsigned.body).isEqualTo(404);

    ApiServer.Answer malformed = SERVER.get(auditor, "/v1/entries/x/tlog-proof");
    assertThat(malformed.status).isEqualTo(400);
    assertThat(malformed.json().path("message").asText())
        .isEqualTo("seq must be a non-negative integer, got x");

    ApiServer.Answer extraParameter = SERVER.get(auditor, "/v1/entries/1/tlog-proof?size=3");
    assertThat(extraParameter.status).isEqualTo(400);
    assertThat(extraParameter.json().path("message").asText())
        .isEqualTo("unknown query parameter \"size\"; allowed: [treeSize]");
    assertThat(SERVER.treeSize()).as("no refused read is recorded").isEqualTo(before);
  }
}
