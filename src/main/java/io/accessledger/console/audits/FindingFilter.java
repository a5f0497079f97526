package io.accessledger.console.audits;

import io.accessledger.api.ApiException;
import io.accessledger.audit.Rule;
import io.accessledger.query.LedgerActivity.ReviewState;
import io.accessledger.query.Reviews;
import java.util.Arrays;
import java.util.Optional;

/**
 * Which of a run's findings the audit page shows: by rule, by the viewer's team and by state
 * ({@code new}, never reviewed, or the outcome of its latest review). Each is optional (null: any).
 * Filtering only selects among a finished run's findings: it never runs the audit again.
 */
public record FindingFilter(String rule, String team, String state) {
  /** The state of a finding no one has reviewed. */
  public static final String NEW = "new";
  /** A team as long as this is not one anyone means. */
  private static final int MAX_TEAM = 200;

  /** Shows everything. */
  public static final FindingFilter NONE = new FindingFilter(null, null, null);

  /**
   * The filter of the page's {@code rule}, {@code team} and {@code state} parameters; blank or
   * absent ones filter nothing.
   *
   * @throws ApiException 400 naming the parameter when its value is not one the page offers
   */
  public static FindingFilter parse(String rule, String team, String state) {
    String r = blankToNull(rule);
    if (r != null && Arrays.stream(Rule.values()).noneMatch(x -> x.name().equals(r))) {
      throw ApiException.malformed("The rule filter (rule) must be one of "
          + Arrays.toString(Rule.values()) + ".");
    }
    String t = blankToNull(team);
    if (t != null && t.length() > MAX_TEAM) {
      throw ApiException.malformed("The team filter (team) is too long.");
    }
    String s = blankToNull(state);
    if (s != null && !s.equals(NEW)
        && Arrays.stream(Reviews.Outcome.values()).noneMatch(x -> x.name().equals(s))) {
      throw ApiException.malformed("The state filter (state) must be new or one of "
          + Arrays.toString(Reviews.Outcome.values()) + ".");
    }
    return new FindingFilter(r, t, s);
  }

  /** The state of a finding whose latest review is {@code review}: {@code new} or its outcome. */
  public static String stateOf(Optional<ReviewState> review) {
    return review.map(ReviewState::outcome).orElse(NEW);
  }

  /** Whether {@code row}, whose latest review is {@code review}, is shown. */
  public boolean shows(AuditResult.Row row, Optional<ReviewState> review) {
    return (rule == null || rule.equals(row.rule()))
        && (team == null || team.equals(row.team()))
        && (state == null || state.equals(stateOf(review)));
  }

  /** Whether anything is filtered out. */
  public boolean any() {
    return rule != null || team != null || state != null;
  }

  /** The filter's page parameters ({@code &rule=...}), URL-encoded, to follow {@code from&to}. */
  public String query() {
    StringBuilder query = new StringBuilder();
    append(query, "rule", rule);
    append(query, "team", team);
    append(query, "state", state);
    return query.toString();
  }

  private static void append(StringBuilder query, String name, String value) {
    if (value != null) {
      query.append('&').append(name).append('=').append(AuditLinks.encode(value));
    }
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value;
  }
}
