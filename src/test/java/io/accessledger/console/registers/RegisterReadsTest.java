package io.accessledger.console.registers;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.accessledger.auth.Role;
import io.accessledger.console.support.ConsoleClient;
import io.accessledger.console.support.ConsoleServer;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What the register pages write and send: one AUDIT_QUERY per view or download, the same the API
 * records for the same filters; the CSV of the same register, safe in a spreadsheet; investigators
 * and bad filters refused with nothing written.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class RegisterReadsTest {
  static final ConsoleServer SERVER = new ConsoleServer();
  static final DropwizardAppExtension<?> APP = SERVER.app;
  static RegisterFixtures posted;
  static String auditor;
  static ConsoleClient dpo;
  static ConsoleClient ico;

  @BeforeAll
  static void fill() {
    posted = RegisterFixtures.standard(SERVER,
        SERVER.addClient("carefirst", Role.INGEST, "carefirst"));
    auditor = SERVER.addClient("dpo", Role.AUDITOR, null);
    dpo = new ConsoleClient(SERVER.base());
    dpo.signIn(auditor);
    ico = new ConsoleClient(SERVER.base());
    ico.signIn(SERVER.addClient("ico", Role.INVESTIGATOR, null));
  }

  /** The event of the AUDIT_QUERY a response names in Ledger-Audit-Seq. */
  static JsonNode recorded(HttpResponse<String> response) {
    long seq = Long.parseLong(response.headers().firstValue("Ledger-Audit-Seq").orElseThrow());
    return SERVER.leaf(auditor, seq).path("event");
  }

  @Test
  void eachViewAndDownloadRecordsOneReadWithTheApisPathAndParametersNamingTheClient() {
    String filters = "?from=2026-03-02&to=2026-03-04&flagged=true&recipient=&decision=SHARE";
    for (String path : List.of("/console/registers/shares", "/console/registers/shares.csv")) {
      long before = SERVER.treeSize();
      HttpResponse<String> view = dpo.get(path + filters);
      assertThat(view.statusCode()).as(view.body()).isEqualTo(200);
      assertThat(SERVER.treeSize()).as("one AUDIT_QUERY for " + path).isEqualTo(before + 1);
      JsonNode event = recorded(view);
      assertThat(event.path("type").asText()).isEqualTo("AUDIT_QUERY");
      assertThat(event.path("actor"))
          .isEqualTo(ConsoleServer.json("{\"id\":\"dpo\",\"role\":\"auditor\"}"));
      assertThat(event.path("query")).isEqualTo(ConsoleServer.json("""
          {"path":"/v1/registers/shares","parameters":{"decision":"SHARE","flagged":"true",
           "from":"2026-03-02T00:00:00Z","to":"2026-03-05T00:00:00Z"}}"""));
    }
    HttpResponse<String> api = SERVER.api(auditor, "/v1/registers/shares?decision=SHARE"
        + "&flagged=true&from=2026-03-02T00:00:00Z&to=2026-03-05T00:00:00Z");
    assertThat(recorded(api).path("query")).as("the read the API records for the same filters")
        .isEqualTo(recorded(dpo.get("/console/registers/shares" + filters)).path("query"));

    HttpResponse<String> extracts = dpo.get("/console/registers/extracts?agreement=DSA-UNKNOWN");
    assertThat(recorded(extracts).path("query")).isEqualTo(ConsoleServer.json(
        "{\"path\":\"/v1/registers/extracts\",\"parameters\":{\"agreement\":\"DSA-UNKNOWN\"}}"));
  }

  @Test
  void theCsvIsTheSameFilteredRegisterAsAnAttachmentWithFormulasNeutralised() {
    HttpResponse<String> csv = dpo.get("/console/registers/shares.csv?decision=DO_NOT_SHARE");
    assertThat(csv.statusCode()).isEqualTo(200);
    assertThat(csv.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/csv");
    assertThat(csv.headers().firstValue("Content-Disposition").orElseThrow())
        .isEqualTo("attachment; filename=\"share-register.csv\"");
    String[] lines = csv.body().split("\r\n");
    assertThat(lines).hasSize(2);
    assertThat(lines[0]).startsWith("seq,occurredAt,decision,grounds,consent,recipient,"
        + "recipientRole,dataShared,subjects,decidedBy,approvedBy,");
    assertThat(lines[1]).startsWith(posted.seqs.get("s-formulas") + ",2026-03-07T10:00:00Z,"
        + "DO_NOT_SHARE,LEGAL_OBLIGATION,NOT_SOUGHT,"
        + "\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"x\"\")\",'-2+3,'+chronology,c-1; c-2,"
        + "tm-1,'@hos,tm-1,UKGDPR-6-1-c,,,");

    String all = dpo.get("/console/registers/shares.csv").body();
    assertThat(all.split("\r\n")).hasSize(1 + posted.shares.size());
    String flagged = dpo.get("/console/registers/shares.csv?flagged=true").body();
    assertThat(flagged.split("\r\n")[2]).startsWith(posted.seqs.get("s-crime-basis") + ",")
        .contains(",SHARE_NOT_APPROVED; BASIS_GROUNDS_MISMATCH,");

    String extracts = dpo.get("/console/registers/extracts.csv").body();
    assertThat(extracts.split("\r\n")[2]).startsWith(posted.seqs.get("x-unknown")
        + ",2025-07-01T10:00:00Z,DSA-UNKNOWN,Data Brokers plc,ds-x-unknown,")
        .contains(",1,false,referrals,2020-01-01,2024-12-31,1,,ig-1,");
    assertThat(extracts).doesNotContain("c-4");
  }

  @Test
  void investigatorsMayNotSeeTheRegistersAndTheirRefusalWritesNothing() {
    long size = SERVER.treeSize();
    for (String path : List.of("/console/registers/shares", "/console/registers/extracts",
        "/console/registers/shares.csv", "/console/registers/extracts.csv")) {
      HttpResponse<String> refused = ico.get(path);
      assertThat(refused.statusCode()).as(path).isEqualTo(403);
      assertThat(refused.body()).contains("You cannot do that");
    }
    assertThat(SERVER.treeSize()).isEqualTo(size);
  }

  @Test
  void aBadFilterIs400NamingItShownBesideItsFieldAndWritesNothing() {
    Map<String, String> refusals = Map.of(
        "/console/registers/shares?from=yesterday", "from must be a date such as 2026-03-01, got yesterday.",
        "/console/registers/shares?from=2026-03-05&to=2026-03-04", "to (2026-03-04) must not be before from (2026-03-05).",
        "/console/registers/shares?flagged=yes", "flagged must be true or false, got yes",
        "/console/registers/shares?decision=MAYBE", "decision must be one of [SHARE, DO_NOT_SHARE], got MAYBE",
        "/console/registers/shares?grounds=CURIOSITY", "grounds must be one of",
        "/console/registers/shares?agreement=DSA-1", "There is no filter &quot;agreement&quot; on this register",
        "/console/registers/extracts?decision=SHARE", "There is no filter &quot;decision&quot; on this register",
        "/console/registers/shares?flagged=true&flagged=false", "flagged is given more than once.",
        "/console/registers/extracts.csv?to=never", "to must be a date such as 2026-03-01, got never.");
    long size = SERVER.treeSize();
    refusals.forEach((path, message) -> {
      HttpResponse<String> refused = dpo.get(path);
      assertThat(refused.statusCode()).as(path).isEqualTo(400);
      assertThat(refused.body()).as(path).contains(message.replace("=", "&#61;"));
      assertThat(refused.headers().firstValue("Ledger-Audit-Seq")).as(path).isEmpty();
    });
    assertThat(SERVER.treeSize()).as("nothing was appended").isEqualTo(size);
    String page = dpo.get("/console/registers/shares?flagged=yes").body();
    assertThat(page).contains("govuk-error-summary").contains("<a href=\"#filter-flagged\">")
        .contains("id=\"filter-flagged-error\"").contains("aria-describedby=\"filter-flagged-hint"
            + " filter-flagged-error\"").doesNotContain("id=\"register\"");
  }
}
