package io.accessledger.console.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Runs the vendored axe-core ({@code src/test/resources/axe/axe.min.js}, version {@value
 * #VERSION}) in the browser's current page against WCAG 2.0, 2.1 and 2.2 levels A and AA plus
 * axe's best practices, and reports the violations of impact {@code serious} or {@code critical}.
 *
 * <p>axe is injected through WebDriver's script execution, which the page's Content Security
 * Policy does not govern, so pages served with {@code script-src 'self'} are checked as served.
 * A run MUST fail (throw) rather than report nothing when axe did not load or did not run.
 */
public final class Axe {
  /** The axe-core release vendored under {@code src/test/resources/axe/}. */
  public static final String VERSION = "4.11.4";

  static final List<String> TAGS =
      List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice");

  private static final Set<String> REPORTED_IMPACTS = Set.of("serious", "critical");

  private static final String RUN =
      """
      const [tags, done] = arguments;
      axe.run(document, {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']})
        .then(results => done(results.violations.map(v => ({
          id: v.id, impact: v.impact || '', help: v.help,
          targets: v.nodes.map(n => n.target.flat(Infinity).join(' >>> '))}))))
        .catch(error => done('axe failed: ' + error));
      """;

  private Axe() {}

  /**
   * One rule the page breaks.
   *
   * @param id axe's rule id, such as {@code label} or {@code image-alt}
   * @param impact {@code serious} or {@code critical}
   * @param help what the rule asks, in axe's words
   * @param targets a CSS selector for each offending element
   */
  public record Violation(String id, String impact, String help, List<String> targets) {
    public Violation {
      targets = List.copyOf(targets);
    }

    @Override
    public String toString() {
      return id + " (" + impact + "): " + help + "\n      at " + String.join("\n      at ", targets);
    }
  }

  /** The serious and critical violations on the browser's current page, in axe's order. */
  public static List<Violation> seriousViolations(Browser browser) {
    Object loaded =
        browser.driver().executeScript(
            "if (!window.axe) { " + Script.AXE + " } return window.axe && window.axe.version;");
    if (!VERSION.equals(loaded)) {
      throw new IllegalStateException("axe-core did not load in the page (got " + loaded + ")");
    }
    Object results = browser.driver().executeAsyncScript(RUN, TAGS);
    if (!(results instanceof List<?> violations)) {
      throw new IllegalStateException(String.valueOf(results));
    }
    return violations.stream()
        .map(Axe::violation)
        .filter(v -> REPORTED_IMPACTS.contains(v.impact()))
        .toList();
  }

  /** Fails, listing each violation with its elements, when the current page has any. */
  public static void assertNoSeriousViolations(Browser browser) {
    List<Violation> violations = seriousViolations(browser);
    if (!violations.isEmpty()) {
      throw new AssertionError(
          "axe-core "
              + VERSION
              + " finds "
              + violations.size()
              + " serious or critical violation(s) on "
              + browser.driver().getCurrentUrl()
              + ":\n"
              + violations.stream().map(v -> "  - " + v).collect(Collectors.joining("\n")));
    }
  }

  @SuppressWarnings("unchecked")
  private static Violation violation(Object raw) {
    Map<String, Object> v = (Map<String, Object>) raw;
    return new Violation(
        (String) v.get("id"),
        (String) v.get("impact"),
        (String) v.get("help"),
        (List<String>) v.get("targets"));
  }

  /** axe.min.js, read from the classpath once and only when a page is first checked. */
  private static final class Script {
    static final String AXE = read();

    private static String read() {
      try (InputStream in = Axe.class.getResourceAsStream("/axe/axe.min.js")) {
        if (in == null) {
          throw new IllegalStateException("axe/axe.min.js is not on the test classpath");
        }
        return new String(in.readAllBytes(), StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}
