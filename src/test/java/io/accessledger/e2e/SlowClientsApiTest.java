package io.accessledger.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.accessledger.auth.Role;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * One client with a valid token cannot starve the others (issue 18, item 2): its slow bodies hold
 * no thread and are refused 408 once too slow, its requests beyond the in-flight limit are refused
 * 429 at once, and another client's posts all succeed throughout (the figures are printed; the
 * issue's "within a second" is asserted of the median, since a loaded 2-core CI machine can delay
 * any one post). Runs the shipped limits ({@code requestLimits} in config.yml: 5 s, 64 KiB/s, 64
 * per client). Timeouts are generous and the assertions are on outcomes, not on tight timings.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class SlowClientsApiTest {
  static final ApiServer SERVER = new ApiServer();
  static final DropwizardAppExtension<?> APP = SERVER.app;
  static final int SLOW = 1200;
  static String greedy;
  static String other;

  private final HttpClient http = HttpClient.newBuilder()
      .version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(10))
      .build();

  @BeforeAll
  static void clients() {
    greedy = SERVER.addClient("greedy", Role.INGEST, "greedy");
    other = SERVER.addClient("carefirst", Role.INGEST, "carefirst");
  }

  /** Posts one event; the answer's status, or -1 if none came within 10 s. Records the latency. */
  private int post(String token, String eventId, List<Long> latencies) {
    HttpRequest request = HttpRequest.newBuilder(
            URI.create("http://localhost:" + APP.getLocalPort() + "/v1/events"))
        .timeout(Duration.ofSeconds(10))
        .header("Authorization", "Bearer " + token)
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(Json.view(eventId, "c-1", "w-1")))
        .build();
    long start = System.nanoTime();
    int status;
    try {
      status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    } catch (Exception e) {
      status = -1;
    }
    latencies.add((System.nanoTime() - start) / 1_000_000);
    return status;
  }

  @Test
  void twelveHundredSlowBodiesFromOneTokenStarveNoOtherClient() {
    long before = SERVER.treeSize();
    List<Integer> otherStatuses = new ArrayList<>();
    List<Long> latencies = new ArrayList<>();
    Map<Integer, Integer> slowAnswers;
    try (SlowBodies slow = new SlowBodies(APP.getLocalPort(), greedy, "/v1/events", SLOW, 500, 1000)) {
      // Once all but 64 are answered (429), the greedy client's 64 places are surely taken: on a
      // loaded machine the server may still be reading headers when the constructor returns.
      long opened = System.nanoTime() + Duration.ofSeconds(30).toNanos();
      while (slow.unanswered() > 64 && System.nanoTime() < opened) {
        Thread.onSpinWait();
      }
      ApiServer.Answer greedyPost = SERVER.post(greedy, "/v1/events", Json.view("g-0", "c-1", "w-1"));
      assertThat(greedyPost.status).as(greedyPost.body).isEqualTo(429);
      assertThat(greedyPost.header("Retry-After")).isEqualTo("1");
      assertThat(greedyPost.json().path("message").asText()).contains("greedy").contains("64");

      long end = System.nanoTime() + Duration.ofSeconds(60).toNanos();
      long minimumEnd = System.nanoTime() + Duration.ofSeconds(6).toNanos();
      for (int i = 0; System.nanoTime() < end
          && (slow.unanswered() > 0 || System.nanoTime() < minimumEnd); i++) {
        otherStatuses.add(post(other, "o-" + i, latencies));
      }
      slowAnswers = slow.awaitAnswers(30_000);
      String timeout = slow.anAnswer(408);
      System.out.printf("slow bodies: %s, opened in %d ms (408 at most %d ms after that, 429 at"
              + " most %d ms); other client: %d posts, median %d ms, max %d ms%n", slowAnswers,
          slow.openingMillis(), slow.slowestAnswerMillis(408), slow.slowestAnswerMillis(429),
          latencies.size(),
          median(latencies), Collections.max(latencies));
      assertThat(timeout).as("a 408 in the contract's JSON")
          .contains("Content-Type: application/json").contains("\"code\":408")
          .contains("arrived too slowly");
    }
    assertThat(otherStatuses).as("every post by the other client succeeded").isNotEmpty()
        .containsOnly(201);
    assertThat(median(latencies)).as("the median post, in ms").isLessThan(1000);
    assertThat(slowAnswers).as("every slow body was refused 408 or 429")
        .containsOnlyKeys(408, 429)
        .containsEntry(408, 64)
        .containsEntry(429, SLOW - 64);
    assertThat(SERVER.treeSize()).as("only the other client's events were appended")
        .isEqualTo(before + otherStatuses.size());

    // Every refused request gave its slot back: the greedy client may post again.
    assertThat(post(greedy, "g-1", new ArrayList<>())).isEqualTo(201);
    JsonNode meters = SERVER.metrics().path("meters");
    assertThat(meters.path("events.refused.timeout").path("count").asLong()).isGreaterThanOrEqualTo(64);
    assertThat(meters.path("events.refused.too-many-requests").path("count").asLong())
        .isGreaterThanOrEqualTo(SLOW - 64);
  }

  @Test
  void aStalledBodyIs408InTheContractsJsonAndWritesNothing() {
    long size = SERVER.treeSize();
    long start = System.nanoTime();
    ApiServer.Answer answer = SERVER.rawPost(other, "/v1/events/batch", 500, "[");
    long millis = (System.nanoTime() - start) / 1_000_000;
    assertThat(answer.status).as(answer.body).isEqualTo(408);
    assertThat(answer.header("Content-Type")).startsWith("application/json");
    JsonNode body = answer.json();
    assertThat(body.path("code").asInt()).isEqualTo(408);
    assertThat(body.path("message").asText()).contains("POST /v1/events/batch")
        .contains("arrived too slowly: 1 byte in 5.");
    assertThat(millis).as("refused about bodyTimeout after the headers").isBetween(4_900L, 20_000L);
    assertThat(SERVER.treeSize()).isEqualTo(size);
  }

  /**
   * No credit for what came before: 8 MiB sent fast, then a byte every 2 s, is refused about
   * {@code bodyTimeout} after the fast part (it once earned 128 s more, and 32 MiB earned 8 min).
   */
  @Test
  void aBodyThatStallsAfterAFastStartIs408ABodyTimeoutAfterTheStall() {
    long size = SERVER.treeSize();
    try (HeldBody body = new HeldBody(APP.getLocalPort(), other, "/v1/events", 32 << 20)) {
      body.send(8 << 20);
      long stalled = System.nanoTime();
      body.trickle(Duration.ofSeconds(2));
      ApiServer.Answer answer = body.answer(Duration.ofSeconds(40));
      long millis = (System.nanoTime() - stalled) / 1_000_000;
      assertThat(answer.status).as(answer.body).isEqualTo(408);
      assertThat(answer.json().path("message").asText()).contains("arrived too slowly")
          .contains("or bring at least 327680 more bytes in every 5.0 s");
      // 5 s after the last 320 KiB arrived, which is at most when send returned; a loaded machine
      // may answer late, but nowhere near the 128 s the old credit gave.
      assertThat(millis).as("ms after the fast part").isBetween(1_000L, 30_000L);
    }
    assertThat(SERVER.treeSize()).isEqualTo(size);
  }

  private static long median(List<Long> values) {
    List<Long> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    return sorted.get(sorted.size() / 2);
  }
}
