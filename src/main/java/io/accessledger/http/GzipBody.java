package io.accessledger.http;

import java.util.zip.CRC32;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * Inflates a {@code Content-Encoding: gzip} body (RFC 1952), strictly and within a bound.
 *
 * <p>Guarantees: the answer is exactly the data of one or more complete gzip members, each member's
 * CRC-32 and length checked; a body that is empty, is not gzip, is corrupt, stops before its end
 * (a truncated stream) or has anything after its last member is refused 400; a body that would
 * inflate to more than the endpoint takes is refused 413 as soon as inflating passes the limit, so
 * a small "gzip bomb" costs at most {@code limit} bytes of memory and the time to inflate them; a
 * body of more than {@link #MAX_MEMBERS} members is refused 400 (real clients send one, and each
 * member costs a pass through the inflater however little it holds). One native {@link Inflater}
 * and one buffer serve every member of a body, and the inflater is always ended.
 * ({@link java.util.zip.GZIPInputStream} would skip trailing garbage, and Jetty's own request
 * inflater accepts a truncated stream: neither is used.)
 */
final class GzipBody {
  private static final int FHCRC = 2;
  private static final int FEXTRA = 4;
  private static final int FNAME = 8;
  private static final int FCOMMENT = 16;
  private static final int RESERVED_FLAGS = 0xe0;
  /** The most gzip members a body may have. */
  static final int MAX_MEMBERS = 64;

  private GzipBody() {}

  /**
   * Inflates {@code gzip} into {@code out}, whose limit bounds the inflated body and whose budget
   * reservation pays for it.
   *
   * @throws Refusal 400 for a body that is not complete, valid gzip or has more than
   *     {@link #MAX_MEMBERS} members; 413 past the limit; 503 if the server's buffer budget is full
   */
  static byte[] inflate(byte[] gzip, String call, BodyBuffer out) {
    if (gzip.length == 0) {
      throw corrupt("the body is empty");
    }
    Inflater inflater = new Inflater(true);
    try {
      byte[] buffer = new byte[64 * 1024];
      int at = 0;
      for (int members = 0; at < gzip.length; members++) {
        if (members == MAX_MEMBERS) {
          throw corrupt("it has more than " + MAX_MEMBERS + " gzip members, the most a body may have");
        }
        inflater.reset();
        at = inflateMember(gzip, skipHeader(gzip, at), call, inflater, buffer, out);
      }
      return out.take();
    } finally {
      inflater.end();
    }
  }

  /** Checks the member header at {@code at}; the offset of its compressed data. */
  private static int skipHeader(byte[] gzip, int at) {
    int start = at;
    if (gzip.length - at < 10 || (gzip[at] & 0xff) != 0x1f || (gzip[at + 1] & 0xff) != 0x8b) {
      throw corrupt(start == 0 ? "the body is not gzip data"
          : "bytes follow the end of the gzip data at byte " + start);
    }
    if (gzip[at + 2] != 8) {
      throw corrupt("the gzip data uses compression method " + gzip[at + 2] + ", not deflate (8)");
    }
    int flags = gzip[at + 3] & 0xff;
    if ((flags & RESERVED_FLAGS) != 0) {
      throw corrupt("the gzip header sets reserved flags");
    }
    at += 10;
    if ((flags & FEXTRA) != 0) {
      at = need(gzip, at, 2);
      at = need(gzip, at, (gzip[at - 2] & 0xff) | (gzip[at - 1] & 0xff) << 8);
    }
    for (int field : new int[] {FNAME, FCOMMENT}) {
      if ((flags & field) != 0) {
        do {
          need(gzip, at, 1);
        } while (gzip[at++] != 0); // a zero-terminated string
      }
    }
    if ((flags & FHCRC) != 0) {
      at = need(gzip, at, 2);
      CRC32 crc = new CRC32();
      crc.update(gzip, start, at - 2 - start);
      if ((crc.getValue() & 0xffff) != uint(gzip, at - 2, 2)) {
        throw corrupt("the gzip header fails its CRC check");
      }
    }
    return at;
  }

  /** Inflates one member's data at {@code at} into {@code out}; the offset after its trailer. */
  private static int inflateMember(byte[] gzip, int at, String call, Inflater inflater,
      byte[] buffer, BodyBuffer out) {
    try {
      inflater.setInput(gzip, at, gzip.length - at);
      CRC32 crc = new CRC32();
      long size = 0;
      while (!inflater.finished()) {
        int n = inflater.inflate(buffer);
        if (n == 0 && !inflater.finished()) {
          throw corrupt(inflater.needsDictionary() ? "the gzip data needs a preset dictionary"
              : "the gzip data is truncated: it ends before its last block");
        }
        if (out.size() + n > out.limit()) {
          throw BodyLimits.tooLarge(call, "inflates to over", out.limit());
        }
        out.write(buffer, 0, n);
        crc.update(buffer, 0, n);
        size += n;
      }
      int trailer = gzip.length - inflater.getRemaining();
      if (gzip.length - trailer < 8) {
        throw corrupt("the gzip data is truncated: its trailer is missing");
      }
      if (uint(gzip, trailer, 4) != crc.getValue()) {
        throw corrupt("the gzip data fails its CRC check");
      }
      if (uint(gzip, trailer + 4, 4) != (size & 0xffffffffL)) {
        throw corrupt("the gzip data is not the length its trailer says");
      }
      return trailer + 8;
    } catch (DataFormatException e) {
      throw corrupt("the gzip data is corrupt (" + e.getMessage() + ")");
    }
  }

  /** {@code at + count}, once it is known that {@code count} bytes are there. */
  private static int need(byte[] gzip, int at, int count) {
    if (gzip.length - at < count) {
      throw corrupt("the gzip header is truncated");
    }
    return at + count;
  }

  private static long uint(byte[] bytes, int at, int count) {
    long value = 0;
    for (int i = count - 1; i >= 0; i--) {
      value = value << 8 | (bytes[at + i] & 0xff);
    }
    return value;
  }

  private static Refusal corrupt(String problem) {
    return new Refusal(400, "the Content-Encoding: gzip body cannot be read: " + problem);
  }
}
