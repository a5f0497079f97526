package io.accessledger.events;

/**
 * Renders JSON paths and quoted values for error messages: {@code actor.id}, {@code
 * legalBasis[2]}, {@code subjects[5].id}; a key that is not identifier-like is written as {@code
 * ["la-code"]}, escaped, so a hostile key cannot forge a path or a line break in a log.
 */
final class Paths {
  /** Longest key or value echoed back; longer ones are cut and marked with {@code ...}. */
  static final int MAX_SHOWN_CHARS = 64;

  private Paths() {}

  /** Appends {@code .key} (or {@code key} at the start), or {@code ["key"]} for an odd key. */
  static void appendKey(StringBuilder path, String key) {
    if (isIdentifier(key)) {
      if (path.length() > 0) {
        path.append('.');
      }
      path.append(key);
    } else {
      path.append('[');
      appendQuoted(path, key);
      path.append(']');
    }
  }

  static void appendIndex(StringBuilder path, int index) {
    path.append('[').append(index).append(']');
  }

  /** {@code value} in double quotes, escaped, shortened when long: safe to echo in a message. */
  static String quoted(String value) {
    StringBuilder sb = new StringBuilder(Math.min(value.length(), MAX_SHOWN_CHARS) + 8);
    appendQuoted(sb, value);
    return sb.toString();
  }

  private static void appendQuoted(StringBuilder sb, String value) {
    sb.append('"');
    int n = Math.min(value.length(), MAX_SHOWN_CHARS);
    for (int i = 0; i < n; i++) {
      char c = value.charAt(i);
      if (c == '"' || c == '\\') {
        sb.append('\\').append(c);
      } else if (Character.isISOControl(c) || Character.isSurrogate(c) || c == '\u2028'
          || c == '\u2029') {
        sb.append(String.format("\\u%04x", (int) c));
      } else {
        sb.append(c);
      }
    }
    if (n < value.length()) {
      sb.append("...");
    }
    sb.append('"');
  }

  private static boolean isIdentifier(String key) {
    if (key.isEmpty() || key.length() > MAX_SHOWN_CHARS) {
      return false;
    }
    for (int i = 0; i < key.length(); i++) {
      char c = key.charAt(i);
      boolean letter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
      if (!letter && !(i > 0 && c >= '0' && c <= '9')) {
        return false;
      }
    }
    return true;
  }
}
