package io.accessledger.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import io.accessledger.support.TestLedger;
import io.accessledger.store.StoredLeaf;
import io.accessledger.store.sqlite.SqliteLedgerStore;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Tampers with a real SQLite ledger file as an attacker holding it would (dropping the append-only
 * triggers first) and checks that verification catches each edit and names the first bad seq.
 */
class LedgerVerifierTest {
  private static final int ENTRIES = 40;

  @TempDir Path dir;
  private Path db;
  private final CheckpointSigner signer = TestLedger.signer(0);

  @BeforeEach
  void buildLedger() {
    db = dir.resolve("ledger.db");
    try (SqliteLedgerStore store = TestLedger.openStore(db);
        Sequencer sequencer = TestLedger.sequencer(store, signer)) {
      // One checkpoint per append for the first 30, then a group of 10 under one checkpoint.
      TestLedger.appendViews(sequencer, 30);
      List<PreparedEvent> group = new java.util.ArrayList<>();
      for (int i = 30; i < ENTRIES; i++) {
        group.add(TestLedger.prepared("g-" + i, "child-" + (i % 7), "worker-1"));
      }
      sequencer.appendGroup(group).join();
    }
  }

  private VerificationResult verify() {
    return verify(signer.verifierKey());
  }

  private VerificationResult verify(VerifierKey key) {
    try (SqliteLedgerStore store = TestLedger.openStore(db)) {
      return new LedgerVerifier(store, key).verify();
    }
  }

  private StoredLeaf leaf(long seq) {
    try (SqliteLedgerStore store = TestLedger.openStore(db)) {
      return store.leaf(seq).orElseThrow();
    }
  }

  private static String hex(byte[] bytes) {
    return "X'" + HexFormat.of().formatHex(bytes) + "'";
  }

  @Test
  void anIntactLedgerVerifies() {
    VerificationResult result = verify();
    assertThat(result.isIntact()).as(result.problem()).isTrue();
    assertThat(result.entries()).isEqualTo(ENTRIES);
    assertThat(result.checkpoints()).isEqualTo(1 + 30 + 1);
  }

  @Test
  void anEditedLeafIsNamed() throws Exception {
    TestLedger.tamper(db,
        "UPDATE leaves SET leaf = CAST(replace(CAST(leaf AS TEXT), 'case work', 'case xork') AS BLOB)"
            + " WHERE seq = 17");
    VerificationResult result = verify();
    assertThat(result.firstBadSeq()).hasValue(17);
    assertThat(result.problem()).contains("entry 17 was altered");
  }

  @Test
  void anEditedLeafWithARecomputedHashIsNamed() throws Exception {
    byte[] edited = new String(leaf(17).leaf(), StandardCharsets.UTF_8)
        .replace("case work", "case xork").getBytes(StandardCharsets.UTF_8);
    TestLedger.tamper(db, "UPDATE leaves SET leaf = " + hex(edited) + ", leaf_hash = "
        + hex(TreeHasher.leafHash(edited).bytes()) + " WHERE seq = 17");
    VerificationResult result = verify();
    assertThat(result.firstBadSeq()).hasValue(17);
    assertThat(result.problem()).contains("entry 18 records prev");
  }

  @Test
  void aNonCanonicalLeafIsNamed() throws Exception {
    byte[] spaced = new String(leaf(5).leaf(), StandardCharsets.UTF_8)
        .replace("{\"event\":", "{ \"event\":").getBytes(StandardCharsets.UTF_8);
    TestLedger.tamper(db, "UPDATE leaves SET leaf = " + hex(spaced) + " WHERE seq = 5");
    VerificationResult result = verify();
    assertThat(result.firstBadSeq()).hasValue(5);
    assertThat(result.problem()).contains("not in RFC 8785 canonical form");
  }

  @Test
  void aDeletedEntryIsNamed() throws Exception {
    TestLedger.tamper(db, "DELETE FROM leaves WHERE seq = 12");
    VerificationResult result = verify();
    assertThat(result.firstBadSeq()).hasValue(12);
    assertThat(result.problem()).contains("entry 12 is missing");
  }

  @Test
  void reorderedEntriesAreNamed() throws Exception {
    TestLedger.tamper(db,
        "UPDATE leaves SET seq = 1000000 WHERE seq = 20",
        "UPDATE leaves SET seq = 20 WHERE seq = 21",
        "UPDATE leaves SET seq = 21 WHERE seq = 1000000");
    VerificationResult result = verify();
    assertThat(result.firstBadSeq()).hasValue(20);
    assertThat(result.problem()).contains("holds the leaf of seq 21");
  }

  @Test
  void aTruncatedTailIsNamed() throws Exception {
    TestLedger.tamper(db, "DELETE FROM leaves WHERE seq >= 33");
    VerificationResult result = verify();
    assertThat(result.firstBadSeq()).hasValue(33);
    assertThat(result.problem()).contains("truncated tail").contains("tree size 40");
  }

  @Test
  void aCheckpointSignedByAnotherKeyIsNamed() throws Exception {
    CheckpointSigner forger = TestLedger.signer(100);
    String latest;
    try (SqliteLedgerStore store = TestLedger.openStore(db)) {
      latest = store.latestCheckpoint().orElseThrow().note();
    }
    Checkpoint genuine = SignedCheckpoint.open(latest, signer.verifierKey());
    String forged = forger.sign(genuine);
    TestLedger.tamper(db, "UPDATE checkpoints SET note = '" + forged + "' WHERE tree_size = 40");
    VerificationResult result = verify();
    assertThat(result.firstBadSeq()).hasValue(30);
    assertThat(result.problem()).contains("tree size 40").contains("forged or altered");
  }

  @Test
  void anAlteredCheckpointIsNamed() throws Exception {
    TestLedger.tamper(db,
        "UPDATE checkpoints SET note = replace(note, char(10) || '25' || char(10),"
            + " char(10) || '24' || char(10)) WHERE tree_size = 25");
    VerificationResult result = verify();
    assertThat(result.firstBadSeq()).hasValue(24);
    assertThat(result.problem()).contains("tree size 25").contains("forged or altered");
  }

  @Test
  void aRewrittenStretchFailsAgainstTheNextCheckpoint() throws Exception {
    // The attacker edits entry 35 inside the last batch and rewrites every later leaf so the chain
    // holds together; only the signed root can tell.
    try (SqliteLedgerStore store = TestLedger.openStore(db)) {
      Digest prev = store.leaf(34).orElseThrow().hash();
      java.util.List<String> edits = new java.util.ArrayList<>();
      for (long seq = 35; seq < ENTRIES; seq++) {
        LedgerEntry entry = LeafCodec.decode(store.leaf(seq).orElseThrow().leaf());
        java.util.Map<String, Object> event = new java.util.HashMap<>(entry.event());
        if (seq == 35) {
          event.put("purpose", "nothing to see");
        }
        byte[] leaf = LeafCodec.encode(seq, io.accessledger.ledger.json.CanonicalJson.serialize(event),
            new java.util.TreeMap<>(entry.links()), prev, entry.receivedAt(), entry.source());
        prev = TreeHasher.leafHash(leaf);
        edits.add("UPDATE leaves SET leaf = " + hex(leaf) + ", leaf_hash = " + hex(prev.bytes())
            + " WHERE seq = " + seq);
      }
      TestLedger.tamper(db, edits.toArray(String[]::new));
    }
    VerificationResult result = verify();
    assertThat(result.firstBadSeq()).isPresent();
    assertThat(result.firstBadSeq().getAsLong()).isLessThanOrEqualTo(35);
    assertThat(result.problem()).containsAnyOf("Merkle node", "do not match the checkpoint");
  }

  @Test
  void anEditedMerkleNodeIsNamed() throws Exception {
    // Level 1, index 4 covers entries 8 and 9.
    TestLedger.tamper(db, "UPDATE merkle_nodes SET hash = zeroblob(32) WHERE node_id = "
        + ((1L << 48) | 4));
    VerificationResult result = verify();
    assertThat(result.firstBadSeq()).hasValue(8);
    assertThat(result.problem()).contains("level 1, index 4").contains("children hash to");
  }

  @Test
  void aBrokenLinkIsNamed() throws Exception {
    byte[] original = leaf(9).leaf();
    String text = new String(original, StandardCharsets.UTF_8);
    LedgerEntry entry = LeafCodec.decode(original);
    String subjectKey = "subject:child-2";
    long linked = entry.links().get(subjectKey);
    byte[] edited = text.replace("\"" + subjectKey + "\":" + linked, "\"" + subjectKey + "\":-1")
        .getBytes(StandardCharsets.UTF_8);
    TestLedger.tamper(db, "UPDATE leaves SET leaf = " + hex(edited) + ", leaf_hash = "
        + hex(TreeHasher.leafHash(edited).bytes()) + " WHERE seq = 9");
    VerificationResult result = verify();
    // The edit is caught at entry 9 either through its links or through entry 10's prev.
    assertThat(result.firstBadSeq()).hasValue(9);
  }

  @Test
  void theWrongVerifierKeyFailsAtTheFirstCheckpoint() {
    VerificationResult result = verify(TestLedger.signer(55).verifierKey());
    assertThat(result.firstBadSeq()).hasValue(0);
    assertThat(result.problem()).contains("tree size 0");
  }
}
