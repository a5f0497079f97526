package io.accessledger.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.accessledger.auth.Role;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Request bodies are taken only as the README says: {@code application/json} in UTF-8, as is or
 * gzip-compressed. Everything else is refused with the right status, in the contract's JSON, and
 * appends nothing. Sent over a plain socket, so the headers are exactly those given.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class ContentNegotiationApiTest {
  static final ApiServer SERVER = new ApiServer();
  static final DropwizardAppExtension<?> APP = SERVER.app;
  static String ingest;
  static String auditor;

  @BeforeAll
  static void clients() {
    ingest = SERVER.addClient("carefirst", Role.INGEST, "carefirst");
    auditor = SERVER.addClient("dpo", Role.AUDITOR, null);
  }

  private static ApiServer.Answer post(String path, byte[] body, String... headers) {
    StringBuilder head = new StringBuilder("POST " + path + " HTTP/1.1\r\nAuthorization: Bearer "
        + ingest + "\r\nContent-Length: " + body.length);
    for (String header : headers) {
      head.append("\r\n").append(header);
    }
    return SERVER.raw(head.toString(), body);
  }

  private static byte[] view(String eventId) {
    return Json.view(eventId, "c-1", "w-1").getBytes(StandardCharsets.UTF_8);
  }

  /** Posts and checks status, JSON shape, message and that the log did not grow. */
  private static JsonNode refused(int status, String messagePart, String path, byte[] body,
      String... headers) {
    long size = SERVER.treeSize();
    ApiServer.Answer answer = post(path, body, headers);
    assertThat(answer.status).as(answer.body).isEqualTo(status);
    assertThat(answer.header("Content-Type")).startsWith("application/json");
    JsonNode json = answer.json();
    assertThat(json.path("code").asInt()).isEqualTo(status);
    assertThat(json.path("message").asText()).contains(messagePart);
    assertThat(answer.body).doesNotContain("Exception").doesNotContain("\tat ");
    assertThat(SERVER.treeSize()).as("nothing was appended").isEqualTo(size);
    return json;
  }

  private static void accepted(String eventId, String... headers) {
    accepted(eventId, view(eventId), headers);
  }

  private static void accepted(String eventId, byte[] body, String... headers) {
    ApiServer.Answer answer = post("/v1/events", body, headers);
    assertThat(answer.status).as(answer.body).isEqualTo(201);
    assertThat(answer.json().path("eventId").asText()).isEqualTo(eventId);
  }

  @Test
  void aBodyWithNoOrAWildcardMediaTypeIs415() {
    refused(415, "no Content-Type", "/v1/events", view("n-none"));
    refused(415, "\"*/*\"", "/v1/events", view("n-any"), "Content-Type: */*");
    refused(415, "\"application/*\"", "/v1/events/batch", view("n-app"), "Content-Type: application/*");
    refused(415, "\"text/plain\"", "/v1/audits/reviews", view("n-text"), "Content-Type: text/plain");
    refused(415, "\"boundary\"", "/v1/events", view("n-param"),
        "Content-Type: application/json; boundary=x");
    refused(415, "2 Content-Type headers", "/v1/events", view("n-two"),
        "Content-Type: application/json", "Content-Type: application/json");
  }

  @Test
  void aCharsetOtherThanUtf8Is415() {
    refused(415, "\"latin1\"", "/v1/events", view("n-latin1"),
        "Content-Type: application/json; charset=latin1");
    byte[] utf16 = Json.view("n-utf16", "c-1", "w-1").getBytes(StandardCharsets.UTF_16);
    refused(415, "\"utf-16\"", "/v1/events", utf16, "Content-Type: application/json; charset=utf-16");
  }

  @Test
  void jsonInUtf8IsTakenWhicheverWayItIsSpelt() {
    accepted("n-plain", "Content-Type: application/json");
    accepted("n-utf8", "Content-Type: application/json; charset=utf-8");
    accepted("n-quoted", "Content-Type: Application/JSON;CHARSET=\"UTF-8\"");
    accepted("n-identity", "Content-Type: application/json", "Content-Encoding: identity");
  }

  @Test
  void aGzipBodyIsInflatedAndStoredAsPosted() {
    long before = SERVER.treeSize();
    accepted("n-gzip", gzip(view("n-gzip")), "Content-Type: application/json",
        "Content-Encoding: gzip");
    accepted("n-x-gzip", gzip(view("n-x-gzip")), "Content-Type: application/json",
        "Content-Encoding: x-gzip");
    ApiServer.Answer batch = post("/v1/events/batch",
        gzip(Json.batch(Json.view("n-gz-1", "c", "w"), Json.view("n-gz-2", "c", "w"))
            .getBytes(StandardCharsets.UTF_8)),
        "Content-Type: application/json", "Content-Encoding: GZIP");
    assertThat(batch.status).as(batch.body).isEqualTo(201);
    assertThat(SERVER.treeSize()).isEqualTo(before + 4);
    JsonNode entry = SERVER.get(auditor, "/v1/entries/" + before).json();
    assertThat(entry.path("leaf").asText()).contains("\"eventId\":\"n-gzip\"");
  }

  @Test
  void aChunkedBodyIsReadLikeAnyOtherAndHeldToTheSameLimit() {
    String head = "POST /v1/events HTTP/1.1\r\nAuthorization: Bearer " + ingest
        + "\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked";
    ApiServer.Answer answer = SERVER.raw(head + "\r\nContent-Encoding: gzip",
        chunked(gzip(view("n-chunked"))));
    assertThat(answer.status).as(answer.body).isEqualTo(201);

    byte[] large = new byte[(1 << 20) + 1];
    Arrays.fill(large, (byte) ' ');
    long size = SERVER.treeSize();
    ApiServer.Answer tooLarge = SERVER.raw(head.replace("/v1/events", "/v1/events/batch"),
        chunked(large));
    assertThat(tooLarge.status).as(tooLarge.body).isEqualTo(413);
    assertThat(tooLarge.json().path("message").asText()).contains("is over the 1048576 bytes");
    assertThat(SERVER.treeSize()).isEqualTo(size);

    ApiServer.Answer badChunk =
        SERVER.raw(head, "zz\r\n{}\r\n0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
    assertThat(badChunk.status).as(badChunk.body).isEqualTo(400);
    assertThat(badChunk.json().path("message").asText()).contains("could not be read");
    assertThat(SERVER.treeSize()).isEqualTo(size);
  }

  @Test
  void aCorruptOrTruncatedGzipBodyIs400() {
    byte[] gzip = gzip(view("n-bad"));
    String[] headers = {"Content-Type: application/json", "Content-Encoding: gzip"};
    refused(400, "not gzip data", "/v1/events", view("n-bad"), headers);
    byte[] flipped = gzip.clone();
    flipped[14] ^= (byte) 0xff;
    refused(400, "cannot be read", "/v1/events", flipped, headers);
    refused(400, "truncated", "/v1/events", Arrays.copyOf(gzip, gzip.length - 20), headers);
    refused(400, "trailer is missing", "/v1/events", Arrays.copyOf(gzip, gzip.length - 4), headers);
    byte[] badCrc = gzip.clone();
    badCrc[gzip.length - 8] ^= 1;
    refused(400, "CRC", "/v1/events", badCrc, headers);
    byte[] trailing = Arrays.copyOf(gzip, gzip.length + 3);
    refused(400, "bytes follow the end of the gzip data", "/v1/events", trailing, headers);
    refused(400, "empty", "/v1/events", new byte[0], headers);
  }

  @Test
  void aGzipBombIs413AsSoonAsItInflatesPastTheLimit() {
    String[] headers = {"Content-Type: application/json", "Content-Encoding: gzip"};
    byte[] twoMiB = new byte[2 << 20];
    Arrays.fill(twoMiB, (byte) ' ');
    refused(413, "inflates to over the 1048576 bytes", "/v1/events/batch", gzip(twoMiB), headers);
    byte[] fortyMiB = new byte[40 << 20];
    Arrays.fill(fortyMiB, (byte) ' ');
    byte[] bomb = gzip(fortyMiB);
    assertThat(bomb.length).as("a small body").isLessThan(100_000);
    refused(413, "inflates to over the 33554432 bytes", "/v1/events", bomb, headers);
  }

  @Test
  void anotherContentCodingIs415NamingIt() {
    for (String coding : new String[] {"br", "deflate", "zstd", "gzip, br", "gzip, gzip"}) {
      JsonNode body = refused(415, "\"" + coding + "\"", "/v1/events", view("n-coding"),
          "Content-Type: application/json", "Content-Encoding: " + coding);
      assertThat(body.path("message").asText()).contains("gzip");
    }
    ApiServer.Answer answer = post("/v1/events", view("n-br"),
        "Content-Type: application/json", "Content-Encoding: br");
    assertThat(answer.header("Accept-Encoding")).isEqualTo("gzip");
  }

  /** {@code data} in chunks of at most 64 KiB, then the last, empty, chunk. */
  private static byte[] chunked(byte[] data) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (int at = 0; at < data.length; at += 65536) {
      int length = Math.min(65536, data.length - at);
      out.writeBytes((Integer.toHexString(length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
      out.write(data, at, length);
      out.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
    }
    out.writeBytes("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
    return out.toByteArray();
  }

  private static byte[] gzip(byte[] data) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gzip = new GZIPOutputStream(out) {
      {
        def.setLevel(Deflater.BEST_COMPRESSION);
      }
    }) {
      gzip.write(data);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }
}
