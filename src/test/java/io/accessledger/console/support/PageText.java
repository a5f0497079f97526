package io.accessledger.console.support;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads values back out of a console page as a browser would show them: the content of the
 * element with an id, tags stripped, HTML character references decoded (the templates escape
 * every value, so a test comparing with the API's text must undo exactly that).
 */
public final class PageText {
  private static final Pattern REFERENCE = Pattern.compile("&(#x[0-9a-fA-F]+|#[0-9]+|[a-z]+);");

  private PageText() {}

  /** The inner HTML of the element with {@code id="id"}; fails the test when there is none. */
  public static String inner(String html, String id) {
    Matcher m = Pattern.compile("<(\\w+)[^>]*\\sid=\"" + Pattern.quote(id) + "\"[^>]*>(.*?)</\\1>",
        Pattern.DOTALL).matcher(html);
    if (!m.find()) {
      throw new AssertionError("no element with id " + id + " in the page: " + html);
    }
    return m.group(2);
  }

  /** The text of the element with {@code id="id"}: tags stripped, references decoded. */
  public static String text(String html, String id) {
    return decode(inner(html, id).replaceAll("<[^>]+>", ""));
  }

  /** The text of each {@code <li>} in the element with {@code id="id"}, in order. */
  public static List<String> items(String html, String id) {
    List<String> items = new ArrayList<>();
    Matcher m = Pattern.compile("<li[^>]*>(.*?)</li>", Pattern.DOTALL).matcher(inner(html, id));
    while (m.find()) {
      items.add(decode(m.group(1).replaceAll("<[^>]+>", "")).strip());
    }
    return items;
  }

  /** {@code html} with its character references decoded, {@code &amp;} last. */
  public static String decode(String html) {
    Matcher m = REFERENCE.matcher(html);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String ref = m.group(1);
      String text = switch (ref) {
        case "quot" -> "\"";
        case "lt" -> "<";
        case "gt" -> ">";
        case "amp" -> "&";
        case "nbsp" -> "\u00a0";
        default -> ref.startsWith("#x") ? Character.toString(Integer.parseInt(ref.substring(2), 16))
            : ref.startsWith("#") ? Character.toString(Integer.parseInt(ref.substring(1)))
            : m.group();
      };
      m.appendReplacement(out, Matcher.quoteReplacement(text));
    }
    return m.appendTail(out).toString();
  }
}
