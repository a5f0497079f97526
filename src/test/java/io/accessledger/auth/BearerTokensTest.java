package io.accessledger.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class BearerTokensTest {
  @Test
  void tokensArePrefixedUnpaddedBase64urlOf32RandomBytes() {
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < 1000; i++) {
      String token = BearerTokens.generate();
      assertThat(token).hasSize(47).matches("alt_[A-Za-z0-9_-]{43}");
      assertThat(java.util.Base64.getUrlDecoder().decode(token.substring(4))).hasSize(32);
      assertThat(BearerTokens.isWellFormed(token)).isTrue();
      assertThat(seen.add(token)).isTrue();
    }
  }

  @Test
  void wellFormednessIsPrefixLengthAndCharactersOnly() {
    String token = BearerTokens.generate();
    assertThat(BearerTokens.isWellFormed(null)).isFalse();
    assertThat(BearerTokens.isWellFormed(token.substring(1))).isFalse();
    assertThat(BearerTokens.isWellFormed(token + "A")).isFalse();
    assertThat(BearerTokens.isWellFormed("ALT_" + token.substring(4))).isFalse();
    assertThat(BearerTokens.isWellFormed(token.substring(0, 46) + "+")).isFalse();
    assertThat(BearerTokens.isWellFormed(token.substring(0, 46) + "=")).isFalse();
    assertThat(BearerTokens.isWellFormed("alt_" + "é".repeat(43))).isFalse();
  }

  @Test
  void theHashIsSha256OfTheTokensUtf8Bytes() throws Exception {
    String token = BearerTokens.generate();
    byte[] expected = MessageDigest.getInstance("SHA-256")
        .digest(token.getBytes(StandardCharsets.UTF_8));
    assertThat(BearerTokens.hash(token).bytes()).isEqualTo(expected);
  }
}
