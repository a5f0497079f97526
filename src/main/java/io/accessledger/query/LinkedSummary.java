package io.accessledger.query;

import io.accessledger.entries.Allocation;
import io.accessledger.entries.CaseClosure;
import io.accessledger.entries.ExtractSubject;
import io.accessledger.entries.LedgerEvent;
import io.accessledger.entries.View;
import java.time.Instant;
import java.util.Map;

/**
 * What the charts of a history need of one of its entries, and no more, so that a long history's
 * summaries fit in memory ({@link LinkedEntries} keeps those of the longest histories read
 * lately): about 100 bytes an entry.
 *
 * @param type the entry type as recorded ({@code VIEW}...), null if none
 * @param at its {@code occurredAt}, null when not an RFC 3339 time
 * @param actor who did it ({@code actor.id}), null if no one is named
 * @param team their team, null if not given
 * @param subject the one child it is about (a view, an extract's entry, an allocation, a closure),
 *     null otherwise (a share decision may name several: its summary names none)
 */
public record LinkedSummary(long seq, String type, Instant at, String actor, String team,
    String subject) {

  /** The summary of {@code event}, entry {@code seq}, its strings shared through {@code names}. */
  static LinkedSummary of(long seq, LedgerEvent event, Map<String, String> names) {
    String subject = null;
    if (event instanceof View view) {
      subject = view.subject();
    } else if (event instanceof ExtractSubject extract) {
      subject = extract.subject();
    } else if (event instanceof Allocation allocation) {
      subject = allocation.subject();
    } else if (event instanceof CaseClosure closure) {
      subject = closure.subject();
    }
    return new LinkedSummary(seq, shared(event.header().type(), names), event.header().at(),
        shared(event.header().actor().id(), names),
        shared(event.header().actor().team().orElse(null), names), shared(subject, names));
  }

  /** One copy of each name: a history names the same few people and children again and again. */
  private static String shared(String value, Map<String, String> names) {
    return value == null ? null : names.computeIfAbsent(value, v -> v);
  }
}
