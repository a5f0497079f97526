package io.accessledger.evidence;

import static io.accessledger.evidence.BundleProblem.REQUEST;

import io.accessledger.ledger.leaf.LedgerEntry;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The check that the bundle's request entry is the log's own record ({@code AUDIT_QUERY}, source
 * {@code ledger}) of exactly this request: by {@code requestedBy} at {@code requestedAt}, for
 * {@link BundleFormat#PATH} with the history's key and exactly the {@code since} sizes the bundle
 * proves consistency from. So a bundle cannot hide who asked for it, or pass for another request.
 */
final class RequestCheck {
  private RequestCheck() {}

  /** @param from the sizes the bundle's consistency proofs start at, in order */
  static void check(EvidenceBundle bundle, LedgerEntry request, List<Long> from)
      throws BundleException {
    Map<String, Object> event = request.event();
    if (!"AUDIT_QUERY".equals(event.get("type")) || !"ledger".equals(request.source())) {
      throw new BundleException(REQUEST, "entry " + request.seq() + " is not the log's record of"
          + " a query");
    }
    // Sorted, as the canonical leaf prints: Map.of's order changes from one JVM to the next, and
    // the message must not.
    Map<String, Object> asked = new TreeMap<>();
    asked.put("id", bundle.requestedBy().id());
    asked.put("role", bundle.requestedBy().role());
    if (!asked.equals(event.get("actor"))
        || !bundle.requestedAt().equals(event.get("occurredAt"))) {
      throw new BundleException(REQUEST, "the bundle says " + asked + " asked at "
          + BundleJson.quoted(bundle.requestedAt()) + "; entry " + request.seq() + " records "
          + event.get("actor") + " at " + event.get("occurredAt"));
    }
    String[] parameter = BundleFormat.parameterFor(bundle.key());
    Map<String, String> expected = new TreeMap<>();
    expected.put(parameter[0], parameter[1]);
    if (!from.isEmpty()) {
      expected.put("since", String.join(",", from.stream().map(String::valueOf).toList()));
    }
    Map<String, Object> query = new TreeMap<>();
    query.put("path", BundleFormat.PATH);
    query.put("parameters", expected);
    if (!query.equals(event.get("query"))) {
      throw new BundleException(REQUEST, "entry " + request.seq() + " records the query "
          + event.get("query") + ", not " + query);
    }
  }
}
