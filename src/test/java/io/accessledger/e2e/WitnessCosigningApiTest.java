package io.accessledger.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.accessledger.auth.Role;
import io.accessledger.evidence.BundleVerifier;
import io.accessledger.evidence.VerifiedBundle;
import io.accessledger.ledger.notes.Checkpoint;
import io.accessledger.ledger.notes.Cosignature;
import io.accessledger.ledger.notes.SignedCheckpoint;
import io.accessledger.ledger.notes.VerifierKey;
import io.accessledger.ledger.notes.WitnessKey;
import io.accessledger.support.CliRunner;
import io.accessledger.support.ServerProcess;
import io.accessledger.support.TempDirs;
import io.accessledger.support.WitnessProcess;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The ledger and the REAL cosigning witness ({@code witness serve}, in a child JVM) together: the
 * ledger gets cosignatures and serves them ({@code GET /v1/checkpoint?cosigned=true}, 404 before
 * the first), puts them in bundles that {@code verify-bundle --witness} checks, and keeps
 * acknowledging appends, quickly, while the witness is killed with SIGKILL; its health check turns
 * unhealthy then, and healthy again once the witness is back on its port with its state.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WitnessCosigningApiTest {
  static final String NAME = "witness.test.example/w1";
  static final String HEALTH = "witness-" + NAME;
  static Path dir;
  static WitnessKey witnessKey;
  static int witnessPort;
  static WitnessedLedger ledger;
  static WitnessProcess witness;
  static String ingest;
  static String auditor;
  static VerifierKey logKey;
  static int posted;
  static HttpResponse<String> beforeAnyCosignature;

  @BeforeAll
  static void start() throws Exception {
    dir = TempDirs.deletedAtExit("access-ledger-witnessed");
    witnessKey = WitnessProcess.init(dir.resolve("witness.key"), NAME);
    witnessPort = ServerProcess.freePorts(1)[0];
    ledger = new WitnessedLedger(dir, List.of(new WitnessedLedger.Configured(
        "http://127.0.0.1:" + witnessPort, witnessKey.toString())));
    ingest = ledger.addClient("carefirst", Role.INGEST, "carefirst");
    auditor = ledger.addClient("dpo", Role.AUDITOR, null);
    post(5);
    logKey = VerifierKey.parse(WitnessedLedger.JSON.readTree(ledger.get(auditor, "/v1/log").body())
        .path("verifierKey").asText());
    // The ledger runs before its witness does: nothing is cosigned yet.
    beforeAnyCosignature = ledger.get(auditor, "/v1/checkpoint?cosigned=true");
    witness = startWitness();
  }

  private static WitnessProcess startWitness() throws Exception {
    return WitnessProcess.start(dir, "witness", witnessPort, dir.resolve("witness.key"),
        dir.resolve("witness-state"), List.of(logKey.toString()));
  }

  @AfterAll
  static void stop() throws Exception {
    if (witness != null) {
      witness.close();
    }
    if (ledger != null) {
      ledger.close();
    }
  }

  private static void post(int count) throws Exception {
    for (int i = 0; i < count; i++) {
      HttpResponse<String> answer = ledger.post(ingest, "/v1/events",
          Json.view("e-" + posted, "c-" + (posted % 3), "w-1"));
      assertThat(answer.statusCode()).as(answer.body()).isEqualTo(201);
      posted++;
    }
  }

  private static <T> T await(String what, Callable<T> poll) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(40).toNanos();
    while (System.nanoTime() < deadline) {
      T value = poll.call();
      if (value != null) {
        return value;
      }
      Thread.sleep(200);
    }
    throw new AssertionError("timed out waiting until " + what);
  }

  /** The cosigned checkpoint served, once there is one of at least {@code size}. */
  private static String cosignedAtLeast(long size) throws Exception {
    return await("a checkpoint of size >= " + size + " is cosigned", () -> {
      HttpResponse<String> answer = ledger.get(auditor, "/v1/checkpoint?cosigned=true");
      if (answer.statusCode() != 200) {
        return null;
      }
      return SignedCheckpoint.open(answer.body(), logKey).size() >= size ? answer.body() : null;
    });
  }

  @Test
  @Order(1)
  void beforeTheWitnessCosignedAnythingCosignedTrueIs404InTheApisErrorStyle() throws Exception {
    assertThat(beforeAnyCosignature.statusCode()).isEqualTo(404);
    JsonNode error = WitnessedLedger.JSON.readTree(beforeAnyCosignature.body());
    assertThat(error.path("code").asInt()).isEqualTo(404);
    assertThat(error.path("message").asText()).contains("no checkpoint is cosigned");
    assertThat(ledger.get(auditor, "/v1/checkpoint?cosigned=maybe").statusCode()).isEqualTo(400);
  }

  @Test
  @Order(2)
  void theLedgerGetsCosignaturesAndServesThemOnItsCheckpoints() throws Exception {
    post(3);
    String note = cosignedAtLeast(1);
    // Still the log's signed note: its verifier ignores the witness's line.
    Checkpoint checkpoint = SignedCheckpoint.open(note, logKey);
    String body = note.substring(0, note.indexOf("\n\n") + 1);
    assertThat(body).isEqualTo(checkpoint.body());
    List<Cosignature> fromWitness = new ArrayList<>();
    for (String line : note.substring(body.length() + 1).split("\n")) {
      if (line.startsWith("\u2014 " + NAME + " ")) {
        fromWitness.add(Cosignature.parse(line));
      }
    }
    assertThat(fromWitness).hasSize(1);
    fromWitness.get(0).verify(checkpoint, witnessKey);
    JsonNode health = ledger.health(HEALTH);
    assertThat(health.path("healthy").asBoolean()).as(health.toString()).isTrue();
    assertThat(health.path("message").asText()).contains("its latest cosignature (tree size");
    JsonNode age = ledger.metrics().path("gauges")
        .path("witness." + NAME + ".cosignature-age-seconds").path("value");
    assertThat(age.asLong()).isBetween(0L, 60L);
  }

  @Test
  @Order(3)
  void aBundleCarriesTheCosignaturesAndVerifiesWithTheWitnessKey() throws Exception {
    long cosigned = SignedCheckpoint.open(cosignedAtLeast(1), logKey).size();
    HttpResponse<String> answer = ledger.get(auditor, "/v1/evidence?subject=c-1");
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
    byte[] bundle = answer.body().getBytes(StandardCharsets.UTF_8);
    VerifiedBundle verified = BundleVerifier.verify(bundle, logKey, null, List.of(witnessKey));
    assertThat(verified.witnessed()).hasSize(1);
    assertThat(verified.witnessed().get(0).treeSize())
        .isGreaterThanOrEqualTo(cosigned).isLessThanOrEqualTo(verified.checkpoint().size());

    Path file = dir.resolve("bundle.json");
    Files.write(file, bundle);
    CliRunner.Outcome outcome = CliRunner.run("verify-bundle", file.toString(), "--key",
        logKey.toString(), "--witness", witnessKey.toString());
    assertThat(outcome.exitCode()).as(outcome.stderr()).isZero();
    assertThat(outcome.stdout()).contains("VERIFIED: evidence bundle for subject:c-1")
        .contains("witness:   " + NAME + "+" + witnessKey.keyIdHex() + " cosigned tree size "
            + verified.witnessed().get(0).treeSize());
  }

  @Test
  @Order(4)
  void withTheWitnessKilledAppendsAreAcknowledgedQuicklyAndItsHealthCheckTurnsAndRecovers()
      throws Exception {
    long before = SignedCheckpoint.open(cosignedAtLeast(1), logKey).size();
    witness.kill();
    long slowest = 0;
    for (int i = 0; i < 40; i++) {
      long start = System.nanoTime();
      post(1);
      slowest = Math.max(slowest, System.nanoTime() - start);
    }
    assertThat(Duration.ofNanos(slowest)).as("the slowest append while the witness is down")
        .isLessThan(Duration.ofSeconds(1));
    JsonNode down = await("the witness's health check is unhealthy", () -> {
      JsonNode health = ledger.health(HEALTH);
      return health.path("healthy").asBoolean(true) ? null : health;
    });
    assertThat(down.path("message").asText()).contains("cannot reach")
        .contains("its latest cosignature (tree size").contains("Appends are not affected");
    assertThat(ledger.metrics().path("counters").path("witness." + NAME + ".failures")
        .path("count").asLong()).isPositive();
    post(5); // still acknowledged while it is unhealthy

    witness = startWitness();
    long grown = SignedCheckpoint.open(cosignedAtLeast(before + 40), logKey).size();
    assertThat(grown).isGreaterThan(before);
    JsonNode up = await("the witness's health check is healthy again", () -> {
      JsonNode health = ledger.health(HEALTH);
      return health.path("healthy").asBoolean(false) ? health : null;
    });
    assertThat(up.path("message").asText()).contains("its latest cosignature");
  }
}
