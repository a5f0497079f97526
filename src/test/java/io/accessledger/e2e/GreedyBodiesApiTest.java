package io.accessledger.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.accessledger.auth.Role;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Large bodies cannot take the server from the others (issue 18, item 2): all bodies together hold
 * at most {@code requestLimits.maxBufferedBytes} (here its least, 32 MiB; 503 beyond it), one client
 * has at most {@code maxLargeBodiesPerClient} (2) bodies over 1 MiB in flight (429 beyond), only an
 * ingest client may send more than 1 MiB (413 at once for the others), and whatever a request
 * held is given back however it ends (the gauge {@code http.request-bodies.buffered-bytes} returns
 * to 0 after every test). {@code bodyTimeout} is 30 s here, so that held bodies wait for the test,
 * not the deadline, on a slow machine.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class GreedyBodiesApiTest {
  static final int MIB = 1 << 20;
  static final ApiServer SERVER = new ApiServer(
      ConfigOverride.config("requestLimits.maxBufferedBytes", "32MiB"),
      ConfigOverride.config("requestLimits.bodyTimeout", "30s"));
  static final DropwizardAppExtension<?> APP = SERVER.app;
  static final Duration ANSWER = Duration.ofSeconds(20);
  static String bulkA;
  static String bulkB;
  static String other;
  static String auditor;

  @BeforeAll
  static void clients() {
    bulkA = SERVER.addClient("bulk-a", Role.INGEST, "bulk-a");
    bulkB = SERVER.addClient("bulk-b", Role.INGEST, "bulk-b");
    other = SERVER.addClient("carefirst", Role.INGEST, "carefirst");
    auditor = SERVER.addClient("dpo", Role.AUDITOR, null);
  }

  private static long buffered() {
    return SERVER.metrics().path("gauges").path("http.request-bodies.buffered-bytes")
        .path("value").asLong(-1);
  }

  /** Waits (generously: a loaded machine) until the gauge says at least {@code bytes}; the value. */
  private static long awaitBuffered(long bytes) throws InterruptedException {
    long end = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    long now = buffered();
    while (now < bytes && System.nanoTime() < end) {
      Thread.sleep(50);
      now = buffered();
    }
    return now;
  }

  private HeldBody held(String token, long declared) {
    return new HeldBody(APP.getLocalPort(), token, "/v1/events", declared);
  }

  @AfterEach
  void everyRequestGaveBackWhatItBuffered() throws InterruptedException {
    long end = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (buffered() != 0 && System.nanoTime() < end) {
      Thread.sleep(50);
    }
    assertThat(buffered()).as("bytes still reserved by request bodies").isZero();
  }

  @Test
  void bodiesTogetherHoldAtMostMaxBufferedBytesAndBeyondIs503() throws InterruptedException {
    long size = SERVER.treeSize();
    try (HeldBody a = held(bulkA, 20 * MIB).send(20 * MIB - 1)) {
      assertThat(awaitBuffered(20 * MIB)).as("reserved as it arrived").isEqualTo(20 * MIB);
      // Its buffer doubles from 8 KiB: past 8 MiB it would grow to 16 MiB, 36 MiB in all.
      try (HeldBody b = held(bulkB, 20 * MIB).send(8 * MIB + 1)) {
        ApiServer.Answer refused = b.answer(ANSWER);
        assertThat(refused.status).as(refused.body).isEqualTo(503);
        assertThat(refused.header("Retry-After")).isEqualTo("1");
        assertThat(refused.header("Content-Type")).startsWith("application/json");
        assertThat(refused.json().path("code").asInt()).isEqualTo(503);
        assertThat(refused.json().path("message").asText())
            .contains("POST /v1/events").contains("33554432").contains("maxBufferedBytes")
            .contains("nothing was appended");
      }
      ApiServer.Answer small = SERVER.post(other, "/v1/events", Json.view("o-1", "c-1", "w-1"));
      assertThat(small.status).as("a body that fits is taken meanwhile: %s", small).isEqualTo(201);
    }
    assertThat(SERVER.treeSize()).isEqualTo(size + 1);
  }

  @Test
  void oneClientHasAtMostTwoLargeBodiesInFlight() throws InterruptedException {
    try (HeldBody first = held(bulkA, 2 * MIB).send(10);
        HeldBody second = held(bulkA, 2 * MIB).send(10)) {
      // Both reads have started (each buffer is 8 KiB), so both hold their place: only then the third.
      assertThat(awaitBuffered(2 * 8192)).isEqualTo(2 * 8192);
      try (HeldBody third = held(bulkA, 2 * MIB)) {
        ApiServer.Answer refused = third.answer(ANSWER);
        assertThat(refused.status).as(refused.body).isEqualTo(429);
        assertThat(refused.header("Retry-After")).isEqualTo("1");
        assertThat(refused.json().path("message").asText())
            .contains("bulk-a").contains("2 bodies over 1048576 bytes")
            .contains("maxLargeBodiesPerClient");
      }
      ApiServer.Answer small = SERVER.post(bulkA, "/v1/events", Json.view("a-1", "c-1", "w-1"));
      assertThat(small.status).as("small bodies are not limited: %s", small).isEqualTo(201);
      try (HeldBody otherClient = held(bulkB, 2 * MIB).send(2 * MIB)) {
        assertThat(otherClient.answer(ANSWER).status).as("another client's own two").isEqualTo(400);
      }
    }
    // Both slots were given back when their connections closed.
    int status = 429;
    for (int attempt = 0; attempt < 20 && status == 429; attempt++) {
      try (HeldBody again = held(bulkA, 2 * MIB).send(2 * MIB)) {
        status = again.answer(ANSWER).status;
      }
      if (status == 429) {
        Thread.sleep(250);
      }
    }
    assertThat(status).as("2 MiB of spaces is not JSON: read, then refused").isEqualTo(400);
  }

  @Test
  void onlyAnIngestClientMaySendMoreThan1MiB() {
    try (HeldBody big = new HeldBody(APP.getLocalPort(), auditor, "/v1/events", 2_000_000)) {
      ApiServer.Answer refused = big.send(1).answer(ANSWER);
      assertThat(refused.status).as(refused.body).isEqualTo(413);
      assertThat(refused.json().path("message").asText())
          .contains("is 2000000 bytes, over the 1048576 bytes it may hold");
    }
    try (HeldBody big = new HeldBody(APP.getLocalPort(), auditor, "/v1/audit/reviews", 2_000_000)) {
      assertThat(big.answer(ANSWER).status).isEqualTo(413);
    }
  }
}
