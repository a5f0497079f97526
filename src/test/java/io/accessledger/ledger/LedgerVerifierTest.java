package io.accessledger.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.accessledger.ledger.leaf.LeafCodec;
import io.accessledger.ledger.leaf.LedgerEntry;
import io.accessledger.ledger.leaf.PreparedEvent;
import io.accessledger.ledger.merkle.CompactRange;
import io.accessledger.ledger.merkle.Digest;
import io.accessledger.ledger.merkle.StoredNode;
import io.accessledger.ledger.merkle.TreeHasher;
import io.accessledger.ledger.notes.Checkpoint;
import io.accessledger.ledger.notes.CheckpointSigner;
import io.accessledger.ledger.notes.SignedCheckpoint;
import io.accessledger.ledger.notes.VerifierKey;
import io.accessledger.ledger.verify.LedgerVerifier;
import io.accessledger.ledger.verify.VerificationResult;
import io.accessledger.ledger.writer.Sequencer;
import io.accessledger.store.LedgerSnapshot;
import io.accessledger.store.LedgerStore;
import io.accessledger.store.StoreException;
import io.accessledger.store.StoredLeaf;
import io.accessledger.store.sqlite.SqliteLedgerStore;
import io.accessledger.support.ForwardingLedgerStore;
import io.accessledger.support.TestLedger;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
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
    try (LedgerStore store = TestLedger.openStore(db);
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
    return TestLedger.verifyFile(db, key);
  }

  private StoredLeaf leaf(long seq) {
    try (LedgerStore store = TestLedger.openStore(db)) {
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
    try (LedgerStore store = TestLedger.openStore(db)) {
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
    try (LedgerStore store = TestLedger.openStore(db)) {
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
    // The stored Merkle node over entries 34 and 35 no longer matches them.
    assertThat(result.firstBadSeq()).hasValue(34);
    assertThat(result.problem()).contains("Merkle node at level 1, index 17 (entries 34 to 35)");

    // Rewrite the Merkle nodes too: now only the signed root tells, and every entry after the
    // last valid checkpoint (size 30) is suspect.
    List<String> nodeEdits = new java.util.ArrayList<>();
    CompactRange tree = new CompactRange();
    try (LedgerStore store = TestLedger.openStore(db)) {
      for (long seq = 0; seq < ENTRIES; seq++) {
        for (StoredNode node : tree.append(store.leaf(seq).orElseThrow().hash())) {
          if (node.id().level() > 0) {
            nodeEdits.add("UPDATE merkle_nodes SET hash = " + hex(node.hash().bytes())
                + " WHERE node_id = " + (((long) node.id().level() << 48) | node.id().index()));
          }
        }
      }
    }
    TestLedger.tamper(db, nodeEdits.toArray(String[]::new));
    result = verify();
    assertThat(result.firstBadSeq()).hasValue(30);
    assertThat(result.problem())
        .contains("entries 30 to 39 do not match the checkpoint signed at tree size 40");
  }

  @Test
  void anEditedMerkleNodeIsNamed() throws Exception {
    // Level 1, index 4 covers entries 8 and 9; the checkpoint at size 9 already proves entry 8.
    TestLedger.tamper(db, "UPDATE merkle_nodes SET hash = zeroblob(32) WHERE node_id = "
        + ((1L << 48) | 4));
    VerificationResult result = verify();
    assertThat(result.firstBadSeq()).hasValue(9);
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
    assertThat(result.firstBadSeq()).hasValue(9);
    assertThat(result.problem()).contains("entry 9 links subject:child-2 to seq -1, want " + linked);
  }

  @Test
  void anEditedPrevIsBlamedOnItsOwnEntry() throws Exception {
    byte[] original = leaf(18).leaf();
    LedgerEntry entry = LeafCodec.decode(original);
    byte[] edited = new String(original, StandardCharsets.UTF_8)
        .replace(entry.prev().hex(), Digest.ZERO.hex()).getBytes(StandardCharsets.UTF_8);
    // Even with the stored hash recomputed, the checkpoint at size 18 proves entry 17 intact.
    TestLedger.tamper(db, "UPDATE leaves SET leaf = " + hex(edited) + ", leaf_hash = "
        + hex(TreeHasher.leafHash(edited).bytes()) + " WHERE seq = 18");
    VerificationResult result = verify();
    assertThat(result.firstBadSeq()).hasValue(18);
    assertThat(result.problem()).contains("entry 18 was altered");
  }

  @Test
  void entriesBeyondTheLastRemainingCheckpointAreNamed() throws Exception {
    TestLedger.tamper(db, "DELETE FROM checkpoints WHERE tree_size = 40");
    VerificationResult result = verify();
    assertThat(result.firstBadSeq()).hasValue(30);
    assertThat(result.problem()).contains("entries 30 to 39 are not covered by any signed checkpoint");
  }

  @Test
  void aLedgerWithNoCheckpointsIsNotIntact() throws Exception {
    TestLedger.tamper(db, "DELETE FROM checkpoints");
    VerificationResult result = verify();
    assertThat(result.firstBadSeq()).hasValue(0);
    assertThat(result.problem()).contains("no signed checkpoint");
  }

  @Test
  void anEditedLinkIndexIsNamed() throws Exception {
    TestLedger.tamper(db, "DELETE FROM link_index WHERE seq = 12 AND key_id ="
        + " (SELECT id FROM link_keys WHERE link_key = 'subject:child-5')");
    VerificationResult result = verify();
    assertThat(result.isIntact()).isFalse();
    assertThat(result.problem()).contains("subject:child-5").contains("index edited");
  }

  @Test
  void aLinkIndexRowMovedToAnotherSeqOfTheSameKeyIsNamed() throws Exception {
    // Entry 13 names child-6, not child-5; the key's count and latest entry stay the same.
    TestLedger.tamper(db, "UPDATE link_index SET seq = 13 WHERE seq = 12 AND key_id ="
        + " (SELECT id FROM link_keys WHERE link_key = 'subject:child-5')");
    VerificationResult result = verify();
    assertThat(result.isIntact()).isFalse();
    assertThat(result.problem()).contains("entries for subject:child-5")
        .contains("as the leaves do, but not the same ones: their seqs add up to")
        .contains("index edited");
  }

  @Test
  void linkIndexRowsUnderAKeyIdThatNamesNoKeyAreNamed() throws Exception {
    TestLedger.tamper(db, "INSERT INTO link_index (span, key_id, seq) VALUES (0, 99999, 3),"
        + " (0, 99999, 7), (0, 99998, 5)");
    VerificationResult result = verify();
    assertThat(result.firstBadSeq()).hasValue(7);
    assertThat(result.problem()).isEqualTo("the link index holds 3 rows that lookups would"
        + " miss or misread: under key ids that name no key, outside their span, or not a whole"
        + " seq (index edited)");
  }

  @Test
  void aLinkIndexRowFiledOutsideItsSpanIsNamed() throws Exception {
    // A second row for a real entry, filed where lookups never look for seq 12 (span 0).
    TestLedger.tamper(db, "INSERT INTO link_index (span, key_id, seq) SELECT 1, id, 12"
        + " FROM link_keys WHERE link_key = 'subject:child-5'");
    VerificationResult result = verify();
    assertThat(result.firstBadSeq()).hasValue(12);
    assertThat(result.problem()).isEqualTo("the link index holds 1 rows that lookups would"
        + " miss or misread: under key ids that name no key, outside their span, or not a whole"
        + " seq (index edited)");
  }

  @Test
  void aLinkIndexRowWithNoSeqIsNamed() throws Exception {
    // Only a table rebuilt without the primary key's NOT NULL can hold one.
    TestLedger.tamper(db,
        "CREATE TABLE loose (span INTEGER, key_id INTEGER, seq INTEGER)",
        "INSERT INTO loose SELECT span, key_id, seq FROM link_index",
        "DROP TABLE link_index",
        "ALTER TABLE loose RENAME TO link_index",
        "INSERT INTO link_index SELECT 0, id, NULL FROM link_keys"
            + " WHERE link_key = 'subject:child-5'");
    VerificationResult result = verify();
    assertThat(result.isIntact()).isFalse();
    assertThat(result.problem()).contains("entries for subject:child-5").contains("index edited");
  }

  @Test
  void aLinkIndexRowWhoseSeqIsReplacedByNullIsNamed() throws Exception {
    // At seq 0 the count, the latest and the sum of seqs would all stay the same.
    TestLedger.tamper(db,
        "CREATE TABLE loose (span INTEGER, key_id INTEGER, seq INTEGER)",
        "INSERT INTO loose SELECT span, key_id, seq FROM link_index",
        "DROP TABLE link_index",
        "ALTER TABLE loose RENAME TO link_index",
        "UPDATE link_index SET seq = NULL WHERE seq = 0 AND key_id ="
            + " (SELECT id FROM link_keys WHERE link_key = 'subject:child-0')");
    VerificationResult result = verify();
    assertThat(result.isIntact()).isFalse();
    assertThat(result.problem()).contains("entries for subject:child-0").contains("index edited");
  }

  @Test
  void aLinkIndexRowWithAFractionalSeqIsNamed() throws Exception {
    // Read back as 12 by lookups, but sorted after 12: a page ending at 12 would repeat it.
    TestLedger.tamper(db, "UPDATE link_index SET seq = 12.5 WHERE seq = 12 AND key_id ="
        + " (SELECT id FROM link_keys WHERE link_key = 'subject:child-5')");
    VerificationResult result = verify();
    assertThat(result.isIntact()).isFalse();
    assertThat(result.problem()).contains("entries for subject:child-5").contains("index edited");
  }

  @Test
  void plantedRowsWhoseSeqsWouldOverflowASumAreNamedNotACrash() throws Exception {
    TestLedger.tamper(db, "INSERT INTO link_index (span, key_id, seq) VALUES"
        + " (140737488355327, 99999, 9223372036854775807),"
        + " (140737488355327, 99999, 9223372036854775806)");
    VerificationResult result = verify();
    assertThat(result.isIntact()).isFalse();
    assertThat(result.problem()).startsWith("the link index holds 2 rows that lookups would miss");
  }

  @Test
  @Timeout(value = 20, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
  void aRowPlantedUnderAnAbsurdSpanIsNamedAndLookupsIgnoreIt() throws Exception {
    TestLedger.tamper(db, "INSERT INTO link_index (span, key_id, seq) SELECT 1073741824, id,"
        + " 70368744177664 FROM link_keys WHERE link_key = 'subject:child-1'");
    try (LedgerStore store = TestLedger.openStore(db)) {
      // child-1 is named by every seventh entry from 1 (ENTRIES = 40): 1, 8, …, 36.
      assertThat(store.latestSeqs(List.of("subject:child-1"))).containsEntry("subject:child-1", 36L);
      assertThat(store.seqsFor("subject:child-1", 29, 10)).containsExactly(36L);
      assertThat(store.latestSeqBelow("subject:child-1", Long.MAX_VALUE)).isEqualTo(36);
    }
    VerificationResult result = verify();
    assertThat(result.problem()).startsWith("the link index holds 1 rows that lookups would miss");
  }

  @Test
  void aFailureReadingTheLinkIndexIsReportedNotSwallowed() {
    try (LedgerStore store = TestLedger.openStore(db)) {
      LedgerStore failing = new ForwardingLedgerStore(store) {
        @Override
        public LedgerSnapshot snapshot() {
          return failingLinkSummary(super.snapshot());
        }
      };
      assertThatThrownBy(() -> new LedgerVerifier(failing, signer.verifierKey()).verify())
          .isInstanceOf(StoreException.class)
          .hasMessageContaining("the disk went away");
    }
  }

  @Test
  void anAppendBetweenOpeningSnapshotsLeavesTheOtherSnapshotsUnused() {
    try (LedgerStore store = TestLedger.openStore(db);
        Sequencer sequencer = TestLedger.sequencer(store, signer)) {
      AtomicInteger opened = new AtomicInteger();
      LedgerStore racing = new ForwardingLedgerStore(store) {
        @Override
        public LedgerSnapshot snapshot() {
          if (opened.incrementAndGet() == 2) {
            sequencer.append(TestLedger.prepared("late", "child-1", "worker-1")).join();
          }
          return super.snapshot();
        }
      };
      // Read through a snapshot one entry ahead, either index would disagree with the leaves.
      VerificationResult result = new LedgerVerifier(racing, signer.verifierKey()).verify();
      assertThat(result.isIntact()).isTrue();
      assertThat(result.entries()).isEqualTo(ENTRIES);
      assertThat(opened).hasValue(2);
    }
  }

  /** {@code real}, except that reading the link index's summary fails. */
  private static LedgerSnapshot failingLinkSummary(LedgerSnapshot real) {
    return (LedgerSnapshot) Proxy.newProxyInstance(LedgerSnapshot.class.getClassLoader(),
        new Class<?>[] {LedgerSnapshot.class}, (proxy, method, args) -> {
          if (method.getName().equals("linkIndexSummary")) {
            throw new StoreException("reading the link index failed: the disk went away");
          }
          try {
            return method.invoke(real, args);
          } catch (InvocationTargetException e) {
            throw e.getCause();
          }
        });
  }

  @Test
  void aLinkIndexRowMovedOutOfItsSpanIsNamed() throws Exception {
    TestLedger.tamper(db, "UPDATE link_index SET span = 3 WHERE seq = 12 AND key_id ="
        + " (SELECT id FROM link_keys WHERE link_key = 'subject:child-5')");
    VerificationResult result = verify();
    assertThat(result.isIntact()).isFalse();
    assertThat(result.problem()).contains("entries for subject:child-5").contains("index edited");
  }

  @Test
  void aKeyWithNoIndexRowsIsNamed() throws Exception {
    TestLedger.tamper(db, "DELETE FROM link_index WHERE key_id ="
        + " (SELECT id FROM link_keys WHERE link_key = 'subject:child-5')");
    VerificationResult result = verify();
    assertThat(result.problem()).contains("the link index lists 0 entries for subject:child-5,"
        + " the latest seq -1");
  }

  @Test
  void aReplacedRowIsRefusedByTheDatabase() {
    try (SqliteLedgerStore store = TestLedger.openSqliteStore(db)) {
      assertThatThrownBy(() -> store.jdbi().useHandle(h -> h.execute(
              "INSERT OR REPLACE INTO leaves (seq, leaf, leaf_hash) SELECT seq, leaf, leaf_hash"
                  + " FROM leaves WHERE seq = 3")))
          .hasMessageContaining("ledger is append-only: DELETE on leaves refused");
    }
    assertThat(verify().isIntact()).isTrue();
  }

  @Test
  void theWrongVerifierKeyFailsAtTheFirstCheckpoint() {
    VerificationResult result = verify(TestLedger.signer(55).verifierKey());
    assertThat(result.firstBadSeq()).hasValue(0);
    assertThat(result.problem()).contains("tree size 0");
  }
}
