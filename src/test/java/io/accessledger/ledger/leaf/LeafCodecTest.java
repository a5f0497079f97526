package io.accessledger.ledger.leaf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.accessledger.ledger.json.CanonicalJson;
import io.accessledger.ledger.merkle.Digest;
import io.accessledger.ledger.merkle.TreeHasher;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class LeafCodecTest {
  private static final Map<String, Object> EVENT = Map.of(
      "type", "VIEW",
      "eventId", "e-1",
      "subject", Map.of("id", "Zoë \"Z\""),
      "actor", Map.of("id", "worker-1"),
      "record", Map.of("type", "case-note", "id", "n/1"));
  private static final Digest PREV = TreeHasher.leafHash("x".getBytes(StandardCharsets.UTF_8));

  private static byte[] encode() {
    TreeMap<String, Long> links = new TreeMap<>(Map.of(
        "actor:worker-1", -1L, "record:case-note/n/1", 3L, "subject:Zoë \"Z\"", 3L));
    return LeafCodec.encode(7, CanonicalJson.serialize(EVENT), links, PREV,
        LeafCodec.formatReceivedAt(Instant.parse("2026-11-23T10:15:30.123456Z")), "case-system");
  }

  @Test
  void encodingIsTheCanonicalFormOfTheWholeLeaf() {
    Map<String, Object> whole = new LinkedHashMap<>();
    whole.put("v", 1L);
    whole.put("source", "case-system");
    whole.put("seq", 7L);
    whole.put("receivedAt", "2026-11-23T10:15:30.123Z");
    whole.put("prev", PREV.hex());
    whole.put("links", Map.of(
        "actor:worker-1", -1L, "record:case-note/n/1", 3L, "subject:Zoë \"Z\"", 3L));
    whole.put("event", EVENT);
    assertThat(new String(encode(), StandardCharsets.UTF_8))
        .isEqualTo(new String(CanonicalJson.serialize(whole), StandardCharsets.UTF_8))
        .startsWith("{\"event\":{\"actor\":{\"id\":\"worker-1\"},\"eventId\":\"e-1\"")
        .endsWith(",\"seq\":7,\"source\":\"case-system\",\"v\":1}");
  }

  @Test
  void decodingReturnsTheFields() throws Exception {
    LedgerEntry entry = LeafCodec.decode(encode());
    assertThat(entry.seq()).isEqualTo(7);
    assertThat(entry.prev()).isEqualTo(PREV);
    assertThat(entry.receivedAt()).isEqualTo("2026-11-23T10:15:30.123Z");
    assertThat(entry.source()).isEqualTo("case-system");
    assertThat(entry.links()).containsEntry("subject:Zoë \"Z\"", 3L).hasSize(3);
    assertThat(entry.event()).containsEntry("type", "VIEW");
    assertThat(LinkKeys.of(entry.event())).isEqualTo(List.copyOf(new TreeMap<>(entry.links()).keySet()));
  }

  @Test
  void theEventDigestIsTheDigestOfTheReSerialisedEvent() throws Exception {
    // Strings holding braces, brackets, quotes, backslashes, escapes and non-ASCII must not end
    // the scan early; nor may nested objects and lists.
    Map<String, Object> tricky = new LinkedHashMap<>();
    tricky.put("eventId", "e-}]\"{[\\");
    tricky.put("type", "VIEW");
    tricky.put("subject", Map.of("id", "Zo\u00eb \"}\" \\\" \u0001 \u2028"));
    tricky.put("extensions", Map.of("note", "\\", "more", "\"},\"links\":{"));
    tricky.put("legalBasis", List.of("a", List.of(Map.of("x", List.of())), Map.of()));
    for (Map<String, Object> event : List.of(EVENT, tricky, Map.<String, Object>of())) {
      byte[] leaf = LeafCodec.encode(0, CanonicalJson.serialize(event), new TreeMap<>(),
          Digest.ZERO, "2026-11-23T10:15:30.123Z", "case-system");
      LedgerEntry entry = LeafCodec.decode(leaf);
      assertThat(LeafCodec.eventDigest(leaf))
          .isEqualTo(Digest.wrapFresh(TreeHasher.sha256(CanonicalJson.serialize(entry.event()))));
    }
  }

  @Test
  void theEventDigestRefusesWhatIsNotALeaf() {
    assertThatThrownBy(() -> LeafCodec.eventDigest("{\"links\":{}}".getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> LeafCodec.eventDigest("{\"event\":{\"a\":\"}".getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private static void assertRefused(String leaf, String reason) {
    assertThatThrownBy(() -> LeafCodec.decode(leaf.getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(LeafFormatException.class)
        .hasMessageContaining(reason);
  }

  @Test
  void mutatedLeavesAreRefusedWithTheirReason() {
    String good = new String(encode(), StandardCharsets.UTF_8);
    assertRefused(good.replace("{\"event\":", "{ \"event\":"), "canonical");
    assertRefused(good.replace(",\"v\":1}", ",\"v\":2}"), "version");
    assertRefused(good.replace(",\"v\":1}", "}"), "leaf keys");
    assertRefused(good.replace(",\"v\":1}", ",\"v\":1,\"w\":1}"), "leaf keys");
    assertRefused(good.replace("\"seq\":7", "\"seq\":-7"), "negative");
    assertRefused(good.replace("\"seq\":7", "\"seq\":\"7\""), "seq must be Long");
    assertRefused(good.replace(PREV.hex(), PREV.hex().toUpperCase()), "prev");
    assertRefused(good.replace(PREV.hex(), PREV.hex().substring(1)), "prev");
    assertRefused(good.replace(PREV.hex(), PREV.hex().substring(1) + "g"), "prev");
    assertRefused(good.replace("10:15:30.123Z", "10:15:30Z"), "receivedAt");
    assertRefused(good.replace("10:15:30.123Z", "10:15:30.123+00:00"), "receivedAt");
    assertRefused(good.replace("2026-11-23T", "2026-11-23 "), "receivedAt");
    // Only ASCII digits: an Arabic-Indic digit is a digit to Character.isDigit, not to the format.
    assertRefused(good.replace("2026-11-23T", "2026-11-2٣T"), "receivedAt");
    assertRefused(good.replace("{\"event\":{", "{\"event\":{\"\\/\":1,"), "canonical form");
    assertRefused(good.replace(",\"v\":1}", ",\"v\":-0}"), "canonical form");
    assertRefused(good.replace("\"record:case-note/n/1\":3", "\"record:case-note/n/1\":-2"), "links");
    assertRefused(good.substring(0, good.length() - 1), "not valid JSON");
    assertRefused(good.replace("{\"event\":", "{ \"event\":").substring(0, 40), "not valid JSON");
    assertRefused(good.replace(",\"v\":1}", ", \"w\":1}"), "leaf keys");
    assertRefused("[]", "not a JSON object");
  }

  @Test
  void linkKeysCoverSubjectsActorAndRecordOnce() {
    Map<String, Object> share = Map.of(
        "actor", Map.of("id", "m-1"),
        "subjects", List.of(Map.of("id", "c-2"), Map.of("id", "c-1"), Map.of("id", "c-2")),
        "decidedBy", Map.of("id", "m-1"));
    assertThat(LinkKeys.of(share)).containsExactly("actor:m-1", "subject:c-1", "subject:c-2");
    assertThat(LinkKeys.of(Map.of("subject", "not-an-object", "record", Map.of("id", "x"))))
        .isEmpty();
  }
}
