package io.accessledger.console.audits;

import io.accessledger.api.ApiException;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The query of the audit page and its CSV: {@code from} and {@code to} (required) and the
 * optional filters {@code rule}, {@code team} and {@code state}, and the page ({@code page}, or
 * {@code at}: the page of one finding), each at most once; any other
 * parameter is refused, so a mistyped filter never silently shows everything.
 */
record AuditPageQuery(AuditPeriod period, FindingFilter filter, ResultsPage page,
    Map<String, String> given) {
  static final Set<String> PARAMETERS = Set.of("from", "to", "rule", "team", "state", "page", "at");

  /**
   * The page's query.
   *
   * @throws ApiException 400 naming the unknown, repeated or malformed parameter
   */
  static AuditPageQuery of(UriInfo uri) {
    MultivaluedMap<String, String> given = uri.getQueryParameters();
    for (Map.Entry<String, List<String>> parameter : given.entrySet()) {
      if (!PARAMETERS.contains(parameter.getKey())) {
        throw ApiException.malformed("This page takes no parameter \"" + parameter.getKey()
            + "\"; it takes " + String.join(", ", new TreeSet<>(PARAMETERS)) + ".");
      }
      if (parameter.getValue().size() != 1) {
        throw ApiException.malformed("The parameter " + parameter.getKey()
            + " is given more than once.");
      }
    }
    AuditPeriod period = AuditPeriod.parse(given.getFirst("from"), given.getFirst("to"));
    return new AuditPageQuery(period, FindingFilter.parse(given.getFirst("rule"),
        given.getFirst("team"), given.getFirst("state")),
        ResultsPage.parse(given.getFirst("page"), given.getFirst("at")), parameters(given));
  }

  /**
   * What a read that shows run {@code run} again records: the page's parameters as given (already
   * checked by {@link #of}) and the run's audit entry.
   */
  Map<String, String> recordedWith(long run) {
    Map<String, String> recorded = new TreeMap<>(given);
    recorded.put("run", Long.toString(run));
    return recorded;
  }

  private static Map<String, String> parameters(MultivaluedMap<String, String> given) {
    Map<String, String> single = new TreeMap<>();
    given.forEach((name, values) -> single.put(name, values.get(0)));
    return Map.copyOf(single);
  }
}
