package io.accessledger.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.accessledger.auth.Role;
import io.accessledger.ledger.leaf.LeafCodec;
import io.accessledger.ledger.leaf.LedgerEntry;
import io.accessledger.ledger.merkle.Digest;
import io.accessledger.ledger.notes.Checkpoint;
import io.accessledger.ledger.notes.SignedCheckpoint;
import io.accessledger.ledger.notes.TlogProof;
import io.accessledger.ledger.notes.VerifierKey;
import io.accessledger.support.CliRunner;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Evidence an outsider can check, against the real server (one server for both, to keep the suite
 * quick).
 *
 * <p>{@code GET /v1/entries/{seq}/tlog-proof}, checked as an outsider would: parse the C2SP text,
 * take the leaf from {@code GET /v1/entries/{seq}}, verify against the published verifier key with
 * the core's pure code only. Refusals write nothing; accepted reads are audited like any other.
 *
 * <p>The {@code witness} command: it pins the published key on first use, records the first
 * checkpoint, then a grown one after more posts. A live access-ledger never shows a witness the
 * same checkpoint twice, because the witness's own reads are audited entries; so an idle log grows
 * by exactly the witness's two reads per run, which is checked too (the no-op on an unchanged
 * checkpoint is tested against a fake log in {@code WitnessTest}).
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class TlogProofAndWitnessApiTest {
  static final ApiServer SERVER = new ApiServer();
  static final DropwizardAppExtension<?> APP = SERVER.app;
  static String ingest;
  static String auditor;
  static VerifierKey key;

  @TempDir Path dir;

  @BeforeAll
  static void fill() throws Exception {
    ingest = SERVER.addClient("carefirst", Role.INGEST, "carefirst");
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
    assertThatThrownBy(() -> proof.verify(other, key))
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

  private String url() {
    return "http://localhost:" + APP.getLocalPort();
  }

  private CliRunner.Outcome witness(String token, Path state, String... extra) throws Exception {
    List<String> args = new ArrayList<>(List.of(
        "witness", "--url", url(), "--token", token, "--state", state.toString()));
    args.addAll(List.of(extra));
    CliRunner.Outcome outcome = CliRunner.run(args.toArray(String[]::new));
    assertThat(outcome.stdout() + outcome.stderr()).doesNotContain(token);
    return outcome;
  }

  private static Checkpoint lastRecorded(Path state) throws Exception {
    List<String> lines = Files.readAllLines(state, StandardCharsets.UTF_8);
    return SignedCheckpoint.open(
        ApiServer.JSON.readTree(lines.get(lines.size() - 1)).path("checkpoint").asText(), key);
  }

  @Test
  void pinsRecordsAndFollowsTheRealLog() throws Exception {
    String witnessToken = SERVER.addClient("witness-ico", Role.INVESTIGATOR, null);
    Path state = dir.resolve("ledger.witness");

    CliRunner.Outcome first = witness(witnessToken, state);
    assertThat(first.exitCode()).as(first.stderr()).isZero();
    assertThat(first.stderr()).contains("PINNED ON FIRST USE").contains(key.toString());
    assertThat(Files.readAllLines(state)).hasSize(2);
    Checkpoint pinnedAt = lastRecorded(state);

    for (int i = 0; i < 3; i++) {
      assertThat(SERVER.post(ingest, "/v1/events", Json.view("wt-" + i, "c-1", "w-1")).status)
          .isEqualTo(201);
    }
    CliRunner.Outcome grown = witness(witnessToken, state, "--key", key.toString());
    assertThat(grown.exitCode()).as(grown.stderr()).isZero();
    assertThat(grown.stdout()).contains("it extends the recorded tree size " + pinnedAt.size()
        + " (consistency proof of ");
    Checkpoint afterPosts = lastRecorded(state);
    assertThat(afterPosts.size()).isGreaterThanOrEqualTo(pinnedAt.size() + 3);

    // Nothing posted: the log grew only by the witness's own audited reads, the previous run's
    // consistency proof and this run's checkpoint.
    CliRunner.Outcome idle = witness(witnessToken, state);
    assertThat(idle.exitCode()).as(idle.stderr()).isZero();
    Checkpoint afterIdle = lastRecorded(state);
    assertThat(afterIdle.size()).isEqualTo(afterPosts.size() + 2);
    assertThat(Files.readAllLines(state)).hasSize(4);
    for (long seq = afterPosts.size(); seq < afterIdle.size(); seq++) {
      JsonNode entry = SERVER.get(auditor, "/v1/entries/" + seq).json();
      LedgerEntry leaf = LeafCodec.decode(entry.path("leaf").asText().getBytes(StandardCharsets.UTF_8));
      assertThat(leaf.event().get("type")).isEqualTo("AUDIT_QUERY");
      assertThat(leaf.event().get("actor"))
          .isEqualTo(Map.of("id", "witness-ico", "role", "investigator"));
    }
  }

  @Test
  void tokensThatMayNotReadCheckpointsAreRefused() throws Exception {
    String feeder = SERVER.addClient("feeder", Role.INGEST, "feeder");
    Path state = dir.resolve("refused.witness");
    long before = SERVER.treeSize();

    CliRunner.Outcome forbidden = witness(feeder, state, "--key",
        SERVER.get(feeder, "/v1/log").json().path("verifierKey").asText());
    assertThat(forbidden.exitCode()).isEqualTo(4);
    assertThat(forbidden.stderr()).contains("403 Forbidden");

    SERVER.revoke("feeder");
    CliRunner.Outcome revoked = witness(feeder, state);
    assertThat(revoked.exitCode()).isEqualTo(4);
    assertThat(revoked.stderr()).contains("the log refused the token (401 Unauthorized)");
    assertThat(state).doesNotExist();
    assertThat(SERVER.treeSize()).as("only the ingest client's own GET /v1/log was recorded")
        .isEqualTo(before + 1);
  }
}
