package io.accessledger;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.accessledger.ledger.merkle.Digest;
import io.accessledger.ledger.merkle.ProofVerifier;
import io.accessledger.ledger.merkle.TreeHasher;
import io.accessledger.ledger.notes.Checkpoint;
import io.accessledger.ledger.notes.SignedCheckpoint;
import io.accessledger.ledger.notes.VerifierKey;
import io.accessledger.support.ServerProcess;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Nothing the HTTP API acknowledged is lost when the server dies: the real server, in its own
 * JVM, takes single events, a few batches and one extract release from several concurrent clients
 * and is killed with SIGKILL while requests are in flight. Restarted on the same data directory,
 * it must hold every acknowledged event at the same {@code seq} with the same leaf hash, prove
 * each one against a checkpoint signed by the published key, answer each replay with its original
 * entry, and pass {@code verify}.
 */
class ApiKilledProcessTest {
  private static final String SOURCE = "crash-test-system";
  private static final int POSTERS = 8;
  private static final int ACKS_BEFORE_KILL = 300;
  private static final Duration TIMEOUT = Duration.ofSeconds(60);

  @TempDir Path dir;

  private final List<ServerProcess> servers = new ArrayList<>();
  private final ObjectMapper json = new ObjectMapper();
  private final HttpClient http = HttpClient.newBuilder()
      .version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(5))
      .build();

  /** What one 201 answer acknowledged; {@code leafHash} is null for an extract's subject entry. */
  record Ack(String eventId, long seq, String leafHash) {}

  /** An acknowledged request: its body and the acknowledgement(s) it got. */
  record Posted(String path, String body, JsonNode answer) {}

  @AfterEach
  void killServers() {
    servers.forEach(ServerProcess::close);
  }

  @Test
  void everyAcknowledgedPostSurvivesKillNineOfTheServer() throws Exception {
    Path data = dir.resolve("data");
    ServerProcess first = start("first", data);
    // add-client while the server runs, as an operator would.
    String ingest = ServerProcess.addClient(first.config(), "records-system", "ingest", SOURCE);
    String auditor = ServerProcess.addClient(first.config(), "crash-auditor", "auditor", null);

    Posters posters = new Posters(first, ingest);
    posters.start();
    int inFlightAtKill;
    int exitValue;
    try {
      posters.awaitAcks(ACKS_BEFORE_KILL);
      inFlightAtKill = posters.inFlight.get();
      posters.killing();
      exitValue = first.kill();
    } finally {
      posters.stopAndJoin();
    }
    assertThat(exitValue).as("SIGKILL: exit value 128 + 9").isEqualTo(137);
    assertThat(inFlightAtKill).as("requests in flight when the server was killed").isPositive();
    assertThat(posters.errors).as("unexpected answers before the kill").isEmpty();
    Map<String, Ack> acks = posters.acks;
    assertThat(acks).hasSizeGreaterThanOrEqualTo(ACKS_BEFORE_KILL);

    ServerProcess second = start("second", data);
    JsonNode log = getJson(second, "/v1/log", auditor);
    VerifierKey key = VerifierKey.parse(log.get("verifierKey").asText());
    long maxAcked = acks.values().stream().mapToLong(Ack::seq).max().orElseThrow();
    assertThat(log.get("treeSize").asLong())
        .as("signed tree size after the restart, against the highest acknowledged seq")
        .isGreaterThan(maxAcked);

    // Every acknowledged entry is there, unchanged, and provable against a signed checkpoint.
    parallel(acks.values(), ack -> checkEntry(second, auditor, key, ack));

    // Every acknowledged request, posted again, is a replay: 200 with the original answer.
    parallel(posters.posted, posted -> {
      HttpResponse<String> replay = post(second, posted.path(), ingest, posted.body());
      assertThat(replay.statusCode()).as("replay of %s", posted.body()).isEqualTo(200);
      assertThat(json.readTree(replay.body())).isEqualTo(posted.answer());
    });

    // The restarted writer carries on after the last entry.
    HttpResponse<String> fresh = post(second, "/v1/events", ingest, view("after-restart", 0));
    assertThat(fresh.statusCode()).isEqualTo(201);
    assertThat(json.readTree(fresh.body()).get("seq").asLong()).isGreaterThan(maxAcked);

    second.stop();
    int verified = ServerProcess.runCommand(dir, "verify.out", "verify", second.config().toString());
    assertThat(verified)
        .as("verify: %s", Files.readString(dir.resolve("verify.out")))
        .isZero();
    assertThat(Files.readString(dir.resolve("verify.out"))).contains("ledger intact");
  }

  private void checkEntry(ServerProcess server, String auditor, VerifierKey key, Ack ack)
      throws Exception {
    JsonNode answer = getJson(server, "/v1/entries/" + ack.seq(), auditor);
    String leaf = answer.get("leaf").asText();
    String leafHash = answer.get("leafHash").asText();
    Digest hash = TreeHasher.leafHash(leaf.getBytes(StandardCharsets.UTF_8));
    assertThat(answer.get("seq").asLong()).isEqualTo(ack.seq());
    assertThat(hash.hex()).as("leafHash of seq %d", ack.seq()).isEqualTo(leafHash);
    if (ack.leafHash() != null) {
      assertThat(leafHash).as("acknowledged leafHash of seq %d", ack.seq()).isEqualTo(ack.leafHash());
    }
    JsonNode entry = json.readTree(leaf);
    assertThat(entry.get("seq").asLong()).isEqualTo(ack.seq());
    assertThat(entry.get("source").asText()).isEqualTo(SOURCE);
    assertThat(entry.get("event").get("eventId").asText()).isEqualTo(ack.eventId());
    if (ack.leafHash() == null) {
      assertThat(entry.get("event").get("type").asText()).isEqualTo("EXTRACT_SUBJECT");
    }

    Checkpoint checkpoint = SignedCheckpoint.open(answer.get("checkpoint").asText(), key);
    long treeSize = answer.get("treeSize").asLong();
    assertThat(checkpoint.size()).isEqualTo(treeSize);
    List<Digest> proof = new ArrayList<>();
    answer.get("proof").forEach(node -> proof.add(Digest.fromHex(node.asText())));
    ProofVerifier.verifyInclusion(ack.seq(), treeSize, hash, proof, checkpoint.root());
  }

  /**
   * Clients posting as fast as the server answers, each waiting for its answer before the next
   * request: mostly single VIEWs, every 25th request a batch of 5, and one extract release.
   */
  private final class Posters {
    final Map<String, Ack> acks = new ConcurrentHashMap<>();
    final Queue<Posted> posted = new ConcurrentLinkedQueue<>();
    final Queue<String> errors = new ConcurrentLinkedQueue<>();
    final AtomicInteger inFlight = new AtomicInteger();
    final AtomicInteger batches = new AtomicInteger();
    final AtomicReference<JsonNode> release = new AtomicReference<>();
    private final ServerProcess server;
    private final String token;
    private final List<Thread> threads = new ArrayList<>();
    private volatile boolean killed;
    private volatile boolean stopped;

    Posters(ServerProcess server, String token) {
      this.server = server;
      this.token = token;
    }

    void start() {
      for (int t = 0; t < POSTERS; t++) {
        int poster = t;
        Thread thread = new Thread(() -> run(poster), "poster-" + t);
        thread.setDaemon(true);
        threads.add(thread);
        thread.start();
      }
    }

    private void run(int poster) {
      for (int i = 0; !stopped; i++) {
        try {
          String id = "p" + poster + "-" + i;
          if (poster == 0 && i == 5) {
            send("/v1/events", release(id, 3), true);
          } else if (i % 25 == 10) {
            List<String> events = new ArrayList<>();
            for (int k = 0; k < 5; k++) {
              events.add(view(id + "-" + k, poster * 1000 + i + k));
            }
            send("/v1/events/batch", "[" + String.join(",", events) + "]", false);
          } else {
            send("/v1/events", view(id, poster * 1000 + i), false);
          }
        } catch (IOException e) {
          if (!killed) {
            errors.add(Thread.currentThread().getName() + ": " + e);
          }
          return; // the server is gone
        } catch (InterruptedException e) {
          return;
        } catch (RuntimeException e) {
          errors.add(Thread.currentThread().getName() + ": " + e);
          return;
        }
      }
    }

    private void send(String path, String body, boolean isRelease)
        throws IOException, InterruptedException {
      inFlight.incrementAndGet();
      HttpResponse<String> response;
      try {
        response = post(server, path, token, body);
      } finally {
        inFlight.decrementAndGet();
      }
      if (response.statusCode() != 201) {
        errors.add(path + " answered " + response.statusCode() + ": " + response.body());
        return;
      }
      // An answer that arrived is an acknowledgement, whenever the kill came.
      JsonNode answer = json.readTree(response.body());
      posted.add(new Posted(path, body, answer));
      if (path.endsWith("/batch")) {
        answer.get("entries").forEach(this::record);
        batches.incrementAndGet();
      } else {
        record(answer);
      }
      if (isRelease) {
        JsonNode range = answer.get("subjectEntries");
        String releaseId = answer.get("eventId").asText();
        for (long seq = range.get("first").asLong(); seq <= range.get("last").asLong(); seq++) {
          String subjectEntryId = releaseId + "#" + (seq - range.get("first").asLong());
          acks.put(subjectEntryId, new Ack(subjectEntryId, seq, null));
        }
        release.set(answer);
      }
    }

    private void record(JsonNode ack) {
      String eventId = ack.get("eventId").asText();
      acks.put(eventId, new Ack(eventId, ack.get("seq").asLong(), ack.get("leafHash").asText()));
    }

    /** Waits for {@code count} acknowledgements, including at least one batch and the release. */
    void awaitAcks(int count) throws InterruptedException {
      long deadline = System.nanoTime() + TIMEOUT.toNanos();
      while (acks.size() < count || batches.get() == 0 || release.get() == null) {
        assertThat(errors).as("unexpected answers while posting").isEmpty();
        assertThat(System.nanoTime()).as("%d acknowledgements within %s", count, TIMEOUT)
            .isLessThan(deadline);
        Thread.sleep(5);
      }
    }

    /** From now on a failed request is the kill's doing, not an error. */
    void killing() {
      killed = true;
    }

    /** Stops posting (after the kill, or when the test fails first) and waits for the posters. */
    void stopAndJoin() throws InterruptedException {
      killed = true;
      stopped = true;
      for (Thread thread : threads) {
        thread.join(TIMEOUT.toMillis());
      }
    }
  }

  private ServerProcess start(String name, Path data) throws Exception {
    // A small, quick-starting JVM: the test waits on fsyncs, not on compiled code.
    ServerProcess server = ServerProcess.start(
        dir, name, data, List.of("-Xmx256m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC"));
    servers.add(server);
    return server;
  }

  private HttpResponse<String> post(ServerProcess server, String path, String token, String body)
      throws IOException, InterruptedException {
    return http.send(HttpRequest.newBuilder(server.uri(path))
            .timeout(Duration.ofSeconds(30))
            .header("Authorization", "Bearer " + token)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private JsonNode getJson(ServerProcess server, String path, String token)
      throws IOException, InterruptedException {
    HttpResponse<String> response = http.send(HttpRequest.newBuilder(server.uri(path))
            .timeout(Duration.ofSeconds(30))
            .header("Authorization", "Bearer " + token)
            .GET()
            .build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as("GET %s: %s", path, response.body()).isEqualTo(200);
    return json.readTree(response.body());
  }

  private String view(String eventId, int n) throws IOException {
    Map<String, Object> event = new LinkedHashMap<>();
    event.put("eventId", eventId);
    event.put("type", "VIEW");
    event.put("occurredAt", "2026-03-02T09:15:27.123Z");
    event.put("actor", Map.of("id", "sw-" + (n % 17), "role", "social-worker"));
    event.put("purpose", "Preparing the child in need review");
    event.put("legalBasis", List.of("UKGDPR-6-1-e"));
    event.put("subject", Map.of("id", "child-" + (n % 41)));
    event.put("record", Map.of("type", "case-note", "id", "cn-" + n));
    return json.writeValueAsString(event);
  }

  private String release(String eventId, int subjects) throws IOException {
    Map<String, Object> event = new LinkedHashMap<>();
    event.put("eventId", eventId);
    event.put("type", "EXTRACT_RELEASE");
    event.put("occurredAt", "2026-01-15T12:00:00Z");
    event.put("actor", Map.of("id", "ig-0003", "role", "information-governance"));
    event.put("purpose", "Evaluation of the Family Valued programme");
    event.put("legalBasis", List.of("UKGDPR-6-1-e", "UKGDPR-9-2-j", "DPA2018-S1-P4"));
    event.put("recipient", Map.of("organisation", "What Works for Children's Social Care"));
    event.put("agreement", "WWCSC-FAMILY-VALUED");
    event.put("dataset", Map.of(
        "name", "family-valued-extract-2026-01",
        "sha256", "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
        "rowCount", 12840,
        "pseudonymised", true,
        "categories", List.of("referrals", "assessments"),
        "periodFrom", "2020-01-01",
        "periodTo", "2025-12-31"));
    List<Map<String, Object>> ids = new ArrayList<>();
    for (int i = 0; i < subjects; i++) {
      ids.add(Map.of("id", "child-x" + i));
    }
    event.put("subjects", ids);
    return json.writeValueAsString(event);
  }

  /** A check that may throw, run for each item of a collection. */
  interface Check<T> {
    void accept(T item) throws Exception;
  }

  /** Runs {@code check} on every item from a few threads, rethrowing the first failure. */
  private static <T> void parallel(Collection<T> items, Check<T> check) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(POSTERS);
    try {
      List<Future<?>> futures = new ArrayList<>();
      for (T item : items) {
        futures.add(pool.submit(() -> {
          check.accept(item);
          return null;
        }));
      }
      for (Future<?> future : futures) {
        try {
          future.get();
        } catch (ExecutionException e) {
          if (e.getCause() instanceof Error error) {
            throw error;
          }
          throw (Exception) e.getCause();
        }
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
