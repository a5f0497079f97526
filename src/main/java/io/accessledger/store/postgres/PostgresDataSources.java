package io.accessledger.store.postgres;

import com.codahale.metrics.MetricRegistry;
import io.dropwizard.db.DataSourceFactory;
import io.dropwizard.db.ManagedDataSource;
import java.util.Map;

/**
 * Builds the pooled PostgreSQL data source a node runs on: Dropwizard's pool (tomcat-jdbc, as for
 * SQLite) over PostgreSQL's own JDBC driver.
 *
 * <p>Every connection is opened with {@code synchronous_commit=on}, whatever the server's or the
 * role's default: a commit returns only once its WAL record is flushed to disk (and to any
 * synchronous standby), which is what "an acknowledgement means durable" rests on. Connections
 * auto-commit by default and are read-committed; a store takes a stronger level where a read
 * needs one (a snapshot is repeatable read). Batched inserts are rewritten into multi-row
 * statements by the driver ({@code reWriteBatchedInserts}), which the group commit's many small
 * rows need to be fast.
 */
public final class PostgresDataSources {
  /** The prefix of every URL this backend takes. */
  public static final String URL_PREFIX = "jdbc:postgresql://";

  private PostgresDataSources() {}

  /**
   * A pool of one to {@code maxConnections} connections to {@code url} as {@code user}.
   *
   * @param name the pool's name in the metrics
   * @throws IllegalArgumentException if {@code url} is not a {@code jdbc:postgresql://} URL
   */
  public static ManagedDataSource pooled(String url, String user, String password,
      MetricRegistry metrics, int maxConnections, String name) {
    return poolOf(url, user, password, maxConnections).build(metrics, name);
  }

  /** The pool's factory, for callers that set more on it before building. */
  public static DataSourceFactory poolOf(
      String url, String user, String password, int maxConnections) {
    if (url == null || !url.startsWith(URL_PREFIX)) {
      throw new IllegalArgumentException("a PostgreSQL database URL must start with "
          + URL_PREFIX + ", not " + (url == null ? "nothing" : "\"" + url + "\""));
    }
    DataSourceFactory factory = new DataSourceFactory();
    factory.setDriverClass("org.postgresql.Driver");
    factory.setUrl(url);
    factory.setUser(user == null ? "" : user);
    factory.setPassword(password == null ? "" : password);
    factory.setProperties(Map.of(
        // -c options are applied by the server when the session starts, before any statement.
        "options", "-c synchronous_commit=on",
        "reWriteBatchedInserts", "true",
        "ApplicationName", "access-ledger",
        // A dead node's half-open connections must not hold locks for long.
        "tcpKeepAlive", "true"));
    factory.setInitialSize(1);
    factory.setMinSize(1);
    factory.setMaxSize(maxConnections);
    factory.setValidationQuery("SELECT 1");
    factory.setAutoCommitByDefault(true);
    return factory;
  }
}
