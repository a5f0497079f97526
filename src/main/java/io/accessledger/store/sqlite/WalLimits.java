package io.accessledger.store.sqlite;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * How large the ledger's write-ahead log may grow, and cutting it back after a failed write.
 *
 * <p>SQLite appends every commit's pages to the WAL, and once the WAL holds
 * {@code wal_autocheckpoint} pages the committing connection copies them back into the database
 * (a checkpoint). The WAL file is then reused from its start but keeps its size, unless
 * {@code journal_size_limit} cuts it back. With 32 KiB pages a single-event commit writes about
 * 200 KiB of WAL (the last page of each table and index it touches), so the WAL, not the ledger,
 * is what fills a small disk: a fixed 64 MiB threshold let the WAL take all of a 20 MiB
 * filesystem after under a hundred posts. So the threshold follows the disk ({@link #bytes}) and
 * the file is cut back to it.
 */
final class WalLimits {
  /** The threshold on a disk with room: measured the fastest (see {@link SqliteDataSources}). */
  static final long MAX_BYTES = 64L << 20;

  /** The smallest threshold: below it checkpoints would run every few commits. */
  static final long MIN_BYTES = 1L << 20;

  /** The share of the free space the WAL may take, as 1 / this. */
  static final int FREE_SPACE_SHARE = 8;

  /**
   * The pages the smallest commit rewrites, whatever it holds: the last page of each table and
   * index it touches (measured: 6 to 7 of 32 KiB for one event).
   */
  static final int PAGES_PER_COMMIT = 8;

  /** The header SQLite writes before each page in the WAL. */
  static final int FRAME_HEADER = 24;

  /** How long a cut-back after a failure waits for readers still on the WAL. */
  static final int CUT_BACK_WAIT_MILLIS = 2_000;

  private WalLimits() {}

  /**
   * The WAL size at which SQLite checkpoints, and to which its file is cut back: {@link #MAX_BYTES}
   * where the disk has room (more than 512 MiB free when the ledger opens), else an eighth of the
   * space free then; never more than a nonzero free-space reserve, since a checkpoint may grow the
   * database by as much as the WAL holds and the reserve is the space sure to be free; never less
   * than {@link #MIN_BYTES}. Sized once, at open: a disk that fills later keeps the threshold, and
   * the reserve (checked before every batch) is what protects it.
   *
   * @param usableBytes the free space on the database's filesystem, or -1 if unknown
   * @param reserveBytes the ledger's free-space reserve; 0 when there is none
   */
  static long bytes(long usableBytes, long reserveBytes) {
    long limit = MAX_BYTES;
    if (usableBytes >= 0) {
      limit = Math.min(limit, usableBytes / FREE_SPACE_SHARE);
    }
    if (reserveBytes > 0) {
      limit = Math.min(limit, reserveBytes);
    }
    return Math.max(MIN_BYTES, limit);
  }

  /**
   * About how much WAL a commit of {@code payloadBytes} writes, erring high: twice the payload in
   * pages, for the indexes and page slack, plus the {@link #PAGES_PER_COMMIT} any commit
   * rewrites, each page with its frame header.
   */
  static long commitBytes(long payloadBytes, int pageSize) {
    long pages = (2 * payloadBytes + pageSize - 1) / pageSize + PAGES_PER_COMMIT;
    return pages * (pageSize + FRAME_HEADER);
  }

  /** {@code bytes} of WAL in pages of {@code pageSize} bytes, as {@code wal_autocheckpoint} counts. */
  static long pages(long bytes, int pageSize) {
    return Math.max(1, bytes / pageSize);
  }

  /**
   * Copies what the WAL holds committed into the database and truncates the WAL file to nothing,
   * waiting at most {@link #CUT_BACK_WAIT_MILLIS} for readers still using it. Run after a failed
   * append: the pages a failed commit wrote (as much as the whole batch, tens of MiB for a large
   * extract) would otherwise keep their space until the next successful commit. Needs room for
   * the database to grow by what the WAL holds committed; without it, or while a reader stays,
   * the WAL is left as it is, and {@code journal_size_limit} cuts it back after a later commit.
   *
   * @param c a connection in autocommit mode, outside any transaction; its busy timeout is
   *     restored to {@code busyTimeoutMillis}
   * @return whether the WAL was truncated
   */
  static boolean cutBack(Connection c, int busyTimeoutMillis) throws SQLException {
    try (Statement s = c.createStatement()) {
      s.execute("PRAGMA busy_timeout = " + CUT_BACK_WAIT_MILLIS);
      try (ResultSet rs = s.executeQuery("PRAGMA wal_checkpoint(TRUNCATE)")) {
        // One row: busy (1 when a reader or writer kept the checkpoint from finishing), the WAL's
        // frames, the frames copied back.
        return rs.next() && rs.getInt(1) == 0;
      } finally {
        s.execute("PRAGMA busy_timeout = " + busyTimeoutMillis);
      }
    }
  }
}
