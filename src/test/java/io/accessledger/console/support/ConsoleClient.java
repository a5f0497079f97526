package io.accessledger.console.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A browser's worth of HTTP for console tests that need no rendering: a cookie jar, no redirects
 * followed (tests see the 303s), forms posted as a browser posts them.
 */
public final class ConsoleClient {
  private static final Pattern CSRF = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"");

  private final String base;
  private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
  private final HttpClient http;

  /** @param base {@code http://localhost:PORT} */
  public ConsoleClient(String base) {
    this.base = base;
    this.http = HttpClient.newBuilder().cookieHandler(cookies)
        .followRedirects(HttpClient.Redirect.NEVER).build();
  }

  /** Signs in with {@code token} through the sign-in form; the answer to the form's POST. */
  public HttpResponse<String> signIn(String token) {
    String csrf = csrfOf(get("/console/login").body());
    return post("/console/login", Map.of("csrf", csrf, "token", token));
  }


  /** GETs {@code path} with extra headers, given as name, value, name, value... */
  public HttpResponse<String> get(String path, String... headers) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).GET();
    return send(headers.length == 0 ? request.build() : request.headers(headers).build());
  }

  /** Posts {@code body} as {@code contentType}, exactly as given. */
  public HttpResponse<String> postRaw(String path, String contentType, String body) {
    return send(HttpRequest.newBuilder(URI.create(base + path))
        .header("Content-Type", contentType)
        .POST(HttpRequest.BodyPublishers.ofString(body)).build());
  }

  /** Posts {@code fields} as {@code application/x-www-form-urlencoded}. */
  public HttpResponse<String> post(String path, Map<String, String> fields) {
    String body = fields.entrySet().stream()
        .map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
        .collect(Collectors.joining("&"));
    return send(HttpRequest.newBuilder(URI.create(base + path))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(body)).build());
  }

  /** Posts {@code fields} with the CSRF token of the page at {@code formPage} added. */
  public HttpResponse<String> postFrom(String formPage, String path, Map<String, String> fields) {
    Map<String, String> all = new LinkedHashMap<>(fields);
    all.put("csrf", csrfOf(get(formPage).body()));
    return post(path, all);
  }

  /** The first CSRF field's value in {@code html}. */
  public static String csrfOf(String html) {
    Matcher m = CSRF.matcher(html);
    if (!m.find()) {
      throw new AssertionError("no csrf field in the page: " + html);
    }
    return m.group(1);
  }

  /** The cookie jar, to inspect or forget cookies. */
  public CookieManager cookies() {
    return cookies;
  }

  private static String enc(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  private HttpResponse<String> send(HttpRequest request) {
    try {
      return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
