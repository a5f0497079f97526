package io.accessledger.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.accessledger.auth.Role;
import io.accessledger.ledger.Checkpoint;
import io.accessledger.ledger.LeafCodec;
import io.accessledger.ledger.LedgerEntry;
import io.accessledger.ledger.SignedCheckpoint;
import io.accessledger.ledger.VerifierKey;
import io.accessledger.support.CliRunner;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code witness} command against the real server: it pins the published key on first use,
 * records the first checkpoint, then a grown one after more posts. A live access-ledger never
 * shows a witness the same checkpoint twice, because the witness's own reads are audited entries;
 * so an idle log grows by exactly the witness's two reads per run, which this test checks too
 * (the no-op on an unchanged checkpoint is tested against a fake log in {@code WitnessTest}).
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class WitnessApiTest {
  static final ApiServer SERVER = new ApiServer();
  static final DropwizardAppExtension<?> APP = SERVER.app;

  @TempDir Path dir;

  private String url() {
    return "http://localhost:" + APP.getLocalPort();
  }

  private CliRunner.Outcome witness(String token, Path state, String... extra) throws Exception {
    List<String> args = new java.util.ArrayList<>(List.of(
        "witness", "--url", url(), "--token", token, "--state", state.toString()));
    args.addAll(List.of(extra));
    CliRunner.Outcome outcome = CliRunner.run(args.toArray(String[]::new));
    assertThat(outcome.stdout() + outcome.stderr()).doesNotContain(token);
    return outcome;
  }

  private static Checkpoint lastRecorded(Path state, VerifierKey key) throws Exception {
    List<String> lines = Files.readAllLines(state, StandardCharsets.UTF_8);
    return SignedCheckpoint.open(
        ApiServer.JSON.readTree(lines.get(lines.size() - 1)).path("checkpoint").asText(), key);
  }

  @Test
  void pinsRecordsAndFollowsTheRealLog() throws Exception {
    String ingest = SERVER.addClient("carefirst", Role.INGEST, "carefirst");
    String auditor = SERVER.addClient("dpo", Role.AUDITOR, null);
    String witnessToken = SERVER.addClient("witness-ico", Role.INVESTIGATOR, null);
    VerifierKey key =
        VerifierKey.parse(SERVER.get(auditor, "/v1/log").json().path("verifierKey").asText());
    Path state = dir.resolve("ledger.witness");

    CliRunner.Outcome first = witness(witnessToken, state);
    assertThat(first.exitCode()).as(first.stderr()).isZero();
    assertThat(first.stderr()).contains("PINNED ON FIRST USE").contains(key.toString());
    assertThat(Files.readAllLines(state)).hasSize(2);
    Checkpoint pinnedAt = lastRecorded(state, key);

    for (int i = 0; i < 3; i++) {
      assertThat(SERVER.post(ingest, "/v1/events", Json.view("wt-" + i, "c-1", "w-1")).status)
          .isEqualTo(201);
    }
    CliRunner.Outcome grown = witness(witnessToken, state, "--key", key.toString());
    assertThat(grown.exitCode()).as(grown.stderr()).isZero();
    assertThat(grown.stdout()).contains("it extends the recorded tree size " + pinnedAt.size()
        + " (consistency proof of ");
    Checkpoint afterPosts = lastRecorded(state, key);
    assertThat(afterPosts.size()).isGreaterThanOrEqualTo(pinnedAt.size() + 3);

    // Nothing posted: the log grew only by the witness's own audited reads, the previous run's
    // consistency proof and this run's checkpoint.
    CliRunner.Outcome idle = witness(witnessToken, state);
    assertThat(idle.exitCode()).as(idle.stderr()).isZero();
    Checkpoint afterIdle = lastRecorded(state, key);
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
    String ingest = SERVER.addClient("feeder", Role.INGEST, "feeder");
    Path state = dir.resolve("refused.witness");
    long before = SERVER.treeSize();

    CliRunner.Outcome forbidden = witness(ingest, state, "--key",
        SERVER.get(ingest, "/v1/log").json().path("verifierKey").asText());
    assertThat(forbidden.exitCode()).isEqualTo(4);
    assertThat(forbidden.stderr()).contains("403 Forbidden");

    SERVER.revoke("feeder");
    CliRunner.Outcome revoked = witness(ingest, state);
    assertThat(revoked.exitCode()).isEqualTo(4);
    assertThat(revoked.stderr()).contains("the log refused the token (401 Unauthorized)");
    assertThat(state).doesNotExist();
    assertThat(SERVER.treeSize()).as("only the ingest client's own GET /v1/log was recorded")
        .isEqualTo(before + 1);
  }
}
