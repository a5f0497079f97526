package io.accessledger.logging;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Each way a header or a token may be rendered in a log line, masked. */
class SecretMaskingTest {
  static final String TOKEN = "alt_q8m1V0Zr3cYpN4xT2kLw9aBdEfGhIjKlMnOpQrStUvW";

  @ParameterizedTest
  @ValueSource(strings = {
      "parsedHeader(Authorization: Bearer " + TOKEN + ", headerString=[Authorization], "
          + "valueString=[Bearer " + TOKEN + "])",
      "parsedHeader(Cookie: session=SECRET; theme=dark, headerString=[Cookie], "
          + "valueString=[session=SECRET; theme=dark])",
      "HeapByteBuffer@1{<<<GET / HTTP/1.1\\r\\nAuthorization: Bearer SECRET\\r\\nHost: x\\r\\n>>>}",
      "headers={authorization=[Bearer SECRET], accept=[*/*]}",
      "Set-Cookie: id=SECRET; Path=/console; HttpOnly",
      "Proxy-Authorization: Basic SECRET",
      "token " + TOKEN + " seen",
      "AUTHORIZATION:SECRET",
      "multi\nline\nCookie: SECRET\nHost: x",
      "filled 87 HeapByteBuffer@5[p=0,l=87,c=8192,r=87]={<<<GET /v1/log HTTP/1.1\\r\\nHost: x"
          + "...Q8m1V0Zr3cYpSECRET\\r\\n\\r\\n>>>SECRET\\x00}",
      "parseNext s=START HeapByteBuffer@5[p=0,l=87]={SECRET<<<GET / HTTP/1.1...SECRET>>>}"})
  void masksEveryRendering(String line) {
    assertThat(SecretMasking.mayHoldSecret(line)).isTrue();
    String masked = SecretMasking.mask(line);
    assertThat(masked).doesNotContain("SECRET").doesNotContain(TOKEN.substring(4))
        .contains(SecretMasking.MASK);
  }

  @CsvSource(delimiter = '|', value = {
      "GET / HTTP/1.1\\r\\nAuthorization: Bearer X\\r\\nHost: kept\\r\\n | Host: kept",
      "parsedHeader(Authorization: Bearer abcd | parsedHeader(Authorization: [masked]"})
  @ParameterizedTest
  void keepsWhatFollowsTheHeadersLineAndTheHeadersName(String line, String kept) {
    assertThat(SecretMasking.mask(line)).contains(kept.strip());
  }

  @org.junit.jupiter.api.Test
  void masksOnlyTheHeadersOwnLine() {
    assertThat(SecretMasking.mask("multi\nCookie: x=SECRET\nHost: kept"))
        .isEqualTo("multi\nCookie: [masked]\nHost: kept");
  }

  @ParameterizedTest
  @ValueSource(strings = {"appended 12 entries at seq 40", "GET /v1/log 200", ""})
  void leavesOrdinaryLinesAlone(String line) {
    assertThat(SecretMasking.mayHoldSecret(line)).isFalse();
    assertThat(SecretMasking.mask(line)).isEqualTo(line);
  }
}
