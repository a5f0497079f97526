package io.accessledger.services;

import io.accessledger.events.EventIngest;
import io.accessledger.events.EventValidator;
import io.accessledger.ledger.writer.Sequencer;
import io.accessledger.query.AccessReportSources;
import io.accessledger.query.AuditTrail;
import io.accessledger.query.CosignedCheckpoints;
import io.accessledger.query.EvidenceBundles;
import io.accessledger.query.LedgerActivity;
import io.accessledger.query.LedgerQueries;
import io.accessledger.query.LinkedEntries;
import io.accessledger.query.NeedToKnowAudits;
import io.accessledger.query.Registers;
import io.accessledger.query.Reviews;
import io.accessledger.report.AccessReportBuilder;
import io.accessledger.store.CosignerId;
import io.accessledger.store.LedgerStore;
import java.time.Clock;
import java.time.ZoneId;
import java.util.List;

/**
 * The service layer over one open ledger, built once by {@link #build} and shared by every front
 * end (the HTTP API's resources today; a console, a FHIR endpoint or a command tomorrow), so that
 * none of them builds, or can build differently, a service of its own.
 *
 * <p>Every service here works against the {@link LedgerStore} contract, never a particular
 * backend, and knows nothing of HTTP. A process MUST build these once per open ledger and share
 * them: the {@link EventIngest} in particular keeps an {@code eventId} from being appended twice
 * by concurrent posts through claims held in its own memory, which a second instance would not
 * see. Several processes (nodes) on one shared store each build their own, and stay one ledger:
 * the store's fence and event-key refusal keep their writes apart, and every read takes the
 * latest checkpoint from the store.
 *
 * @param ingest accepts posted events
 * @param queries entries, histories, proofs and checkpoints
 * @param auditTrail records every read as an {@code AUDIT_QUERY} entry before it is answered
 * @param evidence evidence bundles for investigators
 * @param needToKnowAudits the need-to-know audit
 * @param reviews reviews of the audit's findings
 * @param registers the share and extract registers
 * @param reportSources the entries of a subject access report
 * @param reportBuilder a subject access report from its entries
 * @param zone the service's time zone, in which reports show local times
 * @param zoneName how a report names {@code zone} to its reader
 * @param activity entries per day, audit runs and reviews, for the console
 * @param linkedEntries one key's history decoded in one pass, unproven, for the console's pages
 * @param cosigned checkpoints with the witnesses' cosignatures
 */
public record LedgerServices(
    EventIngest ingest,
    LedgerQueries queries,
    AuditTrail auditTrail,
    EvidenceBundles evidence,
    NeedToKnowAudits needToKnowAudits,
    Reviews reviews,
    Registers registers,
    AccessReportSources reportSources,
    AccessReportBuilder reportBuilder,
    ZoneId zone,
    String zoneName,
    LedgerActivity activity,
    LinkedEntries linkedEntries,
    CosignedCheckpoints cosigned) {

  /**
   * Builds every service over the open ledger: its store, its sequencer (this process's writer, which
   * signs its checkpoints).
   *
   * @param clock the time of the entries the ledger writes about itself (reads, reviews)
   */
  public static LedgerServices build(LedgerStore store, Sequencer sequencer,
      ServiceSettings settings, Clock clock) {
    return build(store, sequencer, settings, clock, List.of());
  }

  /**
   * As {@link #build(LedgerStore, Sequencer, ServiceSettings, Clock)}, with the configured
   * witnesses, whose cosignatures checkpoints and bundles carry.
   */
  public static LedgerServices build(LedgerStore store, Sequencer sequencer,
      ServiceSettings settings, Clock clock, List<CosignerId> witnesses) {
    LedgerQueries queries = new LedgerQueries(store, sequencer);
    NeedToKnowAudits audits = new NeedToKnowAudits(store, queries, settings.needToKnow());
    return new LedgerServices(
        new EventIngest(sequencer, store, new EventValidator(settings.legalBases())),
        queries,
        new AuditTrail(sequencer, clock),
        new EvidenceBundles(store, queries, witnesses),
        audits,
        new Reviews(sequencer, store, queries, audits, clock),
        new Registers(store, queries, settings.agreements(), settings.zone()),
        new AccessReportSources(store, queries),
        new AccessReportBuilder(settings.legalBases(), settings.staffNames()),
        settings.zone(),
        settings.zoneName(),
        new LedgerActivity(store, settings.zone()),
        new LinkedEntries(store, queries),
        new CosignedCheckpoints(store, queries, witnesses));
  }
}
