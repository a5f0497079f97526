package io.accessledger.witness;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.accessledger.ledger.merkle.Digest;
import io.accessledger.ledger.merkle.MerkleProofs;
import io.accessledger.ledger.merkle.NodeId;
import io.accessledger.ledger.merkle.NodeSource;
import io.accessledger.ledger.merkle.TreeHasher;
import io.accessledger.ledger.notes.Checkpoint;
import io.accessledger.ledger.notes.CheckpointSigner;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A log that says whatever a test wants, over real HTTP: it serves a checkpoint of the first
 * {@code size} leaves of a tree the test chooses, signed by the key the test chooses, and honest
 * RFC 9162 consistency proofs within that same tree (built by the production proof code). A forked
 * log is one that switches trees between runs; a rolled-back one serves a smaller size.
 */
final class FakeLog implements AutoCloseable {
  static final String TOKEN = "alt_fakeWitnessTokenAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final HttpServer server;
  private final AtomicInteger requests = new AtomicInteger();
  private volatile List<Digest> tree = List.of();
  private volatile String checkpoint;
  private volatile CheckpointSigner published;
  private volatile int forcedStatus;
  private volatile int proofStatus;

  FakeLog() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", this::handle);
    server.start();
  }

  String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  /** Leaves named {@code prefix-0}, {@code prefix-1}, ...: two prefixes make two different trees. */
  static List<Digest> tree(String prefix, int leaves) {
    List<Digest> hashes = new ArrayList<>();
    for (int i = 0; i < leaves; i++) {
      hashes.add(TreeHasher.leafHash((prefix + "-" + i).getBytes(StandardCharsets.UTF_8)));
    }
    return hashes;
  }

  /** From now on, serve the checkpoint of the first {@code size} leaves of {@code leaves}. */
  FakeLog serve(List<Digest> leaves, int size, CheckpointSigner signer) {
    this.tree = List.copyOf(leaves.subList(0, size));
    this.checkpoint = signer.sign(new Checkpoint(signer.origin(), size, root(tree)));
    this.published = signer;
    return this;
  }

  /**
   * As {@link #serve}, with a second signature line by {@code alsoSigner}: a rotation's
   * transition checkpoint, signed by the old key and the new one.
   */
  FakeLog serve(List<Digest> leaves, int size, CheckpointSigner signer,
      CheckpointSigner alsoSigner) throws Exception {
    serve(leaves, size, signer);
    this.checkpoint = alsoSigner.addSignature(checkpoint);
    return this;
  }

  /** From now on, serve exactly this signed note as the checkpoint (of an empty tree). */
  FakeLog serveNote(String note, CheckpointSigner signer) {
    this.tree = List.of();
    this.checkpoint = note;
    this.published = signer;
    return this;
  }

  /** Answer every request with this status (0: behave). */
  void failWith(int status) {
    this.forcedStatus = status;
  }

  /** Answer consistency-proof requests only with this status (0: behave). */
  void refuseProofs(int status) {
    this.proofStatus = status;
  }

  int requests() {
    return requests.get();
  }

  static Digest root(List<Digest> leaves) {
    return MerkleProofs.root(leaves.size(), source(leaves));
  }

  /** Computes any perfect subtree's hash straight from the leaves. */
  private static NodeSource source(List<Digest> leaves) {
    return ids -> ids.stream().map(id -> subtree(leaves, id)).toList();
  }

  private static Digest subtree(List<Digest> leaves, NodeId id) {
    if (id.level() == 0) {
      return leaves.get((int) id.index());
    }
    return TreeHasher.nodeHash(subtree(leaves, new NodeId(id.level() - 1, id.index() * 2)),
        subtree(leaves, new NodeId(id.level() - 1, id.index() * 2 + 1)));
  }

  private void handle(HttpExchange exchange) throws IOException {
    requests.incrementAndGet();
    try (exchange) {
      String path = exchange.getRequestURI().getPath();
      if (!("Bearer " + TOKEN).equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
        send(exchange, 401, "application/json", error(401, "unknown token"));
      } else if (forcedStatus != 0) {
        send(exchange, forcedStatus, "application/json", error(forcedStatus, "forced failure"));
      } else if (path.equals("/v1/checkpoint")) {
        send(exchange, 200, "text/plain", checkpoint);
      } else if (path.equals("/v1/log")) {
        send(exchange, 200, "application/json", JSON.writeValueAsString(Map.of(
            "origin", published.origin(), "verifierKey", published.verifierKey().toString(),
            "treeSize", tree.size())));
      } else if (path.equals("/v1/proofs/consistency") && proofStatus != 0) {
        send(exchange, proofStatus, "application/json", error(proofStatus, "no such tree size"));
      } else if (path.equals("/v1/proofs/consistency")) {
        Map<String, Long> sizes = new java.util.HashMap<>();
        for (String pair : exchange.getRequestURI().getQuery().split("&")) {
          String[] kv = pair.split("=");
          sizes.put(kv[0], Long.parseLong(kv[1]));
        }
        long from = sizes.get("from");
        long to = sizes.get("to");
        List<String> proof = MerkleProofs.consistency(from, to, source(tree)).stream()
            .map(Digest::hex).toList();
        send(exchange, 200, "application/json",
            JSON.writeValueAsString(Map.of("from", from, "to", to, "proof", proof)));
      } else {
        send(exchange, 404, "application/json", error(404, "no such resource"));
      }
    }
  }

  private static String error(int code, String message) throws IOException {
    return JSON.writeValueAsString(Map.of("code", code, "message", message));
  }

  private static void send(HttpExchange exchange, int status, String type, String body)
      throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", type);
    exchange.sendResponseHeaders(status, bytes.length);
    exchange.getResponseBody().write(bytes);
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
