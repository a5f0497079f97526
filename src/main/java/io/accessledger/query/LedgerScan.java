package io.accessledger.query;

import io.accessledger.entries.EventParser;
import io.accessledger.entries.LedgerEvent;
import io.accessledger.ledger.leaf.LedgerEntry;
import io.accessledger.store.LedgerSnapshot;
import io.accessledger.store.LedgerStore;
import io.accessledger.store.StoreException;
import io.accessledger.store.StoredLeaf;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.LongConsumer;
import java.util.stream.Stream;

/**
 * Reads the log's entries in {@code seq} order for reports that look at the whole log (registers,
 * audits): from one consistent snapshot, a chunk at a time, decoding each chunk and typing each
 * event ({@link EventParser}) on all cores. Memory stays flat however long the log.
 *
 * <p>With a set of entry types, a leaf is decoded only if its bytes hold {@code "type":"<T>"} for
 * one of them (a cheap test; the decoded event's own {@code type} then decides), so a register of
 * a few thousand share decisions in a million entries decodes a few thousand leaves.
 */
public final class LedgerScan {
  private static final int CHUNK = 4096;

  private LedgerScan() {}

  /**
   * Calls {@code action} with every entry below {@code size} whose event type is in {@code types}
   * ({@code null}: every entry) and its typed event, oldest first, on the calling thread.
   *
   * @throws StoreException if a stored leaf does not decode (run {@code verify})
   */
  public static void forEach(
      LedgerStore store, long size, Set<String> types,
      BiConsumer<LedgerEntry, LedgerEvent> action) {
    forEach(store, size, types, action, read -> { });
  }

  /**
   * As {@link #forEach(LedgerStore, long, Set, BiConsumer)}, telling {@code progress} how many
   * entries (of every type) have been read so far after each chunk's entries have been passed to
   * {@code action}, on the calling thread; it is told {@code size} last (unless the scan fails).
   * A long scan (an audit of a million entries) can show how far it has got.
   */
  public static void forEach(
      LedgerStore store, long size, Set<String> types,
      BiConsumer<LedgerEntry, LedgerEvent> action, LongConsumer progress) {
    List<byte[]> markers = types == null ? null : types.stream()
        .map(t -> ("\"type\":\"" + t + "\"").getBytes(StandardCharsets.UTF_8)).toList();
    try (LedgerSnapshot snapshot = store.snapshot();
        Stream<StoredLeaf> leaves = snapshot.leaves(0, size)) {
      Iterator<StoredLeaf> it = leaves.iterator();
      List<StoredLeaf> chunk = new ArrayList<>(CHUNK);
      long read = 0;
      while (it.hasNext()) {
        chunk.add(it.next());
        if (chunk.size() == CHUNK || !it.hasNext()) {
          List<Typed> decoded = chunk.parallelStream()
              .filter(leaf -> markers == null || markers.stream().anyMatch(m -> contains(leaf.leaf(), m)))
              .map(ProvenEntries::decode)
              .map(entry -> new Typed(entry, EventParser.parse(entry)))
              // An odd leaf's type may be absent (null), which Set.of(...).contains refuses.
              .filter(typed -> types == null || isOneOf(typed.event().header().type(), types))
              .toList();
          decoded.forEach(typed -> action.accept(typed.entry(), typed.event()));
          read += chunk.size();
          chunk.clear();
          progress.accept(read);
        }
      }
      if (read == 0) {
        progress.accept(0); // an empty range: still say the scan is done
      }
    }
  }


  /** An entry decoded and typed in the parallel stage. */
  private record Typed(LedgerEntry entry, LedgerEvent event) {}

  /** Whether {@code bytes} holds {@code part}. */
  static boolean contains(byte[] bytes, byte[] part) {
    outer:
    for (int i = 0; i <= bytes.length - part.length; i++) {
      for (int j = 0; j < part.length; j++) {
        if (bytes[i + j] != part[j]) {
          continue outer;
        }
      }
      return true;
    }
    return false;
  }

  private static boolean isOneOf(String type, Set<String> types) {
    return type != null && types.contains(type);
  }
}
