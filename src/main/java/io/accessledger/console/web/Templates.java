package io.accessledger.console.web;

import com.github.mustachejava.DefaultMustacheFactory;
import com.github.mustachejava.Mustache;
import com.github.mustachejava.MustacheException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.List;

/**
 * The console's templates: Mustache, compiled once from the class path and cached.
 *
 * <p>Security guarantee: Mustache's {@code {{value}}} HTML-escapes every value ({@code & < > " '}
 * and more), and no template uses the unescaped forms ({@code {{{value}}}} or {@code {{&value}}};
 * {@code TemplatesTest} checks every template), so no value from the ledger or a request reaches
 * a page as markup. Values in attributes are always quoted in the templates.
 */
public final class Templates {
  static final String ROOT = "io/accessledger/console/templates";

  private final DefaultMustacheFactory factory = new DefaultMustacheFactory(ROOT);

  /**
   * Renders {@code template} with {@code scopes}, searched in order for each name.
   *
   * @throws IllegalStateException if the template is missing or does not compile (a build error)
   */
  public void render(String template, Writer out, List<Object> scopes) {
    Mustache mustache;
    try {
      mustache = factory.compile(template + ".mustache");
    } catch (MustacheException e) {
      throw new IllegalStateException("console template " + template + " does not compile", e);
    }
    mustache.execute(out, scopes);
    try {
      out.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
