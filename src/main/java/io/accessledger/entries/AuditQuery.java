package io.accessledger.entries;

import java.util.Map;

/**
 * An {@code AUDIT_QUERY} entry, written by the ledger before it answers a read (contract section
 * 3): the reading client is the {@code actor} (its name and role), and {@code query} the path and
 * parameters it asked for.
 *
 * @param path the path read; null only when not given
 * @param parameters the query's parameters by name, verbatim and in the leaf's (sorted) order
 */
public record AuditQuery(Header header, String path, Map<String, String> parameters)
    implements LedgerEvent {
  public static final String TYPE = "AUDIT_QUERY";

  static AuditQuery read(Header header, Fields event) {
    Fields query = event.object("query");
    return new AuditQuery(header, query.text("path"), query.strings("parameters"));
  }
}
