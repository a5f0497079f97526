package io.accessledger.bench;

import io.accessledger.support.ServerProcess;
import io.accessledger.support.TempDirs;
import io.accessledger.support.postgres.TestDatabase;
import io.accessledger.support.postgres.TestPostgres;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The several-nodes benchmark ({@code scripts/bench-postgres}), run by hand; prints figures,
 * asserts nothing. In one run on one machine: a throwaway PostgreSQL 15 cluster ({@link
 * TestPostgres}, fsync and synchronous_commit on), two real server processes on it configured
 * through the environment as CONTRACT section 7 says (the owner migrates, the nodes run as the
 * SELECT-and-INSERT role, each with its own data directory and a copy of the key), and the
 * clients in this JVM. It runs {@link ApiBench}'s phases through both nodes (each client thread
 * keeps to one node), then (d) kills one node with SIGKILL while clients post to both and times
 * how soon the other acknowledges a request sent after the kill; then the same phases (a)-(c) on
 * one SQLite node, the embedded default, as the baseline beside them. "others" in the CPU lines
 * includes PostgreSQL's own processes.
 *
 * <p>Usage: {@code scripts/bench-postgres [ENTRIES (1000000)] [BATCH_EVENTS (ENTRIES/5)]
 * [SINGLE_EVENTS (ENTRIES*6/100)] [QUERIES (2000)]}.
 */
public final class ClusterBench {
  private static final ApiBench.Targets POSTGRES = new ApiBench.Targets(10_000, 1_500, 100);
  private static final Pattern TOKEN = Pattern.compile("alt_[A-Za-z0-9_-]+");
  private static final int KILL_CLIENTS = 8;

  private ClusterBench() {}

  public static void main(String[] args) throws Exception {
    long entries = arg(args, 0, 1_000_000);
    long batchEvents = arg(args, 1, entries / 5);
    long singleEvents = arg(args, 2, entries * 6 / 100);
    long queries = arg(args, 3, 2000);
    int subjects = (int) Math.max(1, entries / 50);
    List<String> serverOptions =
        List.of(System.getenv().getOrDefault("SERVER_JAVA_OPTS", "-Xmx1g").trim().split("\\s+"));
    Path dir = Files.createTempDirectory("access-ledger-cluster-bench");
    System.out.printf(Locale.ROOT, "command: scripts/bench-postgres %s%n", String.join(" ", args));
    System.out.printf(Locale.ROOT, "machine: nproc %d, Java %s; server JVMs %s; work dir %s%n",
        Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"),
        serverOptions, dir);
    System.out.printf(Locale.ROOT, "sizes: ledger %,d entries over %,d subjects; batch phase %,d"
        + " events; single phase %,d events; %,d history queries%n",
        entries, subjects, batchEvents, singleEvents, queries);

    TestDatabase db = TestPostgres.shared().newDatabase();
    Map<String, String> owner = env(db.ownerEnv(), dir.resolve("data-a"));
    ServerProcess.runWithEnv(dir, "migrate.out", owner, "migrate", "config.yml");
    try (ServerProcess a = ServerProcess.startWithEnv(dir, "node-a",
            env(db.serverEnv(), dir.resolve("data-a")), serverOptions)) {
      copyKey(dir.resolve("data-a"), dir.resolve("data-b"));
      try (ServerProcess b = ServerProcess.startWithEnv(dir, "node-b",
          env(db.serverEnv(), dir.resolve("data-b")), serverOptions)) {
        Map<String, String> bEnv = env(db.serverEnv(), dir.resolve("data-b"));
        String ingest = token(ServerProcess.runWithEnv(dir, "add-ingest.out", bEnv, "add-client",
            "config.yml", "--name", "bench-ingest", "--role", "ingest", "--source", "bench-lcs"));
        String auditor = token(ServerProcess.runWithEnv(dir, "add-auditor.out", bEnv,
            "add-client", "config.yml", "--name", "bench-auditor", "--role", "auditor"));
        System.out.printf(Locale.ROOT, "postgres: nodes a (pid %d) and b (pid %d) on one"
            + " database%n", a.pid(), b.pid());
        new ApiBench(List.of(a, b), ingest, auditor, subjects, "postgres 2 nodes: ", POSTGRES)
            .run(entries, batchEvents, singleEvents, queries);
        killOne(a, b, ingest);
        b.stop();
      }
    }
    try (Connection c = db.ownerConnection(); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT pg_database_size(current_database())")) {
      rs.next();
      System.out.printf(Locale.ROOT, "postgres: database %,d bytes%n", rs.getLong(1));
    }

    Path sqliteDir = dir.resolve("sqlite");
    Files.createDirectories(sqliteDir);
    try (ServerProcess server =
        ServerProcess.start(sqliteDir, "server", sqliteDir.resolve("data"), serverOptions)) {
      String ingest = ServerProcess.addClient(server.config(), "bench-ingest", "ingest",
          "bench-lcs");
      String auditor = ServerProcess.addClient(server.config(), "bench-auditor", "auditor", null);
      new ApiBench(List.of(server), ingest, auditor, subjects, "sqlite 1 node: ",
          ApiBench.Targets.SQLITE).run(entries, batchEvents, singleEvents, queries);
      server.stop();
      System.out.printf(Locale.ROOT, "sqlite: database %,d bytes%n",
          Files.size(sqliteDir.resolve("data/ledger.db")));
    }
    TempDirs.deleteTree(sqliteDir.resolve("data"));
  }

  /**
   * (d) Clients post single events to both nodes; node a is killed with SIGKILL; prints how long
   * after the kill node b first acknowledged a request sent after it (what a load balancer's
   * retry would see), and b's slowest answer around the kill.
   */
  private static void killOne(ServerProcess a, ServerProcess b, String ingest) throws Exception {
    HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(Duration.ofSeconds(5)).build();
    AtomicLong killedAt = new AtomicLong(Long.MAX_VALUE);
    AtomicLong firstAfter = new AtomicLong(Long.MAX_VALUE);
    AtomicLong slowest = new AtomicLong();
    AtomicLong acked = new AtomicLong();
    AtomicLong id = new AtomicLong();
    List<Thread> clients = new ArrayList<>();
    for (int t = 0; t < KILL_CLIENTS; t++) {
      ServerProcess node = t % 2 == 0 ? a : b;
      Thread client = new Thread(() -> {
        while (firstAfter.get() == Long.MAX_VALUE
            || System.nanoTime() - firstAfter.get() < 1_000_000_000L) {
          long sent = System.nanoTime();
          try {
            HttpResponse<String> answer = http.send(HttpRequest.newBuilder(node.uri("/v1/events"))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + ingest)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(view(id.getAndIncrement()))).build(),
                HttpResponse.BodyHandlers.ofString());
            long answered = System.nanoTime();
            if (answer.statusCode() == 201 && node == b) {
              acked.incrementAndGet();
              slowest.accumulateAndGet(answered - sent, Math::max);
              if (sent > killedAt.get()) {
                firstAfter.accumulateAndGet(answered, Math::min);
              }
            }
          } catch (Exception e) {
            if (node == b) {
              throw new IllegalStateException("node b failed a request", e);
            }
            return; // node a is gone
          }
        }
      }, "kill-" + t);
      clients.add(client);
      client.start();
    }
    Thread.sleep(3000);
    killedAt.set(System.nanoTime());
    a.kill();
    for (Thread client : clients) {
      client.join(60_000);
    }
    System.out.printf(Locale.ROOT, "(d) kill: node a killed with SIGKILL under %d clients; node b"
        + " acknowledged a request sent after the kill %.0f ms later (target < 5 s: %s); b's"
        + " slowest answer %.0f ms; %,d acknowledged by b%n", KILL_CLIENTS,
        (firstAfter.get() - killedAt.get()) / 1e6,
        firstAfter.get() - killedAt.get() < 5_000_000_000L ? "met" : "MISSED",
        slowest.get() / 1e6, acked.get());
  }

  private static Map<String, String> env(Map<String, String> database, Path dataDir) {
    Map<String, String> env = new HashMap<>(database);
    env.put("LEDGER_DATA_DIR", dataDir.toString());
    return env;
  }

  private static void copyKey(Path from, Path to) throws Exception {
    Files.createDirectories(to,
        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
    Files.copy(from.resolve("signing.key"), to.resolve("signing.key"),
        StandardCopyOption.REPLACE_EXISTING);
    Files.setPosixFilePermissions(to.resolve("signing.key"),
        PosixFilePermissions.fromString("rw-------"));
  }

  private static String token(String output) {
    Matcher token = TOKEN.matcher(output);
    if (!token.find()) {
      throw new IllegalStateException("add-client printed no token:\n" + output);
    }
    return token.group();
  }

  private static String view(long n) {
    return "{\"eventId\":\"kill:view:" + n + "\",\"type\":\"VIEW\","
        + "\"occurredAt\":\"2026-03-02T09:15:27.123Z\","
        + "\"actor\":{\"id\":\"sw-" + (n % 600) + "\",\"role\":\"social-worker\"},"
        + "\"purpose\":\"Preparing the child in need review\","
        + "\"legalBasis\":[\"UKGDPR-6-1-e\",\"UKGDPR-9-2-h\",\"CA1989-S17\"],"
        + "\"subject\":{\"id\":\"child-" + (n % 997) + "\"},"
        + "\"record\":{\"type\":\"case-note\",\"id\":\"kill-" + n + "\"}}";
  }

  private static long arg(String[] args, int index, long otherwise) {
    return args.length > index ? Long.parseLong(args[index].replace("_", "")) : otherwise;
  }
}
