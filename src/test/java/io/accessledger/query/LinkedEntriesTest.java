package io.accessledger.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.accessledger.entries.View;
import io.accessledger.ledger.leaf.PreparedEvent;
import io.accessledger.ledger.notes.CheckpointSigner;
import io.accessledger.ledger.writer.Sequencer;
import io.accessledger.query.LinkedEntries.Linked;
import io.accessledger.query.LinkedEntries.Page;
import io.accessledger.query.LinkedEntries.Window;
import io.accessledger.store.LedgerStore;
import io.accessledger.store.StoreException;
import io.accessledger.store.StoredLeaf;
import io.accessledger.support.ForwardingLedgerStore;
import io.accessledger.support.TestLedger;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One pass over a key's history: every entry to the aggregate, oldest first, across more than one
 * chunk of the index; the page a window asks for, newest first; an empty history for a key no
 * entry names; and a refusal when the index and the leaves' links disagree.
 */
class LinkedEntriesTest {
  /** Entry {@code i} names child-(i % 3) and worker-(i % 2): child-0 holds every third entry. */
  private static final int ENTRIES = 3 * LinkedEntries.CHUNK + 300;

  @TempDir static Path dir;
  static LedgerStore store;
  static Sequencer sequencer;
  static LinkedEntries linked;

  @BeforeAll
  static void fill() {
    CheckpointSigner signer = TestLedger.signer(3);
    store = TestLedger.openStore(dir.resolve("ledger.db"));
    sequencer = TestLedger.sequencer(store, signer);
    List<PreparedEvent> group = new ArrayList<>();
    for (int i = 0; i < ENTRIES; i++) {
      group.add(TestLedger.prepared("e-" + i, "child-" + (i % 3), "worker-" + (i % 2)));
    }
    sequencer.appendGroup(group).join();
    linked = new LinkedEntries(store, new LedgerQueries(store, sequencer));
  }

  @AfterAll
  static void close() {
    sequencer.close();
    store.close();
  }

  /** The seqs naming child-0, oldest first. */
  private static List<Long> child0() {
    return LongStream.range(0, ENTRIES).filter(s -> s % 3 == 0).boxed().toList();
  }

  private static List<Long> reversed(List<Long> seqs) {
    List<Long> copy = new ArrayList<>(seqs);
    java.util.Collections.reverse(copy);
    return copy;
  }

  @Test
  void everyEntryGoesToTheAggregateOldestFirstAndTheNewestPageIsKept() {
    List<Long> seen = new ArrayList<>();
    Page page = linked.read("subject:child-0", Window.latest(100), e -> seen.add(e.seq()));

    assertThat(seen).as("more than one chunk of the index").hasSizeGreaterThan(LinkedEntries.CHUNK)
        .isEqualTo(child0());
    assertThat(page.total()).isEqualTo(child0().size());
    assertThat(page.treeSize()).isGreaterThanOrEqualTo(ENTRIES); // another test appends
    assertThat(page.entries()).extracting(Linked::seq)
        .isEqualTo(reversed(child0()).subList(0, 100));
    assertThat(page.older()).isTrue();
    assertThat(page.newer()).isFalse();
    Linked newest = page.entries().get(0);
    assertThat(newest.event()).isInstanceOfSatisfying(View.class,
        view -> assertThat(view.subject()).isEqualTo("child-0"));
    assertThat(newest.receivedAt()).endsWith("Z");
  }

  @Test
  void beforeKeepsTheNewestBelowASeqAndAfterTheOldestAboveIt() {
    List<Long> all = child0();
    long middle = all.get(500);
    Page before = linked.read("subject:child-0", Window.before(middle, 10), e -> { });
    assertThat(before.entries()).extracting(Linked::seq)
        .isEqualTo(reversed(all.subList(490, 500)));
    assertThat(before.older()).isTrue();
    assertThat(before.newer()).isTrue();

    Page after = linked.read("subject:child-0", Window.after(middle, 10), e -> { });
    assertThat(after.entries()).extracting(Linked::seq)
        .isEqualTo(reversed(all.subList(501, 511)));
    assertThat(after.older()).isTrue();
    assertThat(after.newer()).isTrue();

    Page oldest = linked.read("subject:child-0", Window.before(all.get(3), 10), e -> { });
    assertThat(oldest.entries()).extracting(Linked::seq).containsExactly(6L, 3L, 0L);
    assertThat(oldest.older()).isFalse();
    Page newest = linked.read("subject:child-0", Window.after(all.get(all.size() - 3), 10),
        e -> { });
    assertThat(newest.entries()).hasSize(2);
    assertThat(newest.newer()).isFalse();
  }

  @Test
  void aKeyNoEntryNamesHasAnEmptyHistory() {
    List<LinkedSummary> seen = new ArrayList<>();
    Page page = linked.read("subject:nobody", Window.latest(100), seen::add);
    assertThat(seen).isEmpty();
    assertThat(page.entries()).isEmpty();
    assertThat(page.total()).isZero();
    assertThat(page.older()).isFalse();
    assertThat(page.newer()).isFalse();
  }

  @Test
  void anIndexThatLeavesAnEntryOutIsRefusedNotShown() {
    LedgerStore holey = new ForwardingLedgerStore(store) {
      @Override
      public List<Long> seqsFor(String linkKey, long afterSeq, int limit) {
        return super.seqsFor(linkKey, afterSeq, limit).stream().filter(s -> s != 9).toList();
      }
    };
    LinkedEntries overHoles = new LinkedEntries(holey,
        new LedgerQueries(holey, sequencer));
    assertThatThrownBy(() -> overHoles.read("subject:child-0", Window.latest(5), e -> { }))
        .isInstanceOf(StoreException.class)
        .hasMessageContaining("entry 12 of subject:child-0")
        .hasMessageContaining("run `verify`");
  }

  @Test
  void eachEntrysSummaryHoldsWhatTheChartsNeed() {
    List<LinkedSummary> seen = new ArrayList<>();
    linked.read("subject:child-0", Window.latest(1), seen::add);
    LinkedSummary first = seen.get(0);
    assertThat(first.seq()).isZero();
    assertThat(first.type()).isEqualTo("VIEW");
    assertThat(first.at()).isEqualTo(java.time.Instant.parse("2026-11-23T09:00:00Z"));
    assertThat(first.actor()).isEqualTo("worker-0");
    assertThat(first.subject()).isEqualTo("child-0");
    assertThat(first.team()).isNull();
    // One copy of each name in a history.
    assertThat(seen.get(1).subject()).isSameAs(first.subject());
  }

  @Test
  void aLongHistoryReadAgainDecodesOnlyWhatWasAppendedAndThePage() {
    List<Integer> leavesRead = new ArrayList<>();
    LedgerStore counting = new ForwardingLedgerStore(store) {
      @Override
      public List<StoredLeaf> leaves(List<Long> seqs) {
        leavesRead.add(seqs.size());
        return super.leaves(seqs);
      }
    };
    LinkedEntries cached = new LinkedEntries(counting,
        new LedgerQueries(counting, sequencer));
    String key = "actor:worker-1"; // every other entry: more than SummaryCache.MIN_ENTRIES
    Page first = cached.read(key, Window.latest(10), e -> { });
    int decoded = leavesRead.stream().mapToInt(Integer::intValue).sum();
    assertThat(decoded).isEqualTo(first.total() + 10);

    List<PreparedEvent> more = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      more.add(TestLedger.prepared("more-" + i, "child-more", "worker-1"));
    }
    sequencer.appendGroup(more).join();
    leavesRead.clear();
    List<Long> seen = new ArrayList<>();
    Page again = cached.read(key, Window.latest(10), e -> seen.add(e.seq()));
    assertThat(again.total()).isEqualTo(first.total() + 3);
    assertThat(seen).hasSize((int) again.total()).isSorted();
    assertThat(leavesRead.stream().mapToInt(Integer::intValue).sum()).as("3 new, 10 on the page")
        .isEqualTo(13);
    assertThat(again.entries().get(0).event()).isInstanceOfSatisfying(View.class,
        view -> assertThat(view.subject()).isEqualTo("child-more"));
    // A fresh reader, with nothing kept, reads the same history.
    List<Long> fresh = new ArrayList<>();
    linked.read(key, Window.latest(10), e -> fresh.add(e.seq()));
    assertThat(fresh).isEqualTo(seen);
  }

  @Test
  void aWindowIsBelowOrAboveASeqNotBothAndHoldsOneToAThousand() {
    assertThatThrownBy(() -> new Window(1L, 2L, 10)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Window.latest(0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Window.latest(1001)).isInstanceOf(IllegalArgumentException.class);
  }
}
