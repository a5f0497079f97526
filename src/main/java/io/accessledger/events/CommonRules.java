package io.accessledger.events;

import io.accessledger.ledger.json.JsonPath;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The fields every event has (contract section 4): {@code eventId}, {@code occurredAt}, {@code
 * actor}, {@code purpose}, {@code legalBasis} and the optional {@code extensions}. The {@code type}
 * is resolved first, by {@link EventValidator}, because it decides which other fields exist.
 */
final class CommonRules {
  static final Set<String> FIELDS =
      Set.of("eventId", "type", "occurredAt", "actor", "purpose", "legalBasis", "extensions");

  static final int MAX_EVENT_ID_CHARS = 128;
  static final int MAX_EXTENSION_KEY_CHARS = 128;
  /**
   * The most keys {@code extensions} may hold. Extensions are a deployment's few local fields, not
   * a store: without a bound, an extract release's 32 MiB allowance could carry millions of them.
   */
  static final int MAX_EXTENSION_KEYS = 64;

  private CommonRules() {}

  /** The common fields plus a type's own: the top-level fields that type allows. */
  static Set<String> fieldsPlus(String... more) {
    Set<String> all = new HashSet<>(FIELDS);
    all.addAll(List.of(more));
    return Set.copyOf(all);
  }

  static void check(Node event, LegalBasisVocabulary vocabulary) {
    eventId(event);
    event.timestamp("occurredAt", true);
    Shapes.person(event, "actor", true);
    event.text("purpose", true);
    legalBasis(event, vocabulary);
    extensions(event);
  }

  /** 1 to 128 of {@code A-Z a-z 0-9 . _ : -}: safe in URLs, logs and the derived subject ids. */
  private static void eventId(Node event) {
    String id = event.string("eventId", true);
    if (id == null) {
      return;
    }
    if (id.isEmpty()) {
      event.error("eventId", Node.NO_INDEX, "must not be empty");
    } else if (id.length() > MAX_EVENT_ID_CHARS) {
      event.error("eventId", Node.NO_INDEX,
          "must be at most " + MAX_EVENT_ID_CHARS + " characters, got " + id.length());
    } else {
      for (int i = 0; i < id.length(); i++) {
        char c = id.charAt(i);
        boolean ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
            || c == '.' || c == '_' || c == ':' || c == '-';
        if (!ok) {
          event.error("eventId", Node.NO_INDEX, "may contain only A-Z a-z 0-9 . _ : - (found "
              + Text.codePoint(c) + " at index " + i + ")");
          return;
        }
      }
    }
  }

  /**
   * One or more distinct known codes, at least one an Article 6 lawful basis. An unknown code that
   * is spelled as an Article 6 basis still counts towards "has Article 6", so the answer names the
   * real problem (the unknown code) once rather than twice.
   */
  private static void legalBasis(Node event, LegalBasisVocabulary vocabulary) {
    List<?> codes = event.array("legalBasis", true);
    if (codes == null) {
      return;
    }
    String[] texts = Shapes.distinctTexts(event, "legalBasis", codes, "code");
    boolean article6 = false;
    for (int i = 0; i < texts.length && !event.full(); i++) {
      String code = texts[i];
      if (code == null) {
        continue;
      }
      article6 |= LegalBasisVocabulary.isArticle6(code);
      if (!vocabulary.isKnown(code)) {
        event.error("legalBasis", i, "unknown legal basis code " + JsonPath.quoted(code));
      }
    }
    if (!article6) {
      event.error("legalBasis", Node.NO_INDEX, "must include at least one UK GDPR Article 6"
          + " lawful basis (" + LegalBasisVocabulary.ARTICLE_6_PREFIX + "...)");
    }
  }

  /** A deployment's own additions: up to 64 string values under keys of 1 to 128 characters. */
  private static void extensions(Node event) {
    Node extensions = event.object("extensions", false);
    if (extensions == null) {
      return;
    }
    if (extensions.map().size() > MAX_EXTENSION_KEYS) {
      extensions.error("must hold at most " + MAX_EXTENSION_KEYS + " keys, got "
          + extensions.map().size());
      return;
    }
    for (Map.Entry<?, ?> entry : extensions.map().entrySet()) {
      if (extensions.full()) {
        return;
      }
      if (!(entry.getKey() instanceof String key)) {
        extensions.error("non-string key " + entry.getKey());
        continue;
      }
      int chars = key.codePointCount(0, key.length());
      if (chars < 1 || chars > MAX_EXTENSION_KEY_CHARS) {
        extensions.error(key, Node.NO_INDEX, "key must be 1 to " + MAX_EXTENSION_KEY_CHARS
            + " characters, got " + chars);
      }
      extensions.string(entry.getValue(), key, Node.NO_INDEX);
    }
  }
}
