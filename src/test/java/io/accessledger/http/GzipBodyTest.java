package io.accessledger.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.CRC32;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

/**
 * The gzip members RFC 1952 allows are inflated exactly; anything else is refused with the status
 * and the problem named. (The end-to-end cases, through the real server, are in
 * {@code ContentNegotiationApiTest}.)
 */
class GzipBodyTest {
  private static final String CALL = "POST /v1/events";
  private static final byte[] DATA = "{\"eventId\":\"e-1\"}".getBytes(StandardCharsets.UTF_8);

  private static byte[] gzip(byte[] data) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
      gzip.write(data);
    }
    return out.toByteArray();
  }

  /** {@code gzip(data)} with every optional header field, and the header CRC over them. */
  private static byte[] withAllHeaderFields(byte[] data) throws IOException {
    byte[] plain = gzip(data);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(plain, 0, 10);
    out.write(new byte[] {3, 0, 'a', 'b', 'c'}); // FEXTRA: length 3, then the field
    out.write("events.json\0".getBytes(StandardCharsets.ISO_8859_1)); // FNAME
    out.write("a comment\0".getBytes(StandardCharsets.ISO_8859_1)); // FCOMMENT
    byte[] header = out.toByteArray();
    header[3] = 2 | 4 | 8 | 16; // FHCRC, FEXTRA, FNAME, FCOMMENT
    CRC32 crc = new CRC32();
    crc.update(header);
    out.reset();
    out.write(header);
    out.write((int) crc.getValue() & 0xff);
    out.write((int) (crc.getValue() >> 8) & 0xff);
    out.write(plain, 10, plain.length - 10);
    return out.toByteArray();
  }

  /** Inflates with {@code limit} and a budget that is never the bound. */
  private static byte[] inflate(byte[] gzip, int limit) {
    BodyBudget budget = new BodyBudget(Long.MAX_VALUE);
    return GzipBody.inflate(gzip, CALL, new BodyBuffer(CALL, limit, -1, budget.open()));
  }

  /** {@code count} copies of {@code member}, one after another. */
  private static byte[] repeated(byte[] member, int count) {
    byte[] all = new byte[member.length * count];
    for (int i = 0; i < count; i++) {
      System.arraycopy(member, 0, all, i * member.length, member.length);
    }
    return all;
  }

  private static void refused(byte[] gzip, int status, String problem) {
    assertThatThrownBy(() -> inflate(gzip, 1 << 20))
        .isInstanceOfSatisfying(Refusal.class, r -> assertThat(r.status()).isEqualTo(status))
        .hasMessageContaining(problem);
  }

  @Test
  void aPlainMemberInflatesToItsData() throws IOException {
    assertThat(inflate(gzip(DATA), 1 << 20)).isEqualTo(DATA);
  }

  @Test
  void everyOptionalHeaderFieldIsSkippedAndTheHeaderCrcChecked() throws IOException {
    byte[] full = withAllHeaderFields(DATA);
    assertThat(inflate(full, 1 << 20)).isEqualTo(DATA);
    byte[] badHeaderCrc = full.clone();
    badHeaderCrc[12] ^= 1; // inside FEXTRA
    refused(badHeaderCrc, 400, "header fails its CRC check");
    refused(Arrays.copyOf(full, 20), 400, "header is truncated");
  }

  @Test
  void membersOneAfterAnotherInflateToTheirDataInOrder() throws IOException {
    byte[] first = gzip("{\"a\":".getBytes(StandardCharsets.UTF_8));
    byte[] second = gzip("1}".getBytes(StandardCharsets.UTF_8));
    byte[] both = Arrays.copyOf(first, first.length + second.length);
    System.arraycopy(second, 0, both, first.length, second.length);
    assertThat(new String(inflate(both, 100), StandardCharsets.UTF_8))
        .isEqualTo("{\"a\":1}");
  }

  @Test
  void aHeaderThatIsNotGzipDeflateIsRefused() throws IOException {
    byte[] gzip = gzip(DATA);
    byte[] method = gzip.clone();
    method[2] = 7;
    refused(method, 400, "compression method 7");
    byte[] reserved = gzip.clone();
    reserved[3] = (byte) 0x20;
    refused(reserved, 400, "reserved flags");
    refused(Arrays.copyOf(gzip, 9), 400, "not gzip data");
  }

  @Test
  void theLengthInTheTrailerMustMatch() throws IOException {
    byte[] gzip = gzip(DATA);
    gzip[gzip.length - 4] ^= 1;
    refused(gzip, 400, "not the length its trailer says");
  }

  @Test
  void inflatingPastTheLimitIs413AndStopsThere() throws IOException {
    byte[] gzip = gzip(new byte[10_000]);
    assertThat(inflate(gzip, 10_000)).hasSize(10_000);
    assertThatThrownBy(() -> inflate(gzip, 9_999))
        .isInstanceOfSatisfying(Refusal.class, r -> assertThat(r.status()).isEqualTo(413))
        .hasMessageContaining("inflates to over the 9999 bytes");
  }

  @Test
  void atMost64MembersAreTaken() throws IOException {
    byte[] one = gzip("[]".getBytes(StandardCharsets.UTF_8));
    assertThat(inflate(repeated(gzip(new byte[0]), 63), 100)).isEmpty();
    assertThat(inflate(repeated(one, 64), 1000)).hasSize(128);
    refused(repeated(one, 65), 400, "more than 64 gzip members, the most a body may have");
  }

  /** 32 MiB of empty members (1.6 million) once cost seconds of CPU, and was taken. */
  @Test
  void aBodyOfMillionsOfEmptyMembersIsRefusedAtOnce() throws IOException {
    byte[] empty = gzip(new byte[0]);
    byte[] bomb = repeated(empty, (32 << 20) / empty.length);
    long start = System.nanoTime();
    refused(bomb, 400, "more than 64 gzip members");
    assertThat((System.nanoTime() - start) / 1_000_000).as("milliseconds").isLessThan(1_000);
  }
}
