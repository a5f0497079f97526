package io.accessledger.store.sqlite;

import com.codahale.metrics.MetricRegistry;
import io.dropwizard.db.DataSourceFactory;
import io.dropwizard.db.ManagedDataSource;
import java.nio.file.Path;
import java.util.Map;

/**
 * Builds the pooled SQLite data source the ledger runs on.
 *
 * <p>Every connection gets the pragmas the ledger's guarantees rest on: WAL journaling (readers never
 * block the writer), {@code synchronous=FULL} (a commit is fsynced to the WAL before it returns, so
 * an acknowledged append survives power loss, not only process death), immediate transactions (a
 * writer takes the write lock at BEGIN, so two writers cannot interleave), and a busy timeout.
 */
public final class SqliteDataSources {
  private SqliteDataSources() {}

  /**
   * Unpooled read-only connections to an existing {@code file}: for checking evidence, which must
   * never change the file it checks (not even by migrating it), and may be a read-only copy.
   */
  public static javax.sql.DataSource readOnly(Path file) {
    org.sqlite.SQLiteConfig config = new org.sqlite.SQLiteConfig();
    config.setReadOnly(true);
    config.setBusyTimeout(10_000);
    org.sqlite.SQLiteDataSource dataSource = new org.sqlite.SQLiteDataSource(config);
    dataSource.setUrl("jdbc:sqlite:" + file.toAbsolutePath());
    return dataSource;
  }

  /** A pool of up to {@code maxConnections} connections to {@code file}, which is created if absent. */
  public static ManagedDataSource pooled(Path file, MetricRegistry metrics, int maxConnections) {
    DataSourceFactory factory = new DataSourceFactory();
    factory.setDriverClass("org.sqlite.JDBC");
    factory.setUrl("jdbc:sqlite:" + file.toAbsolutePath());
    factory.setUser("");
    factory.setPassword("");
    factory.setProperties(
        Map.of(
            "journal_mode", "WAL",
            "synchronous", "FULL",
            "transaction_mode", "IMMEDIATE",
            "busy_timeout", "10000",
            "cache_size", "-65536",
            "foreign_keys", "true",
            // So that INSERT OR REPLACE, which deletes the old row, fires the DELETE triggers.
            "recursive_triggers", "true"));
    factory.setInitialSize(1);
    factory.setMinSize(1);
    factory.setMaxSize(maxConnections);
    factory.setValidationQuery("SELECT 1");
    // Copy the WAL back into the database every 64 MiB rather than SQLite's 4 MiB: the per-key
    // index pages that many group commits touch are then copied back once, not once per commit
    // (about 20% more appends per second in scripts/bench; 4x the WAL size gained nothing more).
    factory.setInitializationQuery("PRAGMA wal_autocheckpoint = 16384");
    factory.setAutoCommitByDefault(true);
    return factory.build(metrics, "sqlite");
  }
}
