package io.accessledger.e2e;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * One POST over a plain socket whose body is sent a part at a time, as a test says, and held open
 * in between: for limits on bodies in flight. The headers declare {@code declared} bytes (JSON
 * {@code application/json}); {@link #send} sends spaces of the body, {@link #trickle} one byte
 * every interval on a daemon thread, and {@link #answer} reads what the server answers.
 */
final class HeldBody implements AutoCloseable {
  private final Socket socket;
  private final OutputStream out;
  private volatile boolean closed;

  HeldBody(int port, String token, String path, long declared) {
    try {
      socket = new Socket("localhost", port);
      out = socket.getOutputStream();
      out.write(("POST " + path + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + token
          + "\r\nConnection: close\r\nContent-Type: application/json\r\nContent-Length: " + declared
          + "\r\n\r\n")
          .getBytes(StandardCharsets.US_ASCII));
      out.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Sends {@code count} bytes of the body now. */
  HeldBody send(long count) {
    byte[] spaces = new byte[64 * 1024];
    java.util.Arrays.fill(spaces, (byte) ' ');
    try {
      for (long left = count; left > 0; left -= spaces.length) {
        out.write(spaces, 0, (int) Math.min(left, spaces.length));
      }
      out.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return this;
  }

  /** From now on, one more byte every {@code interval}, until the server or the test closes. */
  HeldBody trickle(Duration interval) {
    Thread thread = new Thread(() -> {
      try {
        while (!closed) {
          Thread.sleep(interval.toMillis());
          out.write(' ');
          out.flush();
        }
      } catch (IOException | InterruptedException e) {
        // the server closed the connection (it answered), or the test did
      }
    }, "held-body-trickle");
    thread.setDaemon(true);
    thread.start();
    return this;
  }

  /** The server's answer, read until it closes the connection; fails if none within {@code max}. */
  ApiServer.Answer answer(Duration max) {
    try {
      socket.setSoTimeout((int) max.toMillis());
      return ApiServer.parse(
          new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
    } catch (SocketTimeoutException e) {
      throw new AssertionError("no answer within " + max, e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    closed = true;
    try {
      socket.close();
    } catch (IOException e) {
      // closing a finished test's socket: nothing to do
    }
  }
}
