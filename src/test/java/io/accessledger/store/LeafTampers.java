package io.accessledger.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.accessledger.ledger.json.CanonicalJson;
import io.accessledger.ledger.leaf.LeafCodec;
import io.accessledger.ledger.leaf.LedgerEntry;
import io.accessledger.ledger.merkle.CompactRange;
import io.accessledger.ledger.merkle.Digest;
import io.accessledger.ledger.merkle.NodeId;
import io.accessledger.ledger.merkle.StoredNode;
import io.accessledger.ledger.merkle.TreeHasher;
import io.accessledger.ledger.verify.VerificationResult;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Edits, deletions and reorderings of leaves and Merkle nodes in the {@link
 * TamperCases#writeMixedLedger mixed ledger}: verify names each one and the first bad seq.
 */
abstract class LeafTampers extends TamperCases {
  LeafTampers(LedgerTamperContract backend) {
    super(backend);
  }

  @BeforeEach
  void writeLedger() {
    writeMixedLedger();
  }

  @Test
  void theLedgerAsWrittenVerifies() {
    VerificationResult result = verify();
    assertThat(result.isIntact()).as(result.problem()).isTrue();
    assertThat(result.entries()).isEqualTo(MIXED_ENTRIES);
    assertThat(result.checkpoints()).isEqualTo(1 + 30 + 1);
    assertThat(result.guardFaults()).isEmpty();
  }

  @Test
  void anEditedLeafIsNamed() {
    tamper().rewriteLeaf(17, editedLeaf(17, "case work", "case xork"), leaf(17).hash());
    VerificationResult result = verify();
    assertThat(result.firstBadSeq()).hasValue(17);
    assertThat(result.problem()).contains("entry 17 was altered");
  }

  @Test
  void anEditedLeafWithARecomputedHashIsNamed() {
    rewriteLeafAndHash(17, editedLeaf(17, "case work", "case xork"));
    VerificationResult result = verify();
    assertThat(result.firstBadSeq()).hasValue(17);
    assertThat(result.problem()).contains("entry 18 records prev");
  }

  @Test
  void aNonCanonicalLeafIsNamed() {
    tamper().rewriteLeaf(5, editedLeaf(5, "{\"event\":", "{ \"event\":"), leaf(5).hash());
    VerificationResult result = verify();
    assertThat(result.firstBadSeq()).hasValue(5);
    assertThat(result.problem()).contains("not in RFC 8785 canonical form");
  }

  @Test
  void aDeletedEntryIsNamed() {
    tamper().deleteLeaves(12, 13);
    VerificationResult result = verify();
    assertThat(result.firstBadSeq()).hasValue(12);
    assertThat(result.problem()).contains("entry 12 is missing");
  }

  @Test
  void swappedEntriesAreNamed() {
    StoredLeaf twenty = leaf(20);
    StoredLeaf twentyOne = leaf(21);
    tamper().rewriteLeaf(20, twentyOne.leaf(), twentyOne.hash());
    tamper().rewriteLeaf(21, twenty.leaf(), twenty.hash());
    VerificationResult result = verify();
    assertThat(result.firstBadSeq()).hasValue(20);
    assertThat(result.problem()).contains("holds the leaf of seq 21");
  }

  @Test
  void aTruncatedTailIsNamed() {
    tamper().deleteLeaves(33, MIXED_ENTRIES);
    VerificationResult result = verify();
    assertThat(result.firstBadSeq()).hasValue(33);
    assertThat(result.problem()).contains("truncated tail").contains("tree size 40");
  }

  @Test
  void aBrokenLinkIsNamed() throws Exception {
    String subjectKey = "subject:child-2";
    long linked = LeafCodec.decode(leaf(9).leaf()).links().get(subjectKey);
    rewriteLeafAndHash(9,
        editedLeaf(9, "\"" + subjectKey + "\":" + linked, "\"" + subjectKey + "\":-1"));
    VerificationResult result = verify();
    assertThat(result.firstBadSeq()).hasValue(9);
    assertThat(result.problem()).contains("entry 9 links subject:child-2 to seq -1, want " + linked);
  }

  @Test
  void anEditedPrevIsBlamedOnItsOwnEntry() throws Exception {
    Digest prev = LeafCodec.decode(leaf(18).leaf()).prev();
    // Even with the stored hash recomputed, the checkpoint at size 18 proves entry 17 intact.
    rewriteLeafAndHash(18, editedLeaf(18, prev.hex(), Digest.ZERO.hex()));
    VerificationResult result = verify();
    assertThat(result.firstBadSeq()).hasValue(18);
    assertThat(result.problem()).contains("entry 18 was altered");
  }

  @Test
  void anEditedMerkleNodeIsNamed() {
    // Level 1, index 4 covers entries 8 and 9; the checkpoint at size 9 already proves entry 8.
    tamper().rewriteNode(new NodeId(1, 4), Digest.ZERO);
    VerificationResult result = verify();
    assertThat(result.firstBadSeq()).hasValue(9);
    assertThat(result.problem()).contains("level 1, index 4").contains("children hash to");
  }

  @Test
  void aRewrittenStretchFailsAgainstTheNextCheckpoint() throws Exception {
    // The attacker edits entry 35 inside the last batch and rewrites every later leaf so the chain
    // holds together; only the signed root can tell.
    Digest prev = leaf(34).hash();
    for (long seq = 35; seq < MIXED_ENTRIES; seq++) {
      LedgerEntry entry = LeafCodec.decode(leaf(seq).leaf());
      Map<String, Object> event = new HashMap<>(entry.event());
      if (seq == 35) {
        event.put("purpose", "nothing to see");
      }
      byte[] leaf = LeafCodec.encode(seq, CanonicalJson.serialize(event),
          new TreeMap<>(entry.links()), prev, entry.receivedAt(), entry.source());
      prev = TreeHasher.leafHash(leaf);
      tamper().rewriteLeaf(seq, leaf, prev);
    }
    VerificationResult result = verify();
    // The stored Merkle node over entries 34 and 35 no longer matches them.
    assertThat(result.firstBadSeq()).hasValue(34);
    assertThat(result.problem()).contains("Merkle node at level 1, index 17 (entries 34 to 35)");

    // Rewrite the Merkle nodes too: now only the signed root tells, and every entry after the
    // last valid checkpoint (size 30) is suspect.
    CompactRange tree = new CompactRange();
    for (long seq = 0; seq < MIXED_ENTRIES; seq++) {
      for (StoredNode node : tree.append(leaf(seq).hash())) {
        if (node.id().level() > 0) {
          tamper().rewriteNode(node.id(), node.hash());
        }
      }
    }
    result = verify();
    assertThat(result.firstBadSeq()).hasValue(30);
    assertThat(result.problem())
        .contains("entries 30 to 39 do not match the checkpoint signed at tree size 40");
  }
}
