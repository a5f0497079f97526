package io.accessledger.ledger.json;

/**
 * Formats JSON paths for error messages: {@code $} for the root, {@code .name} for a key that looks
 * like an identifier, {@code ["key"]} (escaped, long keys shortened) for any other key, and {@code
 * [i]} for an array index.
 */
final class JsonPath {
  static final String ROOT = "$";
  private static final int MAX_KEY_CHARS = 64;

  private JsonPath() {}

  static void appendIndex(StringBuilder path, int index) {
    path.append('[').append(index).append(']');
  }

  static void appendKey(StringBuilder path, String key) {
    if (isIdentifier(key)) {
      path.append('.').append(key);
      return;
    }
    path.append('[');
    appendQuoted(path, key);
    path.append(']');
  }

  /** {@code key} in double quotes, escaped for reading, shortened when long. */
  static String quoted(String key) {
    StringBuilder sb = new StringBuilder(Math.min(key.length(), MAX_KEY_CHARS) + 8);
    appendQuoted(sb, key);
    return sb.toString();
  }

  /** Appends {@code key} in double quotes, escaped for reading, shortened when long. */
  static void appendQuoted(StringBuilder path, String key) {
    path.append('"');
    int n = Math.min(key.length(), MAX_KEY_CHARS);
    for (int i = 0; i < n; i++) {
      char c = key.charAt(i);
      if (c == '"' || c == '\\') {
        path.append('\\').append(c);
      } else if (c < 0x20 || c == 0x7f || Character.isSurrogate(c)) {
        path.append(String.format("\\u%04x", (int) c));
      } else {
        path.append(c);
      }
    }
    if (n < key.length()) {
      path.append("...");
    }
    path.append('"');
  }

  private static boolean isIdentifier(String key) {
    if (key.isEmpty() || key.length() > MAX_KEY_CHARS) {
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
