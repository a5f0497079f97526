package io.accessledger.ledger.leaf;

import io.accessledger.ledger.merkle.Digest;

/**
 * The identity of a posted event: its {@code eventId}, unique per {@code source} (contract section
 * 4), and the SHA-256 of its canonical form as posted. The store keeps one per entry that has one,
 * written in the same transaction as the entry, so a replay of the same event can be answered with
 * the original entry and a different event under the same id can be refused.
 */
public record EventKey(String source, String eventId, Digest content) {
  public EventKey {
    if (source == null || source.isEmpty() || eventId == null || eventId.isEmpty()) {
      throw new IllegalArgumentException("an event key needs a source and an eventId");
    }
    if (content == null) {
      throw new IllegalArgumentException("an event key needs the content digest");
    }
  }
}
