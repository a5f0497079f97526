package io.accessledger.cli.witness;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.accessledger.ledger.notes.Cosignature;
import io.accessledger.witness.AddCheckpointRefused;
import io.accessledger.witness.AddCheckpointRequest;
import io.accessledger.witness.CosigningWitness;
import io.accessledger.witness.WitnessException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * The HTTP front of {@code witness serve}: C2SP {@code tlog-witness} {@code POST /add-checkpoint}
 * on the JDK's small HTTP server, answering each {@link CosigningWitness} outcome with the status
 * the spec gives it. Thin: it reads at most {@link #MAX_BODY_BYTES} of body, hands it over, and
 * writes the answer only after the witness has returned (so after the record is on disk).
 *
 * <p>Requests are handled by a fixed pool of threads; the witness serializes those for one origin.
 */
public final class AddCheckpointServer implements AutoCloseable {
  /** Largest request body read: a checkpoint, 63 proof lines and many signatures fit easily. */
  public static final int MAX_BODY_BYTES = 1 << 20;

  /** The content type tlog-witness gives a 409 answer that states the witness's size. */
  static final String SIZE_TYPE = "text/x.tlog.size";

  private static final String TEXT = "text/plain; charset=utf-8";

  private final HttpServer server;
  private final ExecutorService executor;
  private final CosigningWitness witness;
  private final PrintStream log;

  private AddCheckpointServer(HttpServer server, ExecutorService executor,
      CosigningWitness witness, PrintStream log) {
    this.server = server;
    this.executor = executor;
    this.witness = witness;
    this.log = log;
  }

  /**
   * Starts serving on {@code address} (port 0 picks a free one; see {@link #address()}).
   *
   * @param threads how many requests are handled at once
   * @param log where one line per answer goes (never a key)
   */
  public static AddCheckpointServer start(CosigningWitness witness, InetSocketAddress address,
      int threads, PrintStream log) throws IOException {
    Objects.requireNonNull(witness, "witness");
    HttpServer server = HttpServer.create(address, 64);
    ExecutorService executor = Executors.newFixedThreadPool(threads);
    AddCheckpointServer front = new AddCheckpointServer(server, executor, witness, log);
    server.createContext("/", front::handle);
    server.setExecutor(executor);
    server.start();
    return front;
  }

  /** The address actually listened on. */
  public InetSocketAddress address() {
    return server.getAddress();
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      if (!"/add-checkpoint".equals(exchange.getRequestURI().getRawPath())
          || exchange.getRequestURI().getRawQuery() != null) {
        answer(exchange, 404, TEXT, "not found: this witness serves POST /add-checkpoint\n");
        return;
      }
      if (!"POST".equals(exchange.getRequestMethod())) {
        exchange.getResponseHeaders().set("Allow", "POST");
        answer(exchange, 405, TEXT, "add-checkpoint takes POST\n");
        return;
      }
      byte[] body = readBody(exchange);
      if (body == null) {
        answer(exchange, 413, TEXT, "the body is larger than " + MAX_BODY_BYTES + " bytes\n");
        return;
      }
      try {
        List<Cosignature> cosignatures = witness.addCheckpoint(AddCheckpointRequest.parse(body));
        StringBuilder lines = new StringBuilder();
        cosignatures.forEach(c -> lines.append(c.line()));
        answer(exchange, 200, TEXT, lines.toString());
      } catch (AddCheckpointRefused e) {
        refuse(exchange, e);
      } catch (WitnessException e) {
        log.println("witness serve: " + e.getMessage());
        answer(exchange, 500, TEXT, "the witness could not record the checkpoint; nothing was"
            + " cosigned\n");
      }
    } catch (IOException | RuntimeException e) {
      log.println("witness serve: request from " + exchange.getRemoteAddress() + " failed: " + e);
    }
  }

  private void refuse(HttpExchange exchange, AddCheckpointRefused e) throws IOException {
    log.println("witness serve: refused (" + e.reason() + ") from "
        + exchange.getRemoteAddress().getAddress().getHostAddress() + ": " + e.getMessage());
    switch (e.reason()) {
      case MALFORMED -> answer(exchange, 400, TEXT, e.getMessage() + "\n");
      case NOT_SIGNED -> answer(exchange, 403, TEXT, e.getMessage() + "\n");
      case UNKNOWN_ORIGIN -> answer(exchange, 404, TEXT, e.getMessage() + "\n");
      case OLD_SIZE_MISMATCH -> answer(exchange, 409, SIZE_TYPE, e.latestSize() + "\n");
      case ROOT_MISMATCH -> answer(exchange, 409, TEXT, e.getMessage() + "\n");
      case INCONSISTENT -> answer(exchange, 422, TEXT, e.getMessage() + "\n");
      default -> throw new IllegalStateException("unknown reason " + e.reason());
    }
  }

  /** The body, or null if it is larger than the limit (by its Content-Length or as read). */
  private static byte[] readBody(HttpExchange exchange) throws IOException {
    String length = exchange.getRequestHeaders().getFirst("Content-Length");
    if (length != null) {
      try {
        if (Long.parseLong(length.strip()) > MAX_BODY_BYTES) {
          return null;
        }
      } catch (NumberFormatException e) {
        return null;
      }
    }
    try (InputStream in = exchange.getRequestBody()) {
      byte[] body = in.readNBytes(MAX_BODY_BYTES + 1);
      return body.length > MAX_BODY_BYTES ? null : body;
    }
  }

  private static void answer(HttpExchange exchange, int status, String type, String text)
      throws IOException {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", type);
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  /** Stops accepting, lets running requests finish for up to a second, then frees the state. */
  @Override
  public void close() {
    server.stop(1);
    executor.shutdown();
    try {
      executor.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    witness.close();
  }
}
