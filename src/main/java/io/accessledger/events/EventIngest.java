package io.accessledger.events;

import io.accessledger.api.ApiException;
import io.accessledger.api.EventAck;
import io.accessledger.ledger.json.CanonicalJson;
import io.accessledger.ledger.json.CanonicalJsonException;
import io.accessledger.ledger.writer.AppendResult;
import io.accessledger.ledger.writer.Appends;
import io.accessledger.ledger.writer.Sequencer;
import io.accessledger.store.LedgerStore;
import io.accessledger.store.RecordedEvent;
import io.accessledger.store.StoredLeaf;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Accepts posted events into the log (contract sections 3 and 4): parses and validates them, answers
 * replays with their original entries, refuses conflicting replays, and appends everything new from
 * one request as one group, so a batch or an extract release is written all or nothing.
 *
 * <p>Guarantees: a refused request writes nothing (every check happens before the append); an
 * {@code eventId} is in the log at most once per source, even when the same event is posted by
 * several requests at once ({@link InFlightEvents}); an answer is given only once its entries are
 * durable and covered by a signed checkpoint.
 */
public final class EventIngest {
  /** The largest body of a single event or a batch (contract section 4). */
  public static final int MAX_BODY_BYTES = 1 << 20;

  /** The largest body of a single extract release naming up to 100 000 subjects. */
  public static final int MAX_EXTRACT_BODY_BYTES = 32 << 20;

  /** The most events one batch may hold. */
  public static final int MAX_BATCH_EVENTS = 1000;

  private final Sequencer sequencer;
  private final LedgerStore store;
  private final EventValidator validator;
  private final InFlightEvents inFlight = new InFlightEvents();

  public EventIngest(Sequencer sequencer, LedgerStore store, EventValidator validator) {
    this.sequencer = sequencer;
    this.store = store;
    this.validator = validator;
  }

  /** The outcome of an accepted request: whether anything new was appended, and the answers. */
  public record Accepted(boolean appended, List<EventAck> acks) {}

  /**
   * Accepts one event.
   *
   * @param body at most {@link #MAX_EXTRACT_BODY_BYTES}; over {@link #MAX_BODY_BYTES} only for an
   *     extract release
   * @throws ApiException 400, 409, 413 or 422, having written nothing
   */
  public Accepted postOne(String source, byte[] body) {
    Map<String, Object> event = asObject(parse(body), "the body");
    if (body.length > MAX_BODY_BYTES) {
      refuseOversized(event, body.length);
    }
    List<String> errors = problems(event, "");
    if (!errors.isEmpty()) {
      throw ApiException.invalid("invalid event: " + errors.get(0), errors);
    }
    return accept(source, List.of(PostedEvent.of(source, event)), false);
  }

  /**
   * Refuses an event over {@link #MAX_BODY_BYTES} unless it is an extract release whose size comes
   * from its {@code subjects} list: everything else in it counts against the ordinary limit, so
   * the large allowance cannot carry anything but subject ids.
   */
  private static void refuseOversized(Map<String, Object> event, int bodyBytes) {
    if (!EventType.EXTRACT_RELEASE.name().equals(event.get("type"))) {
      throw ApiException.tooLarge("the body is " + bodyBytes + " bytes; an event may be at most "
          + MAX_BODY_BYTES + " bytes (only an EXTRACT_RELEASE may be larger)");
    }
    // What is not the subjects list, white space included; measured by what the list takes in
    // canonical form (linear in the list), not by serialising the rest (which sorts its keys).
    Object subjects = event.get("subjects");
    long restBytes = bodyBytes - (subjects == null ? 0 : CanonicalJson.serialize(subjects).length);
    if (restBytes > MAX_BODY_BYTES) {
      throw ApiException.tooLarge("the EXTRACT_RELEASE is " + bodyBytes + " bytes, and " + restBytes
          + " of them are outside its subjects list; only the subjects list may take it past "
          + MAX_BODY_BYTES + " bytes");
    }
  }

  /**
   * Accepts a JSON array of up to {@link #MAX_BATCH_EVENTS} events, all or nothing.
   *
   * @throws ApiException 400, 409, 413 or 422 naming the index of the offending event
   */
  public Accepted postBatch(String source, byte[] body) {
    if (body.length > MAX_BODY_BYTES) {
      throw ApiException.tooLarge(
          "the batch is " + body.length + " bytes; a batch may be at most " + MAX_BODY_BYTES);
    }
    if (!(parse(body) instanceof List<?> array)) {
      throw ApiException.invalid("the body must be a JSON array of events",
          List.of("(body): must be a JSON array of events"));
    }
    if (array.isEmpty()) {
      throw ApiException.invalid("the batch is empty", List.of("(body): must hold at least one event"));
    }
    if (array.size() > MAX_BATCH_EVENTS) {
      throw ApiException.tooLarge("the batch holds " + array.size() + " events; at most "
          + MAX_BATCH_EVENTS + " are allowed");
    }
    List<String> errors = new ArrayList<>();
    List<Map<String, Object>> events = new ArrayList<>(array.size());
    Map<Object, Integer> firstIndexOfId = new HashMap<>();
    for (int i = 0; i < array.size(); i++) {
      String at = "[" + i + "]";
      Map<String, Object> event = asObject(array.get(i), "event " + at);
      List<String> own = problems(event, at);
      Integer earlier = firstIndexOfId.putIfAbsent(event.get("eventId"), i);
      if (own.isEmpty() && earlier != null) {
        own = List.of(at + ".eventId: repeats the eventId of event [" + earlier + "]");
      }
      errors.addAll(own);
      events.add(event);
    }
    if (!errors.isEmpty()) {
      throw ApiException.invalid("invalid batch, nothing was appended: " + errors.get(0), errors);
    }
    List<PostedEvent> posted = new ArrayList<>(events.size());
    for (Map<String, Object> event : events) {
      posted.add(PostedEvent.of(source, event));
    }
    return accept(source, posted, true);
  }

  private Accepted accept(String source, List<PostedEvent> posted, boolean batch) {
    List<String> ids = posted.stream().map(PostedEvent::eventId).toList();
    try (InFlightEvents.Claim claim = inFlight.claimAll(source, ids)) {
      // Looked up only once the ids are claimed: no other request can append them meanwhile.
      Map<String, RecordedEvent> recorded = store.findEvents(source, ids);
      EventAck[] acks = new EventAck[posted.size()];
      List<PostedEvent> fresh = new ArrayList<>();
      List<Integer> freshIndexes = new ArrayList<>();
      List<Integer> replayIndexes = new ArrayList<>();
      for (int i = 0; i < posted.size(); i++) {
        PostedEvent event = posted.get(i);
        RecordedEvent earlier = recorded.get(event.eventId());
        if (earlier == null) {
          fresh.add(event);
          freshIndexes.add(i);
        } else if (earlier.content().equals(event.key().content())) {
          replayIndexes.add(i);
        } else {
          throw ApiException.conflict((batch ? "event [" + i + "]: " : "") + "eventId "
              + event.eventId() + " from " + source + " is already in the log (seq "
              + earlier.seq() + ") with other content; nothing was appended");
        }
      }
      answerReplays(posted, replayIndexes, recorded, acks);
      if (!fresh.isEmpty()) {
        List<AppendResult> results = Appends.await(sequencer.appendGroup(
            fresh.stream().flatMap(e -> e.entries().stream()).toList()));
        int next = 0;
        for (int f = 0; f < fresh.size(); f++) {
          PostedEvent event = fresh.get(f);
          acks[freshIndexes.get(f)] = ack(event, results.get(next));
          next += event.entries().size();
        }
      }
      return new Accepted(!fresh.isEmpty(), List.of(acks));
    }
  }

  private static EventAck ack(PostedEvent event, AppendResult result) {
    return new EventAck(result.seq(), result.leafHash().hex(), event.eventId(),
        subjectEntries(event, result.seq()));
  }

  /** Answers each replayed event with its original entry, reading their leaves in one query. */
  private void answerReplays(List<PostedEvent> posted, List<Integer> replayIndexes,
      Map<String, RecordedEvent> recorded, EventAck[] acks) {
    if (replayIndexes.isEmpty()) {
      return;
    }
    List<Long> seqs = replayIndexes.stream()
        .map(i -> recorded.get(posted.get(i).eventId()).seq())
        .toList();
    Map<Long, StoredLeaf> leaves = new HashMap<>();
    store.leaves(seqs).forEach(leaf -> leaves.put(leaf.seq(), leaf));
    for (int i : replayIndexes) {
      PostedEvent event = posted.get(i);
      long seq = recorded.get(event.eventId()).seq();
      StoredLeaf leaf = leaves.get(seq);
      if (leaf == null) {
        throw new IllegalStateException(
            "event " + event.eventId() + " is recorded at seq " + seq + ", which is not stored");
      }
      acks[i] = new EventAck(seq, leaf.hash().hex(), event.eventId(), subjectEntries(event, seq));
    }
  }

  private static EventAck.SubjectEntries subjectEntries(PostedEvent event, long releaseSeq) {
    return event.subjectCount() == 0
        ? null
        : new EventAck.SubjectEntries(releaseSeq + 1, releaseSeq + event.subjectCount());
  }

  private List<String> problems(Map<String, Object> event, String prefix) {
    List<String> errors = new ArrayList<>();
    for (FieldError error : validator.validate(event)) {
      String field = error.field() == null || error.field().isEmpty() ? "" : error.field();
      String path = prefix.isEmpty() ? field : field.isEmpty() ? prefix : prefix + "." + field;
      errors.add((path.isEmpty() ? "(event)" : path) + ": " + error.message());
    }
    return errors;
  }

  private static Object parse(byte[] body) {
    try {
      return CanonicalJson.parse(body);
    } catch (CanonicalJsonException e) {
      String where = e.path().replaceFirst("^\\$\\.?", "");
      if (e.isWellFormed()) {
        String field = where.isEmpty() ? "(body)" : where;
        throw ApiException.invalid("invalid value: " + field + ": " + e.problem(),
            List.of(field + ": " + e.problem()));
      }
      throw ApiException.malformed("malformed JSON: " + e.getMessage());
    }
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> asObject(Object value, String what) {
    if (value instanceof Map<?, ?> map) {
      return (Map<String, Object>) map; // the parser only makes String keys
    }
    throw ApiException.invalid(what + " must be a JSON object", List.of(what + ": must be a JSON object"));
  }
}
