package io.accessledger.logging;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Masks credentials in text bound for a log: the values of {@code Authorization},
 * {@code Proxy-Authorization}, {@code Cookie} and {@code Set-Cookie} headers however they are
 * rendered (as a header line, in a map, in an escaped buffer dump: everything after the header's
 * name to the end of its line), any {@code Bearer} or
 * {@code Basic} credential, anything shaped like an access-ledger token ({@code alt_…}) wherever
 * it stands, and the raw bytes of Jetty's buffer dumps ({@code <<<…>>>}), which may hold part of a
 * token with nothing around it to recognise it by.
 *
 * <p>Pure and thread-safe. It errs towards masking: a false positive costs a log line's detail,
 * a miss would hand an attacker who can read logs every client's token.
 */
public final class SecretMasking {
  /** What a masked value is replaced with. */
  public static final String MASK = "[masked]";

  // A header's name, whatever punctuation follows it (": ", "=", "], valueString=["), then the
  // rest of its line: up to a line break, or an escaped one (Jetty's buffer dumps write "\r\n"
  // as four characters). Masking the whole rest of the line, not just a value, is what holds for
  // every format a library may render a header in.
  private static final Pattern HEADER = Pattern.compile(
      "(?i)\\b((?:proxy-)?authorization|(?:set-)?cookie2?)\\b([\\s:=\\[\\]\"',]*)"
          + "((?:(?!\\\\r|\\\\n)[^\\r\\n])+)");
  private static final Pattern CREDENTIAL = Pattern.compile(
      "(?i)\\b(bearer|basic)(\\s+)[A-Za-z0-9._~+/=-]{4,}");
  private static final Pattern TOKEN = Pattern.compile("alt_[A-Za-z0-9_-]{8,}");
  // Jetty's buffer dumps (BufferUtil.toDetailString: "HeapByteBuffer@1[p=0,l=78,...]={<<<...>>>...}")
  // show raw request bytes: the first and last bytes of the content, and stale bytes before and
  // after it, so a token's tail can stand there with no header name or prefix beside it. The
  // whole dump is masked, to the end of its line.
  private static final Pattern BUFFER = Pattern.compile("(?:=\\{[^\\r\\n]*?)?<<<[^\\r\\n]*");

  private SecretMasking() {}

  /** True when {@code text} may hold a credential that {@link #mask} would hide. */
  public static boolean mayHoldSecret(String text) {
    return text != null && (text.contains("<<<") || HEADER.matcher(text).find()
        || CREDENTIAL.matcher(text).find() || TOKEN.matcher(text).find());
  }

  /** {@code text} with every credential replaced by {@link #MASK}; the header names are kept. */
  public static String mask(String text) {
    if (text == null) {
      return null;
    }
    String masked = BUFFER.matcher(text).replaceAll(Matcher.quoteReplacement("<<<" + MASK));
    masked = replace(HEADER, masked, m -> m.group(1) + m.group(2) + MASK);
    masked = replace(CREDENTIAL, masked, m -> m.group(1) + m.group(2) + MASK);
    return TOKEN.matcher(masked).replaceAll(Matcher.quoteReplacement(MASK));
  }

  private static String replace(Pattern pattern, String text,
      java.util.function.Function<Matcher, String> replacement) {
    Matcher m = pattern.matcher(text);
    StringBuilder out = new StringBuilder(text.length());
    while (m.find()) {
      m.appendReplacement(out, Matcher.quoteReplacement(replacement.apply(m)));
    }
    m.appendTail(out);
    return out.toString();
  }
}
