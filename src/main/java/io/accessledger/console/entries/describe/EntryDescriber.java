package io.accessledger.console.entries.describe;

import io.accessledger.entries.Allocation;
import io.accessledger.entries.AuditQuery;
import io.accessledger.entries.CaseClosure;
import io.accessledger.entries.ExtractRelease;
import io.accessledger.entries.ExtractSubject;
import io.accessledger.entries.KeyRotationEvent;
import io.accessledger.entries.LedgerEvent;
import io.accessledger.entries.Maintenance;
import io.accessledger.entries.OtherEvent;
import io.accessledger.entries.ShareDecision;
import io.accessledger.entries.Review;
import io.accessledger.entries.View;
import io.accessledger.events.LegalBasisVocabulary;
import io.accessledger.report.Ground;
import java.time.ZoneId;
import java.util.List;

/**
 * What a ledger entry says, in plain English, for the console's entry page: one small describer
 * per entry type, over the typed event model, so every type reads under the model's rules and a
 * field the entry lacks is said to be missing rather than left out. Codes take the words a subject
 * access report gives them, legal bases the vocabulary's labels. Times are in the service's zone.
 *
 * <p>Pure: no HTTP, no storage. The sentence is plain text; the page escapes it. It names only
 * what the entry itself holds (a release its count, never the children of its other entries).
 * Immutable and thread-safe.
 */
public final class EntryDescriber {
  private final Phrases phrases;
  private final LegalWords legal;

  /** @param zone the service's zone ({@code ledger.zone}), in which times are told */
  public EntryDescriber(LegalBasisVocabulary vocabulary, ZoneId zone) {
    this.legal = new LegalWords(vocabulary);
    this.phrases = new Phrases(zone, legal);
  }

  /** The entry's event in one paragraph of plain English. */
  public String describe(LedgerEvent event) {
    if (event instanceof View view) {
      return ViewWords.of(view, phrases);
    } else if (event instanceof ShareDecision share) {
      return ShareWords.of(share, phrases);
    } else if (event instanceof ExtractRelease release) {
      return ExtractWords.of(release, phrases);
    } else if (event instanceof ExtractSubject subject) {
      return ExtractSubjectWords.of(subject, phrases);
    } else if (event instanceof Allocation allocation) {
      return AllocationWords.of(allocation, phrases);
    } else if (event instanceof CaseClosure closure) {
      return CaseClosureWords.of(closure, phrases);
    } else if (event instanceof AuditQuery query) {
      return AuditQueryWords.of(query, phrases);
    } else if (event instanceof Review review) {
      return ReviewWords.of(review, phrases);
    } else if (event instanceof Maintenance maintenance) {
      return MaintenanceWords.of(maintenance, phrases);
    } else if (event instanceof KeyRotationEvent rotation) {
      return KeyRotationWords.of(rotation, phrases);
    }
    return OtherWords.of((OtherEvent) event, phrases); // the sealed interface's last permitted type
  }

  /** The entry's legal bases, each with its label and legislation URI from the vocabulary. */
  public List<Ground> legalBases(LedgerEvent event) {
    return legal.grounds(event.header().legalBasis());
  }

  /** A legal basis cited in words ("UK GDPR Article 6(1)(e) (public task)"). */
  public String citation(String code) {
    return legal.citation(code);
  }
}
