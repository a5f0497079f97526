package io.accessledger.bench;

import io.accessledger.console.support.ConsoleClient;
import io.accessledger.support.ServerProcess;
import io.accessledger.support.TempDirs;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * The console's people pages, timed (run by hand; prints figures, asserts nothing). A real server
 * (child JVM, {@code -Xmx1g}, fresh data directory) is filled through the batch endpoint with
 * {@code ENTRIES} views over a year: one member of staff ({@code w-heavy}) made 20 000 of them,
 * one child ({@code c-heavy}) is in 500, the rest spread over 20 000 children and 500 staff. Then,
 * signed in to the console as an auditor and past the overview (where signing in lands), one
 * browser's worth of requests (one at a time) GETs the child's page, the staff page and a record's page: the first time (the staff page's history is
 * then read whole; later reads find its summaries kept, {@code query/SummaryCache}), then 5 times
 * to warm up and {@code ROUNDS} times measured: p50 and p95 of the time to the last byte over
 * loopback, which includes each page's own {@code AUDIT_QUERY} group commit. The target: every
 * page under 300 ms at p95.
 *
 * <p>Usage: {@code mvn -B -q -DskipTests package && java -cp
 * target/access-ledger.jar:target/test-classes io.accessledger.bench.PeoplePagesBench [ENTRIES
 * (1000000)] [ROUNDS (20)]}.
 */
public final class PeoplePagesBench {
  private static final int BATCH = 1000;

  public static void main(String[] args) throws Exception {
    long entries = args.length > 0 ? Long.parseLong(args[0].replace("_", "")) : 1_000_000;
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 20;
    Path dir = Files.createTempDirectory("access-ledger-people-bench");
    System.out.printf(Locale.ROOT, "machine: nproc %d, Java %s; data %s%n",
        Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"), dir);
    HttpClient http = HttpClient.newHttpClient();
    try (ServerProcess server =
        ServerProcess.start(dir, "server", dir.resolve("data"), List.of("-Xmx1g"))) {
      String ingest = ServerProcess.addClient(server.config(), "bench-ingest", "ingest", "lcs");
      String auditor = ServerProcess.addClient(server.config(), "bench-dpo", "auditor", null);
      long started = System.nanoTime();
      SplittableRandom random = new SplittableRandom(7);
      Instant start = Instant.parse("2026-01-01T00:00:00Z");
      long year = 365L * 24 * 3600;
      List<String> batch = new ArrayList<>(BATCH);
      for (long i = 0; i < entries; i++) {
        String actor = i % Math.max(1, entries / 20_000) == 0 ? "w-heavy" : "w-" + random.nextInt(500);
        String subject = i % Math.max(2, entries / 500) == 1 ? "c-heavy" : "c-" + random.nextInt(20_000);
        Instant at = start.plusSeconds(year * i / entries);
        batch.add(view("e-" + i, subject, actor, "team-" + (actor.hashCode() & 7), at,
            "cn-" + random.nextInt(100_000)));
        if (batch.size() == BATCH) {
          post(http, server, ingest, batch);
          batch.clear();
        }
      }
      post(http, server, ingest, batch);
      System.out.printf(Locale.ROOT, "fill: %,d events in %.1f s%n", entries,
          (System.nanoTime() - started) / 1e9);
      ConsoleClient browser = new ConsoleClient("http://127.0.0.1:" + server.uri("/").getPort());
      if (browser.signIn(auditor).statusCode() != 303) {
        throw new IllegalStateException("sign-in refused");
      }
      // Signing in lands on the overview, which catches the console's view of the log up (the
      // audit runs the staff page lists); the first catch-up reads the whole log.
      System.out.printf(Locale.ROOT, "/console/ (the first after sign-in): %.0f ms%n",
          time(browser, "/console/", 1)[0]);
      for (String page : List.of("/console/subjects/c-heavy", "/console/actors/w-heavy",
          "/console/records/case-note/cn-1")) {
        double first = time(browser, page, 1)[0];
        time(browser, page, 5);
        double[] ms = time(browser, page, rounds);
        System.out.printf(Locale.ROOT, "%s: first %.0f ms; then p50 %.0f ms, p95 %.0f ms, max %.0f"
            + " ms (target p95 < 300 ms: %s)%n", page, first, ms[ms.length / 2],
            ms[(int) Math.ceil(ms.length * 0.95) - 1],
            ms[ms.length - 1], ms[(int) Math.ceil(ms.length * 0.95) - 1] < 300 ? "met" : "MISSED");
      }
      server.stop();
    }
    TempDirs.deleteTree(dir.resolve("data"));
  }

  /** GETs {@code page} {@code rounds} times, one after the other; the times, sorted, in ms. */
  private static double[] time(ConsoleClient browser, String page, int rounds) {
    double[] ms = new double[rounds];
    for (int i = 0; i < rounds; i++) {
      long started = System.nanoTime();
      HttpResponse<String> answer = browser.get(page);
      ms[i] = (System.nanoTime() - started) / 1e6;
      if (answer.statusCode() != 200) {
        throw new IllegalStateException(page + " answered " + answer.statusCode());
      }
    }
    Arrays.sort(ms);
    return ms;
  }

  private static String view(String eventId, String subject, String actor, String team,
      Instant at, String record) {
    return """
        {"eventId":"%s","type":"VIEW","occurredAt":"%s",
         "actor":{"id":"%s","role":"social-worker","team":"%s"},
         "subject":{"id":"%s"},"record":{"type":"case-note","id":"%s"},
         "purpose":"case work","legalBasis":["UKGDPR-6-1-e","UKGDPR-9-2-h","DPA2018-S1-P2"]}
        """.formatted(eventId, at, actor, team, subject, record);
  }

  private static void post(HttpClient http, ServerProcess server, String token,
      List<String> batch) throws Exception {
    if (batch.isEmpty()) {
      return;
    }
    HttpResponse<String> response = http.send(HttpRequest.newBuilder(
            server.uri("/v1/events/batch"))
        .header("Authorization", "Bearer " + token)
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString("[" + String.join(",", batch) + "]")).build(),
        HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 201) {
      throw new IllegalStateException("batch answered " + response.statusCode());
    }
  }
}
