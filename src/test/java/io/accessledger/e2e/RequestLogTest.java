package io.accessledger.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.accessledger.auth.Role;
import io.accessledger.support.TempDirs;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The request log is structured (one JSON object per request), and neither it nor the application
 * log at the shipped level holds a token. (Jetty's own DEBUG logging prints request headers:
 * SECURITY.md says never to enable it in production.)
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class RequestLogTest {
  static final Path LOGS = tempDir();
  static final ApiServer SERVER = new ApiServer("INFO",
      ConfigOverride.config("server.requestLog.appenders[0].type", "file"),
      ConfigOverride.config("server.requestLog.appenders[0].currentLogFilename",
          LOGS.resolve("requests.log").toString()),
      ConfigOverride.config("server.requestLog.appenders[0].archive", "false"),
      ConfigOverride.config("logging.appenders[0].type", "file"),
      ConfigOverride.config("logging.appenders[0].currentLogFilename",
          LOGS.resolve("app.log").toString()),
      ConfigOverride.config("logging.appenders[0].archive", "false"));
  static final DropwizardAppExtension<?> APP = SERVER.app;

  private static Path tempDir() {
    return TempDirs.deletedAtExit("access-ledger-logs");
  }

  @Test
  void requestsAreLoggedAsJsonWithoutTheirTokens() throws Exception {
    String ingest = SERVER.addClient("carefirst", Role.INGEST, "carefirst");
    String auditor = SERVER.addClient("dpo", Role.AUDITOR, null);
    String wrong = "alt_" + "Z".repeat(43);
    SERVER.post(ingest, "/v1/events", Json.view("log-1", "c-1", "w-1"));
    SERVER.post(ingest, "/v1/events", "{broken");
    SERVER.get(auditor, "/v1/subjects/c-1/events");
    SERVER.get(wrong, "/v1/log");
    SERVER.get(ingest, "/v1/checkpoint");

    Path requests = LOGS.resolve("requests.log");
    List<JsonNode> lines = new ArrayList<>();
    long deadline = System.nanoTime() + 5_000_000_000L; // the request log is written asynchronously
    while (lines.size() < 5 && System.nanoTime() < deadline) {
      Thread.sleep(50);
      lines.clear();
      if (Files.exists(requests)) {
        for (String line : Files.readAllLines(requests)) {
          lines.add(ApiServer.JSON.readTree(line));
        }
      }
    }
    assertThat(lines).hasSizeGreaterThanOrEqualTo(5);
    Path app = LOGS.resolve("app.log");
    while (!(Files.exists(app) && Files.size(app) > 0) && System.nanoTime() < deadline) {
      Thread.sleep(50); // the application log is written asynchronously too
    }
    assertThat(lines).extracting(l -> l.path("status").asInt()).contains(201, 400, 200, 401, 403);
    assertThat(lines).allSatisfy(l -> assertThat(l.path("method").asText()).isIn("GET", "POST"));

    String everything = Files.readString(requests) + Files.readString(app);
    assertThat(app).as("the application log was written").isNotEmptyFile();
    for (String token : List.of(ingest, auditor, wrong)) {
      assertThat(everything.contains(token.substring(4, 20))).as("a token in the logs").isFalse();
    }
  }
}
