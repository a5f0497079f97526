package io.accessledger.bench;

import io.accessledger.console.support.ConsoleClient;
import io.accessledger.demo.DemoMonth;
import io.accessledger.support.ServerProcess;
import io.accessledger.support.TempDirs;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.function.Supplier;

/**
 * The console benchmark ({@code scripts/bench-console}), run by hand; prints figures, asserts
 * nothing. A real server (child JVM, fresh data directory) is filled through the batch endpoint
 * with a month of {@link DemoMonth} scaled to about {@code ENTRIES} entries, plus a child with 500
 * entries and a member of staff with 20 000 views. One signed-in browser's worth of requests (one
 * client, each request after the last is answered) then times each page {@code REQUESTS} times
 * after a warm-up: the overview, a child with 500 entries, the member of staff with 20 000 views,
 * and the need-to-know audit page of the month once its run has finished (the run itself is
 * timed apart: it may take its audit time, under 30 s). Each page view appends and waits for its
 * own {@code AUDIT_QUERY} entry, as every recorded read does.
 *
 * <p>Baselines in the same run: the sign-in page (a template rendered, no ledger read) and the
 * API's own read of the same child, {@code GET /v1/subjects/{id}/events?limit=100} (an audited
 * read with 100 inclusion proofs). Target: every page under 300 ms at p95.
 *
 * <p>Usage: {@code scripts/bench-console [ENTRIES (1000000)] [REQUESTS (50)]}.
 */
public final class ConsoleBench {
  static final String CHILD = "bench-child-500";
  static final String STAFF = "bench-sw-heavy";

  public static void main(String[] args) throws Exception {
    long entries = args.length > 0 ? Long.parseLong(args[0].replace("_", "")) : 1_000_000;
    int requests = args.length > 1 ? Integer.parseInt(args[1]) : 50;
    YearMonth month = YearMonth.of(2026, 10);
    ZoneId london = ZoneId.of("Europe/London");
    int views = (int) Math.max(1, (entries - 20_500) / (200L * 22));
    Path dir = Files.createTempDirectory("access-ledger-console-bench");
    System.out.printf(Locale.ROOT, "command: scripts/bench-console %s%n", String.join(" ", args));
    System.out.printf(Locale.ROOT, "machine: nproc %d, Java %s; data %s%n",
        Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"), dir);
    HttpClient http = HttpClient.newHttpClient();
    try (ServerProcess server =
        ServerProcess.start(dir, "server", dir.resolve("data"), List.of("-Xmx2g"))) {
      String ingest = ServerProcess.addClient(server.config(), "bench-ingest", "ingest", "lcs");
      String auditor = ServerProcess.addClient(server.config(), "bench-dpo", "auditor", null);
      long started = System.nanoTime();
      long posted = fill(http, server, ingest,
          new DemoMonth(month, london, 50, 2500, views, 1), month, london);
      System.out.printf(Locale.ROOT, "fill: %,d events in %.1f s%n", posted,
          (System.nanoTime() - started) / 1e9);

      String base = server.uri("").toString().replaceAll("/$", "");
      ConsoleClient browser = new ConsoleClient(base);
      expect(browser.signIn(auditor), 303, "sign-in");
      started = System.nanoTime();
      expect(browser.get("/console/"), 200, "first overview");
      System.out.printf(Locale.ROOT, "first overview after the fill (reads every entry once for"
          + " entries per day, audit runs and reviews; a restart does it in the background): %.2f s%n", (System.nanoTime() - started) / 1e9);

      String audit = "/console/audits?from=" + month.atDay(1) + "&to=" + month.atEndOfMonth();
      started = System.nanoTime();
      HttpResponse<String> page = browser.get(audit);
      int polls = 0;
      while (page.body().contains("data-audit-status=")) {
        Thread.sleep(250);
        polls++;
        page = browser.get(audit);
      }
      expect(page, 200, "audit");
      System.out.printf(Locale.ROOT, "audit run of %s (start, progress page, results): %.2f s,"
          + " %d findings on its first page, %d progress polls%n", month,
          (System.nanoTime() - started) / 1e9,
          count(page.body(), "data-finding="), polls);

      List<String> lines = new ArrayList<>();
      lines.add(time("baseline: sign-in page (no ledger read)", requests,
          () -> browser.get("/console/login")));
      lines.add(time("baseline: API GET /v1/subjects/" + CHILD + "/events?limit=100", requests,
          () -> api(http, server, auditor, "/v1/subjects/" + CHILD + "/events?limit=100")));
      lines.add(time("overview", requests, () -> browser.get("/console/")));
      lines.add(time("child with 500 entries", requests,
          () -> browser.get("/console/subjects/" + CHILD)));
      lines.add(time("member of staff with 20 000 views", requests,
          () -> browser.get("/console/actors/" + STAFF)));
      lines.add(time("audit page of the month (finished run)", requests,
          () -> browser.get(audit)));
      lines.forEach(System.out::println);
      server.stop();
    }
    TempDirs.deleteTree(dir.resolve("data"));
  }

  /** The month, then the heavy child and the heavy viewer, in batches of 1000. */
  private static long fill(HttpClient http, ServerProcess server, String ingest, DemoMonth demo,
      YearMonth month, ZoneId zone) {
    List<String> batch = new ArrayList<>();
    long[] posted = {0};
    java.util.function.Consumer<String> out = event -> {
      batch.add(event);
      if (batch.size() == 1000) {
        post(http, server, ingest, batch);
        posted[0] += batch.size();
        batch.clear();
      }
    };
    demo.events(out);
    Random random = new Random(7);
    for (int i = 0; i < 500; i++) {
      out.accept(view("bench-c-" + i, "sw-bench-" + (i % 40), "north-cin", CHILD,
          at(month, zone, random)));
    }
    for (int i = 0; i < 20_000; i++) {
      out.accept(view("bench-s-" + i, STAFF, "cp-east", "child-" + random.nextInt(10_000),
          at(month, zone, random)));
    }
    post(http, server, ingest, batch);
    return posted[0] + batch.size();
  }

  private static String at(YearMonth month, ZoneId zone, Random random) {
    LocalDate day = month.atDay(1 + random.nextInt(month.lengthOfMonth()));
    return day.atTime(random.nextInt(24), random.nextInt(60)).atZone(zone).toInstant().toString();
  }

  private static String view(String id, String actor, String team, String subject, String at) {
    return ("{\"eventId\":\"%s\",\"type\":\"VIEW\",\"occurredAt\":\"%s\",\"actor\":{\"id\":\"%s\","
        + "\"role\":\"social-worker\",\"team\":\"%s\"},\"subject\":{\"id\":\"%s\"},\"record\":"
        + "{\"type\":\"case-note\",\"id\":\"cn-%s\"},\"purpose\":\"case work\",\"legalBasis\":"
        + "[\"UKGDPR-6-1-e\"]}").formatted(id, at, actor, team, subject, id);
  }

  /** Times {@code requests} requests after as many unmeasured ones; one line of p50/p95/max. */
  private static String time(String what, int requests, Supplier<HttpResponse<String>> request) {
    for (int i = 0; i < requests; i++) {
      expect(request.get(), 200, what);
    }
    long[] nanos = new long[requests];
    long bytes = 0;
    for (int i = 0; i < requests; i++) {
      long started = System.nanoTime();
      HttpResponse<String> answer = request.get();
      nanos[i] = System.nanoTime() - started;
      expect(answer, 200, what);
      bytes += answer.body().length();
    }
    Arrays.sort(nanos);
    double p95 = nanos[(int) Math.ceil(0.95 * requests) - 1] / 1e6;
    return String.format(Locale.ROOT, "%-58s p50 %7.1f ms  p95 %7.1f ms  max %7.1f ms  (%,d chars"
        + " a page)%s", what, nanos[requests / 2] / 1e6, p95, nanos[requests - 1] / 1e6,
        bytes / requests, what.startsWith("baseline") ? ""
            : p95 < 300 ? "  target < 300 ms: met" : "  target < 300 ms: MISSED");
  }

  private static void expect(HttpResponse<String> answer, int status, String what) {
    if (answer.statusCode() != status) {
      throw new IllegalStateException(what + " answered " + answer.statusCode() + ": "
          + answer.body().substring(0, Math.min(400, answer.body().length())));
    }
  }

  private static int count(String text, String part) {
    int n = 0;
    for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + 1)) {
      n++;
    }
    return n;
  }

  private static HttpResponse<String> api(HttpClient http, ServerProcess server, String token,
      String path) {
    try {
      return http.send(HttpRequest.newBuilder(server.uri(path))
          .header("Authorization", "Bearer " + token).timeout(Duration.ofMinutes(1)).build(),
          HttpResponse.BodyHandlers.ofString());
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void post(HttpClient http, ServerProcess server, String token,
      List<String> batch) {
    if (batch.isEmpty()) {
      return;
    }
    HttpResponse<String> response;
    try {
      response = http.send(HttpRequest.newBuilder(server.uri("/v1/events/batch"))
          .header("Authorization", "Bearer " + token)
          .header("Content-Type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofString("[" + String.join(",", batch) + "]")).build(),
          HttpResponse.BodyHandlers.ofString());
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      throw new IllegalStateException(e);
    }
    expect(response, 201, "batch");
  }

}
