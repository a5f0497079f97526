package io.accessledger.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.accessledger.auth.Role;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.io.IOException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Requests refused by the HTTP layer itself (Jetty's parser and URI checks, before any resource):
 * each is answered in the contract's JSON error shape, never an HTML page, and writes nothing.
 * Matrix parameters are refused too, so that a recorded {@code AUDIT_QUERY} always describes
 * exactly the request that was answered.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class ProtocolRefusalsApiTest {
  static final ApiServer SERVER = new ApiServer();
  static final DropwizardAppExtension<?> APP = SERVER.app;
  static String auditor;
  static String ingest;

  @BeforeAll
  static void clients() {
    auditor = SERVER.addClient("dpo", Role.AUDITOR, null);
    ingest = SERVER.addClient("carefirst", Role.INGEST, "carefirst");
    SERVER.post(ingest, "/v1/events", Json.view("e-1", "c-1", "w-1"));
  }

  private JsonNode refusedAsJson(int status, RawHttp.Reply reply) throws IOException {
    assertThat(reply.status()).as(reply.body()).isEqualTo(status);
    assertThat(reply.header("Content-Type")).as(reply.body()).startsWith("application/json");
    JsonNode body = ApiServer.JSON.readTree(reply.body());
    assertThat(body.path("code").asInt()).isEqualTo(status);
    assertThat(body.path("message").asText()).isNotBlank();
    assertThat(reply.body()).doesNotContain("<html").doesNotContain("at org.eclipse");
    return body;
  }

  private String bearer() {
    return "Authorization: Bearer " + auditor;
  }

  @Test
  void anOversizedHeaderIs431InJson() throws IOException {
    long size = SERVER.treeSize();
    RawHttp.Reply reply = RawHttp.get(APP.getLocalPort(), "/v1/log", bearer(),
        "X-Padding: " + "a".repeat(20_000));
    JsonNode body = refusedAsJson(431, reply);
    assertThat(body.path("message").asText()).containsIgnoringCase("header");
    assertThat(SERVER.treeSize()).isEqualTo(size);
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "/v1/subjects/a%2Fb/events", "/v1/subjects/%2e%2e/events", "/v1/subjects/%2E%2E/events",
      "/v1/subjects/a%00b/events", "//v1/log", "/v1//log", "/v1/subjects/a/../c-1/events",
      "/v1/%2e%2e/v1/log"})
  void suspiciousPathsAre400InJsonAndRecordNothing(String path) throws IOException {
    long size = SERVER.treeSize();
    refusedAsJson(400, RawHttp.get(APP.getLocalPort(), path, bearer()));
    assertThat(SERVER.treeSize()).as("no AUDIT_QUERY was appended").isEqualTo(size);
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "/v1/log;jsessionid=x", "/v1/subjects/c-1;v=1/events", "/v1/subjects/c-1/events;a=b",
      "/v1/checkpoint;x"})
  void matrixParametersAre400NamingThem(String path) throws IOException {
    long size = SERVER.treeSize();
    JsonNode body = refusedAsJson(400, RawHttp.get(APP.getLocalPort(), path, bearer()));
    assertThat(body.path("message").asText()).contains("matrix parameters");
    assertThat(SERVER.treeSize()).as("no AUDIT_QUERY was appended").isEqualTo(size);
  }

  @Test
  void matrixParametersOnAPostAreRefusedBeforeItsBodyIsRead() throws IOException {
    long size = SERVER.treeSize();
    String event = Json.view("e-matrix", "c-1", "w-1");
    JsonNode body = refusedAsJson(400, RawHttp.send(APP.getLocalPort(),
        "POST /v1/events;jsessionid=x HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n"
        + "Authorization: Bearer " + ingest + "\r\nContent-Type: application/json\r\n"
        + "Content-Length: " + event.length() + "\r\n\r\n" + event));
    assertThat(body.path("message").asText()).contains("matrix parameters");
    assertThat(SERVER.treeSize()).isEqualTo(size);
  }

  @Test
  void conflictingOrMalformedContentLengthIs400InJson() throws IOException {
    long size = SERVER.treeSize();
    String event = Json.view("e-cl", "c-1", "w-1");
    String head = "POST /v1/events HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n"
        + "Authorization: Bearer " + ingest + "\r\nContent-Type: application/json\r\n";
    refusedAsJson(400, RawHttp.send(APP.getLocalPort(), head + "Content-Length: " + event.length()
        + "\r\nContent-Length: " + (event.length() + 1) + "\r\n\r\n" + event));
    refusedAsJson(400, RawHttp.send(APP.getLocalPort(),
        head + "Content-Length: twelve\r\n\r\n" + event));
    refusedAsJson(400, RawHttp.send(APP.getLocalPort(),
        head + "Content-Length: -5\r\n\r\n" + event));
    refusedAsJson(400, RawHttp.send(APP.getLocalPort(), head + "Content-Length: " + event.length()
        + "\r\nTransfer-Encoding: chunked\r\n\r\n" + event));
    assertThat(SERVER.treeSize()).isEqualTo(size);
  }

  @Test
  void anUnparseableRequestLineIs400InJson() throws IOException {
    refusedAsJson(400, RawHttp.send(APP.getLocalPort(),
        "GET /v1/log HTTP/1.1\r\nHost: localhost\r\nBad Header\r\nConnection: close\r\n\r\n"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"TRACE", "CONNECT", "BREW"})
  void methodsTheServerDoesNotTakeAre405Or400InJson(String method) throws IOException {
    RawHttp.Reply reply = RawHttp.send(APP.getLocalPort(), method
        + " /v1/log HTTP/1.1\r\nHost: localhost\r\n" + bearer() + "\r\nConnection: close\r\n\r\n");
    refusedAsJson(reply.status() == 400 ? 400 : 405, reply);
  }

  @Test
  void anOrdinaryRequestStillWorks() {
    RawHttp.Reply reply = RawHttp.get(APP.getLocalPort(), "/v1/log", bearer());
    assertThat(reply.status()).as(reply.body()).isEqualTo(200);
  }
}
