package io.accessledger.witness;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.accessledger.ledger.merkle.Digest;
import io.accessledger.ledger.notes.Checkpoint;
import io.accessledger.ledger.notes.CheckpointSigner;
import io.accessledger.ledger.notes.SignedCheckpoint;
import io.accessledger.ledger.notes.VerifierKey;
import io.accessledger.support.CliRunner;
import io.accessledger.support.ServerProcess;
import io.accessledger.support.TestLedger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code witness} command against a {@link FakeLog} that can lie: it pins, records and stays
 * quiet when nothing changed; and it refuses a fork at the same size, a fork at a larger size, a
 * rollback, another key and a corrupt state file, each with its own message and exit code, saving
 * the evidence where there is some and never changing the state file.
 */
class WitnessTest {
  private static final CheckpointSigner SIGNER = TestLedger.signer(1);
  private static final CheckpointSigner OTHER = TestLedger.signer(2);
  private static final List<Digest> A = FakeLog.tree("a", 12);
  private static final List<Digest> B = FakeLog.tree("b", 12);
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;
  private Path state;
  private FakeLog log;

  @BeforeEach
  void start() throws Exception {
    state = dir.resolve("witness.state");
    log = new FakeLog();
  }

  @AfterEach
  void stop() {
    log.close();
  }

  private CliRunner.Outcome witness(String... extra) throws Exception {
    List<String> args = new ArrayList<>(List.of(
        "witness", "--url", log.url(), "--token", FakeLog.TOKEN, "--state", state.toString()));
    args.addAll(List.of(extra));
    CliRunner.Outcome outcome = CliRunner.run(args.toArray(String[]::new));
    assertThat(outcome.stdout() + outcome.stderr()).as("the token is never printed")
        .doesNotContain(FakeLog.TOKEN);
    return outcome;
  }

  private CliRunner.Outcome pinned(String... extra) throws Exception {
    List<String> args = new ArrayList<>(List.of("--key", SIGNER.verifierKey().toString()));
    args.addAll(List.of(extra));
    return witness(args.toArray(String[]::new));
  }

  /** A state file with checkpoints of A at size 5 (and then 8, if asked). */
  private byte[] recordA(int... sizes) throws Exception {
    for (int size : sizes) {
      log.serve(A, size, SIGNER);
      CliRunner.Outcome outcome = pinned();
      assertThat(outcome.exitCode()).as(outcome.stderr()).isZero();
    }
    return Files.readAllBytes(state);
  }

  private List<Path> evidence() throws Exception {
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(p -> p.getFileName().toString().contains(".evidence-")).sorted().toList();
    }
  }

  @Test
  void pinsRecordsGrowthAndIsANoOpWhenNothingChanged() throws Exception {
    log.serve(A, 5, SIGNER);
    CliRunner.Outcome first = pinned();
    assertThat(first.exitCode()).as(first.stderr()).isZero();
    assertThat(first.stdout()).contains("pinned verifier key " + SIGNER.verifierKey()
        + " (given with --key)").contains("recorded the first checkpoint: tree size 5, root ");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(state)))
        .isEqualTo("rw-------");
    List<String> lines = Files.readAllLines(state);
    assertThat(lines).hasSize(2);
    JsonNode header = JSON.readTree(lines.get(0));
    assertThat(header.path("verifierKey").asText()).isEqualTo(SIGNER.verifierKey().toString());
    assertThat(header.path("origin").asText()).isEqualTo(TestLedger.ORIGIN);
    assertThat(header.path("pinnedFrom").asText()).isEqualTo("--key");

    log.serve(A, 8, SIGNER);
    CliRunner.Outcome grown = witness();
    assertThat(grown.exitCode()).as(grown.stderr()).isZero();
    assertThat(grown.stdout()).contains("recorded: tree size 8, root " + FakeLog.root(A.subList(0, 8))
        .base64() + "; it extends the recorded tree size 5 (consistency proof of ");
    lines = Files.readAllLines(state);
    assertThat(lines).hasSize(3);
    JsonNode line = JSON.readTree(lines.get(2));
    assertThat(SignedCheckpoint.open(line.path("checkpoint").asText(), SIGNER.verifierKey()).size())
        .isEqualTo(8);
    assertThat(line.path("consistency")).isNotEmpty();

    byte[] before = Files.readAllBytes(state);
    int requests = log.requests();
    CliRunner.Outcome same = witness();
    assertThat(same.exitCode()).as(same.stderr()).isZero();
    assertThat(same.stdout()).contains("unchanged: the log's checkpoint is still tree size 8");
    assertThat(Files.readAllBytes(state)).isEqualTo(before);
    assertThat(log.requests() - requests).as("one checkpoint read, no proof needed").isEqualTo(1);
  }

  @Test
  void withoutAKeyItPinsThePublishedOneLoudly() throws Exception {
    log.serve(A, 3, SIGNER);
    CliRunner.Outcome outcome = witness();
    assertThat(outcome.exitCode()).as(outcome.stderr()).isZero();
    assertThat(outcome.stderr()).contains("PINNED ON FIRST USE")
        .contains(SIGNER.verifierKey().toString()).contains("--key");
    assertThat(outcome.stdout()).contains("pinned on first use: verifier key " + SIGNER.verifierKey());
    assertThat(JSON.readTree(Files.readAllLines(state).get(0)).path("pinnedFrom").asText())
        .isEqualTo("first use: GET " + log.url() + "/v1/log");
    // Pinned now: a later run neither needs nor asks for the key.
    log.serve(A, 4, SIGNER);
    CliRunner.Outcome later = witness();
    assertThat(later.exitCode()).as(later.stderr()).isZero();
    assertThat(later.stderr()).doesNotContain("PINNED");
  }

  @Test
  void aForkAtTheSameSizeIsRefusedLoudlyWithBothCheckpointsSaved() throws Exception {
    byte[] before = recordA(5);
    String recorded = JSON.readTree(Files.readAllLines(state).get(1)).path("checkpoint").asText();
    log.serve(B, 5, SIGNER);

    CliRunner.Outcome outcome = witness();
    assertThat(outcome.exitCode()).isEqualTo(WitnessExit.FORK.code()).isEqualTo(10);
    assertThat(outcome.stderr())
        .contains("WITNESS ALARM: FORK: the log signed two different roots for tree size 5")
        .contains("recorded: tree size 5, root " + FakeLog.root(A.subList(0, 5)).base64())
        .contains("fetched:  tree size 5, root " + FakeLog.root(B.subList(0, 5)).base64())
        .contains("The new checkpoint was NOT recorded");
    assertThat(Files.readAllBytes(state)).as("the state file is unchanged").isEqualTo(before);

    List<Path> saved = evidence();
    assertThat(saved).hasSize(1);
    assertThat(outcome.stderr()).contains("saved as evidence in " + saved.get(0));
    assertThat(saved.get(0).getFileName().toString()).startsWith("witness.state.evidence-")
        .endsWith("-fork.json");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(saved.get(0))))
        .isEqualTo("rw-------");
    JsonNode evidence = JSON.readTree(saved.get(0).toFile());
    assertThat(evidence.path("kind").asText()).isEqualTo("fork");
    assertThat(evidence.path("recorded").path("checkpoint").asText()).isEqualTo(recorded);
    String fetched = evidence.path("fetched").path("checkpoint").asText();
    VerifierKey key = VerifierKey.parse(evidence.path("verifierKey").asText());
    // Both are signed by the log's key: the log itself signed two trees of size 5.
    assertThat(SignedCheckpoint.open(recorded, key).size())
        .isEqualTo(SignedCheckpoint.open(fetched, key).size());
    assertThat(SignedCheckpoint.open(recorded, key).root())
        .isNotEqualTo(SignedCheckpoint.open(fetched, key).root());

    // It stays refused: the bad checkpoint was never recorded.
    assertThat(witness().exitCode()).isEqualTo(10);
    assertThat(Files.readAllBytes(state)).isEqualTo(before);
  }

  @Test
  void aForkAtALargerSizeFailsItsConsistencyProof() throws Exception {
    byte[] before = recordA(5);
    log.serve(B, 8, SIGNER); // honest proofs, but within tree B, which does not extend A

    CliRunner.Outcome outcome = witness();
    assertThat(outcome.exitCode()).isEqualTo(WitnessExit.INCONSISTENT.code()).isEqualTo(11);
    assertThat(outcome.stderr())
        .contains("WITNESS ALARM: FORK: the log cannot prove that its tree of size 8 extends the"
            + " tree of size 5 it signed before (root mismatch at size 5")
        .contains("recorded: tree size 5").contains("fetched:  tree size 8");
    assertThat(Files.readAllBytes(state)).isEqualTo(before);
    List<Path> saved = evidence();
    assertThat(saved).singleElement().satisfies(p ->
        assertThat(p.getFileName().toString()).endsWith("-inconsistent.json"));
    JsonNode evidence = JSON.readTree(saved.get(0).toFile());
    assertThat(evidence.path("consistencyProof")).isNotEmpty();
    assertThat(evidence.path("fetched").path("checkpoint").asText()).contains("\n8\n");
  }

  @Test
  void aLogThatSignsALargerTreeButWillNotProveItIsAnAlarm() throws Exception {
    byte[] before = recordA(5);
    log.serve(A, 8, SIGNER);
    log.refuseProofs(404);

    CliRunner.Outcome outcome = witness();
    assertThat(outcome.exitCode()).isEqualTo(WitnessExit.INCONSISTENT.code());
    assertThat(outcome.stderr()).contains("WITNESS ALARM: FORK?: the log signed a tree of size 8"
        + " but gave no valid consistency proof from tree size 5");
    assertThat(Files.readAllBytes(state)).isEqualTo(before);
    assertThat(evidence()).singleElement();
  }

  @Test
  void aSignedEmptyTreeWithAnotherRootIsNeverRecorded() throws Exception {
    String impossible = SIGNER.sign(new Checkpoint(SIGNER.origin(), 0, FakeLog.root(A)));
    log.serveNote(impossible, SIGNER);
    CliRunner.Outcome outcome = pinned();
    assertThat(outcome.exitCode()).isEqualTo(WitnessExit.BAD_ANSWER.code());
    assertThat(outcome.stderr()).contains("empty tree with another root");
    assertThat(state).doesNotExist();
  }

  @Test
  void aRollbackIsRefused() throws Exception {
    byte[] before = recordA(5, 8);
    log.serve(A, 6, SIGNER); // a genuine older view of the same tree

    CliRunner.Outcome outcome = witness();
    assertThat(outcome.exitCode()).isEqualTo(WitnessExit.ROLLBACK.code()).isEqualTo(12);
    assertThat(outcome.stderr()).contains("WITNESS ALARM: ROLLBACK: the log's latest checkpoint has"
        + " tree size 6, smaller than tree size 8 which it signed before");
    assertThat(Files.readAllBytes(state)).isEqualTo(before);
    assertThat(evidence()).singleElement().satisfies(p ->
        assertThat(p.getFileName().toString()).endsWith("-rollback.json"));

    log.serve(A, 5, SIGNER); // a size recorded before, with the same root: still only a rollback
    assertThat(witness().exitCode()).isEqualTo(12);
    assertThat(Files.readAllBytes(state)).isEqualTo(before);
  }

  @Test
  void aRollbackToARecordedSizeWithAnotherRootIsAFork() throws Exception {
    byte[] before = recordA(5, 8);
    String recorded5 = JSON.readTree(Files.readAllLines(state).get(1)).path("checkpoint").asText();
    log.serve(B, 5, SIGNER); // what a restore from backup followed by other appends looks like

    CliRunner.Outcome outcome = witness();
    assertThat(outcome.exitCode()).isEqualTo(10);
    assertThat(outcome.stderr()).contains("WITNESS ALARM: FORK: the log signed two different roots"
        + " for tree size 5 (and its latest tree is smaller than tree size 8 which it signed before)");
    assertThat(Files.readAllBytes(state)).isEqualTo(before);
    JsonNode evidence = JSON.readTree(evidence().get(0).toFile());
    assertThat(evidence.path("kind").asText()).isEqualTo("fork");
    assertThat(evidence.path("recorded").path("checkpoint").asText()).isEqualTo(recorded5);
  }

  @Test
  void aCheckpointUnderAnotherKeyIsABadSignature() throws Exception {
    byte[] before = recordA(5);
    log.serve(A, 8, OTHER);

    CliRunner.Outcome outcome = witness();
    assertThat(outcome.exitCode()).isEqualTo(WitnessExit.BAD_SIGNATURE.code()).isEqualTo(6);
    assertThat(outcome.stderr()).contains("the log's checkpoint is not validly signed by the pinned"
        + " verifier key " + SIGNER.verifierKey() + ": no signature from key");
    assertThat(Files.readAllBytes(state)).isEqualTo(before);
    assertThat(evidence()).as("an unsigned claim is not evidence against the log").isEmpty();
  }

  @Test
  void anotherKeyThanThePinnedOneIsRefusedBeforeAnyRequest() throws Exception {
    byte[] before = recordA(5);
    int requests = log.requests();
    CliRunner.Outcome outcome = witness("--key", OTHER.verifierKey().toString());
    assertThat(outcome.exitCode()).isEqualTo(WitnessExit.USAGE.code()).isEqualTo(2);
    assertThat(outcome.stderr()).contains("--key " + OTHER.verifierKey() + " is not the key pinned in "
        + state.toAbsolutePath() + " (" + SIGNER.verifierKey() + ", pinned from --key)");
    assertThat(log.requests()).isEqualTo(requests);
    assertThat(Files.readAllBytes(state)).isEqualTo(before);
  }

  @Test
  void aFirstCheckpointThatDoesNotVerifyPinsNothing() throws Exception {
    log.serve(A, 5, OTHER);
    CliRunner.Outcome outcome = pinned();
    assertThat(outcome.exitCode()).isEqualTo(6);
    assertThat(outcome.stderr()).contains("not validly signed by the given verifier key");
    assertThat(state).doesNotExist();
  }

  @Test
  void aCorruptStateFileIsRefusedAndLeftAsItIs() throws Exception {
    recordA(5, 8, 11);
    List<String> good = Files.readAllLines(state);
    String note8 = JSON.readTree(good.get(2)).path("checkpoint").asText();

    corrupt(good.get(0) + "\n" + good.get(1) + "\n{not json\n",
        "line 3: not a JSON object");
    corrupt(String.join("\n", good.get(0), good.get(2), good.get(1)) + "\n",
        "line 2: a consistency proof on the first checkpoint, which has none");
    corrupt(String.join("\n", good.get(0), withoutProof(good.get(3)), good.get(1)) + "\n",
        "line 3: tree size 5 is smaller than the size 11 recorded on line 2");
    corrupt(String.join("\n", good) + "\n" + good.get(3).substring(0, 40),
        "line 5: the last line is incomplete (no newline at its end)");
    corrupt(String.join("\n", good.get(0), good.get(1), good.get(2).replace(
        JSON.writeValueAsString(note8), JSON.writeValueAsString(note8.replace("\n8\n", "\n9\n")))) + "\n",
        "line 3: its checkpoint does not verify under the pinned key");
    corrupt(String.join("\n", good.get(0), good.get(1), good.get(3)) + "\n",
        "line 3: its consistency proof from size 5 (line 2) to size 11 does not verify");
    corrupt(good.get(0).replace("\"pinnedFrom\"", "\"note\":1,\"pinnedFrom\"") + "\n",
        "line 1: fields [note, origin, pinnedAt, pinnedFrom, verifierKey, witness], want");
    corrupt(good.get(0).replace(SIGNER.verifierKey().toString(), OTHER.verifierKey().toString())
        + "\n" + good.get(1) + "\n", "line 2: its checkpoint does not verify under the pinned key");
    corrupt("", "line 1: the file is empty");
  }

  /** The checkpoint line with its consistency proof left out, so it can stand first. */
  private static String withoutProof(String line) throws Exception {
    com.fasterxml.jackson.databind.node.ObjectNode node =
        (com.fasterxml.jackson.databind.node.ObjectNode) JSON.readTree(line);
    node.putArray("consistency");
    return JSON.writeValueAsString(node);
  }

  private void corrupt(String content, String problem) throws Exception {
    Files.writeString(state, content, StandardCharsets.UTF_8);
    int requests = log.requests();
    CliRunner.Outcome outcome = witness();
    assertThat(outcome.exitCode()).as(content).isEqualTo(WitnessExit.STATE.code()).isEqualTo(7);
    assertThat(outcome.stderr()).as(content).contains("state file " + state.toAbsolutePath()
        + " is refused: " + problem).contains("the file is unchanged");
    assertThat(Files.readString(state, StandardCharsets.UTF_8)).isEqualTo(content);
    assertThat(log.requests()).as("nothing is fetched on a corrupt state").isEqualTo(requests);
  }

  @Test
  void aStateFileOthersCanWriteIsRefused() throws Exception {
    byte[] before = recordA(5);
    Files.setPosixFilePermissions(state, PosixFilePermissions.fromString("rw-rw-r--"));
    CliRunner.Outcome outcome = witness();
    assertThat(outcome.exitCode()).isEqualTo(7);
    assertThat(outcome.stderr()).contains("has permissions rw-rw-r--").contains("chmod 600");
    assertThat(Files.readAllBytes(state)).isEqualTo(before);
  }

  @Test
  void aRefusedTokenAndAnUnreachableLogEachHaveTheirOwnExit() throws Exception {
    log.serve(A, 5, SIGNER);
    CliRunner.Outcome wrongToken = CliRunner.run("witness", "--url", log.url(), "--token",
        "alt_someOtherToken", "--state", state.toString());
    assertThat(wrongToken.exitCode()).isEqualTo(WitnessExit.TOKEN_REFUSED.code()).isEqualTo(4);
    assertThat(wrongToken.stderr()).contains("the log refused the token (401 Unauthorized)")
        .doesNotContain("alt_someOtherToken");

    log.failWith(403);
    CliRunner.Outcome forbidden = pinned();
    assertThat(forbidden.exitCode()).isEqualTo(4);
    assertThat(forbidden.stderr()).contains("(403 Forbidden): the witness needs an auditor or"
        + " investigator client's token");

    log.failWith(500);
    CliRunner.Outcome broken = pinned();
    assertThat(broken.exitCode()).isEqualTo(WitnessExit.BAD_ANSWER.code()).isEqualTo(5);
    assertThat(broken.stderr()).contains("HTTP status 500; the log said: forced failure");

    int closedPort = ServerProcess.freePorts(1)[0];
    CliRunner.Outcome unreachable = CliRunner.run("witness", "--url", "http://127.0.0.1:"
        + closedPort, "--token", FakeLog.TOKEN, "--state", state.toString(),
        "--key", SIGNER.verifierKey().toString());
    assertThat(unreachable.exitCode()).isEqualTo(WitnessExit.UNREACHABLE.code()).isEqualTo(3);
    assertThat(unreachable.stderr()).contains("cannot connect to the log: GET http://127.0.0.1:"
        + closedPort + "/v1/checkpoint").doesNotContain(FakeLog.TOKEN);
    assertThat(state).as("no failed first run leaves a state file").doesNotExist();
  }

  @Test
  void badArgumentsAreUsageErrors() throws Exception {
    CliRunner.Outcome url = CliRunner.run("witness", "--url", "ftp://x", "--token", FakeLog.TOKEN,
        "--state", state.toString());
    assertThat(url.exitCode()).isEqualTo(2);
    assertThat(url.stderr()).contains("--url must start with http:// or https://");
    CliRunner.Outcome key = witness("--key", "nonsense");
    assertThat(key.exitCode()).isEqualTo(2);
    assertThat(key.stderr()).contains("--key is not a verifier key");

    Path tokenFile = dir.resolve("token");
    Files.writeString(tokenFile, FakeLog.TOKEN + "\n");
    Files.setPosixFilePermissions(tokenFile, PosixFilePermissions.fromString("rw-r--r--"));
    CliRunner.Outcome open = CliRunner.run("witness", "--url", log.url(), "--token-file",
        tokenFile.toString(), "--state", state.toString());
    assertThat(open.exitCode()).isEqualTo(2);
    assertThat(open.stderr()).contains("chmod 600 " + tokenFile);
    Files.setPosixFilePermissions(tokenFile, PosixFilePermissions.fromString("rw-------"));
    log.serve(A, 2, SIGNER);
    CliRunner.Outcome fromFile = CliRunner.run("witness", "--url", log.url(), "--token-file",
        tokenFile.toString(), "--state", state.toString(), "--key", SIGNER.verifierKey().toString());
    assertThat(fromFile.exitCode()).as(fromFile.stderr()).isZero();
  }

  @Test
  void theJarExitsWithTheAlarmsOwnCode() throws Exception {
    byte[] before = recordA(5);
    log.serve(B, 5, SIGNER);
    int exit = ServerProcess.runCommand(dir, "witness.out", "witness", "--url", log.url(),
        "--token", FakeLog.TOKEN, "--state", state.toString());
    String output = Files.readString(dir.resolve("witness.out"));
    assertThat(exit).as(output).isEqualTo(10);
    assertThat(output).contains("WITNESS ALARM: FORK").doesNotContain(FakeLog.TOKEN);
    assertThat(Files.readAllBytes(state)).isEqualTo(before);
  }

  @Test
  void aRepeatedKeyTrustsASetRecordedInTheStateFile() throws Exception {
    CheckpointSigner sameOrigin = TestLedger.signer(3);
    assertThat(sameOrigin.verifierKey().name()).isEqualTo(SIGNER.verifierKey().name());
    log.serve(A, 5, SIGNER);
    CliRunner.Outcome first = witness("--key", SIGNER.verifierKey().toString(),
        "--key", sameOrigin.verifierKey().toString());
    assertThat(first.exitCode()).as(first.stderr()).isZero();
    JsonNode header = JSON.readTree(Files.readAllLines(state).get(0));
    assertThat(header.path("verifierKey").asText()).isEqualTo(SIGNER.verifierKey().toString());
    assertThat(header.path("verifierKeys")).extracting(JsonNode::asText).containsExactly(
        SIGNER.verifierKey().toString(), sameOrigin.verifierKey().toString());

    // Signed by the second key alone: it counts, now and when the next run re-reads the file.
    log.serve(A, 8, sameOrigin);
    CliRunner.Outcome second = witness();
    assertThat(second.exitCode()).as(second.stderr()).isZero();
    assertThat(second.stdout()).contains("recorded: tree size 8");
    log.serve(A, 11, SIGNER);
    CliRunner.Outcome third = witness("--key", sameOrigin.verifierKey().toString());
    assertThat(third.exitCode()).as(third.stderr()).isZero();

    byte[] before = Files.readAllBytes(state);
    CliRunner.Outcome stranger = witness("--key", SIGNER.verifierKey().toString(),
        "--key", OTHER.verifierKey().toString());
    assertThat(stranger.exitCode()).isEqualTo(WitnessExit.USAGE.code());
    assertThat(stranger.stderr()).contains("--key " + OTHER.verifierKey() + " is not the key");
    assertThat(Files.readAllBytes(state)).isEqualTo(before);
  }

  @Test
  void aSingleKeyStateFileKeepsTheOldFirstLine() throws Exception {
    recordA(5);
    JsonNode header = JSON.readTree(Files.readAllLines(state).get(0));
    assertThat(header.has("verifierKeys")).as("old witnesses can still read it").isFalse();
  }

  @Test
  void aLineFromAnUnknownKeyIsIgnoredButAloneItIsStillABadSignature() throws Exception {
    CheckpointSigner next = TestLedger.signer(3);
    recordA(5);
    // A transition checkpoint: the pinned key's line and a new key's; the unknown line is ignored.
    log.serve(A, 8, SIGNER, next);
    CliRunner.Outcome transition = witness();
    assertThat(transition.exitCode()).as(transition.stderr()).isZero();
    assertThat(transition.stdout()).contains("recorded: tree size 8");
    assertThat(witness().exitCode()).as("the recorded note re-verifies from the file").isZero();

    // After the transition the new key signs alone: not followed yet, so refused, file unchanged.
    byte[] before = Files.readAllBytes(state);
    log.serve(A, 11, next);
    CliRunner.Outcome after = witness();
    assertThat(after.exitCode()).isEqualTo(WitnessExit.BAD_SIGNATURE.code());
    assertThat(Files.readAllBytes(state)).isEqualTo(before);
  }
}
