package io.accessledger.query;

import io.accessledger.api.ApiException;
import io.accessledger.api.EventAck;
import io.accessledger.audit.Finding;
import io.accessledger.entries.AuditQuery;
import io.accessledger.entries.EventParser;
import io.accessledger.ledger.leaf.LeafCodec;
import io.accessledger.ledger.leaf.LeafFormatException;
import io.accessledger.ledger.leaf.LedgerEntry;
import io.accessledger.ledger.leaf.PreparedEvent;
import io.accessledger.ledger.writer.AppendResult;
import io.accessledger.ledger.writer.Appends;
import io.accessledger.ledger.writer.Sequencer;
import io.accessledger.store.LedgerStore;
import io.accessledger.store.StoreException;
import io.accessledger.store.StoredLeaf;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The DPO's reviews of need-to-know findings, recorded as {@code REVIEW} entries by the ledger
 * itself (source {@code ledger}), so the DPO's own decisions are on the record and in the DPO's
 * history.
 *
 * <p>A review names the audit it comes from ({@code audit}: the {@code Ledger-Audit-Seq} of the
 * run) and a finding of that run, which must exist: a review is permanent, so a mistyped or made-up
 * finding id is refused rather than attached to someone. A {@code REVIEW} event: {@code type},
 * {@code eventId} ({@code review-<uuid>}), {@code occurredAt}, {@code actor} (the reviewing
 * client), {@code audit} ({@code {"seq"}}), {@code finding}, {@code rule}, {@code outcome},
 * {@code note}, {@code reviewed} ({@code {"seq"}} of the finding's first entry) and {@code
 * concerning} ({@code staff} and, when the finding is about one subject, {@code subject}). It
 * deliberately carries no top-level {@code subject}: a review (its note, the member of staff) is
 * not part of the child's history, which families and their advisers may be given.
 */
public final class Reviews {
  /** What the DPO concluded. */
  public enum Outcome { EXPLAINED, UNEXPLAINED, UPHELD, NOT_UPHELD }

  /** A checked review request: the audit entry, the finding (as that audit found it), the verdict. */
  public record Request(long audit, Finding finding, Outcome outcome, String note) {}

  private static final int MAX_NOTE_BYTES = 4096;
  private static final List<String> FIELDS = List.of("audit", "finding", "outcome", "note");

  private final Sequencer sequencer;
  private final LedgerStore store;
  private final LedgerQueries queries;
  private final NeedToKnowAudits audits;
  private final Clock clock;

  public Reviews(Sequencer sequencer, LedgerStore store, LedgerQueries queries,
      NeedToKnowAudits audits, Clock clock) {
    this.sequencer = sequencer;
    this.store = store;
    this.queries = queries;
    this.audits = audits;
    this.clock = clock;
  }

  /**
   * Reads {@code {"audit","finding","outcome","note"}} and finds the finding among that audit's.
   *
   * @throws ApiException 400 naming the field that is missing or wrong; 404 when the audit entry
   *     is not a need-to-know audit in the signed log, or the finding is not one of its findings
   */
  public Request check(Map<String, Object> body) {
    for (String field : body.keySet()) {
      if (!FIELDS.contains(field)) {
        throw ApiException.malformed("unknown field \"" + field + "\"; the body is"
            + " {\"audit\",\"finding\",\"outcome\",\"note\"}");
      }
    }
    if (!(body.get("audit") instanceof Long audit) || audit < 0) {
      throw ApiException.malformed("audit is required: the Ledger-Audit-Seq of the need-to-know"
          + " audit the finding comes from");
    }
    String finding = text(body, "finding");
    Outcome outcome;
    try {
      outcome = Outcome.valueOf(text(body, "outcome"));
    } catch (IllegalArgumentException e) {
      throw ApiException.malformed("outcome must be one of " + Arrays.toString(Outcome.values()));
    }
    String note = text(body, "note");
    if (note.isBlank() || note.getBytes(StandardCharsets.UTF_8).length > MAX_NOTE_BYTES
        || note.chars().anyMatch(c -> c < 0x20 && c != '\n' && c != '\t')) {
      throw ApiException.malformed("note must be 1 to " + MAX_NOTE_BYTES + " bytes of text, no"
          + " control characters but newline and tab");
    }
    Finding found = audits.findingsOf(audit, recordedPeriod(audit)).get(finding);
    if (found == null) {
      throw ApiException.notFound("finding " + finding + " is not one of the findings of the"
          + " need-to-know audit recorded as entry " + audit);
    }
    return new Request(audit, found, outcome, note);
  }

  /** The period the audit recorded as entry {@code seq} was run over. */
  private NeedToKnowAudits.Period recordedPeriod(long seq) {
    long signed = queries.checkpoint().size();
    if (seq >= signed) {
      throw ApiException.notFound("no entry " + seq + ": the signed log holds " + signed
          + " entries");
    }
    LedgerEntry entry = decode(seq);
    if (AuditTrail.SOURCE.equals(entry.source())
        && EventParser.parse(entry) instanceof AuditQuery query
        && NeedToKnowAudits.PATH.equals(query.path())) {
      return NeedToKnowAudits.period(new LinkedHashMap<>(query.parameters()));
    }
    throw ApiException.notFound("entry " + seq + " is not the record of a need-to-know audit");
  }

  /** Appends the {@code REVIEW} entry and waits until it is durable and signed. */
  public EventAck record(String clientName, String role, Request request) {
    Finding finding = request.finding();
    Map<String, Object> event = new LinkedHashMap<>();
    event.put("type", "REVIEW");
    String eventId = "review-" + UUID.randomUUID();
    event.put("eventId", eventId);
    event.put("occurredAt", LeafCodec.formatReceivedAt(clock.instant()));
    event.put("actor", Map.of("id", clientName, "role", role));
    event.put("audit", Map.of("seq", request.audit()));
    event.put("finding", finding.id());
    event.put("rule", finding.rule().name());
    event.put("outcome", request.outcome().name());
    event.put("note", request.note());
    event.put("reviewed", Map.of("seq", finding.seqs().get(0)));
    Map<String, Object> concerning = new LinkedHashMap<>();
    concerning.put("staff", finding.actor());
    if (finding.subject() != null) {
      concerning.put("subject", finding.subject());
    }
    event.put("concerning", concerning);
    AppendResult result =
        Appends.await(sequencer.append(PreparedEvent.of(event, AuditTrail.SOURCE)));
    return new EventAck(result.seq(), result.leafHash().hex(), eventId, null);
  }

  private LedgerEntry decode(long seq) {
    StoredLeaf leaf = store.leaf(seq)
        .orElseThrow(() -> new StoreException("entry " + seq + " is not stored"));
    try {
      return LeafCodec.decode(leaf.leaf());
    } catch (LeafFormatException e) {
      throw new StoreException("entry " + seq + " is not a valid leaf; run `verify`", e);
    }
  }

  private static String text(Map<String, Object> body, String field) {
    if (!(body.get(field) instanceof String text)) {
      throw ApiException.malformed(field + " is required (a string)");
    }
    return text;
  }
}
