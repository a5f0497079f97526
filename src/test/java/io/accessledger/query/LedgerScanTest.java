package io.accessledger.query;

import static org.assertj.core.api.Assertions.assertThat;

import io.accessledger.ledger.leaf.LedgerEntry;
import io.accessledger.ledger.leaf.PreparedEvent;
import io.accessledger.ledger.notes.CheckpointSigner;
import io.accessledger.ledger.writer.Sequencer;
import io.accessledger.store.LedgerStore;
import io.accessledger.support.TestLedger;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LedgerScanTest {
  @Test
  void everyEntryOrOnlyTheTypesAskedForInSeqOrderAcrossChunks(@TempDir Path dir) throws Exception {
    try (LedgerStore store = TestLedger.openStore(dir.resolve("ledger.db"))) {
      CheckpointSigner signer = TestLedger.signer(1);
      try (Sequencer sequencer = TestLedger.sequencer(store, signer)) {
        List<java.util.concurrent.CompletableFuture<?>> appended = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
          Map<String, Object> event = new LinkedHashMap<>();
          event.put("type", i % 7 == 0 ? "SHARE_DECISION" : "VIEW");
          event.put("eventId", "e-" + i);
          // A VIEW whose purpose mentions the other type is not one.
          event.put("purpose", "see \"type\":\"SHARE_DECISION\"");
          event.put("subject", Map.of("id", "c-" + i % 13));
          appended.add(sequencer.append(PreparedEvent.of(event, "test")));
        }
        appended.forEach(java.util.concurrent.CompletableFuture::join);
      }
      List<Long> all = new ArrayList<>();
      LedgerScan.forEach(store, 10_000, null, (e, event) -> all.add(e.seq()));
      assertThat(all).hasSize(10_000).isSorted();
      List<LedgerEntry> shares = new ArrayList<>();
      LedgerScan.forEach(store, 10_000, Set.of("SHARE_DECISION"), (e, event) -> {
        assertThat(event.header().type()).isEqualTo("SHARE_DECISION");
        shares.add(e);
      });
      assertThat(shares).hasSize(1429).allSatisfy(e ->
          assertThat(e.event()).containsEntry("type", "SHARE_DECISION"));
      assertThat(shares).extracting(LedgerEntry::seq).isSorted();
      // Progress counts every entry read, whatever its type, a chunk at a time, ending at size.
      List<Long> progress = new ArrayList<>();
      List<Long> seen = new ArrayList<>();
      LedgerScan.forEach(store, 10_000, Set.of("SHARE_DECISION"),
          (e, event) -> seen.add(e.seq()), read -> {
            // Told after the chunk's entries were handed on, never before.
            assertThat(seen).allMatch(seq -> seq < read);
            progress.add(read);
          });
      assertThat(progress).containsExactly(4096L, 8192L, 10_000L);
      assertThat(seen).hasSize(1429);
      List<Long> none = new ArrayList<>();
      LedgerScan.forEach(store, 0, null, (e, event) -> { }, none::add);
      assertThat(none).containsExactly(0L);
      List<Long> below = new ArrayList<>();
      LedgerScan.forEach(store, 100, Set.of("SHARE_DECISION"), (e, event) -> below.add(e.seq()));
      assertThat(below).hasSize(15).allMatch(seq -> seq < 100);
    }
  }

  /** An entry stored with a blank type is not of any type asked for, and stops no scan. */
  @Test
  void anEntryWithABlankTypeIsPassedOverNotFatal(@TempDir Path dir) throws Exception {
    try (LedgerStore store = TestLedger.openStore(dir.resolve("ledger.db"))) {
      try (Sequencer sequencer = TestLedger.sequencer(store, TestLedger.signer(1))) {
        Map<String, Object> odd = new LinkedHashMap<>();
        odd.put("type", " ");
        odd.put("eventId", "odd-1");
        // The bytes the scan looks for first, in a nested object, though the type itself is blank.
        odd.put("subject", Map.of("type", "SHARE_DECISION"));
        sequencer.append(PreparedEvent.of(odd, "test")).join();
        Map<String, Object> share = new LinkedHashMap<>();
        share.put("type", "SHARE_DECISION");
        share.put("eventId", "share-1");
        sequencer.append(PreparedEvent.of(share, "test")).join();
      }
      List<Long> shares = new ArrayList<>();
      LedgerScan.forEach(store, 2, Set.of("SHARE_DECISION"), (e, event) -> shares.add(e.seq()));
      assertThat(shares).containsExactly(1L);
    }
  }
}
