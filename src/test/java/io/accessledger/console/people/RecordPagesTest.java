package io.accessledger.console.people;

import static io.accessledger.console.people.PeopleFixture.count;
import static io.accessledger.console.people.PeopleFixture.recordedPage;
import static io.accessledger.console.people.PeopleFixture.refused;
import static org.assertj.core.api.Assertions.assertThat;

import io.accessledger.auth.Role;
import io.accessledger.console.support.ConsoleClient;
import io.accessledger.console.support.ConsoleServer;
import io.accessledger.evidence.BundleVerifier;
import io.accessledger.ledger.notes.VerifierKey;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** A record's page over the real server: every view of it as a table, recorded once. */
@ExtendWith(DropwizardExtensionsSupport.class)
class RecordPagesTest {
  static final ConsoleServer SERVER = new ConsoleServer();
  static final DropwizardAppExtension<?> APP = SERVER.app;
  static String auditor;
  static ConsoleClient dpo;

  @BeforeAll
  static void fill() {
    String ingest = SERVER.addClient("carefirst", Role.INGEST, "carefirst");
    auditor = SERVER.addClient("dpo", Role.AUDITOR, null);
    List<String> events = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      events.add(PeopleFixture.view("v-" + i, "c-1", "w-" + (i % 3), "north",
          "2026-11-02T1%d:00:00Z".formatted(i % 8), i < 9 ? "cn-1" : "cn-2"));
    }
    PeopleFixture.post(SERVER, ingest, events);
    dpo = new ConsoleClient(SERVER.base());
    assertThat(dpo.signIn(auditor).statusCode()).isEqualTo(303);
  }

  @Test
  void theRecordsPageListsEveryViewOfItWithWhoAndWhichChild() throws Exception {
    String page = recordedPage(SERVER, dpo, auditor, "/console/records/case-note/cn-1", "dpo",
        "auditor", "/v1/records/case-note/cn-1/events", Map.of());
    assertThat(count(page, "data-seq=")).isEqualTo(9);
    assertThat(page).contains("id=\"entry-count\">9<", "id=\"history-table\"",
        "href=\"/console/actors/w-0\"", "href=\"/console/actors/w-2\"",
        "href=\"/console/subjects/c-1\"", "<caption");
    assertThat(page).contains("href=\"/console/records/case-note/cn-1/evidence\"");
    VerifierKey key = VerifierKey.parse(ConsoleServer.json(
        SERVER.api(auditor, "/v1/log").body()).path("verifierKey").asText());
    byte[] bundle = PeopleFixture.recorded(SERVER, dpo, auditor,
        "/console/records/case-note/cn-1/evidence", "dpo", "auditor", "/v1/evidence",
        Map.of("record", "case-note/cn-1")).body().getBytes(StandardCharsets.UTF_8);
    assertThat(BundleVerifier.verify(bundle, key, null).entries()).hasSize(9);
  }

  @Test
  void anUnknownRecordHasNoViewsAndBadRequestsWriteNothing() {
    String page = recordedPage(SERVER, dpo, auditor, "/console/records/case-note/none", "dpo",
        "auditor", "/v1/records/case-note/none/events", Map.of());
    assertThat(page).contains("id=\"empty-history\"");
    refused(SERVER, dpo, "/console/records/case-note/cn-1?before=1&after=1", 400, "not both");
    refused(SERVER, dpo, "/console/records/" + "t".repeat(257) + "/cn-1", 400, "at most 256");
    refused(SERVER, dpo, "/console/records/case-note", 404, "no console page");
  }
}
