package io.accessledger.console.audits;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * The console URLs the audit pages link to. Every id from the ledger is percent-encoded into its
 * path segment or query value, so an id can never change which page a link opens.
 */
final class AuditLinks {
  private AuditLinks() {}

  /** The audit page of {@code period} with {@code filter}. */
  static String page(AuditPeriod period, FindingFilter filter) {
    return "/console/audits?" + period.query() + filter.query();
  }

  /** The page of {@code period}'s findings with {@code filter} that holds finding {@code id}. */
  static String finding(AuditPeriod period, FindingFilter filter, String id) {
    return page(period, filter) + "&at=" + encode(id) + "#" + anchor(id);
  }

  /** Page {@code number} of {@code period}'s findings with {@code filter}. */
  static String page(AuditPeriod period, FindingFilter filter, int number) {
    return page(period, filter) + (number > 1 ? "&page=" + number : "");
  }

  /** The CSV of {@code period}'s findings with {@code filter}. */
  static String csv(AuditPeriod period, FindingFilter filter) {
    return "/console/audits.csv?" + period.query() + filter.query();
  }

  /** Where the progress page asks how run {@code seq} is getting on. */
  static String status(long seq) {
    return "/console/audits/runs/" + seq + "/status";
  }

  /** The element id of a finding on the page, and its link's fragment. */
  static String anchor(String findingId) {
    return "finding-" + findingId;
  }

  /** {@code value} as a query value. */
  static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
