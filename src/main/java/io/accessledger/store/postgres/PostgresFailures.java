package io.accessledger.store.postgres;

import io.accessledger.store.LedgerDiskFullException;
import io.accessledger.store.StaleTailException;
import io.accessledger.store.StoreException;
import java.sql.SQLException;
import java.util.Set;

/**
 * Turns PostgreSQL's errors into the store's: a full disk ({@code 53100}) into {@link
 * LedgerDiskFullException}; a unique violation on the checkpoint fence or on a leaf's {@code seq}
 * (another node extended the same checkpoint first), a deadlock or a serialization failure into
 * {@link StaleTailException}, which the writer answers by building the batch again; anything
 * else into {@link StoreException}. Every message says what happened to the operation.
 */
final class PostgresFailures {
  /** Constraints whose violation means another writer appended at the same place first. */
  private static final Set<String> FENCES =
      Set.of("checkpoints_prev_size_key", "checkpoints_pkey", "leaves_pkey");

  private PostgresFailures() {}

  static RuntimeException translate(String what, Exception e, String consequence) {
    SQLException sql = sqlCause(e);
    String state = sql == null ? null : sql.getSQLState();
    String message = what + " failed: " + (sql == null ? e.getMessage() : sql.getMessage())
        + "; " + consequence;
    if ("53100".equals(state)) {
      return new LedgerDiskFullException(what + " found PostgreSQL's disk full; " + consequence,
          e);
    }
    if ("40P01".equals(state) || "40001".equals(state)
        || ("23505".equals(state) && isFence(constraint(sql)))) {
      return new StaleTailException(what + " lost to another node's append ("
          + sql.getMessage() + "); " + consequence, e);
    }
    return new StoreException(message, e);
  }

  private static boolean isFence(String constraint) {
    return constraint != null && FENCES.contains(constraint);
  }

  private static SQLException sqlCause(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof SQLException sql) {
        return sql;
      }
    }
    return null;
  }

  private static String constraint(SQLException e) {
    if (e instanceof org.postgresql.util.PSQLException psql
        && psql.getServerErrorMessage() != null) {
      return psql.getServerErrorMessage().getConstraint();
    }
    return null;
  }
}
