package io.accessledger.events;

import io.accessledger.ledger.json.JsonPath;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Checks a posted event against the contract (section 4) and answers every problem found, each
 * naming the JSON path of the offending value, so a records system can fix all of them at once.
 *
 * <p>The input is the value model {@code io.accessledger.ledger.json.CanonicalJson.parse} returns:
 * {@code Map<String,Object>} objects, {@code List<Object>} arrays, {@code String}, {@code Long},
 * {@code Boolean} and {@code JsonNull.INSTANCE}. A field present with JSON {@code null} is an error
 * (it is never read as "absent"): a null in an audit record is ambiguous, and refusing it costs a
 * records system one fix.
 *
 * <p>The contract, in short:
 *
 * <ul>
 *   <li>The event is an object; fields unknown for its type are refused by name, at every level
 *       (local additions belong in {@code extensions}, an object of string values).
 *   <li>Every string is at most {@link #MAX_STRING_BYTES} UTF-8 bytes; free text must not be empty
 *       or only white space; identifiers ({@code actor.id}, {@code subject.id}, {@code
 *       subjects[i].id}, {@code record.type}, {@code record.id}, {@code decidedBy.id}, {@code
 *       approvedBy.id}) are at most {@link #MAX_ID_CHARS} characters with no control characters,
 *       and {@code record.type} has no {@code /}.
 *   <li>Types {@code AUDIT_QUERY}, {@code EXTRACT_SUBJECT}, {@code REVIEW}, {@code
 *       MAINTENANCE} and {@code KEY_ROTATION} are refused: the ledger writes them.
 *   <li>{@code occurredAt} is an RFC 3339 UTC timestamp ({@link Rfc3339}); {@code legalBasis} holds
 *       distinct codes known to the {@link LegalBasisVocabulary}, at least one of Article 6.
 * </ul>
 *
 * <p>Thread-safe and allocation-light: no regular expressions, reflection or exceptions on the
 * validation path, and no path strings built unless a problem is found.
 */
public final class EventValidator {
  /** The longest string value accepted anywhere in an event, in UTF-8 bytes (4 KiB). */
  public static final int MAX_STRING_BYTES = 4096;

  /** The most subjects one {@code EXTRACT_RELEASE} may name. */
  public static final int MAX_EXTRACT_SUBJECTS = 100_000;

  /** The longest identifier accepted, in characters (Unicode code points). */
  public static final int MAX_ID_CHARS = 256;

  /** {@link #validate} stops looking after this many problems. */
  public static final int MAX_ERRORS = 100;

  private static final List<String> POSTABLE =
      List.of(EventType.VIEW.name(), EventType.SHARE_DECISION.name(),
          EventType.EXTRACT_RELEASE.name(), EventType.ALLOCATION.name(),
          EventType.CASE_CLOSURE.name());
  private static final Set<String> LEDGER_WRITTEN =
      Set.of("AUDIT_QUERY", "EXTRACT_SUBJECT", "REVIEW", "MAINTENANCE", "KEY_ROTATION");
  /** Without a valid type, only fields no type knows can be called unknown. */
  private static final Set<String> ANY_TYPE_FIELDS = union(
      ViewRules.FIELDS, ShareDecisionRules.FIELDS, ExtractReleaseRules.FIELDS,
      AllocationRules.FIELDS, CaseClosureRules.FIELDS);

  private final LegalBasisVocabulary vocabulary;

  /** A validator that accepts the legal-basis codes of {@code vocabulary}. */
  public EventValidator(LegalBasisVocabulary vocabulary) {
    this.vocabulary = Objects.requireNonNull(vocabulary, "vocabulary");
  }

  /**
   * Every problem with {@code event}, in a stable order (the type, unknown fields, the common
   * fields, then the type's own), at most {@link #MAX_ERRORS}; empty when the event is valid. A
   * problem with the event as a whole has the empty path. Never throws.
   */
  public List<FieldError> validate(Object event) {
    Errors errors = new Errors(MAX_ERRORS);
    if (!(event instanceof Map<?, ?> map)) {
      errors.add("", "must be a JSON object, got " + (event == null ? "nothing"
          : Node.typeName(event)));
      return errors.list();
    }
    Node root = Node.root(errors, map);
    EventType type = type(root);
    root.onlyFields(type == null ? ANY_TYPE_FIELDS : fieldsOf(type));
    CommonRules.check(root, vocabulary);
    if (type != null) {
      switch (type) {
        case VIEW -> ViewRules.check(root);
        case SHARE_DECISION -> ShareDecisionRules.check(root);
        case EXTRACT_RELEASE -> ExtractReleaseRules.check(root);
        case ALLOCATION -> AllocationRules.check(root);
        case CASE_CLOSURE -> CaseClosureRules.check(root);
      }
    }
    return errors.list();
  }

  /** The event's type, or null after recording why it has none that can be posted. */
  private static EventType type(Node root) {
    String name = root.string("type", true);
    if (name == null) {
      return null;
    }
    Optional<EventType> type = EventType.parse(name);
    if (type.isPresent()) {
      return type.get();
    }
    if (LEDGER_WRITTEN.contains(name)) {
      root.error("type", Node.NO_INDEX, name + " events are written by the ledger itself and"
          + " cannot be posted");
    } else {
      root.error("type", Node.NO_INDEX, "unknown type " + JsonPath.quoted(name)
          + ", expected one of " + String.join(", ", POSTABLE));
    }
    return null;
  }

  private static Set<String> fieldsOf(EventType type) {
    return switch (type) {
      case VIEW -> ViewRules.FIELDS;
      case SHARE_DECISION -> ShareDecisionRules.FIELDS;
      case EXTRACT_RELEASE -> ExtractReleaseRules.FIELDS;
      case ALLOCATION -> AllocationRules.FIELDS;
      case CASE_CLOSURE -> CaseClosureRules.FIELDS;
    };
  }

  @SafeVarargs
  private static Set<String> union(Set<String>... sets) {
    HashSet<String> all = new HashSet<>();
    for (Set<String> set : sets) {
      all.addAll(set);
    }
    return Set.copyOf(all);
  }
}
