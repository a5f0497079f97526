package io.accessledger.console.web;

import io.accessledger.console.session.ConsoleSession;
import java.util.List;

/**
 * What the layout around every page shows: the title, who is signed in, the navigation (the pages
 * this person may use, the current one marked) and the sign-out form's CSRF token.
 *
 * @param signedIn null on the sign-in page
 */
public record Frame(String title, ConsoleSession signedIn, List<NavItem> nav) {

  /** One link of the service navigation. */
  public record NavItem(String label, String href, boolean current) {}

  static Frame of(String title, ConsoleSession session, String path) {
    if (session == null) {
      return new Frame(title, null, List.of());
    }
    List<NavItem> nav = new java.util.ArrayList<>();
    nav.add(item("Overview", "/console/", path.equals("/console/") || path.equals("/console")));
    if (session.isAuditor()) {
      nav.add(item("Need-to-know audit", "/console/audits", path.startsWith("/console/audits")));
      nav.add(item("Share register", "/console/registers/shares",
          path.startsWith("/console/registers/shares")));
      nav.add(item("Extract register", "/console/registers/extracts",
          path.startsWith("/console/registers/extracts")));
    }
    return new Frame(title, session, List.copyOf(nav));
  }

  private static NavItem item(String label, String href, boolean current) {
    return new NavItem(label, href, current);
  }

  /** The sign-out form's token. */
  public String csrf() {
    return signedIn == null ? null : signedIn.csrf();
  }
}
