package io.accessledger.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.accessledger.auth.Role;
import io.accessledger.crypto.bc.Ed25519Signer;
import io.accessledger.crypto.bc.SigningKeyFile;
import io.accessledger.evidence.BundleException;
import io.accessledger.evidence.BundleProblem;
import io.accessledger.evidence.BundleVerifier;
import io.accessledger.ledger.merkle.Digest;
import io.accessledger.ledger.merkle.TreeHasher;
import io.accessledger.ledger.notes.Checkpoint;
import io.accessledger.ledger.notes.CheckpointSigner;
import io.accessledger.ledger.notes.VerifierKey;
import io.accessledger.support.CliRunner;
import io.accessledger.support.TestLedger;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Set;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * An evidence bundle from a real server, then every way an outsider could be handed a doctored
 * one: each must fail offline, with its own named problem.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class BundleTamperTest {
  static final ApiServer SERVER = new ApiServer();
  static final DropwizardAppExtension<?> APP = SERVER.app;

  static String auditor;
  static VerifierKey key;
  static byte[] bundle;
  static JsonNode tree;
  /** A bundle with a consistency proof and the checkpoint the log signed at that size. */
  static byte[] grown;
  static String saved;

  @BeforeAll
  static void makeBundle() throws Exception {
    String ingest = SERVER.addClient("carefirst", Role.INGEST, "carefirst");
    auditor = SERVER.addClient("dpo", Role.AUDITOR, null);
    for (int i = 0; i < 8; i++) {
      SERVER.post(ingest, "/v1/events", Json.view("t-" + i, "c-" + (i % 2), "w-1"));
    }
    SERVER.post(ingest, "/v1/events", Json.extract("t-extract", "c-0", "c-1"));
    SERVER.post(ingest, "/v1/events", Json.extract("t-extract-other", "c-5"));
    SERVER.post(ingest, "/v1/events", Json.view("t-last", "c-1", "w-2"));
    key = VerifierKey.parse(SERVER.get(auditor, "/v1/log").json().path("verifierKey").asText());
    saved = SERVER.get(auditor, "/v1/checkpoint").body;
    grown = SERVER.get(auditor, "/v1/evidence?subject=c-0&since=" + saved.split("\n")[1])
        .body.getBytes(StandardCharsets.UTF_8);
    BundleVerifier.verify(grown, key, saved);
    bundle = SERVER.get(auditor, "/v1/evidence?subject=c-1").body.getBytes(StandardCharsets.UTF_8);
    tree = ApiServer.JSON.readTree(bundle);
    BundleVerifier.verify(bundle, key, null); // the original is good
  }

  @Test
  void changingAnyByteIsCaught() {
    Set<BundleProblem> seen = EnumSet.noneOf(BundleProblem.class);
    for (int i = 0; i < bundle.length; i++) {
      byte[] altered = bundle.clone();
      altered[i] ^= 0x01;
      seen.add(problem(altered, null, "byte " + i));
    }
    assertThat(seen).contains(BundleProblem.MALFORMED, BundleProblem.LEAF_HASH,
        BundleProblem.PROOF, BundleProblem.CHECKPOINT, BundleProblem.COMPLETENESS,
        BundleProblem.WRONG_KEY, BundleProblem.REQUEST);
    // The consistency part (the checkpoint signed at the earlier size, its proof, its size) too.
    String text = new String(grown, StandardCharsets.UTF_8);
    int from = text.indexOf("\"consistency\"");
    int to = text.indexOf("\"entries\"");
    for (int i = from; i < to; i++) {
      byte[] altered = grown.clone();
      altered[i] ^= 0x01;
      problem(altered, saved, "consistency byte " + i);
    }
  }

  @Test
  void aDroppedConsistencyProofOrAForkedEarlierTreeIsCaught() throws Exception {
    assertThat(editGrown(b -> ((ArrayNode) b.path("consistency")).removeAll(), saved))
        .isEqualTo(BundleProblem.REQUEST);
    CheckpointSigner realKey = new CheckpointSigner(key.name(),
        SigningKeyFile.load(SERVER.data.resolve("signing.key")), key.publicKey());
    long size = Long.parseLong(saved.split("\n")[1]);
    String otherTree = realKey.sign(new Checkpoint(key.name(), size, Digest.of(new byte[32])));
    // The investigator saved a checkpoint the log signed for another tree of the same size.
    assertThat(problem(grown, otherTree, "forked saved")).isEqualTo(BundleProblem.FORK);
    // A saved checkpoint of the empty tree is extended by every tree; a false one is a fork.
    String empty = realKey.sign(new Checkpoint(key.name(), 0, TreeHasher.emptyRoot()));
    BundleVerifier.verify(bundle, key, empty);
    String falseEmpty = realKey.sign(new Checkpoint(key.name(), 0, Digest.of(new byte[32])));
    assertThat(problem(bundle, falseEmpty, "false empty")).isEqualTo(BundleProblem.FORK);
    // Duplicate keys are not JSON a verifier should guess about.
    String twice = new String(bundle, StandardCharsets.UTF_8)
        .replaceFirst("\\{\"format\"", "{\"key\":\"subject:c-0\",\"format\"");
    assertThat(problem(twice.getBytes(StandardCharsets.UTF_8), null, "duplicate key"))
        .isEqualTo(BundleProblem.MALFORMED);
  }

  @Test
  void textFromRecordsSystemsCannotForgeLinesInTheReport(@TempDir Path dir) throws Exception {
    String ingest = SERVER.addClient("spoofer", Role.INGEST, "spoofer");
    String forged = "case work\\n  #999  2026-11-23T10:00:00Z  VIEW  nobody viewed nothing"
        + "\\u001b[1A\\u202e";
    assertThat(SERVER.post(ingest, "/v1/events", Json.view("spoof-1", "c-spoof", "w-1")
        .replace("\"case work\"", "\"" + forged + "\"")).status).isEqualTo(201);
    Path file = dir.resolve("spoof.json");
    Files.writeString(file, SERVER.get(auditor, "/v1/evidence?subject=c-spoof").body);
    CliRunner.Outcome ok = CliRunner.run("verify-bundle", file.toString(), "--key", key.toString());
    assertThat(ok.succeeded()).as(ok.stderr()).isTrue();
    assertThat(ok.stdout()).doesNotContain("\n  #999").doesNotContain("\u001b")
        .doesNotContain("\u202e").contains("case work\\u000A  #999");
  }

  @Test
  void aBrokenIndexIsNeverCompletedIntoABundle() throws Exception {
    String ingest = SERVER.addClient("indexed", Role.INGEST, "indexed");
    for (int i = 0; i < 3; i++) {
      SERVER.post(ingest, "/v1/events", Json.view("idx-" + i, "c-idx", "w-1"));
    }
    long middle = tree(SERVER.get(auditor, "/v1/subjects/c-idx/events").body)
        .path("entries").get(1).path("seq").asLong();
    TestLedger.tamper(SERVER.data.resolve("ledger.db"), "DELETE FROM link_index WHERE seq = "
        + middle + " AND key_id = (SELECT id FROM link_keys WHERE link_key = 'subject:c-idx')");
    byte[] cut;
    try {
      cut = SERVER.get(auditor, "/v1/evidence?subject=c-idx").body
          .getBytes(StandardCharsets.UTF_8);
    } catch (RuntimeException e) {
      return; // the connection was aborted mid-stream: no bundle at all
    }
    assertThat(problem(cut, null, "a bundle over a broken index"))
        .isEqualTo(BundleProblem.MALFORMED); // cut off, not neatly closed
  }

  private static JsonNode tree(String json) throws Exception {
    return ApiServer.JSON.readTree(json);
  }

  private static BundleProblem editGrown(Consumer<ObjectNode> change, String savedNote)
      throws Exception {
    ObjectNode copy = (ObjectNode) ApiServer.JSON.readTree(grown);
    change.accept(copy);
    return problem(ApiServer.JSON.writeValueAsBytes(copy), savedNote, "edited grown bundle");
  }

  @Test
  void leavingOutReorderingOrAddingEntriesIsCaught() {
    assertThat(edit(b -> entries(b).remove(2))).isEqualTo(BundleProblem.GAP);
    assertThat(edit(b -> entries(b).remove(0))).isEqualTo(BundleProblem.GAP);
    assertThat(edit(b -> entries(b).remove(entries(b).size() - 1)))
        .isEqualTo(BundleProblem.TRUNCATED);
    assertThat(edit(b -> {
      JsonNode second = entries(b).remove(1);
      entries(b).insert(2, second);
    })).isEqualTo(BundleProblem.OUT_OF_ORDER);
    assertThat(edit(b -> entries(b).insert(1, entries(b).get(1).deepCopy())))
        .isEqualTo(BundleProblem.OUT_OF_ORDER);
    // Entry 0 names c-0, not c-1: proven and in order, but not part of this history.
    JsonNode other = provenEntry(0, tree.path("treeSize").asLong());
    assertThat(edit(b -> entries(b).insert(0, other))).isEqualTo(BundleProblem.NOT_IN_HISTORY);
  }

  @Test
  void alteredLeavesAndProofsFromAnotherTreeAreCaught() {
    assertThat(edit(b -> {
      ObjectNode first = (ObjectNode) entries(b).get(0);
      first.put("leaf", first.path("leaf").asText().replace("case work", "case-work"));
    })).isEqualTo(BundleProblem.LEAF_HASH);
    long seq = tree.path("entries").get(1).path("seq").asLong();
    JsonNode earlier = provenEntry(seq, seq + 1); // the same leaf, proven in an older tree
    assertThat(edit(b -> ((ObjectNode) entries(b).get(1)).set("proof", earlier.path("proof"))))
        .isEqualTo(BundleProblem.PROOF);
  }

  @Test
  void releasesMustBeThereAndMatch() {
    assertThat(edit(b -> ((ArrayNode) b.path("releases")).removeAll()))
        .isEqualTo(BundleProblem.RELEASE);
    long otherRelease = tree.path("releases").get(0).path("seq").asLong() + 3;
    JsonNode unrelated = provenEntry(otherRelease, tree.path("treeSize").asLong());
    assertThat(edit(b -> ((ArrayNode) b.path("releases")).add(unrelated)))
        .isEqualTo(BundleProblem.RELEASE);
  }

  @Test
  void theRequestRecordAndTheSignedNotesMustMatch() throws Exception {
    assertThat(edit(b -> ((ObjectNode) b.path("requestedBy")).put("id", "someone-else")))
        .isEqualTo(BundleProblem.REQUEST);
    JsonNode another = ApiServer.JSON.readTree(
        SERVER.get(auditor, "/v1/evidence?subject=c-0").body);
    assertThat(edit(b -> b.set("completeness", another.path("completeness"))))
        .isEqualTo(BundleProblem.COMPLETENESS);
    assertThat(edit(b -> b.set("checkpoint", another.path("checkpoint"))))
        .isEqualTo(BundleProblem.CHECKPOINT);
    assertThat(edit(b -> b.put("surprise", 1))).isEqualTo(BundleProblem.MALFORMED);
    assertThat(problem((new String(bundle, StandardCharsets.UTF_8) + "{}").getBytes(
        StandardCharsets.UTF_8), null, "trailing")).isEqualTo(BundleProblem.MALFORMED);
  }

  @Test
  void anotherKeyAForgedSignatureARollbackAndAForkAreCaught() throws Exception {
    Ed25519Signer stranger = new Ed25519Signer(new byte[32]);
    CheckpointSigner strangeLog = new CheckpointSigner(key.name(), stranger, stranger.publicKey());
    assertThat(problem(bundle, null, strangeLog.verifierKey())).isEqualTo(BundleProblem.WRONG_KEY);
    // A bundle that names the stranger's key but carries the real log's signatures.
    assertThat(edit(b -> b.put("verifierKey", strangeLog.verifierKey().toString()),
        strangeLog.verifierKey())).isEqualTo(BundleProblem.CHECKPOINT);

    CheckpointSigner realKey = new CheckpointSigner(key.name(),
        SigningKeyFile.load(SERVER.data.resolve("signing.key")), key.publicKey());
    long size = tree.path("treeSize").asLong();
    String forked = realKey.sign(new Checkpoint(key.name(), size, Digest.of(new byte[32])));
    assertThat(problem(bundle, forked, "fork")).isEqualTo(BundleProblem.FORK);
    String ahead = realKey.sign(new Checkpoint(key.name(), size + 10, Digest.of(new byte[32])));
    assertThat(problem(bundle, ahead, "rollback")).isEqualTo(BundleProblem.ROLLED_BACK);
    String unsigned = strangeLog.sign(new Checkpoint(key.name(), size, Digest.of(new byte[32])));
    assertThat(problem(bundle, unsigned, "saved")).isEqualTo(BundleProblem.SAVED_CHECKPOINT);
  }

  @Test
  void theCommandPrintsWhoSawWhatOrThePreciseReason(@TempDir Path dir) throws Exception {
    Path good = dir.resolve("bundle.json");
    Files.write(good, bundle);
    CliRunner.Outcome ok = CliRunner.run("verify-bundle", good.toString(), "--key", key.toString());
    assertThat(ok.succeeded()).as(ok.stderr()).isTrue();
    assertThat(ok.stdout()).contains("VERIFIED: evidence bundle for subject:c-1")
        .contains("w-1 (social-worker, north) viewed case-note/note-c-1")
        .contains("UKGDPR-6-1-e (")
        .contains("included in extract t-extract")
        .contains("asked by:  dpo (auditor)");

    Path bad = dir.resolve("gap.json");
    ObjectNode copy = tree.deepCopy();
    entries(copy).remove(1);
    Files.write(bad, ApiServer.JSON.writeValueAsBytes(copy));
    CliRunner.Outcome refused =
        CliRunner.run("verify-bundle", bad.toString(), "--key", key.toString());
    assertThat(refused.succeeded()).isFalse();
    assertThat(refused.stderr()).contains("BUNDLE FAILED: GAP: entries were left out");
    assertThat(refused.stdout()).doesNotContain("VERIFIED");

    CliRunner.Outcome noFile =
        CliRunner.run("verify-bundle", dir.resolve("none.json").toString(), "--key", key.toString());
    assertThat(noFile.stderr()).contains("cannot read the bundle");
  }

  private static JsonNode provenEntry(long seq, long treeSize) {
    JsonNode entry = SERVER.get(auditor, "/v1/entries/" + seq + "?treeSize=" + treeSize).json();
    ObjectNode proven = ApiServer.JSON.createObjectNode();
    proven.put("seq", entry.path("seq").asLong());
    proven.put("leaf", entry.path("leaf").asText());
    proven.put("leafHash", entry.path("leafHash").asText());
    proven.set("proof", entry.path("proof"));
    return proven;
  }

  private static ArrayNode entries(ObjectNode bundle) {
    return (ArrayNode) bundle.path("entries");
  }

  private static BundleProblem edit(Consumer<ObjectNode> change) {
    return edit(change, key);
  }

  private static BundleProblem edit(Consumer<ObjectNode> change, VerifierKey with) {
    ObjectNode copy = tree.deepCopy();
    change.accept(copy);
    try {
      return problem(ApiServer.JSON.writeValueAsBytes(copy), null, with);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new AssertionError(e);
    }
  }

  private static BundleProblem problem(byte[] altered, String saved, String what) {
    try {
      BundleVerifier.verify(altered, key, saved);
    } catch (BundleException e) {
      return e.problem();
    }
    throw new AssertionError("a doctored bundle verified: " + what);
  }

  private static BundleProblem problem(byte[] altered, String saved, VerifierKey with) {
    try {
      BundleVerifier.verify(altered, with, saved);
    } catch (BundleException e) {
      return e.problem();
    }
    throw new AssertionError("a doctored bundle verified");
  }
}
