package io.accessledger.ledger.json;

/**
 * The one place untrusted text is rendered for error messages and logs: JSON paths ({@code $} or
 * nothing for the root, {@code .name} for a key that looks like an identifier, {@code ["key"]}
 * for any other key, {@code [i]} for an array index) and quoted values.
 *
 * <p>Guarantee: a quoted key or value is at most {@value #MAX_SHOWN_CHARS} characters of the
 * original (then {@code ...}), inside double quotes, with {@code "} and {@code \\} escaped and
 * every character that could forge or hide a line shown as {@code \\uXXXX}: C0 and C1 controls
 * and DEL, surrogates, line and paragraph separators, and format characters (bidirectional
 * overrides and isolates, zero-width characters). So text from a request can never end a log
 * line, start a new one, or reorder what a reader sees.
 */
public final class JsonPath {
  /** The root of a path, as the canonical JSON code writes it. */
  public static final String ROOT = "$";
  /** Longest key or value shown; longer ones are cut and marked with {@code ...}. */
  public static final int MAX_SHOWN_CHARS = 64;

  private JsonPath() {}

  /** Appends {@code [index]}. */
  public static void appendIndex(StringBuilder path, int index) {
    path.append('[').append(index).append(']');
  }

  /** Appends {@code .key} ({@code key} alone at the start), or {@code ["key"]} for an odd key. */
  public static void appendKey(StringBuilder path, String key) {
    if (isIdentifier(key)) {
      if (path.length() > 0) {
        path.append('.');
      }
      path.append(key);
      return;
    }
    path.append('[');
    appendQuoted(path, key);
    path.append(']');
  }

  /** {@code text} in double quotes, escaped, shortened when long: safe to echo in a message. */
  public static String quoted(String text) {
    StringBuilder sb = new StringBuilder(Math.min(text.length(), MAX_SHOWN_CHARS) + 8);
    appendQuoted(sb, text);
    return sb.toString();
  }

  /** Appends {@code text} in double quotes, escaped, shortened when long. */
  public static void appendQuoted(StringBuilder sb, String text) {
    sb.append('"');
    int n = Math.min(text.length(), MAX_SHOWN_CHARS);
    for (int i = 0; i < n; i++) {
      char c = text.charAt(i);
      if (c == '"' || c == '\\') {
        sb.append('\\').append(c);
      } else if (mustEscape(c)) {
        sb.append(String.format("\\u%04x", (int) c));
      } else {
        sb.append(c);
      }
    }
    if (n < text.length()) {
      sb.append("...");
    }
    sb.append('"');
  }

  /** Whether {@code c} could forge, end or hide a line, or reorder one, when printed. */
  static boolean mustEscape(char c) {
    if (Character.isISOControl(c) || Character.isSurrogate(c)) {
      return true;
    }
    int type = Character.getType(c);
    return type == Character.FORMAT || type == Character.LINE_SEPARATOR
        || type == Character.PARAGRAPH_SEPARATOR;
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
