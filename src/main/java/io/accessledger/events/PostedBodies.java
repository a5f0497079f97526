package io.accessledger.events;

import io.accessledger.ledger.json.CanonicalJson;
import io.accessledger.ledger.json.CanonicalJsonException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a posted body into valid events, or refuses it ({@link IngestRefusal}) naming every
 * problem: the part of {@link EventIngest} that needs no ledger. It only reads; nothing it does
 * can write.
 */
final class PostedBodies {
  private final EventValidator validator;

  PostedBodies(EventValidator validator) {
    this.validator = validator;
  }

  /**
   * The one event of {@code body}, as posted by {@code source}.
   *
   * @param body at most {@link EventIngest#MAX_EXTRACT_BODY_BYTES}; over
   *     {@link EventIngest#MAX_BODY_BYTES} only for an extract release
   * @throws IngestRefusal malformed, invalid or too large
   */
  PostedEvent one(String source, byte[] body) {
    Map<String, Object> event = asObject(parse(body), "the body");
    if (body.length > EventIngest.MAX_BODY_BYTES) {
      refuseOversized(event, body.length);
    }
    List<String> errors = problems(event, "");
    if (!errors.isEmpty()) {
      throw IngestRefusal.invalid("invalid event: " + errors.get(0), errors);
    }
    return PostedEvent.of(source, event);
  }

  /**
   * Refuses an event over {@link EventIngest#MAX_BODY_BYTES} unless it is an extract release whose
   * size comes from its {@code subjects} list: everything else in it counts against the ordinary
   * limit, so the large allowance cannot carry anything but subject ids.
   */
  private static void refuseOversized(Map<String, Object> event, int bodyBytes) {
    if (!EventType.EXTRACT_RELEASE.name().equals(event.get("type"))) {
      throw IngestRefusal.tooLarge("the body is " + bodyBytes + " bytes; an event may be at most "
          + EventIngest.MAX_BODY_BYTES + " bytes (only an EXTRACT_RELEASE may be larger)");
    }
    // What is not the subjects list, white space included; measured by what the list takes in
    // canonical form (linear in the list), not by serialising the rest (which sorts its keys).
    Object subjects = event.get("subjects");
    long restBytes = bodyBytes - (subjects == null ? 0 : CanonicalJson.serialize(subjects).length);
    if (restBytes > EventIngest.MAX_BODY_BYTES) {
      throw IngestRefusal.tooLarge("the EXTRACT_RELEASE is " + bodyBytes + " bytes, and "
          + restBytes + " of them are outside its subjects list; only the subjects list may take"
          + " it past " + EventIngest.MAX_BODY_BYTES + " bytes");
    }
  }

  /**
   * The events of {@code body}, a JSON array of 1 to {@link EventIngest#MAX_BATCH_EVENTS} events,
   * in posted order, as posted by {@code source}.
   *
   * @throws IngestRefusal malformed, too large, or invalid naming the index of every offending
   *     event (an {@code eventId} repeated within the batch included)
   */
  List<PostedEvent> batch(String source, byte[] body) {
    if (body.length > EventIngest.MAX_BODY_BYTES) {
      throw IngestRefusal.tooLarge("the batch is " + body.length + " bytes; a batch may be at most "
          + EventIngest.MAX_BODY_BYTES);
    }
    if (!(parse(body) instanceof List<?> array)) {
      throw IngestRefusal.invalid("the body must be a JSON array of events",
          List.of("(body): must be a JSON array of events"));
    }
    if (array.isEmpty()) {
      throw IngestRefusal.invalid(
          "the batch is empty", List.of("(body): must hold at least one event"));
    }
    if (array.size() > EventIngest.MAX_BATCH_EVENTS) {
      throw IngestRefusal.tooLarge("the batch holds " + array.size() + " events; at most "
          + EventIngest.MAX_BATCH_EVENTS + " are allowed");
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
      throw IngestRefusal.invalid("invalid batch, nothing was appended: " + errors.get(0), errors);
    }
    List<PostedEvent> posted = new ArrayList<>(events.size());
    for (Map<String, Object> event : events) {
      posted.add(PostedEvent.of(source, event));
    }
    return posted;
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
        throw IngestRefusal.invalid("invalid value: " + field + ": " + e.problem(),
            List.of(field + ": " + e.problem()));
      }
      throw IngestRefusal.malformed("malformed JSON: " + e.getMessage());
    }
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> asObject(Object value, String what) {
    if (value instanceof Map<?, ?> map) {
      return (Map<String, Object>) map; // the parser only makes String keys
    }
    throw IngestRefusal.invalid(
        what + " must be a JSON object", List.of(what + ": must be a JSON object"));
  }
}
