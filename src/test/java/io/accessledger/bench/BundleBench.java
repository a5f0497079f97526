package io.accessledger.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.accessledger.evidence.BundleVerifier;
import io.accessledger.evidence.VerifiedBundle;
import io.accessledger.ledger.merkle.TreeHasher;
import io.accessledger.ledger.notes.VerifierKey;
import io.accessledger.support.ServerProcess;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The evidence-bundle benchmark ({@code scripts/bench-bundle}), run by hand; prints figures,
 * asserts nothing. A real server (child JVM, fresh data directory) is filled through the batch
 * endpoint with {@code ENTRIES} views, one in {@code NOISE + 1} of them of the one child whose
 * bundle is then fetched (so the bundle holds {@code ENTRIES / (NOISE + 1)} entries, 10 000 by
 * default, proven in a tree of {@code ENTRIES}). Then it times:
 *
 * <ol>
 *   <li><b>fetch</b>: {@code GET /v1/evidence?subject=...}, bytes and seconds.
 *   <li><b>baseline</b>: what any checker must do at least, in this JVM: parse the JSON and
 *       SHA-256 every leaf once (no proofs, no signatures, no chain).
 *   <li><b>verify in-process</b>: {@link BundleVerifier#verify}, median of 5 warm runs.
 *   <li><b>verify-bundle</b>: the command an investigator runs, {@code java -jar
 *       target/access-ledger.jar verify-bundle FILE --key KEY}, in a fresh JVM, wall time
 *       including JVM start, median of 3 runs. The target is under 2 s for 10 000 entries.
 * </ol>
 *
 * <p>Usage: {@code scripts/bench-bundle [ENTRIES (100000)] [NOISE (9)]}.
 */
public final class BundleBench {
  private static final int BATCH = 1000;

  public static void main(String[] args) throws Exception {
    long entries = args.length > 0 ? Long.parseLong(args[0].replace("_", "")) : 100_000;
    int noise = args.length > 1 ? Integer.parseInt(args[1]) : 9;
    Path dir = Files.createTempDirectory("access-ledger-bundle-bench");
    System.out.printf(Locale.ROOT, "command: scripts/bench-bundle %s%n", String.join(" ", args));
    System.out.printf(Locale.ROOT, "machine: nproc %d, Java %s; data %s%n",
        Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"), dir);
    HttpClient http = HttpClient.newHttpClient();
    Path bundleFile = dir.resolve("bundle.json");
    String verifierKey;
    try (ServerProcess server =
        ServerProcess.start(dir, "server", dir.resolve("data"), List.of("-Xmx1g"))) {
      String ingest = ServerProcess.addClient(server.config(), "bench-ingest", "ingest", "lcs");
      String auditor = ServerProcess.addClient(server.config(), "bench-dpo", "auditor", null);
      for (long n = 0; n < entries; n += BATCH) {
        StringBuilder batch = new StringBuilder("[");
        for (long i = n; i < Math.min(entries, n + BATCH); i++) {
          batch.append(i == n ? "" : ",").append(view(i, i % (noise + 1) == 0 ? "child-bundle"
              : "child-" + i % 5000));
        }
        send(http, HttpRequest.newBuilder(server.uri("/v1/events/batch"))
            .header("Authorization", "Bearer " + ingest)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(batch.append("]").toString())), 201);
      }
      verifierKey = new ObjectMapper().readTree(send(http, HttpRequest.newBuilder(
          server.uri("/v1/log")).header("Authorization", "Bearer " + auditor), 200))
          .path("verifierKey").asText();
      long started = System.nanoTime();
      String body = send(http, HttpRequest.newBuilder(server.uri("/v1/evidence?subject=child-bundle"))
          .header("Authorization", "Bearer " + auditor), 200);
      double fetch = (System.nanoTime() - started) / 1e9;
      Files.writeString(bundleFile, body);
      System.out.printf(Locale.ROOT, "fetch: bundle of %,d bytes in %.2f s%n",
          Files.size(bundleFile), fetch);
      server.stop();
    }

    byte[] bundle = Files.readAllBytes(bundleFile);
    VerifierKey key = VerifierKey.parse(verifierKey);
    double[] baseline = new double[5];
    double[] inProcess = new double[5];
    VerifiedBundle verified = null;
    for (int run = 0; run < 5; run++) {
      long started = System.nanoTime();
      JsonNode tree = new ObjectMapper().readTree(bundle);
      for (JsonNode entry : tree.path("entries")) {
        TreeHasher.leafHash(entry.path("leaf").asText().getBytes(StandardCharsets.UTF_8));
      }
      baseline[run] = (System.nanoTime() - started) / 1e9;
      started = System.nanoTime();
      verified = BundleVerifier.verify(bundle, key, null);
      inProcess[run] = (System.nanoTime() - started) / 1e9;
    }
    int count = verified.entries().size();
    System.out.printf(Locale.ROOT, "bundle: %,d entries proven in a tree of %,d%n", count,
        verified.checkpoint().size());
    System.out.printf(Locale.ROOT, "baseline (parse + one SHA-256 per leaf): %.3f s%n",
        median(baseline));
    System.out.printf(Locale.ROOT, "verify in-process: %.3f s = %,.0f entries/s (%.1fx the"
        + " baseline)%n", median(inProcess), count / median(inProcess),
        median(inProcess) / median(baseline));

    double[] command = new double[3];
    for (int run = 0; run < 3; run++) {
      List<String> line = new ArrayList<>(List.of(
          Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar",
          "target/access-ledger.jar", "verify-bundle", bundleFile.toString(), "--key",
          verifierKey));
      long started = System.nanoTime();
      Process process = new ProcessBuilder(line).redirectErrorStream(true)
          .redirectOutput(dir.resolve("verify-bundle.out").toFile()).start();
      int exit = process.waitFor();
      command[run] = (System.nanoTime() - started) / 1e9;
      if (exit != 0) {
        throw new IllegalStateException("verify-bundle exited " + exit + ": "
            + Files.readString(dir.resolve("verify-bundle.out")));
      }
    }
    System.out.printf(Locale.ROOT, "verify-bundle command (fresh JVM, wall): %.2f s for %,d"
        + " entries (target < 2 s for 10 000: %s)%n", median(command), count,
        median(command) < 2 ? "met" : "MISSED");
    System.out.printf(Locale.ROOT, "files kept in %s%n", dir);
  }

  private static String send(HttpClient http, HttpRequest.Builder request, int status)
      throws Exception {
    HttpResponse<String> response =
        http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != status) {
      throw new IllegalStateException(response.uri() + " answered " + response.statusCode()
          + ": " + response.body().substring(0, Math.min(300, response.body().length())));
    }
    return response.body();
  }

  private static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    return sorted[sorted.length / 2];
  }

  private static String view(long n, String subject) {
    return "{\"eventId\":\"lcs:view:" + n + "\",\"type\":\"VIEW\","
        + "\"occurredAt\":\"2026-03-02T09:15:27.123Z\","
        + "\"actor\":{\"id\":\"sw-" + n % 600 + "\",\"role\":\"social-worker\",\"team\":\"team-"
        + n % 30 + "\"},\"purpose\":\"Preparing the child in need review\","
        + "\"legalBasis\":[\"UKGDPR-6-1-e\",\"UKGDPR-9-2-h\",\"CA1989-S17\"],"
        + "\"subject\":{\"id\":\"" + subject + "\"},"
        + "\"record\":{\"type\":\"case-note\",\"id\":\"cn-" + n + "\"}}";
  }
}
