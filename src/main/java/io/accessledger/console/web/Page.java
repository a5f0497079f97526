package io.accessledger.console.web;

import java.util.Objects;

/**
 * A console page to render: a template under {@code io/accessledger/console/templates/} and what
 * it shows. {@link PageWriter} renders it inside the layout; every value is HTML-escaped there.
 *
 * @param template the template's name without {@code .mustache}
 * @param title the page's own title (the layout adds the service's name)
 * @param model the page's values, read by the template through its public accessors
 */
public record Page(String template, String title, Object model) {
  public Page {
    Objects.requireNonNull(template, "template");
    Objects.requireNonNull(title, "title");
  }
}
