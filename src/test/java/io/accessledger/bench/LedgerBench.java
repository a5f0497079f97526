package io.accessledger.bench;

import io.accessledger.ledger.leaf.PreparedEvent;
import io.accessledger.ledger.notes.CheckpointSigner;
import io.accessledger.ledger.verify.LedgerVerifier;
import io.accessledger.ledger.verify.VerificationResult;
import io.accessledger.ledger.writer.Sequencer;
import io.accessledger.ledger.writer.SequencerSettings;
import io.accessledger.store.LedgerSnapshot;
import io.accessledger.store.LedgerStore;
import io.accessledger.store.StoredCheckpoint;
import io.accessledger.store.StoredLeaf;
import io.accessledger.store.sqlite.SqliteDataSources;
import io.accessledger.support.TempDirs;
import io.accessledger.support.TestLedger;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * The ledger benchmark ({@code scripts/bench}): appends through the sequencer from concurrent
 * appenders; two baselines with the same durability and the same commit boundaries, raw SQLite
 * inserts of the same leaf bytes into a bare table and {@link SameRowsBaseline}; and a full
 * verification. Prints figures; asserts nothing.
 */
public final class LedgerBench {
  private static final long WARMUP = 150_000;

  private LedgerBench() {}

  public static void main(String[] args) throws Exception {
    long entries = args.length > 0 ? Long.parseLong(args[0]) : 1_000_000;
    int appenders = args.length > 1 ? Integer.parseInt(args[1]) : 8;
    Path dir = Files.createTempDirectory("access-ledger-bench");
    System.out.printf(Locale.ROOT, "access-ledger benchmark: %,d leaves, %d appenders, %d cores, %s%n",
        entries, appenders, Runtime.getRuntime().availableProcessors(), dir);
    try {
      run(dir, entries, appenders);
    } finally {
      // Two ledgers and three baselines: about 2 GB for a million entries.
      TempDirs.deleteTree(dir);
    }
  }

  private static void run(Path dir, long entries, int appenders) throws Exception {

    CheckpointSigner signer = TestLedger.signer(0);
    // Warm-up: let the JIT compile the hot paths on a scratch ledger before measuring, as a
    // long-running server would have.
    Path warmDb = dir.resolve("warmup.db");
    try (LedgerStore store = TestLedger.openStore(warmDb);
        Sequencer sequencer = Sequencer.start(store, signer, Clock.systemUTC(), SequencerSettings.defaults())) {
      appendAll(sequencer, WARMUP, appenders, false);
    }
    rawBaseline(warmDb, dir.resolve("warmup-raw.db"));
    SameRowsBaseline.load(warmDb).write(dir.resolve("warmup-same-rows.db"));
    try (LedgerStore store = TestLedger.openStore(warmDb)) {
      new LedgerVerifier(store, signer.verifierKey()).verify();
    }
    System.out.printf(Locale.ROOT, "(warm-up: %,d appends, raw inserts and a verify done)%n", WARMUP);

    Path ledgerDb = dir.resolve("ledger.db");
    double appendSeconds;
    long batches;
    try (LedgerStore store = TestLedger.openStore(ledgerDb);
        Sequencer sequencer = Sequencer.start(store, signer, Clock.systemUTC(), SequencerSettings.defaults())) {
      appendSeconds = appendAll(sequencer, entries, appenders, true);
      batches = sequencer.batchesWritten();
    }
    System.out.printf(Locale.ROOT, "sequencer: %,d appends in %.2f s = %,.0f appends/s (%,d group commits, %.0f entries each)%n",
        entries, appendSeconds, entries / appendSeconds, batches, (double) entries / batches);

    double rawSeconds = rawBaseline(ledgerDb, dir.resolve("raw.db"));
    System.out.printf(Locale.ROOT, "raw SQLite baseline: same %,d leaf blobs, same %,d commits, synchronous=FULL: %.2f s = %,.0f rows/s%n",
        entries, batches, rawSeconds, entries / rawSeconds);
    System.out.printf(Locale.ROOT, "sequencer / raw = %.2f%n", rawSeconds / appendSeconds);

    double sameRowsSeconds = SameRowsBaseline.load(ledgerDb).write(dir.resolve("same-rows.db"));
    System.out.printf(Locale.ROOT, "same-rows SQLite baseline: every row the sequencer wrote, same schema, same %,d commits: %.2f s = %,.0f entries/s%n",
        batches, sameRowsSeconds, entries / sameRowsSeconds);
    System.out.printf(Locale.ROOT, "sequencer / same-rows = %.2f%n", sameRowsSeconds / appendSeconds);

    // Twice: the first pass is what one `verify` run in a fresh process sees after the warm-up
    // above; the second shows the steady state once the JIT has compiled all of verify's paths.
    System.gc();
    for (String pass : List.of("first pass", "second pass")) {
      long started = System.nanoTime();
      VerificationResult result;
      try (LedgerStore store = TestLedger.openStore(ledgerDb)) {
        result = new LedgerVerifier(store, signer.verifierKey()).verify();
      }
      double verifySeconds = (System.nanoTime() - started) / 1e9;
      System.out.printf(Locale.ROOT, "verify (%s): %,d leaves, %,d checkpoints in %.2f s = %,.0f leaves/s (%s)%n",
          pass, result.entries(), result.checkpoints(), verifySeconds,
          result.entries() / verifySeconds,
          result.isIntact() ? "intact" : "BROKEN: " + result.problem());
    }
    System.out.printf(Locale.ROOT, "database: %,d bytes%n", Files.size(ledgerDb));
  }

  private static double appendAll(
      Sequencer sequencer, long entries, int appenders, boolean reportMemory) throws Exception {
    MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    AtomicLong acknowledged = new AtomicLong();
    CountDownLatch done = new CountDownLatch(appenders);
    long perAppender = entries / appenders;
    Thread monitor = new Thread(() -> {
      // Live heap after a full GC at every 20% of the run: flat means memory does not grow with
      // the log. (The GC pauses the run briefly; it is the same for every figure.)
      for (long mark = entries / 5; mark <= entries; mark += entries / 5) {
        while (acknowledged.get() < mark) {
          sleep(20);
        }
        System.gc();
        System.out.printf(Locale.ROOT, "  %,d acknowledged, live heap after GC %,d MB%n",
            acknowledged.get(), memory.getHeapMemoryUsage().getUsed() >> 20);
      }
    }, "memory-monitor");
    monitor.setDaemon(true);
    long started = System.nanoTime();
    if (reportMemory && entries >= 5) {
      monitor.start();
    }
    for (int a = 0; a < appenders; a++) {
      int appender = a;
      Thread thread = new Thread(() -> {
        // Each appender keeps a bounded number of appends in flight, like a pool of HTTP clients.
        Semaphore window = new Semaphore(512);
        for (long i = 0; i < perAppender; i++) {
          window.acquireUninterruptibly();
          PreparedEvent event = TestLedger.prepared("b" + appender + "-" + i,
              "child-" + ((i * 7 + appender) % 20_000), "worker-" + ((i + appender) % 600));
          sequencer.append(event).whenComplete((r, e) -> {
            window.release();
            if (e != null) {
              throw new IllegalStateException(e);
            }
            acknowledged.incrementAndGet();
          });
        }
        window.acquireUninterruptibly(512);
        done.countDown();
      }, "appender-" + a);
      thread.start();
    }
    done.await();
    return (System.nanoTime() - started) / 1e9;
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Inserts the ledger's own leaf bytes into a bare table, committing where the sequencer did. */
  private static double rawBaseline(Path ledgerDb, Path rawDb) throws Exception {
    List<Long> commitSizes = new ArrayList<>();
    List<byte[]> leaves = new ArrayList<>();
    try (LedgerStore store = TestLedger.openStore(ledgerDb);
        LedgerSnapshot snapshot = store.snapshot()) {
      for (StoredCheckpoint c : snapshot.checkpointsAfter(0, Integer.MAX_VALUE)) {
        commitSizes.add(c.size());
      }
      try (Stream<StoredLeaf> stream = snapshot.leaves(0, Long.MAX_VALUE)) {
        stream.forEach(leaf -> leaves.add(leaf.leaf()));
      }
    }
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + rawDb)) {
      try (Statement s = c.createStatement()) {
        s.execute("PRAGMA page_size=" + SqliteDataSources.NEW_DATABASE_PAGE_SIZE); // as the ledger's
        s.execute("PRAGMA journal_mode=WAL");
        s.execute("PRAGMA synchronous=FULL");
        s.execute("PRAGMA wal_autocheckpoint=" // as the ledger's own connections
            + SqliteDataSources.walAutocheckpointPages(SqliteDataSources.NEW_DATABASE_PAGE_SIZE));
        s.execute("PRAGMA journal_size_limit=" + SqliteDataSources.walSizeLimitBytes());
        s.execute("CREATE TABLE raw (seq INTEGER PRIMARY KEY, leaf BLOB NOT NULL)");
      }
      c.setAutoCommit(false);
      long started = System.nanoTime();
      try (PreparedStatement insert = c.prepareStatement("INSERT INTO raw (seq, leaf) VALUES (?, ?)")) {
        Iterator<Long> ends = commitSizes.iterator();
        long end = ends.next();
        for (int seq = 0; seq < leaves.size(); seq++) {
          insert.setLong(1, seq);
          insert.setBytes(2, leaves.get(seq));
          insert.addBatch();
          if (seq + 1 == end) {
            insert.executeBatch();
            c.commit();
            end = ends.hasNext() ? ends.next() : Long.MAX_VALUE;
          }
        }
        insert.executeBatch();
        c.commit();
      }
      return (System.nanoTime() - started) / 1e9;
    }
  }
}
