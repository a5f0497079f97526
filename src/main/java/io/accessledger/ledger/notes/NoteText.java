package io.accessledger.ledger.notes;

import java.util.Base64;

/** Small syntax checks shared by checkpoints, signed notes and verifier keys. */
final class NoteText {
  private static final int QUOTE_LIMIT = 120;

  private NoteText() {}

  /**
   * Why {@code name} cannot be a signed-note key name, or null if it can: key names are non-empty
   * and contain no Unicode space, no plus sign, no control character and no unpaired surrogate.
   */
  static String keyNameProblem(String name) {
    if (name == null || name.isEmpty()) {
      return "is empty";
    }
    String problem = textProblem(name, false);
    if (problem != null) {
      return problem;
    }
    for (int i = 0; i < name.length(); ) {
      int c = name.codePointAt(i);
      if (c == '+') {
        return "contains '+'";
      }
      if (Character.isWhitespace(c) || Character.isSpaceChar(c) || c == 0x85) {
        return String.format("contains a space character U+%04X", c);
      }
      i += Character.charCount(c);
    }
    return null;
  }

  /**
   * Why {@code text} cannot appear in a note, or null if it can: signed notes are valid UTF-8 (so
   * no unpaired surrogates) with no control character below U+0020 except, where allowed, newline.
   */
  static String textProblem(String text, boolean newlineAllowed) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c < 0x20 && !(newlineAllowed && c == '\n')) {
        return String.format("contains control character U+%04X at offset %d", (int) c, i);
      }
      if (Character.isHighSurrogate(c)
          && i + 1 < text.length()
          && Character.isLowSurrogate(text.charAt(i + 1))) {
        i++;
      } else if (Character.isSurrogate(c)) {
        return "is not valid Unicode (unpaired surrogate at offset " + i + ")";
      }
    }
    return null;
  }

  /**
   * Decodes standard, padded base64 (RFC 4648 section 4) and accepts only its canonical form: no
   * missing padding, no white space, no non-zero trailing bits.
   *
   * @throws IllegalArgumentException if {@code text} is not canonical base64
   */
  static byte[] decodeBase64(String text) {
    byte[] decoded = Base64.getDecoder().decode(text);
    if (!Base64.getEncoder().encodeToString(decoded).equals(text)) {
      throw new IllegalArgumentException("not canonical base64");
    }
    return decoded;
  }

  /** {@code text} in single quotes, shortened for error messages. */
  static String quote(String text) {
    return text.length() <= QUOTE_LIMIT
        ? "'" + text + "'"
        : "'" + text.substring(0, QUOTE_LIMIT) + "...' (" + text.length() + " characters)";
  }
}
