package io.accessledger.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.accessledger.auth.Role;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Every refusal the contract names, each answered in the contract's error shape with a message that
 * names the problem, and each leaving the log exactly as it was (no entry, not even an audit entry).
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class ErrorsApiTest {
  static final ApiServer SERVER = new ApiServer();
  static final DropwizardAppExtension<?> APP = SERVER.app;
  static String ingest;
  static String auditor;

  @BeforeAll
  static void clients() {
    ingest = SERVER.addClient("carefirst", Role.INGEST, "carefirst");
    auditor = SERVER.addClient("dpo", Role.AUDITOR, null);
    SERVER.post(ingest, "/v1/events", Json.view("e-existing", "c-1", "w-1"));
  }

  /** Runs the request and checks status, shape, message and that nothing was written. */
  private JsonNode refused(int status, String messagePart, Supplier<ApiServer.Answer> request) {
    long size = SERVER.treeSize();
    ApiServer.Answer answer = request.get();
    assertThat(answer.status).as(answer.body).isEqualTo(status);
    assertThat(answer.header("Content-Type")).startsWith("application/json");
    JsonNode body = answer.json();
    assertThat(body.path("code").asInt()).isEqualTo(status);
    assertThat(body.path("message").asText()).contains(messagePart);
    assertThat(answer.header("Ledger-Audit-Seq")).isNull();
    assertThat(SERVER.treeSize()).as("nothing was appended").isEqualTo(size);
    return body;
  }

  @Test
  void malformedJsonIs400() {
    refused(400, "malformed JSON", () -> SERVER.post(ingest, "/v1/events", "{\"eventId\":"));
    refused(400, "duplicate key", () -> SERVER.post(ingest, "/v1/events", "{\"a\":1,\"a\":2}"));
    refused(400, "malformed JSON", () -> SERVER.post(ingest, "/v1/events/batch", "[{]"));
  }

  @Test
  void badQueryParametersAre400BeforeAnythingIsRecorded() {
    refused(400, "limit", () -> SERVER.get(auditor, "/v1/subjects/c-1/events?limit=0"));
    refused(400, "from", () -> SERVER.get(auditor, "/v1/subjects/c-1/events?from=yesterday"));
    refused(400, "type", () -> SERVER.get(auditor, "/v1/actors/w-1/events?type=COFFEE"));
    refused(400, "unknown query parameter \"colour\"",
        () -> SERVER.get(auditor, "/v1/subjects/c-1/events?colour=red"));
    refused(400, "more than once", () -> SERVER.get(auditor, "/v1/subjects/c-1/events?limit=1&limit=2"));
    refused(400, "seq", () -> SERVER.get(auditor, "/v1/entries/minus-one"));
    refused(400, "from <= to", () -> SERVER.get(auditor, "/v1/proofs/consistency?from=2&to=1"));
  }

  @Test
  void missingUnknownAndRevokedTokensAre401() {
    refused(401, "no Authorization header", () -> SERVER.post(null, "/v1/events", Json.view("e-401", "c", "w")));
    refused(401, "unknown or revoked", () -> SERVER.post(
        "alt_" + "A".repeat(43), "/v1/events", Json.view("e-401", "c", "w")));
    refused(401, "", () -> SERVER.get(null, "/v1/log"));

    String doomed = SERVER.addClient("leaver", Role.INGEST, "carefirst");
    assertThat(SERVER.post(doomed, "/v1/events", Json.view("e-before-revoke", "c", "w")).status)
        .isEqualTo(201);
    SERVER.revoke("leaver");
    // Revocation takes effect at once: the very next request is refused.
    refused(401, "unknown or revoked",
        () -> SERVER.post(doomed, "/v1/events", Json.view("e-after-revoke", "c", "w")));
    ApiServer.Answer answer = SERVER.get(null, "/v1/checkpoint");
    assertThat(answer.header("WWW-Authenticate")).startsWith("Bearer");
  }

  @Test
  void aRoleThatMayNotIs403() {
    refused(403, "may not use GET /v1/checkpoint", () -> SERVER.get(ingest, "/v1/checkpoint"));
    refused(403, "may not use POST /v1/events", () -> SERVER.post(auditor, "/v1/events",
        Json.view("e-403", "c", "w")));
  }

  @Test
  void unknownEntriesSizesAndPathsAre404() {
    refused(404, "no entry 999999", () -> SERVER.get(auditor, "/v1/entries/999999"));
    refused(404, "treeSize", () -> SERVER.get(auditor, "/v1/entries/0?treeSize=999999"));
    refused(404, "no signed tree of size", () -> SERVER.get(auditor, "/v1/proofs/consistency?from=1&to=999999"));
    refused(404, "no such resource", () -> SERVER.get(auditor, "/v1/people"));
  }

  @Test
  void aConflictingReplayIs409() {
    refused(409, "e-existing", () -> SERVER.post(ingest, "/v1/events", Json.view("e-existing", "c-1", "w-2")));
    refused(409, "event [1]", () -> SERVER.post(ingest, "/v1/events/batch",
        Json.batch(Json.view("e-new-in-409", "c", "w"), Json.view("e-existing", "c-1", "w-2"))));
    assertThat(SERVER.post(ingest, "/v1/events", Json.view("e-new-in-409", "c", "w")).status)
        .as("the batch refused with 409 wrote none of its events").isEqualTo(201);
  }

  @Test
  void oversizedBodiesAndBatchesAre413() {
    String padding = "x".repeat(4000);
    StringBuilder big = new StringBuilder("{\"eventId\":\"e-big\",\"type\":\"VIEW\",\"extensions\":{");
    for (int i = 0; i < 300; i++) {
      big.append(i == 0 ? "" : ",").append("\"k").append(i).append("\":\"").append(padding).append('"');
    }
    big.append("}}");
    refused(413, "at most 1048576", () -> SERVER.post(ingest, "/v1/events", big.toString()));
    // A declared length over the limit is refused before the body is read, so the client may
    // not manage to send it all: sent over a raw socket, headers and the first bytes only.
    // (Only the first kilobyte: the server may answer and close while a larger write is under
    // way, and the client would see a broken pipe instead of the answer.)
    refused(413, "1048576", () -> SERVER.rawPost(ingest, "/v1/events/batch", 2_000_000,
        "[" + big.substring(0, 1024)));
    List<String> many = new ArrayList<>();
    for (int i = 0; i < 1001; i++) {
      many.add(Json.view("e-many-" + i, "c", "w"));
    }
    refused(413, "1001 events", () -> SERVER.post(ingest, "/v1/events/batch", "[" + String.join(",", many) + "]"));
  }

  @Test
  void aWrongMediaTypeIs415() {
    refused(415, "application/json", () -> SERVER.post(ingest, "/v1/events", Json.view("e-415", "c", "w"), "text/plain"));
  }

  @Test
  void invalidEventsAre422NamingEachField() {
    JsonNode unknown = refused(422, "unknown field \"colour\"", () -> SERVER.post(ingest, "/v1/events",
        Json.view("e-422", "c", "w").replace("\"purpose\"", "\"colour\":\"red\",\"purpose\"")));
    assertThat(unknown.path("errors").toString()).contains("colour");

    refused(422, "legalBasis", () -> SERVER.post(ingest, "/v1/events",
        Json.view("e-422", "c", "w").replace("\"UKGDPR-6-1-e\",", "")));
    refused(422, "rowCount", () -> SERVER.post(ingest, "/v1/events",
        Json.extract("e-422-float", "c").replace("\"rowCount\":1", "\"rowCount\":1.5")));
    refused(422, "written by the ledger", () -> SERVER.post(ingest, "/v1/events",
        Json.view("e-422", "c", "w").replace("\"VIEW\"", "\"AUDIT_QUERY\"")));
    refused(422, "JSON object", () -> SERVER.post(ingest, "/v1/events", "[1]"));

    JsonNode batch = refused(422, "[2].actor", () -> SERVER.post(ingest, "/v1/events/batch", Json.batch(
        Json.view("e-ok-1", "c", "w"), Json.view("e-ok-2", "c", "w"),
        Json.view("e-bad-3", "c", "w").replace("\"id\":\"w\"", "\"id\":\"\""))));
    assertThat(batch.path("errors").get(0).asText()).startsWith("[2].actor.id");
    refused(422, "repeats the eventId of event [0]", () -> SERVER.post(ingest, "/v1/events/batch",
        Json.batch(Json.view("e-twice", "c", "w"), Json.view("e-twice", "c", "w"))));
  }

  @Test
  void refusedPostsAreMeteredByReason() throws Exception {
    SERVER.post(ingest, "/v1/events", "{");
    String metrics = APP.client().target("http://localhost:" + APP.getAdminPort() + "/metrics")
        .request().get(String.class);
    JsonNode meters = ApiServer.JSON.readTree(metrics).path("meters");
    assertThat(meters.path("events.refused.malformed").path("count").asLong()).isPositive();
  }
}
