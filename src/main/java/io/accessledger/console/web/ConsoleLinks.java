package io.accessledger.console.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * The console's addresses of a child, a member of staff, a record and an entry (CONTRACT.md
 * section 6), so every page links to them one way. Each id is one percent-encoded path segment:
 * an id holding {@code /}, {@code ?} or {@code #} cannot point a link anywhere else.
 */
public final class ConsoleLinks {
  private ConsoleLinks() {}

  public static String entry(long seq) {
    return "/console/entries/" + seq;
  }

  /** The child's page; null for a child not named. */
  public static String subject(String id) {
    return id == null ? null : "/console/subjects/" + segment(id);
  }

  /** The member of staff's (or API client's) page; null for no one named. */
  public static String actor(String id) {
    return id == null ? null : "/console/actors/" + segment(id);
  }

  /** The record's page; null unless both its type and id are given. */
  public static String record(String type, String id) {
    return type == null || id == null ? null
        : "/console/records/" + segment(type) + "/" + segment(id);
  }

  /** {@code value} as one path segment: percent-encoded, a space as {@code %20}. */
  public static String segment(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
