package io.accessledger.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.accessledger.auth.Role;
import io.accessledger.ledger.notes.SignedCheckpoint;
import io.accessledger.ledger.notes.VerifierKey;
import io.accessledger.ledger.notes.WitnessKey;
import io.accessledger.support.ServerProcess;
import io.accessledger.support.TestLedger;
import io.accessledger.support.WitnessProcess;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real witness refusing the ledger: configured with another key for the log's origin it
 * answers 403, and having cosigned a longer history under the log's key (the ledger was rolled
 * back, restored from an old copy) it answers 409 with a size the ledger never signed, which is an
 * alarm. Either way the ledger's health check for that witness turns unhealthy naming why, its
 * failure counter counts, and appends go on being acknowledged.
 */
class WitnessRefusalsApiTest {
  static final String NAME = "witness.test.example/refuser";
  static final String HEALTH = "witness-" + NAME;
  static final String ORIGIN = "access-ledger.local/log"; // config.yml's default

  @TempDir Path dir;

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

  private static JsonNode unhealthy(WitnessedLedger ledger) throws Exception {
    return await("the witness's health check is unhealthy", () -> {
      JsonNode health = ledger.health(HEALTH);
      return health.path("healthy").asBoolean(true) ? null : health;
    });
  }

  private static void post(WitnessedLedger ledger, String token, String prefix, int count)
      throws Exception {
    for (int i = 0; i < count; i++) {
      HttpResponse<String> answer =
          ledger.post(token, "/v1/events", Json.view(prefix + i, "c-1", "w-1"));
      assertThat(answer.statusCode()).as(answer.body()).isEqualTo(201);
    }
  }

  @Test
  void aWitnessConfiguredWithAnotherLogKeyRefusesAndRaisesTheHealthCheck() throws Exception {
    WitnessKey witnessKey = WitnessProcess.init(dir.resolve("w.key"), NAME);
    int port = ServerProcess.freePorts(1)[0];
    VerifierKey wrong = VerifierKey.of(ORIGIN, TestLedger.key(0x33).publicKey());
    try (WitnessProcess witness = WitnessProcess.start(dir, "refuser", port, dir.resolve("w.key"),
            dir.resolve("w-state"), List.of(wrong.toString()));
        WitnessedLedger ledger = new WitnessedLedger(dir.resolve("ledger"), List.of(
            new WitnessedLedger.Configured("http://127.0.0.1:" + port, witnessKey.toString())))) {
      String ingest = ledger.addClient("carefirst", Role.INGEST, "carefirst");
      String auditor = ledger.addClient("dpo", Role.AUDITOR, null);
      post(ledger, ingest, "r-", 3);
      JsonNode health = unhealthy(ledger);
      assertThat(health.path("message").asText()).contains("answered 403")
          .contains("it does not trust this log's key")
          .contains("it has not cosigned any checkpoint of this log yet");
      assertThat(ledger.metrics().path("counters").path("witness." + NAME + ".failures")
          .path("count").asLong()).isPositive();
      post(ledger, ingest, "s-", 3);
      assertThat(ledger.get(auditor, "/v1/checkpoint?cosigned=true").statusCode()).isEqualTo(404);
    }
  }

  @Test
  void aWitnessThatCosignedALongerHistoryThanTheLogHoldsIsAnAlarm() throws Exception {
    WitnessKey witnessKey = WitnessProcess.init(dir.resolve("w.key"), NAME);
    int port = ServerProcess.freePorts(1)[0];
    List<WitnessedLedger.Configured> config = List.of(
        new WitnessedLedger.Configured("http://127.0.0.1:" + port, witnessKey.toString()));
    Path original = dir.resolve("original");
    Path key;
    long cosigned;
    WitnessProcess witness = null;
    try (WitnessedLedger ledger = new WitnessedLedger(original, config)) {
      String ingest = ledger.addClient("carefirst", Role.INGEST, "carefirst");
      String auditor = ledger.addClient("dpo", Role.AUDITOR, null);
      post(ledger, ingest, "o-", 10);
      key = ledger.data.resolve("signing.key");
      VerifierKey logKey = VerifierKey.parse(WitnessedLedger.JSON.readTree(
          ledger.get(auditor, "/v1/log").body()).path("verifierKey").asText());
      witness = WitnessProcess.start(dir, "witness", port, dir.resolve("w.key"),
          dir.resolve("w-state"), List.of(logKey.toString()));
      cosigned = await("the witness cosigned", () -> {
        HttpResponse<String> answer = ledger.get(auditor, "/v1/checkpoint?cosigned=true");
        return answer.statusCode() == 200
            ? SignedCheckpoint.open(answer.body(), logKey).size() : null;
      });
    }
    try (WitnessProcess running = witness) {
      // The same log, as an old copy holding only its key: a rollback the witness can see.
      Path restored = dir.resolve("restored");
      Path data = Files.createDirectories(restored.resolve("data"));
      Files.setPosixFilePermissions(data, PosixFilePermissions.fromString("rwx------"));
      Files.copy(key, data.resolve("signing.key"));
      try (WitnessedLedger ledger = new WitnessedLedger(restored, config)) {
        String ingest = ledger.addClient("carefirst", Role.INGEST, "carefirst");
        post(ledger, ingest, "n-", 2);
        JsonNode health = unhealthy(ledger);
        assertThat(health.path("message").asText()).startsWith("ALARM: the witness holds tree"
            + " size ").contains("ahead of this log's").contains("rolled back");
        assertThat(Long.parseLong(health.path("message").asText().split(" ")[6].replace(",", "")))
            .isGreaterThanOrEqualTo(cosigned);
        post(ledger, ingest, "m-", 3); // still acknowledged
      }
    }
  }
}
