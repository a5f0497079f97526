package io.accessledger.cosigning;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * Posts {@code add-checkpoint} requests, with a connect timeout and a timeout on the whole answer,
 * so that a witness that is slow or hangs holds up only the submitter's own thread, for a bounded
 * time. Follows no redirect. Keeps connections alive between requests, as the protocol asks.
 */
final class WitnessClient {
  /** The most of an answer read: a few cosignature lines, or a size, are far less. */
  static final int MAX_BODY_BYTES = 64 * 1024;

  private final HttpClient http;
  private final Duration timeout;

  WitnessClient(Duration connectTimeout, Duration timeout) {
    this.http = HttpClient.newBuilder()
        .connectTimeout(connectTimeout)
        .followRedirects(HttpClient.Redirect.NEVER)
        .build();
    this.timeout = timeout;
  }

  /**
   * Posts {@code request} to {@code url}.
   *
   * @throws IOException if the witness cannot be reached or does not answer in time
   */
  WitnessAnswer post(URI url, AddCheckpoint request) throws IOException {
    HttpRequest post = HttpRequest.newBuilder(url)
        .timeout(timeout)
        .header("Content-Type", "text/plain; charset=utf-8")
        .POST(HttpRequest.BodyPublishers.ofByteArray(request.body()))
        .build();
    try {
      HttpResponse<InputStream> response = http.send(post, HttpResponse.BodyHandlers.ofInputStream());
      try (InputStream in = response.body()) {
        byte[] body = in.readNBytes(MAX_BODY_BYTES);
        return new WitnessAnswer(response.statusCode(),
            response.headers().firstValue("Content-Type").orElse(""),
            new String(body, StandardCharsets.UTF_8));
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while asking the witness", e);
    }
  }
}
