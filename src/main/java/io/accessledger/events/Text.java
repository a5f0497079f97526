package io.accessledger.events;

/** Allocation-free string measurements for the validator's hot path. */
final class Text {
  private Text() {}

  /**
   * The length of {@code s} in UTF-8 bytes, without encoding it. A surrogate pair is 4 bytes (2 per
   * char); the JSON parser has already refused lone surrogates.
   */
  static int utf8Length(String s) {
    int n = s.length();
    int bytes = n;
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      if (c >= 0x80) {
        bytes += c < 0x800 || Character.isSurrogate(c) ? 1 : 2;
      }
    }
    return bytes;
  }

  /** Whether {@code s} exceeds {@code maxBytes} in UTF-8, counting only when it could. */
  static boolean exceedsUtf8(String s, int maxBytes) {
    // No UTF-16 char needs more than 3 bytes, so short strings need no counting at all.
    return (long) s.length() * 3 > maxBytes && utf8Length(s) > maxBytes;
  }

  /** Index of the first ISO control character (U+0000–U+001F, U+007F–U+009F), or -1. */
  static int firstControl(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (Character.isISOControl(s.charAt(i))) {
        return i;
      }
    }
    return -1;
  }

  /** Whether {@code s} is exactly 64 lowercase hex digits, the spelling of a SHA-256. */
  static boolean isLowerHexSha256(String s) {
    if (s.length() != 64) {
      return false;
    }
    for (int i = 0; i < 64; i++) {
      char c = s.charAt(i);
      if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
        return false;
      }
    }
    return true;
  }

  /** {@code U+XXXX} for a character, for messages that must not echo it raw. */
  static String codePoint(char c) {
    return String.format("U+%04X", (int) c);
  }
}
