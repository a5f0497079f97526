package io.accessledger.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Sends exactly the bytes a test gives over a plain socket and reads one answer: for requests no
 * well-behaved client library would send (bad paths, duplicate headers, oversized headers), which
 * Jetty itself refuses before any resource sees them.
 */
final class RawHttp {
  private RawHttp() {}

  /** One answer: status, headers (names lower-cased, last value wins), body (de-chunked). */
  record Reply(int status, Map<String, String> headers, String body) {
    String header(String name) {
      return headers.get(name.toLowerCase(Locale.ROOT));
    }
  }

  /** Sends {@code request} (which should ask for {@code Connection: close}) and reads the reply. */
  static Reply send(int port, String request) {
    try (Socket socket = new Socket("localhost", port)) {
      socket.setSoTimeout(10_000);
      socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
      socket.getOutputStream().flush();
      return parse(new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A GET of {@code target} exactly as written, with the given extra header lines. */
  static Reply get(int port, String target, String... headerLines) {
    StringBuilder request = new StringBuilder("GET " + target + " HTTP/1.1\r\nHost: localhost\r\n");
    for (String line : headerLines) {
      request.append(line).append("\r\n");
    }
    return send(port, request.append("Connection: close\r\n\r\n").toString());
  }

  private static Reply parse(String raw) {
    int end = raw.indexOf("\r\n\r\n");
    if (!raw.startsWith("HTTP/1.1 ") || end < 0) {
      throw new IllegalStateException("not an HTTP answer: " + raw);
    }
    int status = Integer.parseInt(raw.substring(9, 12));
    Map<String, String> headers = new LinkedHashMap<>();
    for (String line : raw.substring(0, end).split("\r\n")) {
      int colon = line.indexOf(':');
      if (colon > 0) {
        headers.put(line.substring(0, colon).trim().toLowerCase(Locale.ROOT),
            line.substring(colon + 1).trim());
      }
    }
    String body = raw.substring(end + 4);
    if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
      body = dechunk(body);
    }
    return new Reply(status, headers, body);
  }

  private static String dechunk(String chunked) {
    StringBuilder body = new StringBuilder();
    int at = 0;
    while (true) {
      int lineEnd = chunked.indexOf("\r\n", at);
      int size = Integer.parseInt(chunked.substring(at, lineEnd).trim(), 16);
      if (size == 0) {
        return body.toString();
      }
      body.append(chunked, lineEnd + 2, lineEnd + 2 + size);
      at = lineEnd + 2 + size + 2;
    }
  }
}
