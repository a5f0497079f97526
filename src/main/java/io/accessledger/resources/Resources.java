package io.accessledger.resources;

import io.accessledger.LedgerRuntime;
import io.accessledger.events.EventIngest;
import io.accessledger.events.EventValidator;
import io.accessledger.events.LegalBasisVocabulary;
import io.accessledger.audit.NeedToKnowPolicy;
import io.accessledger.query.AccessReportSources;
import io.accessledger.query.AuditTrail;
import io.accessledger.query.EvidenceBundles;
import io.accessledger.query.LedgerQueries;
import io.accessledger.query.NeedToKnowAudits;
import io.accessledger.query.Registers;
import io.accessledger.query.Reviews;
import io.accessledger.registers.DataSharingAgreements;
import io.accessledger.report.AccessReportBuilder;
import io.accessledger.report.StaffNames;
import io.dropwizard.jersey.setup.JerseyEnvironment;
import java.time.Clock;
import java.time.ZoneId;

/** Builds the API's resources over an open ledger and registers them with Jersey. */
public final class Resources {
  private Resources() {}

  /**
   * @param staffNames how subject access reports name staff ({@code accessReport.staffNames})
   * @param zone the service's time zone ({@code ledger.zone}): the registers' days and the
   *     reports' local times
   * @param zoneName how a report names {@code zone} to its reader, such as "UK time"
   */
  public static void register(
      JerseyEnvironment jersey, LedgerRuntime ledger, LegalBasisVocabulary legalBases,
      NeedToKnowPolicy needToKnow, DataSharingAgreements agreements, StaffNames staffNames,
      ZoneId zone, String zoneName, Clock clock) {
    EventIngest ingest = new EventIngest(
        ledger.sequencer(), ledger.store(), new EventValidator(legalBases));
    LedgerQueries queries = new LedgerQueries(ledger.store(), ledger.sequencer(), ledger.signer());
    ReadAudit audit = new ReadAudit(new AuditTrail(ledger.sequencer(), clock));
    jersey.register(AcceptableFilter.class);
    jersey.register(new EventsResource(ingest));
    jersey.register(new LogResource(queries, audit));
    jersey.register(new HistoryResource(queries, audit));
    jersey.register(new EvidenceResource(
        new EvidenceBundles(ledger.store(), queries, ledger.signer()), audit));
    NeedToKnowAudits audits = new NeedToKnowAudits(ledger.store(), queries, needToKnow);
    jersey.register(new AuditResource(audits,
        new Reviews(ledger.sequencer(), ledger.store(), queries, audits, clock), audit));
    jersey.register(new RegistersResource(new Registers(ledger.store(), queries, agreements, zone), audit));
    jersey.register(new AccessReportResource(new AccessReportSources(ledger.store(), queries),
        new AccessReportBuilder(legalBases, staffNames), zone, zoneName, audit));
  }
}
