package io.accessledger.query;

import io.accessledger.api.ApiException;
import io.accessledger.api.EventAck;
import io.accessledger.audit.Rule;
import io.accessledger.ledger.AppendResult;
import io.accessledger.ledger.Appends;
import io.accessledger.ledger.LeafCodec;
import io.accessledger.ledger.LeafFormatException;
import io.accessledger.ledger.LedgerEntry;
import io.accessledger.ledger.PreparedEvent;
import io.accessledger.ledger.Sequencer;
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
 * itself (source {@code ledger}), so the DPO's own decisions are on the record, in the DPO's
 * history and, when the finding is about a subject, in the subject's.
 *
 * <p>A {@code REVIEW} event: {@code type}, {@code eventId} ({@code review-<uuid>}), {@code
 * occurredAt}, {@code actor} (the reviewing client's name and role), {@code finding} (its id),
 * {@code rule}, {@code outcome}, {@code note}, {@code reviewed} ({@code {"seq"}} of the finding's
 * first entry), and, copied from that entry, {@code subject} and {@code staff} ({@code {"id"}}).
 */
public final class Reviews {
  /** What the DPO concluded. */
  public enum Outcome { EXPLAINED, UNEXPLAINED, UPHELD, NOT_UPHELD }

  /** A checked review request. */
  public record Request(String finding, Rule rule, long seq, Outcome outcome, String note) {}

  private static final int MAX_NOTE_BYTES = 4096;

  private final Sequencer sequencer;
  private final LedgerStore store;
  private final LedgerQueries queries;
  private final Clock clock;

  public Reviews(Sequencer sequencer, LedgerStore store, LedgerQueries queries, Clock clock) {
    this.sequencer = sequencer;
    this.store = store;
    this.queries = queries;
    this.clock = clock;
  }

  /**
   * Reads {@code {"finding","outcome","note"}}; the finding id is {@code <RULE>-<seq>} as an audit
   * answered it, and its entry must be in the signed log.
   *
   * @throws ApiException 400 naming the field that is missing or wrong, 404 for an entry the log
   *     does not hold
   */
  public Request check(Map<String, Object> body) {
    for (String field : body.keySet()) {
      if (!List.of("finding", "outcome", "note").contains(field)) {
        throw ApiException.malformed("unknown field \"" + field + "\"; the body is"
            + " {\"finding\",\"outcome\",\"note\"}");
      }
    }
    String finding = text(body, "finding");
    int dash = finding.lastIndexOf('-');
    Rule rule;
    long seq;
    try {
      rule = Rule.valueOf(finding.substring(0, Math.max(dash, 0)));
      seq = Long.parseLong(finding.substring(dash + 1));
      if (seq < 0 || !finding.equals(rule + "-" + seq)) {
        throw new IllegalArgumentException();
      }
    } catch (IllegalArgumentException e) {
      throw ApiException.malformed("finding must be a finding id such as NOT_ALLOCATED-1234, got "
          + finding);
    }
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
    long signed = queries.checkpoint().size();
    if (seq >= signed) {
      throw ApiException.notFound("finding " + finding + " names entry " + seq + ", but the signed"
          + " log holds " + signed + " entries");
    }
    return new Request(finding, rule, seq, outcome, note);
  }

  /** Appends the {@code REVIEW} entry and waits until it is durable and signed. */
  public EventAck record(String clientName, String role, Request request) {
    StoredLeaf leaf = store.leaf(request.seq())
        .orElseThrow(() -> new StoreException("entry " + request.seq() + " is not stored"));
    LedgerEntry reviewed;
    try {
      reviewed = LeafCodec.decode(leaf.leaf());
    } catch (LeafFormatException e) {
      throw new StoreException("entry " + request.seq() + " is not a valid leaf; run `verify`", e);
    }
    Map<String, Object> event = new LinkedHashMap<>();
    event.put("type", "REVIEW");
    String eventId = "review-" + UUID.randomUUID();
    event.put("eventId", eventId);
    event.put("occurredAt", LeafCodec.formatReceivedAt(clock.instant()));
    event.put("actor", Map.of("id", clientName, "role", role));
    event.put("finding", request.finding());
    event.put("rule", request.rule().name());
    event.put("outcome", request.outcome().name());
    event.put("note", request.note());
    event.put("reviewed", Map.of("seq", request.seq()));
    if (reviewed.event().get("subject") instanceof Map<?, ?> subject
        && subject.get("id") instanceof String id) {
      event.put("subject", Map.of("id", id));
    }
    if ("VIEW".equals(reviewed.event().get("type"))
        && reviewed.event().get("actor") instanceof Map<?, ?> staff
        && staff.get("id") instanceof String id) {
      event.put("staff", Map.of("id", id));
    }
    AppendResult result =
        Appends.await(sequencer.append(PreparedEvent.of(event, AuditTrail.SOURCE)));
    return new EventAck(result.seq(), result.leafHash().hex(), eventId, null);
  }

  private static String text(Map<String, Object> body, String field) {
    if (!(body.get(field) instanceof String text)) {
      throw ApiException.malformed(field + " is required (a string)");
    }
    return text;
  }
}
