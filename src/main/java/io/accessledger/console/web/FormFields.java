package io.accessledger.console.web;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/** Reads fields of an {@code application/x-www-form-urlencoded} body. */
final class FormFields {
  private FormFields() {}

  /** The value of {@code name} if the body holds it exactly once, else null. */
  static String single(String body, String name) {
    String found = null;
    for (String pair : body.split("&")) {
      int eq = pair.indexOf('=');
      String key = decode(eq < 0 ? pair : pair.substring(0, eq));
      if (key == null || !key.equals(name)) {
        continue;
      }
      if (found != null) {
        return null;
      }
      found = eq < 0 ? "" : decode(pair.substring(eq + 1));
      if (found == null) {
        return null;
      }
    }
    return found;
  }

  private static String decode(String part) {
    try {
      return URLDecoder.decode(part, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}
