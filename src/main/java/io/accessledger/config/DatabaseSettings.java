package io.accessledger.config;

import com.codahale.metrics.MetricRegistry;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.accessledger.store.StoreException;
import io.accessledger.store.postgres.PostgresDataSources;
import io.accessledger.store.postgres.PostgresMigrations;
import io.dropwizard.db.ManagedDataSource;
import java.util.function.Function;
import javax.sql.DataSource;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The {@code ledger.database:} section: which database holds the ledger and the API clients.
 * With no {@code url} (config.yml reads it from {@code LEDGER_DATABASE_URL}, empty by default) they
 * are SQLite files in the data directory, as they always were; with a {@code jdbc:postgresql://}
 * URL they are in that PostgreSQL database, shared by every node and command that names it.
 *
 * <p><b>The password</b> is taken from {@code password} when a config file sets it, else from the
 * environment variable {@value #PASSWORD_VARIABLE} at the moment a pool is built: the shipped
 * config.yml does not substitute it into the YAML, because a password with YAML's special
 * characters would be misread there, and the parser's error would print the line holding it. It
 * MUST NOT be logged, printed or serialized: it has no getter, no {@code toString} shows it, and
 * {@link #describe} names the database without it (or any URL parameter, which may carry one).
 */
public class DatabaseSettings {
  /** The variable the password is read from when the file gives none. */
  public static final String PASSWORD_VARIABLE = "LEDGER_DATABASE_PASSWORD";
  static final String URL_VARIABLE = "LEDGER_DATABASE_URL";

  private String url;
  private String user;
  private String password;
  private Function<String, String> environment = System::getenv;

  @JsonProperty
  public String getUrl() {
    return url;
  }

  /**
   * @param url empty or null for SQLite, else a {@code jdbc:postgresql://} URL
   * @throws IllegalArgumentException naming {@value #URL_VARIABLE} for any other URL, so that the
   *     start stops; the message shows only the URL's scheme, which holds no credential
   */
  @JsonProperty
  public void setUrl(String url) {
    String given = url == null ? "" : url.strip();
    if (!given.isEmpty() && !given.startsWith(PostgresDataSources.URL_PREFIX)) {
      int scheme = given.indexOf("//");
      throw new IllegalArgumentException(URL_VARIABLE + " (ledger.database.url) must be a"
          + " PostgreSQL JDBC URL such as " + PostgresDataSources.URL_PREFIX
          + "db.example.org:5432/ledger, or empty for SQLite in the data directory; the one"
          + " given starts " + (scheme < 0 ? "with no scheme" : "\"" + given.substring(0, scheme + 2)
              + "\""));
    }
    this.url = given.isEmpty() ? null : given;
  }

  @JsonProperty
  public String getUser() {
    return user;
  }

  @JsonProperty
  public void setUser(String user) {
    this.user = user == null || user.isBlank() ? null : user.strip();
  }

  /** Write-only: there is no getter, so nothing that serializes the configuration can show it. */
  @JsonProperty
  public void setPassword(String password) {
    this.password = password == null || password.isEmpty() ? null : password;
  }

  /** Where the password comes from when the file gives none; for tests. */
  void setEnvironment(Function<String, String> environment) {
    this.environment = environment;
  }

  /** True when the ledger and the clients are in PostgreSQL. */
  public boolean isPostgres() {
    return url != null;
  }

  /**
   * A pool of up to {@code maxConnections} connections to the database, registered in
   * {@code metrics} as {@code name}.
   *
   * @throws IllegalStateException if the database is not PostgreSQL
   */
  public ManagedDataSource buildPool(MetricRegistry metrics, int maxConnections, String name) {
    if (!isPostgres()) {
      throw new IllegalStateException("no PostgreSQL database is configured (" + URL_VARIABLE
          + " is unset)");
    }
    return PostgresDataSources.pooled(url, user, password(), metrics, maxConnections, name);
  }

  /**
   * A data source without a pool whose connections are read-only in the database's own terms
   * (pgjdbc's {@code readOnly} with {@code readOnlyMode=always}: every transaction, autocommit
   * ones included, is READ ONLY), for commands that only check the ledger. Nothing to close.
   */
  public DataSource buildReadOnly() {
    PGSimpleDataSource source = unpooled();
    source.setReadOnly(true);
    source.setReadOnlyMode("always");
    return source;
  }

  /**
   * The highest migration of {@code component} applied to the database, 0 when none is: whether
   * a schema exists, asked without creating or migrating anything.
   *
   * @throws StoreException if the database cannot be reached
   */
  public int appliedVersion(String component) {
    try {
      return PostgresMigrations.appliedVersion(
          Jdbi.create(buildReadOnly()), component);
    } catch (JdbiException e) {
      throw new StoreException("cannot read the " + describe() + ": "
          + (e.getCause() == null ? e.getMessage() : e.getCause().getMessage()), e);
    }
  }

  private PGSimpleDataSource unpooled() {
    if (!isPostgres()) {
      throw new IllegalStateException("no PostgreSQL database is configured (" + URL_VARIABLE
          + " is unset)");
    }
    PGSimpleDataSource source = new PGSimpleDataSource();
    source.setURL(url);
    if (user != null) {
      source.setUser(user);
    }
    String secret = password();
    if (secret != null) {
      source.setPassword(secret);
    }
    source.setApplicationName("access-ledger");
    return source;
  }

  private String password() {
    if (password != null) {
      return password;
    }
    String fromEnvironment = environment.apply(PASSWORD_VARIABLE);
    return fromEnvironment == null || fromEnvironment.isEmpty() ? null : fromEnvironment;
  }

  /**
   * The database in words for messages and logs: the URL without its parameters or anything
   * before an {@code @} (either may hold a password) and the user, never the password.
   */
  public String describe() {
    if (!isPostgres()) {
      return "SQLite";
    }
    int parameters = url.indexOf('?');
    String bare = parameters < 0 ? url : url.substring(0, parameters);
    int credentials = bare.lastIndexOf('@');
    if (credentials >= 0) {
      // pgjdbc takes no user:password@ in its URLs, but a mistaken one must not be printed either.
      bare = PostgresDataSources.URL_PREFIX + bare.substring(credentials + 1);
    }
    return "PostgreSQL " + bare + (user == null ? "" : " as " + user);
  }

  @Override
  public String toString() {
    return "DatabaseSettings[" + describe() + "]";
  }
}
