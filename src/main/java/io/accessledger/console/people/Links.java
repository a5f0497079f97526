package io.accessledger.console.people;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * The console's addresses of a child, a member of staff, a record and an entry. Ids are
 * percent-encoded as one path segment each, so an id can never reach another page or add a query;
 * the templates then HTML-escape the whole address.
 */
final class Links {
  private Links() {}

  static String subject(String id) {
    return id == null ? null : "/console/subjects/" + segment(id);
  }

  static String actor(String id) {
    return id == null ? null : "/console/actors/" + segment(id);
  }

  static String record(String type, String id) {
    return type == null || id == null ? null
        : "/console/records/" + segment(type) + "/" + segment(id);
  }

  static String entry(long seq) {
    return "/console/entries/" + seq;
  }

  /** {@code value} as one path segment. */
  static String segment(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
