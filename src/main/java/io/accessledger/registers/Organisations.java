package io.accessledger.registers;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * When two organisation names mean the same recipient. Records systems type these by hand, so
 * letter case and runs of white space are ignored ("Evaluator  ltd" is "Evaluator Ltd");
 * anything else (punctuation, abbreviations) counts as a different name.
 */
public final class Organisations {
  private static final Pattern SPACES = Pattern.compile("\\s+");

  private Organisations() {}

  /** Whether {@code a} and {@code b} name the same organisation; false if either is null. */
  public static boolean same(String a, String b) {
    return a != null && b != null && normal(a).equals(normal(b));
  }

  private static String normal(String name) {
    return SPACES.matcher(name.strip()).replaceAll(" ").toLowerCase(Locale.ROOT);
  }
}
