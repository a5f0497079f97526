package io.accessledger.services;

import static org.assertj.core.api.Assertions.assertThat;

import io.accessledger.api.EventAck;
import io.accessledger.api.HistoryAnswer;
import io.accessledger.api.ProvenEntry;
import io.accessledger.audit.NeedToKnowPolicy;
import io.accessledger.events.LegalBasisVocabulary;
import io.accessledger.ledger.json.CanonicalJson;
import io.accessledger.ledger.notes.CheckpointSigner;
import io.accessledger.ledger.writer.AppendResult;
import io.accessledger.ledger.writer.Sequencer;
import io.accessledger.query.HistoryRequest;
import io.accessledger.registers.DataSharingAgreements;
import io.accessledger.report.StaffNames;
import io.accessledger.store.LedgerStore;
import io.accessledger.support.ForwardingLedgerStore;
import io.accessledger.support.TestLedger;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The service graph is built once over any {@link LedgerStore}: here a store that is only the
 * contract (a forwarding wrapper, not the SQLite class), so that a service reaching for a
 * particular backend fails. Posting through its ingest and reading through its queries and audit
 * trail see one ledger, with no HTTP anywhere.
 */
class LedgerServicesTest {
  private static final ZoneId ZONE = ZoneId.of("Europe/London");

  @TempDir Path dir;

  static ServiceSettings settings() {
    LegalBasisVocabulary legalBases = LegalBasisVocabulary.shipped();
    return new ServiceSettings(legalBases, NeedToKnowPolicy.defaults(ZONE),
        DataSharingAgreements.of(List.of(), code -> legalBases.find(code).isPresent()),
        StaffNames.ROLE_ONLY, ZONE, "UK time");
  }

  @Test
  void servicesBuiltOverTheContractAloneShareOneLedger() {
    CheckpointSigner signer = TestLedger.signer(0);
    try (LedgerStore real = TestLedger.openStore(dir.resolve("ledger.db"))) {
      LedgerStore contractOnly = new ForwardingLedgerStore(real);
      try (Sequencer sequencer = TestLedger.sequencer(contractOnly, signer)) {
        LedgerServices services = LedgerServices.build(contractOnly, sequencer, settings(), Clock.systemUTC());

        byte[] view = CanonicalJson.serialize(TestLedger.view("e-1", "child-1", "worker-1"));
        EventAck ack = services.ingest().postOne("case-system", view).acks().get(0);
        AppendResult audit = services.auditTrail().record(
            "dpo", "auditor", "/v1/subjects/child-1/events", Map.of());
        HistoryAnswer history = services.queries().history(
            "subject:child-1", HistoryRequest.parse(null, null, null, null, null));

        assertThat(audit.seq()).isEqualTo(ack.seq() + 1);
        assertThat(history.treeSize()).isEqualTo(2);
        assertThat(history.entries()).extracting(ProvenEntry::seq).containsExactly(ack.seq());
        assertThat(services.zone()).isEqualTo(ZONE);
        assertThat(services.zoneName()).isEqualTo("UK time");
      }
    }
  }
}
