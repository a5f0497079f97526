package io.accessledger.events;

import io.accessledger.api.EventAck;
import io.accessledger.ledger.writer.AlreadyRecordedException;
import io.accessledger.ledger.writer.AppendResult;
import io.accessledger.ledger.writer.Appends;
import io.accessledger.ledger.writer.LedgerBusyException;
import io.accessledger.ledger.writer.Sequencer;
import io.accessledger.store.LedgerDiskFullException;
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
 * several requests at once: to this process ({@link InFlightEvents}), or to several nodes sharing
 * one store (the store refuses a recorded event key, and the writer fails only the group holding
 * it with {@link AlreadyRecordedException}, on which the request is answered again as a replay or
 * a conflict); an answer is given only once its entries are
 * durable and covered by a signed checkpoint.
 *
 * <p>It is the one way events enter the log, for every front end (the HTTP API's
 * {@code EventsResource} today): it takes the posting system's name and the body as posted, and
 * answers acknowledgements or throws an {@link IngestRefusal}, whose kind the front end maps to its
 * own answer. It knows nothing of HTTP; the ledger's push-back ({@code LedgerBusyException}, a full
 * disk) reaches the caller as a refusal too, never as the ledger's own exception.
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
  private final PostedBodies bodies;
  private final InFlightEvents inFlight = new InFlightEvents();

  public EventIngest(Sequencer sequencer, LedgerStore store, EventValidator validator) {
    this.sequencer = sequencer;
    this.store = store;
    this.bodies = new PostedBodies(validator);
  }

  /** The outcome of an accepted request: whether anything new was appended, and the answers. */
  public record Accepted(boolean appended, List<EventAck> acks) {
    public Accepted {
      acks = List.copyOf(acks);
    }
  }

  /**
   * Accepts one event, posted by {@code source} (the posting client's system: never anything in
   * the body). A replay of an event already in the log is answered with its original entry.
   *
   * @param body the event as posted, JSON; at most {@link #MAX_EXTRACT_BODY_BYTES}, over
   *     {@link #MAX_BODY_BYTES} only for an extract release
   * @return one acknowledgement; {@code appended} false when the event was a replay
   * @throws IngestRefusal having written nothing (see {@link IngestRefusal.Kind#BUSY} for the one
   *     case where the entries may still land)
   */
  public Accepted postOne(String source, byte[] body) {
    return accept(source, List.of(bodies.one(source, body)), false);
  }

  /**
   * Accepts a JSON array of up to {@link #MAX_BATCH_EVENTS} events, all or nothing.
   *
   * @param body at most {@link #MAX_BODY_BYTES}
   * @return one acknowledgement per event, in posted order; {@code appended} false when every
   *     event was a replay
   * @throws IngestRefusal naming the index of the offending event, having written nothing (see
   *     {@link IngestRefusal.Kind#BUSY} for the one case where the entries may still land)
   */
  public Accepted postBatch(String source, byte[] body) {
    return accept(source, bodies.batch(source, body), true);
  }

  private Accepted accept(String source, List<PostedEvent> posted, boolean batch) {
    List<String> ids = posted.stream().map(PostedEvent::eventId).toList();
    try (InFlightEvents.Claim claim = inFlight.claimAll(source, ids)) {
      // Each round that fails finds at least one more event recorded, so this ends.
      for (int round = 0; ; round++) {
        try {
          return acceptClaimed(source, posted, ids, batch);
        } catch (AlreadyRecordedException e) {
          if (round >= posted.size()) {
            throw new IllegalStateException("an event of the request was reported recorded by"
                + " another writer, but is not found in the log", e);
          }
          // Another node appended one of these events meanwhile: look them up again, and answer
          // each as a replay, or refuse the request as a conflict, as if it had come second.
        }
      }
    }
  }

  /**
   * Answers the request once its ids are claimed by this process.
   *
   * @throws AlreadyRecordedException when another node appended one of its events after the
   *     lookup; nothing was written then
   */
  private Accepted acceptClaimed(
      String source, List<PostedEvent> posted, List<String> ids, boolean batch) {
    // Looked up only once the ids are claimed: no other request of this process can append them
    // meanwhile; another node's can, which the writer reports as AlreadyRecordedException.
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
        throw IngestRefusal.conflict((batch ? "event [" + i + "]: " : "") + "eventId "
            + event.eventId() + " from " + source + " is already in the log (seq "
            + earlier.seq() + ") with other content; nothing was appended");
      }
    }
    answerReplays(posted, replayIndexes, recorded, acks);
    if (!fresh.isEmpty()) {
      List<AppendResult> results = append(fresh);
      int next = 0;
      for (int f = 0; f < fresh.size(); f++) {
        PostedEvent event = fresh.get(f);
        acks[freshIndexes.get(f)] = ack(event, results.get(next));
        next += event.entries().size();
      }
    }
    return new Accepted(!fresh.isEmpty(), List.of(acks));
  }

  /** Appends {@code fresh} as one group and waits for it, the ledger's push-back as a refusal. */
  private List<AppendResult> append(List<PostedEvent> fresh) {
    try {
      return Appends.await(sequencer.appendGroup(
          fresh.stream().flatMap(e -> e.entries().stream()).toList()));
    } catch (LedgerBusyException e) {
      throw IngestRefusal.busy(e);
    } catch (LedgerDiskFullException e) {
      throw IngestRefusal.diskFull(e);
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
}
