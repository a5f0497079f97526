package io.accessledger.services.migration;

import static org.assertj.core.api.Assertions.assertThat;

import io.accessledger.ledger.merkle.MerkleProofs;
import io.accessledger.store.LedgerSnapshot;
import io.accessledger.store.LedgerStore;
import io.accessledger.store.LinkKeySummary;
import io.accessledger.store.RecordedEventId;
import io.accessledger.store.StoredCheckpoint;
import io.accessledger.store.StoredLeaf;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Asserts that two stores hold the same ledger, row for row: every leaf (bytes and hash), interior
 * node, checkpoint note, event id and link-index summary, and the same histories and proofs.
 */
final class SameLedger {
  private SameLedger() {}

  static void assertSame(LedgerStore copy, LedgerStore original) {
    assertThat(copy.size()).isEqualTo(original.size());
    assertThat(checkpoints(copy)).isEqualTo(checkpoints(original)).isNotEmpty();
    assertThat(copy.latestCheckpoint()).isEqualTo(original.latestCheckpoint());
    try (LedgerSnapshot a = copy.snapshot(); LedgerSnapshot b = original.snapshot()) {
      assertThat(leaves(a)).containsExactlyElementsOf(leaves(b));
      for (int level = 1; level < 64 && (1L << level) <= original.size(); level++) {
        assertThat(list(a.nodesAtLevel(level))).as("level %d", level)
            .containsExactlyElementsOf(list(b.nodesAtLevel(level)));
      }
      List<RecordedEventId> ids = list(b.eventIds());
      assertThat(ids).isNotEmpty();
      assertThat(list(a.eventIds())).containsExactlyElementsOf(ids);
      List<LinkKeySummary> summary = list(b.linkIndexSummary());
      assertThat(list(a.linkIndexSummary())).containsExactlyInAnyOrderElementsOf(summary);
      for (LinkKeySummary key : summary) {
        assertThat(copy.seqsFor(key.linkKey(), -1, 10_000))
            .isEqualTo(original.seqsFor(key.linkKey(), -1, 10_000));
      }
      for (RecordedEventId id : ids) {
        assertThat(copy.findEvent(id.source(), id.eventId()))
            .isEqualTo(original.findEvent(id.source(), id.eventId()));
      }
    }
    long size = original.size();
    for (long treeSize : List.of(1L, size / 3, size / 2 + 1, size)) {
      for (long index = 0; index < treeSize; index += Math.max(1, treeSize / 7)) {
        assertThat(MerkleProofs.inclusion(index, treeSize, copy))
            .isEqualTo(MerkleProofs.inclusion(index, treeSize, original));
      }
      assertThat(MerkleProofs.consistency(treeSize, size, copy))
          .isEqualTo(MerkleProofs.consistency(treeSize, size, original));
      assertThat(MerkleProofs.root(treeSize, copy)).isEqualTo(MerkleProofs.root(treeSize, original));
    }
  }

  static List<StoredCheckpoint> checkpoints(LedgerStore store) {
    List<StoredCheckpoint> all = new ArrayList<>();
    long after = -1;
    for (List<StoredCheckpoint> page = store.checkpointsAfter(after, 100); !page.isEmpty();
        page = store.checkpointsAfter(after, 100)) {
      all.addAll(page);
      after = page.get(page.size() - 1).size();
    }
    return all;
  }

  private static List<String> leaves(LedgerSnapshot snapshot) {
    try (Stream<StoredLeaf> leaves = snapshot.leaves(0, snapshot.size())) {
      return leaves.map(l -> l.seq() + " " + l.hash().hex() + " " + new String(l.leaf(),
          java.nio.charset.StandardCharsets.UTF_8)).toList();
    }
  }

  private static <T> List<T> list(Stream<T> stream) {
    try (stream) {
      return stream.toList();
    }
  }
}
