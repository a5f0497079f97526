package io.accessledger.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A slow client for load tests: many loopback connections that each send the headers of a POST
 * declaring a body of {@code declared} bytes, then one byte of it every {@code interval}, and record
 * the answer the server gives each of them. One thread, non-blocking sockets, so a test can hold
 * thousands. Bounded: {@link #awaitAnswers} gives up at its deadline, and {@link #close} closes
 * every connection.
 */
final class SlowBodies implements AutoCloseable {
  /** One connection: what it has received, and when the first of it arrived. */
  private static final class Connection {
    final SocketChannel channel;
    final StringBuilder received = new StringBuilder();
    long answeredNanos;
    boolean closed;

    Connection(SocketChannel channel) {
      this.channel = channel;
    }

    Integer status() {
      return received.length() >= 12 ? Integer.valueOf(received.substring(9, 12)) : null;
    }
  }

  private final Selector selector;
  private final List<Connection> connections = new ArrayList<>();
  private final long openedNanos;
  private final long openingMillis;
  private final long intervalNanos;
  private long nextByteNanos;

  /** Opens {@code count} connections and sends each one's headers. */
  SlowBodies(int port, String token, String path, int count, int declared, long intervalMillis) {
    long startNanos = System.nanoTime();
    try {
      selector = Selector.open();
      byte[] head = ("POST " + path + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer "
          + token + "\r\nContent-Type: application/json\r\nContent-Length: " + declared
          + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
      for (int i = 0; i < count; i++) {
        SocketChannel channel =
            SocketChannel.open(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        channel.write(ByteBuffer.wrap(head));
        channel.configureBlocking(false);
        Connection connection = new Connection(channel);
        channel.register(selector, SelectionKey.OP_READ, connection);
        connections.add(connection);
      }
    } catch (IOException e) {
      close();
      throw new UncheckedIOException(e);
    }
    openedNanos = System.nanoTime();
    openingMillis = (openedNanos - startNanos) / 1_000_000;
    intervalNanos = intervalMillis * 1_000_000;
    nextByteNanos = openedNanos + intervalNanos;
  }

  /** How long opening the connections and sending their headers took. */
  long openingMillis() {
    return openingMillis;
  }

  /** Connections with no answer yet; reads what has arrived and sends bytes that are due. */
  int unanswered() {
    pump(0);
    return (int) connections.stream().filter(c -> c.status() == null && !c.closed).count();
  }

  /**
   * Keeps trickling and reading until every connection has its answer or was closed, or until
   * {@code maxMillis}; then the count of connections by the status they were answered with
   * (0: closed with no answer, -1: no answer yet).
   */
  Map<Integer, Integer> awaitAnswers(long maxMillis) {
    long end = System.nanoTime() + maxMillis * 1_000_000;
    while (unanswered() > 0 && System.nanoTime() < end) {
      pump(Math.min(100, Math.max(1, (end - System.nanoTime()) / 1_000_000)));
    }
    Map<Integer, Integer> byStatus = new TreeMap<>();
    for (Connection c : connections) {
      byStatus.merge(c.status() != null ? c.status() : c.closed ? 0 : -1, 1, Integer::sum);
    }
    return byStatus;
  }

  /** The longest time from opening to an answer with {@code status}, in milliseconds. */
  long slowestAnswerMillis(int status) {
    return connections.stream()
        .filter(c -> Integer.valueOf(status).equals(c.status()))
        .mapToLong(c -> (c.answeredNanos - openedNanos) / 1_000_000)
        .max()
        .orElse(-1);
  }

  /** Any answer with {@code status}, as received. */
  String anAnswer(int status) {
    return connections.stream()
        .filter(c -> Integer.valueOf(status).equals(c.status()))
        .map(c -> c.received.toString())
        .findFirst()
        .orElse(null);
  }

  private void pump(long waitMillis) {
    try {
      if (waitMillis == 0 ? selector.selectNow() > 0 : selector.select(waitMillis) > 0) {
        ByteBuffer buffer = ByteBuffer.allocate(4096);
        for (SelectionKey key : selector.selectedKeys()) {
          read((Connection) key.attachment(), buffer);
        }
        selector.selectedKeys().clear();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (System.nanoTime() >= nextByteNanos) {
      nextByteNanos += intervalNanos;
      for (Connection c : connections) {
        if (c.received.length() == 0 && !c.closed) {
          try {
            c.channel.write(ByteBuffer.wrap(new byte[] {' '}));
          } catch (IOException e) {
            c.closed = true; // the server closed it: whatever it answered was read above
          }
        }
      }
    }
  }

  private static void read(Connection c, ByteBuffer buffer) {
    try {
      buffer.clear();
      int n = c.channel.read(buffer);
      if (n < 0) {
        c.closed = true;
        c.channel.close();
        return;
      }
      if (c.received.length() == 0) {
        c.answeredNanos = System.nanoTime();
      }
      c.received.append(new String(buffer.array(), 0, n, StandardCharsets.ISO_8859_1));
    } catch (IOException e) {
      c.closed = true;
    }
  }

  @Override
  public void close() {
    for (Connection c : connections) {
      try {
        c.channel.close();
      } catch (IOException e) {
        // closing a socket of a finished test: nothing to do
      }
    }
    try {
      if (selector != null) {
        selector.close();
      }
    } catch (IOException e) {
      // as above
    }
  }
}
