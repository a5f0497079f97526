package io.accessledger.cli;

import io.accessledger.support.TestLedger;
import io.accessledger.support.postgres.TestDatabase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Config files for commands run in this JVM ({@code CliRunner}) on a PostgreSQL database: the
 * environment cannot be set in-process, so the database's URL, user and password are written into
 * the file, as an operator may do in a file only the service can read.
 */
final class PostgresConfig {
  private PostgresConfig() {}

  /** {@code <dir>/<name>.yml}: the ledger in {@code db} as the server's role, keys in dataDir. */
  static Path asServer(Path dir, String name, Path dataDir, TestDatabase db) throws IOException {
    return write(dir, name, dataDir, db.url(), db.app(), db.appPassword());
  }

  /** As {@link #asServer}, as the schema's owner. */
  static Path asOwner(Path dir, String name, Path dataDir, TestDatabase db) throws IOException {
    return write(dir, name, dataDir, db.url(), db.owner(), db.ownerPassword());
  }

  static Path write(Path dir, String name, Path dataDir, String url, String user,
      String password) throws IOException {
    Path config = dir.resolve(name + ".yml");
    Files.writeString(config, String.join("\n",
        "server:",
        "  applicationConnectors: [{type: http, port: 0}]",
        "  adminConnectors: [{type: http, port: 0}]",
        "ledger:",
        "  dataDir: '" + dataDir + "'",
        "  origin: " + TestLedger.ORIGIN,
        "  database:",
        "    url: '" + url + "'",
        "    user: " + user,
        "    password: " + password,
        "logging:",
        "  level: WARN",
        ""));
    return config;
  }
}
