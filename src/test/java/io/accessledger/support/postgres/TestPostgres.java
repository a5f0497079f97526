package io.accessledger.support.postgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/**
 * A real, throwaway PostgreSQL server for the tests: one cluster per test JVM, made with Debian's
 * {@code initdb} in a temporary directory, started with {@code pg_ctl} on a free loopback port,
 * and stopped (and deleted) when the JVM exits. Each test takes a fresh database of its own
 * ({@link #newDatabase}), so tests never see each other's rows.
 *
 * <p>PostgreSQL refuses to run as root, and CI runs as root: then every PostgreSQL command runs as
 * {@code nobody} through {@code setpriv}, in a directory given to that user. Under {@code CI=true}
 * a machine without the binaries fails the test (`.ci/run` installs them); elsewhere the test is
 * skipped, saying why.
 *
 * <p>Host connections need a password (SCRAM); the superuser's is random and known only here.
 */
public final class TestPostgres {
  private static final Object LOCK = new Object();
  private static TestPostgres shared;

  private final Path binDir;
  private final Path dir;
  private final int port;
  private final String superPassword;
  private final boolean asNobody;
  private final AtomicInteger databases = new AtomicInteger();

  private TestPostgres(Path binDir, Path dir, int port, String superPassword, boolean asNobody) {
    this.binDir = binDir;
    this.dir = dir;
    this.port = port;
    this.superPassword = superPassword;
    this.asNobody = asNobody;
  }

  /** The cluster of this test JVM, started on first use. */
  public static TestPostgres shared() {
    synchronized (LOCK) {
      if (shared == null) {
        shared = start();
      }
      return shared;
    }
  }

  /** A fresh, empty database with its own owner and server roles; see {@link TestDatabase}. */
  public TestDatabase newDatabase() {
    int n = databases.incrementAndGet();
    String name = "ledger_" + n;
    String owner = "owner_" + n;
    String app = "app_" + n;
    String ownerPassword = randomPassword();
    String appPassword = randomPassword();
    superuser("postgres",
        "CREATE ROLE " + owner + " LOGIN PASSWORD '" + ownerPassword + "'",
        "CREATE ROLE " + app + " LOGIN PASSWORD '" + appPassword + "'",
        "CREATE DATABASE " + name + " OWNER " + owner);
    TestDatabase database = new TestDatabase(this, "jdbc:postgresql://127.0.0.1:" + port + "/"
        + name, name, owner, ownerPassword, app, appPassword);
    // What the README tells a DBA to run: the server's role may read and add rows, nothing else.
    superuser(name, database.serverGrants().toArray(String[]::new));
    return database;
  }

  /** Runs {@code sql} as the cluster's superuser in {@code database}, one statement at a time. */
  public void superuser(String database, String... sql) {
    try (Connection c = DriverManager.getConnection(
            "jdbc:postgresql://127.0.0.1:" + port + "/" + database, "postgres", superPassword);
        Statement s = c.createStatement()) {
      for (String statement : sql) {
        s.execute(statement);
      }
    } catch (SQLException e) {
      throw new IllegalStateException("superuser SQL failed: " + e.getMessage(), e);
    }
  }

  /** The loopback port the server listens on. */
  public int port() {
    return port;
  }

  private static TestPostgres start() {
    Path binDir = findBinaries();
    boolean asNobody = "root".equals(System.getProperty("user.name"));
    try {
      Path dir = Files.createTempDirectory("access-ledger-pg",
          PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
      String password = randomPassword();
      Path passwordFile = dir.resolve("superuser.pw");
      Files.writeString(passwordFile, password + "\n", StandardCharsets.US_ASCII);
      if (asNobody) {
        UserPrincipalLookupService users = dir.getFileSystem().getUserPrincipalLookupService();
        Files.setOwner(dir, users.lookupPrincipalByName("nobody"));
        Files.setOwner(passwordFile, users.lookupPrincipalByName("nobody"));
      }
      int port = freePort();
      TestPostgres server = new TestPostgres(binDir, dir, port, password, asNobody);
      server.run(60, "initdb", "-D", dir.resolve("data").toString(), "-U", "postgres",
          "--auth-local=trust", "--auth-host=scram-sha-256", "--pwfile=" + passwordFile,
          "-E", "UTF8", "--no-locale", "--no-sync");
      server.run(60, "pg_ctl", "-D", dir.resolve("data").toString(),
          "-l", dir.resolve("server.log").toString(), "-w", "-t", "60", "-o",
          "-p " + port + " -k " + dir + " -c listen_addresses=127.0.0.1 -c max_connections=300"
              + " -c fsync=on -c synchronous_commit=on",
          "start");
      Runtime.getRuntime().addShutdownHook(new Thread(server::stop, "test-postgres-stop"));
      return server;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start the test PostgreSQL server", e);
    }
  }

  private void stop() {
    try {
      run(30, "pg_ctl", "-D", dir.resolve("data").toString(), "-m", "immediate", "stop");
    } catch (RuntimeException e) {
      // The JVM is exiting; the directory is deleted below in any case.
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // A temporary directory left behind.
    }
  }

  private void run(int timeoutSeconds, String program, String... args) {
    List<String> command = new ArrayList<>();
    if (asNobody) {
      command.addAll(List.of("setpriv", "--reuid=nobody", "--regid=nogroup", "--clear-groups"));
    }
    command.add(binDir.resolve(program).toString());
    command.addAll(List.of(args));
    try {
      Process process = new ProcessBuilder(command).directory(dir.toFile())
          .redirectErrorStream(true).start();
      byte[] output = process.getInputStream().readAllBytes();
      if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS) || process.exitValue() != 0) {
        process.destroyForcibly();
        throw new IllegalStateException(String.join(" ", command) + " failed:\n"
            + new String(output, StandardCharsets.UTF_8) + serverLog());
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot run " + command, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted running " + command, e);
    }
  }

  private String serverLog() {
    try {
      Path log = dir.resolve("server.log");
      return Files.exists(log) ? "\nserver log:\n" + Files.readString(log) : "";
    } catch (IOException e) {
      return "";
    }
  }

  /** Debian's PostgreSQL 15 binaries; skips the test without them, but fails it under CI. */
  private static Path findBinaries() {
    Path bin = Path.of(System.getenv().getOrDefault("LEDGER_TEST_PG_BIN",
        "/usr/lib/postgresql/15/bin"));
    boolean present = Files.isExecutable(bin.resolve("initdb"))
        && Files.isExecutable(bin.resolve("pg_ctl")) && Files.isExecutable(bin.resolve("postgres"));
    if (!present) {
      String why = "PostgreSQL 15's binaries are not in " + bin
          + " (apt-get install postgresql-15, as .ci/run does)";
      if ("true".equals(System.getenv("CI"))) {
        throw new IllegalStateException(why + ": under CI=true the PostgreSQL tests must run");
      }
      Assumptions.abort(why);
    }
    return bin;
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  private static String randomPassword() {
    byte[] bytes = new byte[16];
    new SecureRandom().nextBytes(bytes);
    return HexFormat.of().formatHex(bytes);
  }
}
