package io.accessledger.report;

/**
 * Text into HTML. Everything a report prints from the ledger came from records systems, which are
 * not trusted: {@link #text} escapes the five characters that HTML gives meaning to, in element
 * content and in quoted attribute values alike, and replaces control characters (which have no
 * place in a document) with U+FFFD; {@link #untrusted} also isolates the text's writing
 * direction, so a right-to-left override in an event cannot reorder the words printed around it.
 */
final class Html {
  private Html() {}

  /** {@code value} escaped; null gives the empty string. */
  static String text(String value) {
    if (value == null) {
      return "";
    }
    StringBuilder out = new StringBuilder(value.length() + 16);
    value.codePoints().forEach(c -> {
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> {
          if (Character.isISOControl(c) && c != '\n' && c != '\t') {
            out.append('\uFFFD');
          } else {
            out.appendCodePoint(c);
          }
        }
      }
    });
    return out.toString();
  }

  /** {@code value} escaped, in a {@code <bdi>} element. */
  static String untrusted(String value) {
    return "<bdi>" + text(value) + "</bdi>";
  }
}
