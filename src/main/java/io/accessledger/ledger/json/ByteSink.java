package io.accessledger.ledger.json;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A growable, unsynchronised byte buffer that {@link CanonicalJson#serialize(Object, ByteSink)}
 * writes into, so a caller can assemble a larger document (such as a ledger leaf) from canonical
 * parts without copying each part twice. Not thread-safe.
 *
 * <p>{@link #appendRaw} and {@link #appendAscii} add bytes as given: the caller is responsible for
 * the result being canonical.
 */
public final class ByteSink {
  private static final int MAX_CAPACITY = Integer.MAX_VALUE - 8;

  // Package-private so the serializer can write without a method call per byte.
  byte[] buf;
  int size;

  /** A sink with a small initial capacity. */
  public ByteSink() {
    this(256);
  }

  /** A sink that holds {@code initialCapacity} bytes before it grows. */
  public ByteSink(int initialCapacity) {
    if (initialCapacity < 0) {
      throw new IllegalArgumentException("initialCapacity is negative: " + initialCapacity);
    }
    buf = new byte[initialCapacity];
  }

  /** Number of bytes written so far. */
  public int size() {
    return size;
  }

  /** Forgets the content, keeping the capacity for reuse. */
  public void reset() {
    size = 0;
  }

  /** A copy of the bytes written so far. */
  public byte[] toByteArray() {
    return Arrays.copyOf(buf, size);
  }

  /** Writes the bytes written so far to {@code out}. */
  public void writeTo(OutputStream out) throws IOException {
    out.write(buf, 0, size);
  }

  /** Whether the content equals {@code bytes}, without copying. */
  public boolean contentEquals(byte[] bytes) {
    return Arrays.equals(buf, 0, size, bytes, 0, bytes.length);
  }

  /** Appends {@code bytes} unchanged. */
  public ByteSink appendRaw(byte[] bytes) {
    return appendRaw(bytes, 0, bytes.length);
  }

  /** Appends {@code length} bytes of {@code bytes} from {@code offset}, unchanged. */
  public ByteSink appendRaw(byte[] bytes, int offset, int length) {
    ensure(length);
    System.arraycopy(bytes, offset, buf, size, length);
    size += length;
    return this;
  }

  /**
   * Appends an ASCII string, one byte a character.
   *
   * @throws IllegalArgumentException if {@code s} holds a character above U+007F
   */
  public ByteSink appendAscii(String s) {
    int n = s.length();
    ensure(n);
    byte[] b = buf;
    int p = size;
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      if (c >= 0x80) {
        throw new IllegalArgumentException("not ASCII at index " + i + ": " + s);
      }
      b[p++] = (byte) c;
    }
    size = p;
    return this;
  }

  @Override
  public String toString() {
    return new String(buf, 0, size, StandardCharsets.UTF_8);
  }

  /** Makes room for {@code more} bytes beyond {@link #size}. */
  void ensure(int more) {
    int needed = size + more;
    if (needed < 0 || needed > MAX_CAPACITY) {
      throw new OutOfMemoryError("ByteSink cannot hold " + ((long) size + more) + " bytes");
    }
    if (needed > buf.length) {
      int grown = Math.max(needed, (int) Math.min(MAX_CAPACITY, Math.max(16L, buf.length * 2L)));
      buf = Arrays.copyOf(buf, grown);
    }
  }
}
