package io.accessledger.query;

import io.accessledger.entries.AuditQuery;
import io.accessledger.entries.EventParser;
import io.accessledger.entries.LedgerEvent;
import io.accessledger.entries.Review;
import io.accessledger.ledger.leaf.LedgerEntry;
import io.accessledger.store.LedgerSnapshot;
import io.accessledger.store.LedgerStore;
import io.accessledger.store.StoreException;
import io.accessledger.store.StoredLeaf;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * What the console's overview and audit pages show about the log as a whole, kept up to date in
 * memory by reading each entry once: entries received per day (in the service's zone), every
 * need-to-know audit run (its {@code AUDIT_QUERY} entry) and the latest review of each finding
 * (its {@code REVIEW} entries).
 *
 * <p>{@link #catchUp} reads the entries appended since the last call (the first call reads the
 * whole log, which the console does in the background when the server starts); every answer is as of the last
 * catch-up. With several nodes on one store each node keeps its own, read from the shared log:
 * callers catch up to the store's latest checkpoint ({@code LedgerQueries#checkpoint}), so runs
 * and reviews recorded by other nodes are counted too, each entry once, since entries below a
 * stored checkpoint never change. Only entries the ledger wrote itself (source {@code ledger}) count as runs and
 * reviews, so a records system cannot post one. Thread-safe; memory grows with days, runs and
 * reviews, never with entries.
 */
public final class LedgerActivity {
  private static final byte[] RECEIVED_AT = "\"receivedAt\":\"".getBytes(StandardCharsets.UTF_8);
  private static final byte[] AUDIT_QUERY = "\"type\":\"AUDIT_QUERY\"".getBytes(StandardCharsets.UTF_8);
  private static final byte[] REVIEW = "\"type\":\"REVIEW\"".getBytes(StandardCharsets.UTF_8);

  /** A need-to-know audit run: its record's {@code seq}, who ran it, the period, when. */
  public record AuditRun(long seq, String client, String from, String to, Instant at) {}

  /** The latest review of a finding: the {@code REVIEW} entry's {@code seq}, by whom and when. */
  public record ReviewState(long seq, String finding, long audit, String outcome, String note,
      String reviewer, Instant at) {}

  private final LedgerStore store;
  private final ZoneId zone;
  private long read;
  private Instant lastReceived;
  private final TreeMap<LocalDate, Long> perDay = new TreeMap<>();
  private final List<AuditRun> runs = new ArrayList<>();
  private final Map<String, ReviewState> reviews = new HashMap<>();

  public LedgerActivity(LedgerStore store, ZoneId zone) {
    this.store = store;
    this.zone = zone;
  }

  /** Reads the entries below {@code size} not read yet. */
  public synchronized void catchUp(long size) {
    if (size <= read) {
      return;
    }
    try (LedgerSnapshot snapshot = store.snapshot();
        Stream<StoredLeaf> leaves = snapshot.leaves(read, Math.min(size, snapshot.size()))) {
      leaves.forEachOrdered(this::take);
    }
  }

  private void take(StoredLeaf leaf) {
    byte[] bytes = leaf.leaf();
    Instant at = receivedAt(bytes);
    if (at != null) {
      perDay.merge(LocalDate.ofInstant(at, zone), 1L, Long::sum);
      lastReceived = at;
    }
    if (LedgerScan.contains(bytes, AUDIT_QUERY) || LedgerScan.contains(bytes, REVIEW)) {
      try {
        LedgerEntry entry = ProvenEntries.decode(leaf);
        if (AuditTrail.SOURCE.equals(entry.source())) {
          note(entry, EventParser.parse(entry), at);
        }
      } catch (StoreException e) {
        // A leaf that does not decode is verify's to report; the overview goes on without it.
      }
    }
    read = leaf.seq() + 1;
  }

  private void note(LedgerEntry entry, LedgerEvent event, Instant at) {
    if (event instanceof AuditQuery query && NeedToKnowAudits.PATH.equals(query.path())
        && event.header().actor() != null) {
      runs.add(new AuditRun(entry.seq(), event.header().actor().id(),
          query.parameters().get("from"), query.parameters().get("to"), at));
    } else if (event instanceof Review review && review.finding() != null
        && review.audit() != null && event.header().actor() != null) {
      reviews.put(review.finding(), new ReviewState(entry.seq(), review.finding(),
          review.audit(), review.outcome(), review.note(), event.header().actor().id(), at));
    }
  }

  /** Entries received on each day from {@code first} to {@code last} inclusive, 0 for none. */
  public synchronized TreeMap<LocalDate, Long> entriesPerDay(LocalDate first, LocalDate last) {
    TreeMap<LocalDate, Long> days = new TreeMap<>();
    for (LocalDate day = first; !day.isAfter(last); day = day.plusDays(1)) {
      days.put(day, perDay.getOrDefault(day, 0L));
    }
    return days;
  }

  /** The latest {@code n} need-to-know audit runs, newest first. */
  public synchronized List<AuditRun> latestRuns(int n) {
    List<AuditRun> latest = new ArrayList<>();
    for (int i = runs.size() - 1; i >= 0 && latest.size() < n; i--) {
      latest.add(runs.get(i));
    }
    return latest;
  }

  /** The latest review of finding {@code id}, of any audit run, if it was ever reviewed. */
  public synchronized Optional<ReviewState> latestReview(String id) {
    return Optional.ofNullable(reviews.get(id));
  }

  /** When the last entry read was received; null before any. */
  public synchronized Instant lastReceived() {
    return lastReceived;
  }

  /** How many entries have been read: the size of the log as of the last catch-up. */
  public synchronized long read() {
    return read;
  }

  /** The {@code receivedAt} of a canonical leaf, found without decoding it; null if absent. */
  static Instant receivedAt(byte[] leaf) {
    int at = indexOf(leaf, RECEIVED_AT);
    if (at < 0) {
      return null;
    }
    int start = at + RECEIVED_AT.length;
    int end = start;
    while (end < leaf.length && leaf[end] != '"') {
      end++;
    }
    try {
      return Instant.parse(new String(leaf, start, end - start, StandardCharsets.US_ASCII));
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  /** The last index of {@code part} in {@code bytes} ({@code receivedAt} is near the end). */
  private static int indexOf(byte[] bytes, byte[] part) {
    outer:
    for (int i = bytes.length - part.length; i >= 0; i--) {
      for (int j = 0; j < part.length; j++) {
        if (bytes[i + j] != part[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }
}
