package io.accessledger.console.web;

import io.accessledger.console.session.ConsoleSession;
import io.accessledger.ledger.writer.AppendResult;
import io.accessledger.query.AuditTrail;
import java.util.Map;

/**
 * Records a console page's read of the ledger before it is shown: the same {@code AUDIT_QUERY}
 * entry the API appends for the same read (its path and parameters, as the API would record
 * them), naming the signed-in client and its role. A page MUST validate what it was asked first
 * (a page that fails validation writes nothing), then call {@link #record}, then read.
 */
public final class ConsoleReads {
  private final AuditTrail trail;

  public ConsoleReads(AuditTrail trail) {
    this.trail = trail;
  }

  /**
   * Appends the {@code AUDIT_QUERY} entry and waits until it is durable and signed.
   *
   * @param path the read's path, as the API names it ({@code /v1/subjects/child-1/events})
   * @param parameters its parameters, as the API would take them
   */
  public AppendResult record(ConsoleSession session, String path, Map<String, String> parameters) {
    return trail.record(session.client(), session.role().externalName(), path, parameters);
  }
}
