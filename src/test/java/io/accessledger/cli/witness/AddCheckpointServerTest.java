package io.accessledger.cli.witness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.accessledger.crypto.bc.Ed25519Signer;
import io.accessledger.ledger.merkle.Digest;
import io.accessledger.ledger.notes.CheckpointSigner;
import io.accessledger.ledger.notes.Cosignature;
import io.accessledger.ledger.notes.CosignatureSigner;
import io.accessledger.ledger.notes.SignedCheckpoint;
import io.accessledger.ledger.notes.VerifierKey;
import io.accessledger.support.TestLedger;
import io.accessledger.witness.CosignTestLog;
import io.accessledger.witness.CosigningWitness;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The cosigning witness through its real HTTP front on an ephemeral port, fed checkpoints signed by
 * a real {@link CheckpointSigner} with real consistency proofs: each tlog-witness status, the
 * evidence of a fork and a rollback, key rotation, restarts, and one request at a time per log.
 */
class AddCheckpointServerTest {
  private static final CheckpointSigner LOG_KEY = TestLedger.signer(1);
  private static final CheckpointSigner OTHER_KEY = TestLedger.signer(2);
  private static final CheckpointSigner NEW_KEY = TestLedger.signer(3);
  private static final Ed25519Signer WITNESS = TestLedger.key(50);
  private static final CosignatureSigner COSIGNER =
      new CosignatureSigner("witness.test/w1", WITNESS, WITNESS.publicKey());
  private static final CosignTestLog A = new CosignTestLog("a", 40, LOG_KEY);
  private static final CosignTestLog B = new CosignTestLog("b", 40, LOG_KEY);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

  @TempDir Path dir;
  private Path state;
  private AddCheckpointServer server;
  private final ByteArrayOutputStream log = new ByteArrayOutputStream();

  @BeforeEach
  void start() throws Exception {
    state = dir.resolve("state");
    start(List.of(LOG_KEY.verifierKey()));
  }

  private void start(List<VerifierKey> keys) throws Exception {
    CosigningWitness witness = CosigningWitness.open(COSIGNER, keys, state, Clock.systemUTC());
    server = AddCheckpointServer.start(witness,
        new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 4,
        new PrintStream(log, true, StandardCharsets.UTF_8));
  }

  private void restart(List<VerifierKey> keys) throws Exception {
    server.close();
    start(keys);
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private HttpResponse<String> post(String body) throws Exception {
    return HTTP.send(HttpRequest.newBuilder(uri("/add-checkpoint"))
        .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private URI uri(String path) {
    return URI.create("http://127.0.0.1:" + server.address().getPort() + path);
  }

  /** Posts an honest request and checks the answer is one valid cosignature of that checkpoint. */
  private Cosignature cosigned(CosignTestLog tree, int old, int size) throws Exception {
    Instant before = Instant.now().minusSeconds(1);
    HttpResponse<String> answer = post(tree.request(old, size));
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
    List<Cosignature> lines = Cosignature.parseLines(answer.body());
    assertThat(lines).hasSize(1);
    Cosignature cosignature = lines.get(0);
    cosignature.verify(tree.checkpoint(size), COSIGNER.key());
    assertThat(cosignature.time()).isBetween(before, Instant.now().plusSeconds(1));
    return cosignature;
  }

  private void assertStale(HttpResponse<String> answer, long size) {
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(409);
    assertThat(answer.body()).isEqualTo(size + "\n");
    assertThat(answer.headers().firstValue("Content-Type")).hasValue("text/x.tlog.size");
  }

  private List<JsonNode> evidence(String kind) throws Exception {
    List<JsonNode> found = new ArrayList<>();
    try (Stream<Path> files = Files.list(state)) {
      for (Path file : files.filter(f -> f.getFileName().toString().contains(".evidence-")
          && f.getFileName().toString().endsWith("-" + kind + ".json")).toList()) {
        found.add(JSON.readTree(file.toFile()));
      }
    }
    return found;
  }

  @Test
  void cosignsAGrowingSequenceOfCheckpoints() throws Exception {
    cosigned(A, 0, 0);
    cosigned(A, 0, 1);
    cosigned(A, 1, 3);
    cosigned(A, 3, 3); // the same checkpoint again: cosigned again
    cosigned(A, 3, 8);
    cosigned(A, 8, 13);
    Cosignature last = cosigned(A, 13, 32);

    // The log's verifier still opens the note with the cosignature appended (an unknown key).
    String cosignedNote = A.note(32) + last.line();
    assertThat(SignedCheckpoint.open(cosignedNote, LOG_KEY.verifierKey()).size()).isEqualTo(32);
    assertThat(log.toString(StandardCharsets.UTF_8)).doesNotContain("refused");
  }

  @Test
  void answers409WithItsOwnSizeToAStaleOldSize() throws Exception {
    cosigned(A, 0, 5);

    assertStale(post(A.request(0, 8)), 5);
    assertStale(post(A.request(3, 8)), 5);
    cosigned(A, 5, 8);
  }

  @Test
  void answers403WhenNoTrustedKeySignsTheCheckpoint() throws Exception {
    CosignTestLog forged = new CosignTestLog("a", 40, OTHER_KEY);
    HttpResponse<String> otherKey = post(forged.request(0, 5));
    String note = A.note(5);
    String altered = note.replace(A.checkpoint(5).root().base64(), A.checkpoint(6).root().base64());
    HttpResponse<String> alteredRoot = post(CosignTestLog.body(0, List.of(), altered));

    assertThat(otherKey.statusCode()).as(otherKey.body()).isEqualTo(403);
    assertThat(otherKey.body()).contains("not validly signed");
    assertThat(alteredRoot.statusCode()).as(alteredRoot.body()).isEqualTo(403);
    assertStale(post(A.request(3, 5)), 0); // nothing was cosigned
  }

  @Test
  void ignoresSignatureLinesFromUnknownKeys() throws Exception {
    String extra = OTHER_KEY.sign(A.checkpoint(5));
    String note = A.note(5) + extra.substring(extra.lastIndexOf('\u2014'));

    HttpResponse<String> answer = post(CosignTestLog.body(0, List.of(), note));

    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
  }

  @Test
  void answers404ForAnOriginWithNoConfiguredKey() throws Exception {
    Ed25519Signer key = TestLedger.key(7);
    CheckpointSigner stranger = new CheckpointSigner("stranger.example/log", key, key.publicKey());
    HttpResponse<String> answer = post(new CosignTestLog("s", 5, stranger).request(0, 5));

    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(404);
    assertThat(answer.body()).contains("stranger.example/log");
  }

  @Test
  void answers422ToABadConsistencyProofAndKeepsTheEvidence() throws Exception {
    cosigned(A, 0, 5);
    List<Digest> proof = new ArrayList<>(A.proof(5, 8));
    byte[] flipped = proof.get(0).bytes();
    flipped[0] ^= 1;
    proof.set(0, Digest.of(flipped));

    HttpResponse<String> bad = post(CosignTestLog.body(5, proof, A.note(8)));
    HttpResponse<String> missing = post(CosignTestLog.body(5, List.of(), A.note(8)));

    assertThat(bad.statusCode()).as(bad.body()).isEqualTo(422);
    assertThat(missing.statusCode()).as(missing.body()).isEqualTo(422);
    List<JsonNode> kept = evidence("inconsistent");
    assertThat(kept).hasSize(1); // once per distinct checkpoint
    assertThat(kept.get(0).path("recorded").path("checkpoint").asText()).isEqualTo(A.note(5));
    assertThat(kept.get(0).path("fetched").path("checkpoint").asText()).isEqualTo(A.note(8));
    assertStale(post(A.request(0, 8)), 5); // still at 5
    cosigned(A, 5, 8);
  }

  @Test
  void refusesAForkedLogAndKeepsBothNotes() throws Exception {
    cosigned(A, 0, 5);

    HttpResponse<String> sameSize = post(B.request(0, 5).replaceFirst("old 0", "old 5"));
    HttpResponse<String> larger = post(CosignTestLog.body(5, B.proof(5, 9), B.note(9)));

    assertThat(sameSize.statusCode()).as(sameSize.body()).isEqualTo(409);
    assertThat(sameSize.body()).contains("another root for tree size 5");
    assertThat(sameSize.headers().firstValue("Content-Type")).isNotEqualTo("text/x.tlog.size");
    assertThat(larger.statusCode()).as(larger.body()).isEqualTo(422);
    List<JsonNode> fork = evidence("fork");
    assertThat(fork).hasSize(1);
    assertThat(fork.get(0).path("recorded").path("checkpoint").asText()).isEqualTo(A.note(5));
    assertThat(fork.get(0).path("fetched").path("checkpoint").asText()).isEqualTo(B.note(5));
    assertThat(fork.get(0).path("verifierKey").asText())
        .isEqualTo(LOG_KEY.verifierKey().toString());
    assertThat(evidence("inconsistent")).hasSize(1);
    // The honest history goes on; the forked one is never cosigned.
    cosigned(A, 5, 9);
  }

  @Test
  void refusesARollbackAndKeepsBothNotes() throws Exception {
    cosigned(A, 0, 8);

    assertStale(post(A.request(0, 5)), 8);
    HttpResponse<String> larger = post(CosignTestLog.body(8, List.of(), A.note(5)));

    assertThat(larger.statusCode()).as(larger.body()).isEqualTo(400);
    List<JsonNode> rollback = evidence("rollback");
    assertThat(rollback).hasSize(1);
    assertThat(rollback.get(0).path("recorded").path("checkpoint").asText()).isEqualTo(A.note(8));
    assertThat(rollback.get(0).path("fetched").path("checkpoint").asText()).isEqualTo(A.note(5));
  }

  @Test
  void acceptsACheckpointSignedByAnyConfiguredKeyOfItsOrigin() throws Exception {
    restart(List.of(LOG_KEY.verifierKey(), NEW_KEY.verifierKey()));
    CosignTestLog rotated = new CosignTestLog("a", 40, NEW_KEY);
    cosigned(A, 0, 5);
    String newLine = NEW_KEY.sign(A.checkpoint(8)).substring(A.checkpoint(8).body().length() + 1);
    String both = A.note(8) + newLine;

    HttpResponse<String> transition = post(CosignTestLog.body(5, A.proof(5, 8), both));
    assertThat(transition.statusCode()).as(transition.body()).isEqualTo(200);
    cosigned(rotated, 8, 12);
  }

  @Test
  void aRestartedWitnessRemembersWhatItCosigned() throws Exception {
    cosigned(A, 0, 5);
    cosigned(A, 5, 9);

    restart(List.of(LOG_KEY.verifierKey()));

    assertStale(post(A.request(0, 9)), 9);
    assertStale(post(A.request(5, 12)), 9);
    cosigned(A, 9, 12);
    // Forks are still refused against the remembered checkpoint.
    assertThat(post(CosignTestLog.body(12, List.of(), B.note(12))).statusCode()).isEqualTo(409);
  }

  @Test
  void aSecondWitnessCannotShareTheStateDirectory() {
    assertThatThrownBy(() ->
            CosigningWitness.open(COSIGNER, List.of(LOG_KEY.verifierKey()), state,
                Clock.systemUTC()))
        .hasMessageContaining("in use by another witness");
  }

  @Test
  void handlesOneRequestAtATimePerLog() throws Exception {
    cosigned(A, 0, 2);
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      int size = 2;
      for (int round = 0; round < 6; round++) {
        int from = size;
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Integer>> answers = new ArrayList<>();
        for (int grow : new int[] {2, 3}) {
          answers.add(pool.submit(() -> {
            go.await();
            return post(A.request(from, from + grow)).statusCode();
          }));
        }
        go.countDown();
        List<Integer> statuses = new ArrayList<>();
        for (Future<Integer> answer : answers) {
          statuses.add(answer.get());
        }
        assertThat(statuses).as("round " + round).containsExactlyInAnyOrder(200, 409)
            .satisfiesAnyOf(s -> assertThat(s.get(0)).isEqualTo(200),
                s -> assertThat(s.get(1)).isEqualTo(200));
        size = statuses.get(0) == 200 ? from + 2 : from + 3;
        assertStale(post(A.request(0, size)), size);
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void refusesOtherMethodsPathsAndOversizedBodies() throws Exception {
    HttpResponse<String> get = HTTP.send(HttpRequest.newBuilder(uri("/add-checkpoint")).GET()
        .build(), HttpResponse.BodyHandlers.ofString());
    HttpResponse<String> other = HTTP.send(HttpRequest.newBuilder(uri("/checkpoint"))
        .POST(HttpRequest.BodyPublishers.ofString(A.request(0, 1))).build(),
        HttpResponse.BodyHandlers.ofString());
    HttpResponse<String> garbage = post("hello\n");

    assertThat(get.statusCode()).isEqualTo(405);
    assertThat(other.statusCode()).isEqualTo(404);
    assertThat(statusLineOfAHugePost()).isEqualTo("HTTP/1.1 413 Request Entity Too Large");
    assertThat(garbage.statusCode()).isEqualTo(400);
    cosigned(A, 0, 1);
  }

  /** Announces a body over the limit and sends none: the witness must answer without reading. */
  private String statusLineOfAHugePost() throws Exception {
    try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), server.address().getPort())) {
      socket.setSoTimeout(10_000);
      socket.getOutputStream().write(("POST /add-checkpoint HTTP/1.1\r\nHost: witness\r\n"
          + "Content-Length: " + (AddCheckpointServer.MAX_BODY_BYTES + 1) + "\r\n\r\n")
          .getBytes(StandardCharsets.US_ASCII));
      socket.getOutputStream().flush();
      return new BufferedReader(new InputStreamReader(socket.getInputStream(),
          StandardCharsets.US_ASCII)).readLine();
    }
  }
}
