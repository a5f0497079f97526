package io.accessledger.resources;

import io.accessledger.api.ApiException;
import io.accessledger.auth.ApiClient;
import io.accessledger.ledger.writer.AppendResult;
import io.accessledger.query.AuditTrail;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Runs a read of the ledger the audited way: parameters are checked first (an unknown or repeated
 * one is refused, so the record says exactly what was asked), then the {@code AUDIT_QUERY} entry is
 * appended and acknowledged, then the answer is built and sent with {@code Ledger-Audit-Seq}.
 * Every read is recorded, whoever makes it; the contract requires it of auditors and investigators.
 */
final class ReadAudit {
  static final String HEADER = "Ledger-Audit-Seq";

  private final AuditTrail trail;

  ReadAudit(AuditTrail trail) {
    this.trail = trail;
  }

  /**
   * @param allowed the query parameters this endpoint takes
   * @param check validation that must pass before anything is written (throws ApiException)
   * @param answer builds the entity once the audit entry is signed
   */
  Response run(
      SecurityContext security,
      UriInfo uri,
      Set<String> allowed,
      Runnable check,
      Supplier<Object> answer) {
    Map<String, String> parameters = parameters(uri.getQueryParameters(), allowed);
    check.run();
    ApiClient client = ClientSecurityContext.clientOf(security);
    AppendResult audit =
        trail.record(client.name(), client.role().externalName(), "/" + uri.getPath(), parameters);
    return Response.ok(answer.get()).header(HEADER, audit.seq()).build();
  }

  /**
   * As {@link #run}, for reads whose check needs the parameters and whose answer needs its own
   * audit entry (an evidence bundle carries it).
   *
   * @param check reads and validates the parameters (throws ApiException), before anything is
   *     written
   * @param answer builds the response from the checked request and the acknowledged audit entry
   */
  <T> Response run(
      SecurityContext security,
      UriInfo uri,
      Set<String> allowed,
      Function<Map<String, String>, T> check,
      BiFunction<T, AppendResult, Response.ResponseBuilder> answer) {
    Map<String, String> parameters = parameters(uri.getQueryParameters(), allowed);
    T request = check.apply(parameters);
    ApiClient client = ClientSecurityContext.clientOf(security);
    AppendResult audit =
        trail.record(client.name(), client.role().externalName(), "/" + uri.getPath(), parameters);
    return answer.apply(request, audit).header(HEADER, audit.seq()).build();
  }

  /**
   * As {@link #run}, for a read whose parameters come in a JSON body (a POST): any query parameter
   * is refused, and {@code parameters}, already checked by the caller, are what is recorded; the
   * answer is built knowing its own audit entry.
   */
  Response runWithBody(
      SecurityContext security,
      UriInfo uri,
      Map<String, String> parameters,
      Function<AppendResult, Object> answer) {
    parameters(uri.getQueryParameters(), Set.of());
    ApiClient client = ClientSecurityContext.clientOf(security);
    AppendResult audit =
        trail.record(client.name(), client.role().externalName(), "/" + uri.getPath(), parameters);
    return Response.ok(answer.apply(audit)).header(HEADER, audit.seq()).build();
  }

  private static Map<String, String> parameters(
      MultivaluedMap<String, String> given, Set<String> allowed) {
    Map<String, String> parameters = new TreeMap<>();
    for (Map.Entry<String, List<String>> e : given.entrySet()) {
      if (!allowed.contains(e.getKey())) {
        throw ApiException.malformed("unknown query parameter \"" + e.getKey() + "\""
            + (allowed.isEmpty() ? "; this endpoint takes none" : "; allowed: " + new TreeSet<>(allowed)));
      }
      if (e.getValue().size() != 1) {
        throw ApiException.malformed("query parameter \"" + e.getKey() + "\" is given more than once");
      }
      parameters.put(e.getKey(), e.getValue().get(0));
    }
    return parameters;
  }
}
