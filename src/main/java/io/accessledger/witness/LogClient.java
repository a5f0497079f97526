package io.accessledger.witness;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.accessledger.ledger.merkle.Digest;
import io.accessledger.ledger.notes.CheckpointException;
import io.accessledger.ledger.notes.VerifierKey;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The three reads a witness makes of an access-ledger, over {@link HttpClient} with the bearer
 * token: {@code GET /v1/log}, {@code /v1/checkpoint} and {@code /v1/proofs/consistency}.
 *
 * <p>Only transport and shape are checked here (status, size, JSON, hex); signatures and proofs
 * are the caller's. Redirects are never followed, so the token goes only to the URL given. The
 * token never appears in a message: the server's own error text is quoted only after any copy of
 * it is masked. Each failure is a {@link WitnessException} whose exit code says what kind it was.
 */
final class LogClient {
  /** Largest answer read; a checkpoint or a consistency proof is a few kilobytes. */
  static final int MAX_BODY = 1 << 20;

  private static final ObjectMapper JSON = new ObjectMapper();

  private final String base;
  private final String token;
  private final Duration timeout;
  private final HttpClient http;

  /**
   * @param base the log's base URL, as {@link #baseUrl} checked it
   * @param token the bearer token of an auditor or investigator client
   */
  LogClient(String base, String token, Duration timeout) {
    this.base = base;
    this.token = token;
    this.timeout = timeout;
    this.http = HttpClient.newBuilder()
        .connectTimeout(timeout)
        .followRedirects(HttpClient.Redirect.NEVER)
        .build();
  }

  /**
   * {@code url} without a trailing slash, if it is an absolute http or https URL with a host and
   * no user info, query or fragment (user info would be a credential printed in every message).
   *
   * @throws WitnessException (usage) naming what is wrong
   */
  static String baseUrl(String url) throws WitnessException {
    URI uri;
    try {
      uri = new URI(url);
    } catch (URISyntaxException e) {
      throw usage("--url is not a URL: " + e.getMessage());
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https")) {
      throw usage("--url must start with http:// or https://, got " + url);
    }
    if (uri.getHost() == null) {
      throw usage("--url has no host: " + url);
    }
    if (uri.getRawUserInfo() != null) {
      throw usage("--url must not hold a user name or password; the token is given with --token");
    }
    if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
      throw usage("--url must be the log's base URL, without a query or fragment: " + url);
    }
    String text = uri.toString();
    while (text.endsWith("/")) {
      text = text.substring(0, text.length() - 1);
    }
    return text;
  }

  /** Refuses a token that could not be a bearer token, without echoing it. */
  static void checkToken(String token) throws WitnessException {
    if (token == null || token.isEmpty()) {
      throw usage("the token is empty");
    }
    for (int i = 0; i < token.length(); i++) {
      char c = token.charAt(i);
      if (c <= 0x20 || c >= 0x7f) {
        throw usage("the token holds a space, control or non-ASCII character at position " + i
            + "; a bearer token is printable ASCII");
      }
    }
  }

  String base() {
    return base;
  }

  /**
   * The verifier key {@code GET /v1/log} publishes, for pinning on first use.
   *
   * @throws WitnessException if the answer is not a key whose name is the log's origin
   */
  VerifierKey verifierKey() throws WitnessException {
    String path = "/v1/log";
    JsonNode answer = json(path, get(path, "application/json"));
    String origin = answer.path("origin").asText("");
    try {
      VerifierKey key = VerifierKey.parse(answer.path("verifierKey").asText(""));
      if (!key.name().equals(origin)) {
        throw badAnswer(path, "its verifier key is named " + key.name()
            + " but its origin is " + origin);
      }
      return key;
    } catch (CheckpointException e) {
      throw badAnswer(path, "its verifierKey is not a verifier key: " + e.getMessage());
    }
  }

  /** The latest signed checkpoint note, as text; not yet verified. */
  String checkpoint() throws WitnessException {
    String path = "/v1/checkpoint";
    return utf8(path, get(path, "text/plain"));
  }

  /**
   * The consistency proof from {@code from} to {@code to}; not yet verified.
   *
   * @throws WitnessException if the answer is not {@code {"from","to","proof":[hex…]}} for those
   *     sizes
   */
  List<Digest> consistency(long from, long to) throws WitnessException {
    String path = "/v1/proofs/consistency?from=" + from + "&to=" + to;
    JsonNode answer = json(path, get(path, "application/json"));
    if (answer.path("from").asLong(-1) != from || answer.path("to").asLong(-1) != to) {
      throw badAnswer(path, "it is for sizes " + answer.path("from") + " to " + answer.path("to"));
    }
    JsonNode proof = answer.path("proof");
    if (!proof.isArray()) {
      throw badAnswer(path, "it has no proof array");
    }
    List<Digest> hashes = new ArrayList<>(proof.size());
    for (JsonNode hash : proof) {
      try {
        hashes.add(Digest.fromHex(hash.isTextual() ? hash.asText() : ""));
      } catch (IllegalArgumentException e) {
        throw badAnswer(path, "proof[" + hashes.size() + "] is not a 64-digit hex hash");
      }
    }
    return hashes;
  }

  private byte[] get(String path, String accept) throws WitnessException {
    String url = base + path;
    HttpRequest request = HttpRequest.newBuilder(URI.create(url))
        .timeout(timeout)
        .header("Authorization", "Bearer " + token)
        .header("Accept", accept)
        .GET()
        .build();
    HttpResponse<InputStream> response;
    byte[] body;
    try {
      response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
      try (InputStream in = response.body()) {
        body = in.readNBytes(MAX_BODY + 1);
      }
    } catch (HttpTimeoutException e) {
      throw new WitnessException(WitnessExit.UNREACHABLE,
          "no answer from the log within " + timeout.toSeconds() + " s: GET " + url, e);
    } catch (ConnectException e) {
      throw new WitnessException(WitnessExit.UNREACHABLE,
          "cannot connect to the log: GET " + url + ": connection refused or unreachable", e);
    } catch (IOException e) {
      throw new WitnessException(WitnessExit.UNREACHABLE,
          "cannot reach the log: GET " + url + ": " + e.getClass().getSimpleName()
              + (e.getMessage() == null ? "" : ": " + mask(e.getMessage())), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new WitnessException(WitnessExit.UNREACHABLE, "interrupted while reading " + url, e);
    }
    if (body.length > MAX_BODY) {
      throw badAnswer(path, "it is larger than " + MAX_BODY + " bytes");
    }
    int status = response.statusCode();
    if (status == 401) {
      throw new WitnessException(WitnessExit.TOKEN_REFUSED, "the log refused the token (401"
          + " Unauthorized) for GET " + url + ": it is unknown or revoked" + said(body));
    }
    if (status == 403) {
      throw new WitnessException(WitnessExit.TOKEN_REFUSED, "the token's client may not read GET "
          + url + " (403 Forbidden): the witness needs an auditor or investigator client's token"
          + said(body));
    }
    if (status != 200) {
      throw badAnswer(path, "HTTP status " + status + said(body));
    }
    return body;
  }

  private JsonNode json(String path, byte[] body) throws WitnessException {
    try {
      JsonNode node = JSON.readTree(body);
      if (node == null || !node.isObject()) {
        throw badAnswer(path, "it is not a JSON object");
      }
      return node;
    } catch (IOException e) {
      throw badAnswer(path, "it is not JSON");
    }
  }

  private String utf8(String path, byte[] body) throws WitnessException {
    try {
      return StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(body))
          .toString();
    } catch (CharacterCodingException e) {
      throw badAnswer(path, "it is not UTF-8 text");
    }
  }

  /** The server's error message, for the operator: shortened, printable, the token masked. */
  private String said(byte[] body) {
    String text = new String(body, StandardCharsets.UTF_8);
    try {
      JsonNode node = JSON.readTree(body);
      if (node != null && node.path("message").isTextual()) {
        text = node.path("message").asText();
      }
    } catch (IOException e) {
      // not JSON: quote the raw text
    }
    text = mask(text).replaceAll("\\p{Cntrl}", " ").strip();
    if (text.length() > 200) {
      text = text.substring(0, 200) + "...";
    }
    return text.isEmpty() ? "" : "; the log said: " + text;
  }

  private String mask(String text) {
    return text.replace(token, "<token>");
  }

  private WitnessException badAnswer(String path, String problem) {
    return new WitnessException(WitnessExit.BAD_ANSWER,
        "unexpected answer from the log to GET " + base + path + ": " + problem);
  }

  private static WitnessException usage(String message) {
    return new WitnessException(WitnessExit.USAGE, message);
  }
}
