package io.accessledger.query;

import io.accessledger.ledger.leaf.EventIdentity;
import io.accessledger.ledger.leaf.LeafCodec;
import io.accessledger.ledger.leaf.PreparedEvent;
import io.accessledger.ledger.writer.AppendResult;
import io.accessledger.ledger.writer.Appends;
import io.accessledger.ledger.writer.Sequencer;
import io.accessledger.store.LedgerDiskFullException;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.UUID;

/**
 * The ledger audits its readers (contract section 3): before a read is answered, an
 * {@code AUDIT_QUERY} entry naming the client, its role, the path and the parameters is appended
 * and acknowledged, so the answer's checkpoint covers it and no read goes unrecorded.
 */
public final class AuditTrail {
  /** The {@code source} of every entry the ledger writes about itself. */
  public static final String SOURCE = EventIdentity.LEDGER_SOURCE;

  private final Sequencer sequencer;
  private final Clock clock;

  public AuditTrail(Sequencer sequencer, Clock clock) {
    this.sequencer = sequencer;
    this.clock = clock;
  }

  /**
   * Appends the {@code AUDIT_QUERY} entry and waits until it is durable and signed.
   *
   * @param parameters the query's parameters, by name, as given
   * @return its acknowledgement; the caller names its {@code seq} in {@code Ledger-Audit-Seq}
   * @throws LedgerDiskFullException when the disk has no room for the entry: the read must then
   *     not be answered (it would go unrecorded), and the message says so
   */
  public AppendResult record(
      String clientName, String role, String path, Map<String, String> parameters) {
    SortedMap<String, String> params = new TreeMap<>(parameters);
    Map<String, Object> query = new LinkedHashMap<>();
    query.put("path", path);
    query.put("parameters", params);
    Map<String, Object> event = new LinkedHashMap<>();
    event.put("type", "AUDIT_QUERY");
    event.put("eventId", "audit-" + UUID.randomUUID());
    event.put("occurredAt", LeafCodec.formatReceivedAt(clock.instant()));
    event.put("actor", Map.of("id", clientName, "role", role));
    event.put("query", query);
    try {
      return Appends.await(sequencer.append(PreparedEvent.of(event, SOURCE)));
    } catch (LedgerDiskFullException e) {
      throw e.withConsequence("every read is recorded before it is answered, so this read was not answered");
    }
  }
}
