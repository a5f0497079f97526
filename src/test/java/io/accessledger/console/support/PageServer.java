package io.accessledger.console.support;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * A real HTTP server on a free loopback port serving fixed HTML pages (and {@code .css} files),
 * each sent with the console's kind of Content Security Policy ({@value #CSP}), so the harness is
 * tested against pages the browser treats as the console's: inline scripts and inline styles are
 * refused. Any other path answers 404.
 */
final class PageServer implements AutoCloseable {
  static final String CSP = "default-src 'self'; frame-ancestors 'none'";

  private final HttpServer server;

  /** Starts serving {@code pages}, keyed by path such as {@code /good} or {@code /tall.css}. */
  PageServer(Map<String, String> pages) {
    this(pages, InetAddress.getLoopbackAddress());
  }

  /** As {@link #PageServer(Map)}, on a free port of {@code address}. */
  PageServer(Map<String, String> pages, InetAddress address) {
    try {
      server = HttpServer.create(new InetSocketAddress(address, 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.createContext(
        "/",
        exchange -> {
          String path = exchange.getRequestURI().getPath();
          String page = pages.get(path);
          byte[] body = (page == null ? "not found" : page).getBytes(StandardCharsets.UTF_8);
          exchange.getResponseHeaders().set(
              "Content-Type", (path.endsWith(".css") ? "text/css" : "text/html") + "; charset=utf-8");
          exchange.getResponseHeaders().set("Content-Security-Policy", CSP);
          exchange.sendResponseHeaders(page == null ? 404 : 200, body.length);
          try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
          }
        });
    server.start();
  }

  /** The address of {@code path} on this server. */
  URI uri(String path) {
    return uri("127.0.0.1", path);
  }

  /** The address of {@code path} on this server, reached through the name {@code host}. */
  URI uri(String host, String path) {
    return URI.create("http://" + host + ":" + server.getAddress().getPort() + path);
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
