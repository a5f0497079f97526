package io.accessledger.store.sqlite;

import io.accessledger.store.DiskReserve;
import io.accessledger.store.LedgerDiskFullException;
import io.accessledger.store.StoreException;
import java.io.IOException;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.Optional;
import java.util.Set;
import org.jdbi.v3.core.Jdbi;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/**
 * Turns SQLite's failures into the ledger's: a full disk into {@link LedgerDiskFullException}
 * (answered 503 with {@code Retry-After}), anything else into {@link StoreException}.
 *
 * <p>A full disk is recognised by its error codes, never by the wording of SQLite's messages:
 * {@code SQLITE_FULL}, which SQLite returns when a write finds no room; an {@code SQLITE_IOERR_*}
 * code (SQLite reports {@code ENOSPC} from {@code fsync}, from growing the {@code -shm} index and
 * from truncating as an I/O error, and has no way to say which) while the filesystem holds less
 * than the failed operation needed plus {@link #NEARLY_FULL_BYTES}; and Java's own
 * {@code IOException} for {@code ENOSPC}, whose message is the C library's
 * {@code strerror(ENOSPC)}. The whole chain of causes and suppressed exceptions is searched:
 * Jdbi reports a failed commit as a transaction exception around SQLite's.
 */
final class SqliteFailures {
  /** Free space below which an I/O error counts as a full disk: room for a few small commits. */
  static final long NEARLY_FULL_BYTES = 1L << 20;

  /** What the C library says for {@code ENOSPC}, as Java's file I/O reports it. */
  private static final String NO_SPACE = "No space left on device";

  private final FileStore disk;

  /** @param disk the database's filesystem, or null when it is unknown (I/O errors stay errors) */
  SqliteFailures(FileStore disk) {
    this.disk = disk;
  }

  /** For the main database file of {@code jdbi}'s connections (none known when in memory). */
  static SqliteFailures forDatabaseOf(Jdbi jdbi) {
    String file = jdbi.withHandle(h -> h.createQuery("PRAGMA database_list")
        .map((rs, ctx) -> rs.getString("file")).findFirst().orElse(""));
    try {
      return new SqliteFailures(file.isEmpty() ? null : Files.getFileStore(Path.of(file)));
    } catch (IOException e) {
      return new SqliteFailures(null);
    }
  }

  /**
   * {@code failure} as the ledger's exception.
   *
   * @param what the operation, for the message ("append of batch at seq 12")
   * @param neededBytes about how much the operation would have written; 0 for a read
   * @param consequence what the caller can rely on, for a full disk ("nothing was written")
   */
  RuntimeException translate(String what, Throwable failure, long neededBytes, String consequence) {
    Optional<String> full = diskFullCause(failure, neededBytes);
    if (full.isPresent()) {
      return new LedgerDiskFullException(full.get() + " during the " + what + "; " + consequence
          + ". Free space on the ledger's filesystem: the ledger resumes without a restart", failure);
    }
    return new StoreException(what + " failed: " + failure, failure);
  }

  /** Why {@code failure} is a full disk, or empty when it is something else. */
  Optional<String> diskFullCause(Throwable failure, long neededBytes) {
    Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    Deque<Throwable> pending = new ArrayDeque<>();
    pending.add(failure);
    String ioError = null;
    while (!pending.isEmpty()) {
      Throwable t = pending.poll();
      if (!seen.add(t)) {
        continue;
      }
      if (t instanceof SQLiteException sqlite) {
        SQLiteErrorCode code = sqlite.getResultCode();
        if (code == SQLiteErrorCode.SQLITE_FULL) {
          return Optional.of("SQLite found no room to write (SQLITE_FULL)");
        }
        if (code != null && code.name().startsWith("SQLITE_IOERR") && ioError == null) {
          ioError = code.name();
        }
      } else if (t instanceof IOException && t.getMessage() != null
          && t.getMessage().contains(NO_SPACE)) {
        return Optional.of("writing failed: " + NO_SPACE);
      }
      if (t.getCause() != null) {
        pending.add(t.getCause());
      }
      Collections.addAll(pending, t.getSuppressed());
    }
    if (ioError == null || disk == null) {
      return Optional.empty();
    }
    long usable;
    try {
      usable = disk.getUsableSpace();
    } catch (IOException e) {
      return Optional.empty();
    }
    if (usable >= neededBytes + NEARLY_FULL_BYTES) {
      return Optional.empty();
    }
    return Optional.of("SQLite reported an I/O error (" + ioError + ") with only "
        + DiskReserve.describe(usable) + " free");
  }
}
