package io.accessledger.bench;

import io.accessledger.demo.DemoMonth;
import io.accessledger.support.ServerProcess;
import io.accessledger.support.TempDirs;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The need-to-know audit benchmark ({@code scripts/bench-audit}), run by hand; prints figures,
 * asserts nothing. A real server (child JVM, fresh data directory) is filled through the batch
 * endpoint with a month of {@link DemoMonth} scaled to about {@code ENTRIES} entries (200 social
 * workers, 10 000 children), then {@code POST /v1/audits/need-to-know} over that month is timed
 * three times (the target: under 30 s for 1 000 000 entries). The baseline, in the same run, is
 * the least any audit must do: read every leaf of the same database once, with plain JDBC.
 *
 * <p>Usage: {@code scripts/bench-audit [ENTRIES (1000000)]}.
 */
public final class AuditBench {
  public static void main(String[] args) throws Exception {
    long entries = args.length > 0 ? Long.parseLong(args[0].replace("_", "")) : 1_000_000;
    YearMonth month = YearMonth.of(2026, 10);
    int workdays = 22;
    int views = (int) Math.max(1, entries / (200L * workdays));
    Path dir = Files.createTempDirectory("access-ledger-audit-bench");
    System.out.printf(Locale.ROOT, "command: scripts/bench-audit %s%n", String.join(" ", args));
    System.out.printf(Locale.ROOT, "machine: nproc %d, Java %s; data %s%n",
        Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"), dir);
    HttpClient http = HttpClient.newHttpClient();
    double[] audits = new double[3];
    long findings = 0;
    long size = 0;
    try (ServerProcess server =
        ServerProcess.start(dir, "server", dir.resolve("data"), List.of("-Xmx2g"))) {
      String ingest = ServerProcess.addClient(server.config(), "bench-ingest", "ingest", "lcs");
      String auditor = ServerProcess.addClient(server.config(), "bench-dpo", "auditor", null);
      DemoMonth demo = new DemoMonth(month, ZoneId.of("Europe/London"), 50, 2500, views, 1);
      List<String> batch = new ArrayList<>();
      long started = System.nanoTime();
      long[] posted = {0};
      demo.events(event -> {
        batch.add(event);
        if (batch.size() == 1000) {
          post(http, server, ingest, batch);
          posted[0] += batch.size();
          batch.clear();
        }
      });
      post(http, server, ingest, batch);
      posted[0] += batch.size();
      System.out.printf(Locale.ROOT, "fill: %,d events of %s (%d views per worker-day) in %.1f s%n",
          posted[0], month, views, (System.nanoTime() - started) / 1e9);
      ZoneId london = ZoneId.of("Europe/London");
      String period = "{\"from\":\"" + month.atDay(1).atStartOfDay(london).toInstant()
          + "\",\"to\":\"" + month.plusMonths(1).atDay(1).atStartOfDay(london).toInstant() + "\"}";
      for (int run = 0; run < audits.length; run++) {
        started = System.nanoTime();
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                server.uri("/v1/audits/need-to-know"))
            .header("Authorization", "Bearer " + auditor)
            .header("Content-Type", "application/json")
            .timeout(Duration.ofMinutes(10))
            .POST(HttpRequest.BodyPublishers.ofString(period)).build(),
            HttpResponse.BodyHandlers.ofString());
        audits[run] = (System.nanoTime() - started) / 1e9;
        if (response.statusCode() != 200) {
          throw new IllegalStateException("audit answered " + response.statusCode() + ": "
              + response.body());
        }
        com.fasterxml.jackson.databind.JsonNode answer =
            new com.fasterxml.jackson.databind.ObjectMapper().readTree(response.body());
        findings = answer.path("findings").size();
        size = answer.path("treeSize").asLong();
        System.out.printf(Locale.ROOT, "audit %d: %.2f s, %d findings over %,d entries%n",
            run + 1, audits[run], findings, size);
      }
      server.stop();
    }
    long started = System.nanoTime();
    long bytes = 0;
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("data/ledger.db"));
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT leaf FROM leaves ORDER BY seq")) {
      while (rs.next()) {
        bytes += rs.getBytes(1).length;
      }
    }
    double baseline = (System.nanoTime() - started) / 1e9;
    Arrays.sort(audits);
    System.out.printf(Locale.ROOT, "baseline: read every leaf once (plain JDBC, %,d bytes): %.2f s%n",
        bytes, baseline);
    System.out.printf(Locale.ROOT, "need-to-know audit of a month, %,d entries: median %.2f s"
        + " (%.1fx the baseline; target < 30 s: %s)%n", size, audits[1], audits[1] / baseline,
        audits[1] < 30 ? "met" : "MISSED");
    TempDirs.deleteTree(dir.resolve("data"));
  }

  private static void post(HttpClient http, ServerProcess server, String token,
      List<String> batch) {
    if (batch.isEmpty()) {
      return;
    }
    try {
      HttpResponse<String> response = http.send(HttpRequest.newBuilder(
              server.uri("/v1/events/batch"))
          .header("Authorization", "Bearer " + token)
          .header("Content-Type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofString("[" + String.join(",", batch) + "]")).build(),
          HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != 201) {
        throw new IllegalStateException("batch answered " + response.statusCode() + ": "
            + response.body().substring(0, Math.min(300, response.body().length())));
      }
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      throw new IllegalStateException(e);
    }
  }
}
