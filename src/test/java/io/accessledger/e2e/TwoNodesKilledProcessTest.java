package io.accessledger.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.accessledger.ledger.merkle.Digest;
import io.accessledger.ledger.merkle.ProofVerifier;
import io.accessledger.ledger.merkle.TreeHasher;
import io.accessledger.ledger.notes.Checkpoint;
import io.accessledger.ledger.notes.SignedCheckpoint;
import io.accessledger.ledger.notes.VerifierKey;
import io.accessledger.support.ServerProcess;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two server processes on one PostgreSQL database take writes at once; one is killed with SIGKILL
 * mid-burst while the other keeps acknowledging. Afterwards every acknowledged event is there at
 * its acknowledged {@code seq} with its leaf hash and a valid proof, every checkpoint either node
 * served is consistent with every later one, the killed node starts again on the log the other
 * extended, and {@code verify} passes. Clients of the killed node do what a load balancer does:
 * send the request that got no answer to the other node, which answers it as new or as a replay.
 */
class TwoNodesKilledProcessTest {
  private static final int POSTERS = 8;
  private static final int ACKS_BEFORE_KILL = 200;
  private static final int ACKS_AFTER_KILL = 100;
  private static final Duration TIMEOUT = Duration.ofSeconds(90);

  @TempDir Path dir;
  private TwoNodes nodes;

  record Ack(long seq, String leafHash) {}

  @AfterEach
  void stopNodes() {
    if (nodes != null) {
      nodes.close();
    }
  }

  @Test
  void bothNodesAcknowledgeAndAKilledOneLosesNothing() throws Exception {
    nodes = new TwoNodes(dir);
    List<ServerProcess> both = nodes.startBoth();
    ServerProcess a = both.get(0);
    ServerProcess b = both.get(1);
    Map<String, Ack> acks = new ConcurrentHashMap<>();
    Queue<String> errors = new ConcurrentLinkedQueue<>();
    Map<Long, String> checkpoints = new ConcurrentHashMap<>();
    AtomicInteger afterKill = new AtomicInteger();
    CountDownLatch killed = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(POSTERS + 1);
    List<Future<?>> posters = new ArrayList<>();
    for (int t = 0; t < POSTERS; t++) {
      int poster = t;
      posters.add(pool.submit(() -> {
        ServerProcess node = poster % 2 == 0 ? a : b;
        for (int i = 0; acks.size() < ACKS_BEFORE_KILL * 4 && afterKill.get() < ACKS_AFTER_KILL;
            i++) {
          String id = "n" + poster + "-" + i;
          String body = i % 20 == 7 ? batch(id) : Json.view(id, "child-" + (i % 37),
              "sw-" + poster);
          String path = body.startsWith("[") ? "/v1/events/batch" : "/v1/events";
          HttpResponse<String> answer;
          try {
            answer = nodes.post(node, path, body);
          } catch (IOException gone) {
            if (killed.getCount() > 0 || node == b) {
              errors.add(id + " to " + node + ": " + gone);
              return null;
            }
            node = b; // the load balancer sends the unanswered request to the node still up
            answer = nodes.post(node, path, body);
          }
          if (answer.statusCode() != 201 && answer.statusCode() != 200) {
            errors.add(id + ": " + answer.statusCode() + " " + answer.body());
            return null;
          }
          record(nodes.json.readTree(answer.body()), acks);
          if (killed.getCount() == 0 && node == b) {
            afterKill.incrementAndGet();
          }
        }
        return null;
      }));
    }
    // Checkpoints as each node serves them while both write: all must be one history.
    Future<?> watcher = pool.submit(() -> {
      while (afterKill.get() < ACKS_AFTER_KILL && errors.isEmpty()) {
        for (ServerProcess node : List.of(a, b)) {
          if (node.isAlive()) {
            try {
              HttpResponse<String> note = nodes.get(node, "/v1/checkpoint");
              if (note.statusCode() == 200) {
                checkpoints.putIfAbsent(sizeOf(note.body()), note.body());
              }
            } catch (IOException goneMeanwhile) {
              // the kill
            }
          }
        }
        Thread.sleep(20);
      }
      return null;
    });
    long deadline = System.nanoTime() + TIMEOUT.toNanos();
    while (acks.size() < ACKS_BEFORE_KILL && errors.isEmpty() && System.nanoTime() < deadline) {
      Thread.sleep(5);
    }
    assertThat(errors).as("answers before the kill").isEmpty();
    assertThat(acks).as("acknowledgements before the kill").hasSizeGreaterThanOrEqualTo(
        ACKS_BEFORE_KILL);
    killed.countDown();
    assertThat(a.kill()).as("SIGKILL").isEqualTo(137);
    for (Future<?> poster : posters) {
      poster.get(TIMEOUT.toSeconds(), java.util.concurrent.TimeUnit.SECONDS);
    }
    watcher.get(TIMEOUT.toSeconds(), java.util.concurrent.TimeUnit.SECONDS);
    pool.shutdownNow();
    assertThat(errors).as("answers after the kill").isEmpty();
    assertThat(afterKill.get()).as("node b acknowledges on after node a is killed")
        .isGreaterThanOrEqualTo(ACKS_AFTER_KILL);

    VerifierKey key = VerifierKey.parse(nodes.getJson(b, "/v1/log").get("verifierKey").asText());
    Map<Long, Long> seqs = new TreeMap<>();
    for (Map.Entry<String, Ack> ack : acks.entrySet()) {
      assertThat(seqs.put(ack.getValue().seq(), 0L)).as("seq %d acknowledged twice",
          ack.getValue().seq()).isNull();
      checkEntry(b, key, ack.getKey(), ack.getValue());
    }
    checkConsistent(b, key, checkpoints);

    // The killed node starts again on the log node b extended, and both go on as one.
    ServerProcess again = nodes.start("a");
    JsonNode fresh = nodes.json.readTree(
        nodes.post(again, "/v1/events", Json.view("after-restart", "child-1", "sw-1")).body());
    assertThat(fresh.get("seq").asLong()).isGreaterThan(seqs.keySet().stream()
        .max(Comparator.naturalOrder()).orElseThrow());
    assertThat(nodes.getJson(b, "/v1/entries/" + fresh.get("seq").asLong()).get("leafHash")
        .asText()).isEqualTo(fresh.get("leafHash").asText());
    again.stop();
    b.stop();
    String verified = ServerProcess.runWithEnv(dir, "verify.out", nodes.env("b"), "verify",
        "config.yml");
    assertThat(verified).contains("ledger intact");
  }

  @Test
  void aReplayPostedToBothNodesAtOnceIsAppendedOnceAndAStrangersKeyIsRefused() throws Exception {
    nodes = new TwoNodes(dir);
    List<ServerProcess> both = nodes.startBoth();
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      for (int i = 0; i < 10; i++) {
        String body = Json.view("twice-" + i, "child-" + i, "sw-9");
        CountDownLatch go = new CountDownLatch(1);
        List<Future<HttpResponse<String>>> answers = new ArrayList<>();
        for (ServerProcess node : both) {
          answers.add(pool.submit(() -> {
            go.await();
            return nodes.post(node, "/v1/events", body);
          }));
        }
        go.countDown();
        HttpResponse<String> first = answers.get(0).get();
        HttpResponse<String> second = answers.get(1).get();
        assertThat(List.of(first.statusCode(), second.statusCode()))
            .as("one appends, the other answers the replay").containsExactlyInAnyOrder(201, 200);
        assertThat(nodes.json.readTree(first.body())).isEqualTo(nodes.json.readTree(second.body()));
        HttpResponse<String> conflict = nodes.post(both.get(i % 2), "/v1/events",
            Json.view("twice-" + i, "child-other", "sw-9"));
        assertThat(conflict.statusCode()).isEqualTo(409);
      }
    } finally {
      pool.shutdownNow();
    }
    // A node whose key did not sign the log refuses to start: its data dir holds another key.
    java.nio.file.Files.createDirectories(nodes.dataDir("stranger"),
        java.nio.file.attribute.PosixFilePermissions.asFileAttribute(
            java.nio.file.attribute.PosixFilePermissions.fromString("rwx------")));
    io.accessledger.crypto.bc.SigningKeyFile.loadOrCreate(
        nodes.dataDir("stranger").resolve("signing.key"));
    assertThatThrownBy(() -> nodes.start("stranger"))
        .hasMessageContaining("does not verify the ledger's latest checkpoint");
  }

  private void checkEntry(ServerProcess node, VerifierKey key, String eventId, Ack ack)
      throws Exception {
    JsonNode answer = nodes.getJson(node, "/v1/entries/" + ack.seq());
    String leaf = answer.get("leaf").asText();
    Digest hash = TreeHasher.leafHash(leaf.getBytes(StandardCharsets.UTF_8));
    assertThat(hash.hex()).as("seq %d", ack.seq()).isEqualTo(ack.leafHash());
    assertThat(nodes.json.readTree(leaf).get("event").get("eventId").asText()).isEqualTo(eventId);
    Checkpoint checkpoint = SignedCheckpoint.open(answer.get("checkpoint").asText(), key);
    List<Digest> proof = new ArrayList<>();
    answer.get("proof").forEach(n -> proof.add(Digest.fromHex(n.asText())));
    ProofVerifier.verifyInclusion(ack.seq(), checkpoint.size(), hash, proof, checkpoint.root());
  }

  /** Each checkpoint seen is signed by the key and consistent with the largest one seen. */
  private void checkConsistent(ServerProcess node, VerifierKey key, Map<Long, String> seen)
      throws Exception {
    assertThat(seen).as("checkpoints served while both wrote").hasSizeGreaterThan(2);
    TreeMap<Long, Checkpoint> opened = new TreeMap<>();
    for (String note : seen.values()) {
      Checkpoint checkpoint = SignedCheckpoint.open(note, key);
      opened.put(checkpoint.size(), checkpoint);
    }
    Checkpoint last = opened.lastEntry().getValue();
    for (Checkpoint earlier : opened.headMap(last.size()).values()) {
      if (earlier.size() == 0) {
        continue;
      }
      JsonNode answer = nodes.getJson(node, "/v1/proofs/consistency?from=" + earlier.size()
          + "&to=" + last.size());
      List<Digest> proof = new ArrayList<>();
      answer.get("proof").forEach(n -> proof.add(Digest.fromHex(n.asText())));
      ProofVerifier.verifyConsistency(earlier.size(), last.size(), proof, earlier.root(),
          last.root());
    }
  }

  private static long sizeOf(String note) {
    return Long.parseLong(note.split("\n")[1]);
  }

  private static String batch(String id) {
    List<String> events = new ArrayList<>();
    for (int k = 0; k < 5; k++) {
      events.add(Json.view(id + "-" + k, "child-b" + k, "sw-batch"));
    }
    return "[" + String.join(",", events) + "]";
  }

  private static void record(JsonNode answer, Map<String, Ack> acks) {
    JsonNode entries = answer.has("entries") ? answer.get("entries") : null;
    if (entries == null) {
      acks.put(answer.get("eventId").asText(),
          new Ack(answer.get("seq").asLong(), answer.get("leafHash").asText()));
      return;
    }
    entries.forEach(e -> acks.put(e.get("eventId").asText(),
        new Ack(e.get("seq").asLong(), e.get("leafHash").asText())));
  }
}
