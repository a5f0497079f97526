package io.accessledger.services;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.accessledger.events.EventIngest;
import io.accessledger.events.IngestRefusal;
import io.accessledger.ledger.leaf.LeafCodec;
import io.accessledger.ledger.leaf.PreparedEvent;
import io.accessledger.ledger.writer.AlreadyRecordedException;
import io.accessledger.ledger.writer.AppendResult;
import io.accessledger.ledger.writer.LedgerStateException;
import io.accessledger.store.LedgerStore;
import io.accessledger.support.BeforeCheckpointReadStore;
import io.accessledger.support.GatedStore;
import io.accessledger.support.LedgerNode;
import io.accessledger.support.TestLedger;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Races between nodes at the writer and at start, each made to happen in a chosen order by holding
 * one node's writer at a {@link GatedStore} gate while the other appends.
 */
interface MultiNodeRaces extends MultiNodeFixture {

  /** An event without an event key, as the ledger writes about itself. */
  private static PreparedEvent unkeyed(String id) {
    return PreparedEvent.of(TestLedger.view(id, "child-9", "worker-9"), "ledger");
  }

  private static void awaitQueued(LedgerNode node, int groups) throws InterruptedException {
    long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (node.sequencer().queued() < groups) {
      assertThat(System.nanoTime()).as("groups queued in time").isLessThan(until);
      Thread.sleep(5);
    }
  }

  @Test
  default void aBatchTheStoreRefusesForAnEventAnotherNodeRecordedLosesOnlyThatGroup()
      throws Exception {
    GatedStore gated = new GatedStore(openStore());
    GatedStore.Gate filler = gated.gate(batch -> !batch.leaves().isEmpty());
    LedgerNode a = node(gated, MultiNodeContract.SIGNER);
    LedgerNode b = node();
    CompletableFuture<AppendResult> first = a.sequencer().append(unkeyed("filler"));
    filler.awaitArrival();
    CompletableFuture<AppendResult> keyed = a.sequencer().append(TestLedger.prepared("k", "c", "w"));
    CompletableFuture<AppendResult> other = a.sequencer().append(TestLedger.prepared("u", "c", "w"));
    awaitQueued(a, 2); // so the two are built as one batch once the filler is written
    long byB = b.sequencer().append(TestLedger.prepared("k", "c", "w")).join().seq();
    filler.open();

    // The filler was built before B appended: refused as stale, built again and written. The next
    // batch is built on the tail that holds B's "k": the store refuses it for the duplicate.
    assertThat(first.join().seq()).isEqualTo(byB + 1);
    assertThatThrownBy(keyed::join).isInstanceOf(CompletionException.class)
        .hasCauseInstanceOf(AlreadyRecordedException.class)
        .hasMessageContaining("eventId k from case-system (entry " + byB + ")");
    assertThat(other.join().seq()).isEqualTo(byB + 2);
    LedgerStore store = openStore();
    assertThat(store.size()).isEqualTo(3);
    assertThat(store.findEvent("case-system", "k").orElseThrow().seq()).isEqualTo(byB);
    assertThat(a.sequencer().lastFailure()).isEmpty();
    MultiNodeContract.assertIntactWithConsistentCheckpoints(store);
  }

  @Test
  default void aStaleBatchIsBuiltAgainWithoutTheGroupAnotherNodeRecorded() throws Exception {
    GatedStore gated = new GatedStore(openStore());
    GatedStore.Gate filler = gated.gate(batch -> !batch.leaves().isEmpty());
    GatedStore.Gate built = gated.gate(batch -> GatedStore.holds(batch, "k"));
    LedgerNode a = node(gated, MultiNodeContract.SIGNER);
    LedgerNode b = node();
    CompletableFuture<AppendResult> first = a.sequencer().append(unkeyed("filler"));
    filler.awaitArrival();
    CompletableFuture<AppendResult> keyed = a.sequencer().append(TestLedger.prepared("k", "c", "w"));
    CompletableFuture<AppendResult> other = a.sequencer().append(TestLedger.prepared("u", "c", "w"));
    awaitQueued(a, 2);
    filler.open();
    built.awaitArrival(); // "k" and "u" built as one batch on A's tail
    long byB = b.sequencer().append(TestLedger.prepared("k", "c", "w")).join().seq();
    built.open();

    assertThat(first.join().seq()).isZero();
    assertThatThrownBy(keyed::join).hasCauseInstanceOf(AlreadyRecordedException.class);
    AppendResult u = other.join();
    assertThat(u.seq()).isEqualTo(byB + 1);
    LedgerStore store = openStore();
    assertThat(store.size()).isEqualTo(3);
    // Built again on the reloaded tail: its links name B's entry, not the one A had built.
    assertThat(LeafCodec.decode(store.leaf(u.seq()).orElseThrow().leaf()).links())
        .containsEntry("subject:c", byB);
    MultiNodeContract.assertIntactWithConsistentCheckpoints(store);
  }

  @Test
  default void aPostOvertakenByTheSameEventOnAnotherNodeIsAnsweredAsAReplayOrAConflict()
      throws Exception {
    GatedStore gated = new GatedStore(openStore());
    GatedStore.Gate replay = gated.gate(batch -> GatedStore.holds(batch, "same"));
    GatedStore.Gate conflict = gated.gate(batch -> GatedStore.holds(batch, "other"));
    LedgerNode a = node(gated, MultiNodeContract.SIGNER);
    LedgerNode b = node();
    byte[] same = MultiNodeContract.json(TestLedger.view("same", "child-1", "worker-1"));
    CompletableFuture<EventIngest.Accepted> onA = CompletableFuture.supplyAsync(
        () -> a.services().ingest().postOne("case-system", same));
    replay.awaitArrival();
    EventIngest.Accepted onB = b.services().ingest().postOne("case-system", same);
    replay.open();
    assertThat(onB.appended()).isTrue();
    assertThat(onA.get(30, TimeUnit.SECONDS).appended()).isFalse();
    assertThat(onA.get().acks()).isEqualTo(onB.acks());

    CompletableFuture<EventIngest.Accepted> otherOnA = CompletableFuture.supplyAsync(
        () -> a.services().ingest().postOne("case-system",
            MultiNodeContract.json(TestLedger.view("other", "child-1", "worker-1"))));
    conflict.awaitArrival();
    b.services().ingest().postOne("case-system",
        MultiNodeContract.json(TestLedger.view("other", "child-2", "worker-1")));
    conflict.open();
    assertThatThrownBy(() -> otherOnA.get(30, TimeUnit.SECONDS))
        .hasCauseInstanceOf(IngestRefusal.class)
        .satisfies(e -> assertThat(((IngestRefusal) e.getCause()).kind())
            .isEqualTo(IngestRefusal.Kind.CONFLICT));
    LedgerStore store = openStore();
    assertThat(store.size()).isEqualTo(2);
    MultiNodeContract.assertIntactWithConsistentCheckpoints(store);
  }

  @Test
  default void aHeadAnotherNodeAppendedIsLinkedNotTakenForAnEditedIndex() throws Exception {
    LedgerNode a = node();
    LedgerNode b = node();
    long byA = a.sequencer().append(TestLedger.prepared("x-1", "child-x", "w-a")).join().seq();
    // B's tail is behind, and the index already names A's entry past it for child-x.
    AppendResult byB = b.sequencer().append(TestLedger.prepared("x-2", "child-x", "w-b")).join();
    assertThat(byB.seq()).isEqualTo(byA + 1);
    LedgerStore store = openStore();
    assertThat(LeafCodec.decode(store.leaf(byB.seq()).orElseThrow().leaf()).links())
        .containsEntry("subject:child-x", byA);
    MultiNodeContract.assertIntactWithConsistentCheckpoints(store);
  }

  @Test
  default void aTailLoadedWhileAnotherNodeAppendsIsOneConsistentLog() {
    LedgerNode b = node();
    b.sequencer().append(TestLedger.prepared("b-1", "c", "w")).join();
    // A starts, and B appends between A's reads of the size and of the latest checkpoint: read
    // apart, they would disagree, and A would refuse to start over a ledger it took for tampered.
    LedgerNode a = node(new BeforeCheckpointReadStore(openStore(),
        () -> b.sequencer().append(TestLedger.prepared("b-2", "c", "w")).join()),
        MultiNodeContract.SIGNER);
    AppendResult next = a.sequencer().append(TestLedger.prepared("a-1", "c", "w")).join();
    assertThat(next.seq()).isEqualTo(2);
  }

  @Test
  default void twoNodesStartingAtOnceOnAnEmptyLedgerStoreOneEmptyCheckpoint() throws Exception {
    GatedStore gated = new GatedStore(openStore());
    GatedStore.Gate empty = gated.gate(batch -> batch.leaves().isEmpty());
    CompletableFuture<LedgerNode> b = CompletableFuture.supplyAsync(
        () -> node(gated, MultiNodeContract.SIGNER));
    empty.awaitArrival(); // B has signed the empty tree and is about to store it
    LedgerNode a = node();
    empty.open();
    LedgerNode started = b.get(30, TimeUnit.SECONDS);
    LedgerStore store = openStore();
    assertThat(store.checkpointsAfter(-1, 10)).hasSize(1);
    a.sequencer().append(TestLedger.prepared("a-1", "c", "w")).join();
    started.sequencer().append(TestLedger.prepared("b-1", "c", "w")).join();
    assertThat(store.size()).isEqualTo(2);
    MultiNodeContract.assertIntactWithConsistentCheckpoints(store);
  }

  @Test
  default void aNodeWhoseKeyDidNotSignTheLatestCheckpointRefusesToStart() throws Exception {
    LedgerNode a = node();
    a.sequencer().append(TestLedger.prepared("a-1", "c", "w")).join();
    assertThatThrownBy(() -> node(openStore(), TestLedger.signer(99)))
        .isInstanceOf(LedgerStateException.class)
        .hasMessageContaining("does not verify the ledger's latest checkpoint (tree size 1)");
    assertThat(openStore().size()).isEqualTo(1);
  }

  @Test
  default void aNodeWithAnotherKeyLosingTheStartRaceRefusesToStart() throws Exception {
    GatedStore gated = new GatedStore(openStore());
    GatedStore.Gate empty = gated.gate(batch -> batch.leaves().isEmpty());
    CompletableFuture<LedgerNode> other = CompletableFuture.supplyAsync(
        () -> node(gated, TestLedger.signer(99)));
    empty.awaitArrival();
    node();
    empty.open();
    assertThatThrownBy(() -> other.get(30, TimeUnit.SECONDS))
        .hasCauseInstanceOf(LedgerStateException.class)
        .hasMessageContaining("does not verify the ledger's latest checkpoint (tree size 0)");
    assertThat(openStore().checkpointsAfter(-1, 10)).hasSize(1);
  }

  @Test
  default void threeNodesStartingTogetherOnAnEmptyLedgerAllStart() throws Exception {
    // Unordered: whichever wins, the other reloads and goes on.
    List<CompletableFuture<LedgerNode>> starting = List.of(
        CompletableFuture.supplyAsync(this::node), CompletableFuture.supplyAsync(this::node),
        CompletableFuture.supplyAsync(this::node));
    for (CompletableFuture<LedgerNode> node : starting) {
      node.get(30, TimeUnit.SECONDS).sequencer().append(unkeyed("start")).join();
    }
    LedgerStore store = openStore();
    assertThat(store.size()).isEqualTo(3);
    MultiNodeContract.assertIntactWithConsistentCheckpoints(store);
  }
}
