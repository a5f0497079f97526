package io.accessledger.resources;

import io.accessledger.services.LedgerServices;
import io.dropwizard.jersey.setup.JerseyEnvironment;

/**
 * Registers the API's resources with Jersey, over services built once elsewhere
 * ({@link LedgerServices#build}): the resources only read requests and answer them.
 */
public final class Resources {
  private Resources() {}

  public static void register(JerseyEnvironment jersey, LedgerServices services) {
    ReadAudit audit = new ReadAudit(services.auditTrail());
    jersey.register(AcceptableFilter.class);
    jersey.register(new EventsResource(services.ingest()));
    jersey.register(new LogResource(services.queries(), services.cosigned(), audit));
    jersey.register(new HistoryResource(services.queries(), audit));
    jersey.register(new EvidenceResource(services.evidence(), audit));
    jersey.register(new AuditResource(services.needToKnowAudits(), services.reviews(), audit));
    jersey.register(new RegistersResource(services.registers(), audit));
    jersey.register(new AccessReportResource(services.reportSources(), services.reportBuilder(),
        services.zone(), services.zoneName(), audit));
  }
}
