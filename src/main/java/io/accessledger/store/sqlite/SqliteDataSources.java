package io.accessledger.store.sqlite;

import com.codahale.metrics.MetricRegistry;
import io.accessledger.store.StoreException;
import io.dropwizard.db.DataSourceFactory;
import io.dropwizard.db.ManagedDataSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;

/**
 * Builds the pooled SQLite data source the ledger runs on.
 *
 * <p>Every connection gets the pragmas the ledger's guarantees rest on: WAL journaling (readers never
 * block the writer), {@code synchronous=FULL} (a commit is fsynced to the WAL before it returns, so
 * an acknowledged append survives power loss, not only process death), immediate transactions (a
 * writer takes the write lock at BEGIN, so two writers cannot interleave), a busy timeout, and a
 * WAL bounded by the disk it is on ({@link WalLimits}).
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
    config.setBusyTimeout(BUSY_TIMEOUT_MILLIS);
    org.sqlite.SQLiteDataSource dataSource = new org.sqlite.SQLiteDataSource(config);
    dataSource.setUrl("jdbc:sqlite:" + file.toAbsolutePath());
    return dataSource;
  }

  /**
   * The page size of a database this code creates. Measured with {@code scripts/bench} (the
   * same-rows baseline: plain SQLite writing exactly the ledger's rows), 32 KiB pages write the
   * ledger about a fifth faster than SQLite's default 4 KiB: each group commit dirties index pages
   * all over the per-key and event-id indexes, and larger pages mean fewer of them and shallower
   * trees. A database made before keeps the page size it was made with.
   */
  public static final int NEW_DATABASE_PAGE_SIZE = 32_768;

  /** Milliseconds a connection waits for another's lock before failing with SQLITE_BUSY. */
  static final int BUSY_TIMEOUT_MILLIS = 10_000;

  /**
   * The WAL the ledger lets grow before SQLite copies it back into the database, on a disk with
   * room ({@link WalLimits#bytes}), in pages of {@code pageSize} bytes.
   */
  public static long walAutocheckpointPages(int pageSize) {
    return WalLimits.pages(WalLimits.MAX_BYTES, pageSize);
  }

  /** The WAL file's size limit ({@code journal_size_limit}) on a disk with room, in bytes. */
  public static long walSizeLimitBytes() {
    return WalLimits.MAX_BYTES;
  }

  /**
   * The page size written in {@code file}'s header (bytes 16-17, big-endian; 1 means 65 536), or
   * {@link #NEW_DATABASE_PAGE_SIZE} when it has no header yet.
   */
  static int pageSize(Path file) {
    try (java.io.InputStream in = Files.newInputStream(file)) {
      byte[] header = in.readNBytes(18);
      if (header.length < 18) {
        return NEW_DATABASE_PAGE_SIZE;
      }
      int size = ((header[16] & 0xff) << 8) | (header[17] & 0xff);
      return size == 1 ? 65_536 : size;
    } catch (java.io.IOException e) {
      throw new StoreException("cannot read the ledger database " + file + ": " + e.getMessage(), e);
    }
  }

  /**
   * A pool of up to {@code maxConnections} connections to {@code file}, which is created if absent,
   * for a ledger that keeps no free-space reserve.
   */
  public static ManagedDataSource pooled(Path file, MetricRegistry metrics, int maxConnections) {
    return pooled(file, metrics, maxConnections, 0);
  }

  /**
   * As {@link #pooled(Path, MetricRegistry, int)}, for a ledger keeping {@code reserveBytes} free
   * on its filesystem: the WAL's checkpoint threshold and file size limit are sized by
   * {@link WalLimits#bytes} from the free space now and the reserve.
   */
  public static ManagedDataSource pooled(
      Path file, MetricRegistry metrics, int maxConnections, long reserveBytes) {
    createIfAbsent(file);
    long walBytes = WalLimits.bytes(usableSpace(file), reserveBytes);
    DataSourceFactory factory = poolOf(file, maxConnections,
        Map.of(
            "journal_mode", "WAL",
            "synchronous", "FULL",
            "transaction_mode", "IMMEDIATE",
            "busy_timeout", String.valueOf(BUSY_TIMEOUT_MILLIS),
            "cache_size", "-65536",
            // After a checkpoint the WAL is reused from its start; this cuts its file back, so a
            // WAL that once grew past the threshold (a large batch) does not keep the space.
            "journal_size_limit", String.valueOf(walBytes),
            // Reads map the file (its first 2 GiB, SQLite's largest mapping) rather than copy
            // each page in: with 32 KiB pages, copying cost a history read about a quarter more
            // CPU (scripts/bench-api). Writes still go through the WAL.
            "mmap_size", "2147418112",
            "foreign_keys", "true",
            // So that INSERT OR REPLACE, which deletes the old row, fires the DELETE triggers.
            "recursive_triggers", "true"));
    // Copy the WAL back into the database every 64 MiB rather than SQLite's 1 000 pages: the
    // per-key index pages that many group commits touch are then copied back once, not once per
    // commit (about 20% more appends per second in scripts/bench at 4 KiB pages; 4x the WAL size
    // gained nothing more). Less on a small disk (WalLimits). The pragma counts pages, so it
    // follows the file's page size.
    factory.setInitializationQuery(
        "PRAGMA wal_autocheckpoint = " + WalLimits.pages(walBytes, pageSize(file)));
    return factory.build(metrics, "sqlite");
  }

  /**
   * A pool of one to {@code maxConnections} auto-committing connections to the SQLite file
   * {@code file}, each opened with {@code pragmas} (the driver applies them to every connection);
   * for this package's ledger database and for other stores' SQLite files alike.
   */
  public static DataSourceFactory poolOf(
      Path file, int maxConnections, Map<String, String> pragmas) {
    DataSourceFactory factory = new DataSourceFactory();
    factory.setDriverClass("org.sqlite.JDBC");
    factory.setUrl("jdbc:sqlite:" + file.toAbsolutePath());
    factory.setUser("");
    factory.setPassword("");
    factory.setProperties(pragmas);
    factory.setInitialSize(1);
    factory.setMinSize(1);
    factory.setMaxSize(maxConnections);
    factory.setValidationQuery("SELECT 1");
    factory.setAutoCommitByDefault(true);
    return factory;
  }

  /** The usable space on {@code file}'s filesystem, or -1 when it cannot be read. */
  static long usableSpace(Path file) {
    try {
      return Files.getFileStore(file).getUsableSpace();
    } catch (java.io.IOException e) {
      return -1;
    }
  }

  /**
   * Makes an empty WAL database with {@link #NEW_DATABASE_PAGE_SIZE} pages, unless {@code file}
   * already holds one. The page size can only be chosen before the file has a header, so this runs
   * before any pooled connection (whose pragmas switch on WAL at once) opens it. An empty file, as
   * {@code LedgerFactory} creates with owner-only permissions, is a database without a header yet.
   */
  private static void createIfAbsent(Path file) {
    try {
      if (Files.exists(file) && Files.size(file) > 0) {
        return;
      }
    } catch (java.io.IOException e) {
      throw new StoreException("cannot read the ledger database " + file + ": " + e.getMessage(), e);
    }
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
        Statement s = c.createStatement()) {
      s.execute("PRAGMA busy_timeout = " + BUSY_TIMEOUT_MILLIS); // another process may make it too
      s.execute("PRAGMA page_size = " + NEW_DATABASE_PAGE_SIZE);
      s.execute("PRAGMA journal_mode = WAL"); // writes the header, fixing the page size
    } catch (SQLException e) {
      throw new StoreException("cannot create the ledger database " + file + ": " + e.getMessage(), e);
    }
  }
}
