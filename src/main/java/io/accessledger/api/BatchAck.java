package io.accessledger.api;

import java.util.List;

/** The answer to an accepted batch: one acknowledgement per posted event, in posted order. */
public record BatchAck(List<EventAck> entries) {
  public BatchAck {
    entries = List.copyOf(entries);
  }
}
