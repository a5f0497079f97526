package io.accessledger.store.postgres;

import io.accessledger.store.StoreException;
import io.accessledger.store.WriteTurn;
import java.sql.SQLException;
import java.sql.Statement;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * A node's turn at the tail of a PostgreSQL ledger: a session-level advisory lock held on a
 * connection of the node's pool from before its writer builds a batch until the batch is
 * committed. PostgreSQL queues waiters on a lock in order, so nodes under load take turns rather
 * than one of them losing every race to the fence.
 *
 * <p>Only an optimisation (see {@link WriteTurn}): the fence in {@link PostgresAppend} keeps the
 * log whole with or without it. So a turn not had within {@link #WAIT_MILLIS} (a node stalled
 * holding it) is given up and the writer goes on without one, and a turn whose release fails is
 * left to end with its session. The lock needs no privilege beyond connecting.
 */
final class PostgresWriteTurn implements WriteTurn {
  /** The advisory lock key of write turns: any fixed number no other code uses. */
  static final long LOCK = 0x6163636573735754L; // "accessWT"

  /** How long a writer waits for its turn before going on without one. */
  static final int WAIT_MILLIS = 2_000;

  private final Handle handle;

  private PostgresWriteTurn(Handle handle) {
    this.handle = handle;
  }

  /**
   * Waits for the turn on a connection of {@code jdbi}'s pool, up to {@link #WAIT_MILLIS}.
   *
   * @return the turn, or {@link WriteTurn#NONE} when the wait timed out
   * @throws StoreException if the database cannot be reached
   */
  static WriteTurn await(Jdbi jdbi) {
    Handle handle = jdbi.open();
    try {
      // A session setting on a pooled connection: set for the wait, and reset after it.
      run(handle, "SELECT set_config('lock_timeout', '" + WAIT_MILLIS + "ms', false)");
      try {
        run(handle, "SELECT pg_advisory_lock(" + LOCK + ")");
        return new PostgresWriteTurn(handle);
      } catch (RuntimeException e) {
        if (!lockTimedOut(e)) {
          throw e;
        }
        handle.close(); // the failed statement ended the wait; nothing is held
        return WriteTurn.NONE;
      } finally {
        if (!handle.isClosed()) {
          run(handle, "RESET lock_timeout");
        }
      }
    } catch (RuntimeException e) {
      handle.close();
      throw new StoreException("cannot take a write turn on the ledger: " + e.getMessage(), e);
    }
  }

  /** Runs a fixed statement (its result, if any, unread) on the turn's connection. */
  private static void run(Handle handle, String sql) {
    try (Statement statement = handle.getConnection().createStatement()) {
      statement.execute(sql);
    } catch (SQLException e) {
      throw new StoreException(sql + " failed: " + e.getMessage(), e);
    }
  }

  private static boolean lockTimedOut(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof SQLException sql && "55P03".equals(sql.getSQLState())) {
        return true; // lock_not_available
      }
    }
    return false;
  }

  /** Other nodes take turns too: the writer checks the stored size before it builds. */
  @Override
  public boolean othersMayHaveAppended() {
    return true;
  }

  @Override
  public void close() {
    try {
      run(handle, "SELECT pg_advisory_unlock(" + LOCK + ")");
    } catch (RuntimeException e) {
      // The lock ends with the session; until then other nodes wait WAIT_MILLIS, then go on.
    } finally {
      handle.close();
    }
  }
}
