package io.accessledger.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.accessledger.ledger.leaf.EncodedLeaf;
import io.accessledger.ledger.leaf.EventKey;
import io.accessledger.ledger.merkle.CompactRange;
import io.accessledger.ledger.merkle.Digest;
import io.accessledger.ledger.merkle.MerkleProofs;
import io.accessledger.ledger.merkle.NodeId;
import io.accessledger.ledger.merkle.StoredNode;
import io.accessledger.ledger.merkle.TreeHasher;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The behaviour every {@link LedgerStore} must have. Each backend's test extends this class and
 * supplies a fresh, empty store; nothing here knows which backend it runs against.
 */
public abstract class LedgerStoreContract {
  protected LedgerStore store;
  private final CompactRange tree = new CompactRange();

  /** A fresh, empty store. */
  protected abstract LedgerStore newStore() throws Exception;

  /**
   * The hands of someone with access to the store's database ({@link TamperHook}): here, to
   * remove, weaken and add append-only guards.
   */
  protected abstract TamperHook tamperHook();

  @BeforeEach
  void open() throws Exception {
    store = newStore();
  }

  @AfterEach
  void close() {
    store.close();
  }

  /** Builds the next batch of {@code count} leaves, as the sequencer would, without storing it. */
  private AppendBatch nextBatch(int count, String... linkKeys) {
    List<EncodedLeaf> leaves = new ArrayList<>();
    List<StoredNode> nodes = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      long seq = tree.size();
      byte[] leaf = ("{\"leaf\":" + seq + "}").getBytes(StandardCharsets.UTF_8);
      Digest hash = TreeHasher.leafHash(leaf);
      tree.append(hash).stream().filter(n -> n.id().level() > 0).forEach(nodes::add);
      leaves.add(new EncodedLeaf(seq, leaf, hash, List.of(linkKeys)));
    }
    return new AppendBatch(leaves, nodes, new StoredCheckpoint(tree.size(), "note " + tree.size()));
  }

  /** The next batch of one leaf per key, each carrying that event key. */
  private AppendBatch nextIdentifiedBatch(EventKey... keys) {
    List<EncodedLeaf> leaves = new ArrayList<>();
    List<StoredNode> nodes = new ArrayList<>();
    for (EventKey key : keys) {
      long seq = tree.size();
      byte[] leaf = ("{\"leaf\":" + seq + "}").getBytes(StandardCharsets.UTF_8);
      Digest hash = TreeHasher.leafHash(leaf);
      tree.append(hash).stream().filter(n -> n.id().level() > 0).forEach(nodes::add);
      leaves.add(new EncodedLeaf(seq, leaf, hash, List.of(), key));
    }
    return new AppendBatch(leaves, nodes, new StoredCheckpoint(tree.size(), "note " + tree.size()));
  }

  private static EventKey eventKey(String source, String eventId, String content) {
    return new EventKey(
        source, eventId, TreeHasher.leafHash(content.getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void eventIdsAreRecordedWithTheirEntryAndContent() {
    store.append(nextBatch(2));
    EventKey first = eventKey("case-system", "e-1", "one");
    EventKey sameIdOtherSource = eventKey("health-system", "e-1", "two");
    store.append(nextIdentifiedBatch(first, sameIdOtherSource));
    assertThat(store.findEvent("case-system", "e-1"))
        .contains(new RecordedEvent(2, first.content()));
    assertThat(store.findEvent("health-system", "e-1"))
        .contains(new RecordedEvent(3, sameIdOtherSource.content()));
    assertThat(store.findEvent("case-system", "e-2")).isEmpty();
    assertThat(store.findEvent("other", "e-1")).isEmpty();
    assertThat(store.findEvents("case-system", List.of("e-1", "e-2", "e-3")))
        .isEqualTo(Map.of("e-1", new RecordedEvent(2, first.content())));
    assertThat(store.findEvents("case-system", List.of())).isEmpty();
  }

  @Test
  void aSnapshotStreamsTheEventIdIndexInSeqOrder() {
    EventKey late = eventKey("a-system", "z", "one");
    EventKey early = eventKey("z-system", "a", "two");
    EventKey between = eventKey("m-system", "m", "three");
    store.append(nextIdentifiedBatch(early, between));
    store.append(nextBatch(1));
    store.append(nextIdentifiedBatch(late));
    try (LedgerSnapshot snapshot = store.snapshot();
        Stream<RecordedEventId> rows = snapshot.eventIds()) {
      assertThat(rows).containsExactly(
          new RecordedEventId("z-system", "a", 0, early.content()),
          new RecordedEventId("m-system", "m", 1, between.content()),
          new RecordedEventId("a-system", "z", 3, late.content()));
    }
  }

  @Test
  void aBatchRepeatingARecordedEventIdIsRefusedWhole() {
    store.append(nextIdentifiedBatch(eventKey("case-system", "e-1", "one")));
    AppendBatch duplicate = nextIdentifiedBatch(
        eventKey("case-system", "e-2", "two"), eventKey("case-system", "e-1", "other"));
    assertThatThrownBy(() -> store.append(duplicate)).isInstanceOf(StoreException.class);
    assertThat(store.size()).isEqualTo(1);
    assertThat(store.findEvent("case-system", "e-2")).isEmpty();
  }

  @Test
  void leavesAreFetchedManyAtATimeInSeqOrder() {
    store.append(nextBatch(6));
    assertThat(store.leaves(List.of(4L, 1L, 9L, 2L)))
        .extracting(StoredLeaf::seq)
        .containsExactly(1L, 2L, 4L);
    assertThat(store.leaves(List.of(4L)).get(0).leaf()).isEqualTo(store.leaf(4).orElseThrow().leaf());
    assertThat(store.leaves(List.of())).isEmpty();
  }

  private static final CosignerId W1 = new CosignerId("witness.example/w1", "0a0b0c0d");
  private static final CosignerId W2 = new CosignerId("witness.example/w2", "01020304");
  private static final long ANY = Long.MAX_VALUE;

  private static StoredCosignature cosignature(long size, CosignerId by, String signature) {
    return new StoredCosignature(size, by, "\u2014 " + by.name() + " " + signature);
  }

  @Test
  void cosignaturesAreStoredOncePerCheckpointAndWitnessKey() {
    store.append(nextBatch(2));
    store.append(nextBatch(3));
    assertThat(store.cosignatures(2)).isEmpty();
    assertThat(store.addCosignature(cosignature(2, W2, "AAAA"))).isTrue();
    assertThat(store.addCosignature(cosignature(2, W1, "BBBB"))).isTrue();
    // The same line again, and another line for the same pair (a later timestamp): both kept out.
    assertThat(store.addCosignature(cosignature(2, W1, "BBBB"))).isFalse();
    assertThat(store.addCosignature(cosignature(2, W1, "CCCC"))).isFalse();
    // The same name under another key ID is another key.
    CosignerId w1Rotated = new CosignerId(W1.name(), "ffffffff");
    assertThat(store.addCosignature(cosignature(2, w1Rotated, "DDDD"))).isTrue();
    assertThat(store.cosignatures(2)).containsExactly(cosignature(2, W1, "BBBB"),
        cosignature(2, w1Rotated, "DDDD"), cosignature(2, W2, "AAAA"));
    assertThat(store.cosignatures(5)).isEmpty();
  }

  @Test
  void theLatestSizeCosignedByEveryGivenWitnessIsFound() {
    store.append(nextBatch(2));
    store.append(nextBatch(3));
    store.append(nextBatch(4));
    assertThat(store.latestCosignedSize(List.of(W1), ANY)).isEmpty();
    store.addCosignature(cosignature(2, W1, "AAAA"));
    store.addCosignature(cosignature(2, W2, "BBBB"));
    store.addCosignature(cosignature(5, W1, "CCCC"));
    store.addCosignature(cosignature(9, W2, "DDDD"));
    assertThat(store.latestCosignedSize(List.of(W1), ANY)).isEqualTo(OptionalLong.of(5));
    assertThat(store.latestCosignedSize(List.of(W2), ANY)).isEqualTo(OptionalLong.of(9));
    assertThat(store.latestCosignedSize(List.of(W1, W2), ANY)).isEqualTo(OptionalLong.of(2));
    assertThat(store.latestCosignedSize(List.of(W2, W1, W2), ANY)).isEqualTo(OptionalLong.of(2));
    assertThat(store.latestCosignedSize(List.of(W1, new CosignerId(W1.name(), "ffffffff")),
        ANY))
        .isEmpty();
    assertThat(store.latestCosignedSize(List.of(), ANY)).isEmpty();
    store.addCosignature(cosignature(9, W1, "EEEE"));
    assertThat(store.latestCosignedSize(List.of(W1, W2), ANY)).isEqualTo(OptionalLong.of(9));
    assertThat(store.latestCosignedSize(List.of(W1, W2), 8)).isEqualTo(OptionalLong.of(2));
    assertThat(store.latestCosignedSize(List.of(W1), 5)).isEqualTo(OptionalLong.of(5));
    assertThat(store.latestCosignedSize(List.of(W1), 1)).isEmpty();
  }

  @Test
  void anEmptyStoreHasNothing() {
    assertThat(store.size()).isZero();
    assertThat(store.latestCheckpoint()).isEmpty();
    assertThat(store.leaf(0)).isEmpty();
    assertThat(store.latestSeqs(List.of("subject:x"))).isEmpty();
  }

  @Test
  void appendedLeavesNodesAndCheckpointsReadBack() {
    store.append(nextBatch(3, "subject:a"));
    store.append(nextBatch(4, "subject:a", "actor:w"));
    assertThat(store.size()).isEqualTo(7);
    StoredLeaf leaf = store.leaf(5).orElseThrow();
    assertThat(leaf.seq()).isEqualTo(5);
    assertThat(new String(leaf.leaf(), StandardCharsets.UTF_8)).isEqualTo("{\"leaf\":5}");
    assertThat(leaf.hash()).isEqualTo(TreeHasher.leafHash(leaf.leaf()));
    assertThat(store.latestCheckpoint()).contains(new StoredCheckpoint(7, "note 7"));
    assertThat(store.checkpointsAfter(-1, 10))
        .containsExactly(new StoredCheckpoint(3, "note 3"), new StoredCheckpoint(7, "note 7"));
    assertThat(store.checkpointsAfter(3, 10)).containsExactly(new StoredCheckpoint(7, "note 7"));
    assertThat(MerkleProofs.root(7, store)).isEqualTo(tree.root());
    assertThat(MerkleProofs.root(3, store)).isNotEqualTo(tree.root());
    assertThat(store.hashes(List.of(new NodeId(2, 0), new NodeId(0, 6))))
        .containsExactly(tree.frontier().get(0), leaf(6).hash());
  }

  private StoredLeaf leaf(long seq) {
    return store.leaf(seq).orElseThrow();
  }

  @Test
  void leavesAndNodesStreamInOrder() {
    store.append(nextBatch(9));
    try (LedgerSnapshot snapshot = store.snapshot(); Stream<StoredLeaf> leaves = snapshot.leaves(2, 5)) {
      assertThat(leaves.map(StoredLeaf::seq)).containsExactly(2L, 3L, 4L);
    }
    try (LedgerSnapshot snapshot = store.snapshot(); Stream<StoredNode> level1 = snapshot.nodesAtLevel(1)) {
      assertThat(level1.map(n -> n.id().index())).containsExactly(0L, 1L, 2L, 3L);
    }
    try (LedgerSnapshot snapshot = store.snapshot(); Stream<StoredNode> level3 = snapshot.nodesAtLevel(3)) {
      assertThat(level3.map(StoredNode::id)).containsExactly(new NodeId(3, 0));
    }
  }

  @Test
  void theLinkIndexFindsEveryEntryAndTheLatest() {
    store.append(nextBatch(2, "subject:a"));
    store.append(nextBatch(1, "subject:b"));
    store.append(nextBatch(2, "subject:a", "actor:w"));
    assertThat(store.latestSeqs(List.of("subject:a", "subject:b", "actor:w", "subject:none")))
        .isEqualTo(Map.of("subject:a", 4L, "subject:b", 2L, "actor:w", 4L));
    assertThat(store.seqsFor("subject:a", -1, 10)).containsExactly(0L, 1L, 3L, 4L);
    assertThat(store.seqsFor("subject:a", 1, 2)).containsExactly(3L, 4L);
    assertThat(store.latestSeqBelow("subject:a", 5)).isEqualTo(4);
    assertThat(store.latestSeqBelow("subject:a", 4)).isEqualTo(3);
    assertThat(store.latestSeqBelow("subject:a", 3)).isEqualTo(1);
    assertThat(store.latestSeqBelow("subject:a", 0)).isEqualTo(-1);
    assertThat(store.latestSeqBelow("actor:w", 3)).isEqualTo(-1);
    assertThat(store.latestSeqBelow("subject:none", 5)).isEqualTo(-1);
  }

  @Test
  void theLinkIndexFindsEntriesFarApartInTheLog() {
    // Tens of thousands of entries apart, so that a store filing its index by stretches of the
    // log (SQLite: 65 536 entries a span) has to look in several, in the right order.
    store.append(nextBatch(3, "subject:a"));
    store.append(nextBatch(70_000));
    store.append(nextBatch(2, "subject:a", "actor:w"));
    store.append(nextBatch(70_000, "actor:w"));
    store.append(nextBatch(1, "subject:a"));
    assertThat(store.latestSeqs(List.of("subject:a", "actor:w")))
        .isEqualTo(Map.of("subject:a", 140_005L, "actor:w", 140_004L));
    assertThat(store.seqsFor("subject:a", -1, 10))
        .containsExactly(0L, 1L, 2L, 70_003L, 70_004L, 140_005L);
    assertThat(store.seqsFor("subject:a", 1, 3)).containsExactly(2L, 70_003L, 70_004L);
    assertThat(store.seqsFor("subject:a", 70_004, 10)).containsExactly(140_005L);
    assertThat(store.seqsFor("subject:a", 140_005, 10)).isEmpty();
    assertThat(store.seqsFor("actor:w", 70_003, 3))
        .containsExactly(70_004L, 70_005L, 70_006L);
    assertThat(store.latestSeqBelow("subject:a", Long.MAX_VALUE)).isEqualTo(140_005);
    assertThat(store.latestSeqBelow("subject:a", 140_005)).isEqualTo(70_004);
    assertThat(store.latestSeqBelow("subject:a", 70_003)).isEqualTo(2);
    assertThat(store.latestSeqBelow("actor:w", 70_003)).isEqualTo(-1);
    assertThat(store.latestSeqBelow("actor:w", 140_000)).isEqualTo(139_999);
    try (LedgerSnapshot snapshot = store.snapshot();
        Stream<LinkKeySummary> summaries = snapshot.linkIndexSummary()) {
      assertThat(summaries).containsExactly(
          new LinkKeySummary("subject:a", 140_005, 6, 0 + 1 + 2 + 70_003 + 70_004 + 140_005),
          new LinkKeySummary("actor:w", 140_004, 70_002, (70_003 + 140_004) * 70_002L / 2));
    }
  }

  @Test
  void aBatchThatDoesNotStartAtTheSizeIsRefusedAndWritesNothing() {
    store.append(nextBatch(2));
    AppendBatch skipped = nextBatch(1);
    AppendBatch ahead = nextBatch(1); // starts at 3 while the store holds 2
    assertThatThrownBy(() -> store.append(ahead))
        .isInstanceOf(StoreException.class)
        .hasMessageContaining("refusing batch at seq 3: the ledger holds 2 entries");
    assertThat(store.size()).isEqualTo(2);
    assertThat(store.latestCheckpoint().orElseThrow().size()).isEqualTo(2);
    store.append(skipped);
    assertThat(store.size()).isEqualTo(3);
  }

  @Test
  void aReplayedBatchIsRefusedAndWritesNothing() {
    AppendBatch batch = nextBatch(2, "subject:a");
    store.append(batch);
    assertThatThrownBy(() -> store.append(batch)).isInstanceOf(StoreException.class);
    assertThat(store.size()).isEqualTo(2);
    assertThat(store.seqsFor("subject:a", -1, 10)).containsExactly(0L, 1L);
  }

  @Test
  void aBatchThatFailsHalfWayWritesNothing() {
    store.append(nextBatch(1));
    AppendBatch good = nextBatch(2, "subject:a");
    // Same leaves, but one node repeated: the leaves insert, then the node insert fails.
    List<StoredNode> nodes = new ArrayList<>(good.nodes());
    nodes.add(nodes.get(0));
    AppendBatch bad = new AppendBatch(good.leaves(), nodes, good.checkpoint());
    assertThatThrownBy(() -> store.append(bad)).isInstanceOf(StoreException.class);
    assertThat(store.size()).isEqualTo(1);
    assertThat(store.seqsFor("subject:a", -1, 10)).isEmpty();
    assertThat(store.latestCheckpoint().orElseThrow().size()).isEqualTo(1);
    store.append(good);
    assertThat(store.size()).isEqualTo(3);
  }

  @Test
  void aMissingNodeIsAnError() {
    store.append(nextBatch(2));
    assertThatThrownBy(() -> store.hashes(List.of(new NodeId(1, 5))))
        .isInstanceOf(StoreException.class)
        .hasMessageContaining("level 1, index 5");
  }

  @Test
  void aSnapshotDoesNotSeeLaterAppends() {
    store.append(nextBatch(3));
    try (LedgerSnapshot snapshot = store.snapshot()) {
      store.append(nextBatch(2));
      assertThat(store.size()).isEqualTo(5);
      assertThat(snapshot.size()).isEqualTo(3);
      assertThat(snapshot.latestCheckpoint().orElseThrow().size()).isEqualTo(3);
      assertThat(snapshot.checkpointsAfter(-1, 10)).extracting(StoredCheckpoint::size).containsExactly(3L);
      try (Stream<StoredLeaf> leaves = snapshot.leaves(0, 100)) {
        assertThat(leaves.count()).isEqualTo(3);
      }
    }
  }

  @Test
  void aFreshStoreHasEveryAppendOnlyGuardInPlace() {
    assertThat(tamperHook().schemaGuards()).isNotEmpty();
    assertThat(store.appendOnlyGuardFaults()).isEmpty();
    try (LedgerSnapshot snapshot = store.snapshot()) {
      assertThat(snapshot.appendOnlyGuardFaults()).isEmpty();
    }
    assertThat(store.restoreAppendOnlyGuards()).isEmpty();
  }

  @Test
  void everyRemovedGuardIsNamed() throws Exception {
    store.append(nextBatch(3));
    for (String guard : tamperHook().schemaGuards()) {
      tamperHook().removeGuard(guard);
    }
    List<GuardFault> all = tamperHook().schemaGuards().stream()
        .map(guard -> new GuardFault(guard, GuardFault.Kind.MISSING)).toList();
    assertThat(store.appendOnlyGuardFaults()).containsExactlyInAnyOrderElementsOf(all);
    try (LedgerSnapshot snapshot = store.snapshot()) {
      assertThat(snapshot.appendOnlyGuardFaults()).containsExactlyInAnyOrderElementsOf(all);
    }
  }

  @Test
  void aRemovedAndAWeakenedGuardAreNamedAndNoOther() throws Exception {
    store.append(nextBatch(3));
    String removed = tamperHook().schemaGuards().get(0);
    String weakened = tamperHook().schemaGuards().get(tamperHook().schemaGuards().size() - 1);
    tamperHook().removeGuard(removed);
    tamperHook().weakenGuard(weakened);
    List<GuardFault> faults = List.of(new GuardFault(removed, GuardFault.Kind.MISSING),
        new GuardFault(weakened, GuardFault.Kind.ALTERED));
    assertThat(store.appendOnlyGuardFaults()).containsExactlyInAnyOrderElementsOf(faults);
    try (LedgerSnapshot snapshot = store.snapshot()) {
      assertThat(snapshot.appendOnlyGuardFaults()).containsExactlyInAnyOrderElementsOf(faults);
    }
  }

  @Test
  void restoringPutsBackExactlyTheFaultyGuardsAndTouchesNoRow() throws Exception {
    store.append(nextBatch(3, "subject:a"));
    String removed = tamperHook().schemaGuards().get(0);
    String weakened = tamperHook().schemaGuards().get(tamperHook().schemaGuards().size() - 1);
    tamperHook().removeGuard(removed);
    tamperHook().weakenGuard(weakened);
    assertThat(store.restoreAppendOnlyGuards()).containsExactlyInAnyOrder(
        new GuardFault(removed, GuardFault.Kind.MISSING),
        new GuardFault(weakened, GuardFault.Kind.ALTERED));
    assertThat(store.appendOnlyGuardFaults()).isEmpty();
    assertThat(store.restoreAppendOnlyGuards()).isEmpty();
    assertThat(store.size()).isEqualTo(3);
    assertThat(store.seqsFor("subject:a", -1, 10)).containsExactly(0L, 1L, 2L);
    assertThat(store.latestCheckpoint()).contains(new StoredCheckpoint(3, "note 3"));
    store.append(nextBatch(1));
    assertThat(store.size()).isEqualTo(4);
  }

  @Test
  void anAddedTriggerOnALedgerTableIsNamedAsUnexpected() throws Exception {
    store.append(nextBatch(3));
    tamperHook().addLeafSwallower("swallow_leaves");
    List<GuardFault> faults =
        List.of(new GuardFault("swallow_leaves", GuardFault.Kind.UNEXPECTED));
    assertThat(store.appendOnlyGuardFaults()).isEqualTo(faults);
    try (LedgerSnapshot snapshot = store.snapshot()) {
      assertThat(snapshot.appendOnlyGuardFaults()).isEqualTo(faults);
    }
  }

  @Test
  void restoringDropsAnAddedTriggerSoAppendsAreStoredAgain() throws Exception {
    store.append(nextBatch(3, "subject:a"));
    String removed = tamperHook().schemaGuards().get(0);
    tamperHook().removeGuard(removed);
    tamperHook().addLeafSwallower("swallow_leaves");
    assertThat(store.restoreAppendOnlyGuards()).containsExactly(
        new GuardFault(removed, GuardFault.Kind.MISSING),
        new GuardFault("swallow_leaves", GuardFault.Kind.UNEXPECTED));
    assertThat(store.appendOnlyGuardFaults()).isEmpty();
    assertThat(store.size()).isEqualTo(3);
    store.append(nextBatch(1, "subject:a"));
    assertThat(store.size()).isEqualTo(4);
    assertThat(store.leaf(3)).isPresent();
    assertThat(store.seqsFor("subject:a", -1, 10)).containsExactly(0L, 1L, 2L, 3L);
  }

  @Test
  void aCheckpointOnlyBatchNoNewerThanTheLatestIsRefusedAsStale() {
    // What two nodes starting at once on an empty ledger both try: the second must be told it is
    // stale (reload and go on), not fail on a duplicate.
    store.append(new AppendBatch(List.of(), List.of(), new StoredCheckpoint(0, "empty")));
    assertThatThrownBy(() -> store.append(
        new AppendBatch(List.of(), List.of(), new StoredCheckpoint(0, "empty again"))))
        .isInstanceOf(StaleTailException.class);
    assertThat(store.latestCheckpoint()).contains(new StoredCheckpoint(0, "empty"));
    store.append(nextBatch(1));
    assertThatThrownBy(() -> store.append(
        new AppendBatch(List.of(), List.of(), new StoredCheckpoint(1, "again"))))
        .isInstanceOf(StaleTailException.class);
    assertThat(store.checkpointsAfter(-1, 10)).extracting(StoredCheckpoint::size)
        .containsExactly(0L, 1L);
  }

  @Test
  void aCheckpointOnlyBatchIsStored() {
    store.append(new AppendBatch(List.of(), List.of(), new StoredCheckpoint(0, "empty")));
    assertThat(store.latestCheckpoint()).contains(new StoredCheckpoint(0, "empty"));
    assertThat(store.size()).isZero();
  }
}
