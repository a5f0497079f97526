package io.accessledger.console.audits;

import static io.accessledger.console.audits.AuditConsoleFixture.findings;
import static io.accessledger.console.audits.AuditConsoleFixture.untilDone;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.accessledger.auth.Role;
import io.accessledger.console.support.ConsoleClient;
import io.accessledger.console.support.ConsoleServer;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Reviews from the audit page, and its CSV export, over HTTP. */
@ExtendWith(DropwizardExtensionsSupport.class)
class AuditReviewsConsoleTest {
  static final ConsoleServer SERVER = new ConsoleServer(
      ConfigOverride.config("needToKnow.teams.north-cin", "north-area"));
  static final DropwizardAppExtension<?> APP = SERVER.app;
  static final String MARCH = "/console/audits?from=2026-03-01&to=2026-03-31";
  static final String CSV = "/console/audits.csv?from=2026-03-01&to=2026-03-31";

  static String auditor;
  static AuditConsoleFixture planted;

  @BeforeAll
  static void plant() {
    String ingest = SERVER.addClient("carefirst", Role.INGEST, "carefirst");
    auditor = SERVER.addClient("dpo-console", Role.AUDITOR, null);
    planted = new AuditConsoleFixture(SERVER, ingest);
    planted.plant();
  }

  static ConsoleClient signedIn() {
    ConsoleClient client = new ConsoleClient(SERVER.base());
    assertThat(client.signIn(auditor).statusCode()).isEqualTo(303);
    return client;
  }

  static Map<String, String> review(String page, String finding, String outcome, String note) {
    Map<String, String> form = new LinkedHashMap<>();
    form.put("csrf", ConsoleClient.csrfOf(page));
    form.put("audit", String.valueOf(AuditConsoleFixture.auditSeq(page)));
    form.put("finding", finding);
    if (outcome != null) {
      form.put("outcome", outcome);
    }
    form.put("note", note);
    form.put("from", "2026-03-01");
    form.put("to", "2026-03-31");
    return form;
  }

  @Test
  void aReviewThroughTheFormIsTheApisReviewEntryNamingTheDpoAndThePageShowsIt() {
    ConsoleClient dpo = signedIn();
    String page = untilDone(dpo, MARCH).body();
    long audit = AuditConsoleFixture.auditSeq(page);
    String finding = "NOT_ALLOCATED-" + planted.seq.get("v-stranger");
    long before = SERVER.treeSize();
    HttpResponse<String> posted = dpo.post("/console/audits/reviews", review(page, finding,
        "UPHELD", "No work reason.\r\nReferred to the team manager."));
    assertThat(posted.statusCode()).as(posted.body()).isEqualTo(303);
    assertThat(posted.headers().firstValue("Location").orElseThrow())
        .endsWith(MARCH + "&at=" + finding + "#finding-" + finding);
    assertThat(SERVER.treeSize()).isEqualTo(before + 1);
    JsonNode leaf = SERVER.leaf(auditor, before);
    JsonNode event = leaf.path("event");
    assertThat(leaf.path("source").asText()).isEqualTo("ledger");
    assertThat(event.path("type").asText()).isEqualTo("REVIEW");
    assertThat(event.path("actor").path("id").asText()).isEqualTo("dpo-console");
    assertThat(event.path("actor").path("role").asText()).isEqualTo("auditor");
    assertThat(event.path("audit").path("seq").asLong()).isEqualTo(audit);
    assertThat(event.path("finding").asText()).isEqualTo(finding);
    assertThat(event.path("outcome").asText()).isEqualTo("UPHELD");
    assertThat(event.path("note").asText())
        .isEqualTo("No work reason.\nReferred to the team manager.");
    assertThat(event.path("concerning").path("staff").asText()).isEqualTo("sw-9");
    assertThat(event.has("subject")).isFalse();
    // Back on the page (the same run, not run again, the view recorded): the outcome, by whom.
    long shown = SERVER.treeSize();
    String after = dpo.get(MARCH).body();
    assertThat(SERVER.treeSize()).isEqualTo(shown + 1);
    assertThat(SERVER.leaf(auditor, shown).path("event").path("query").path("path").asText())
        .isEqualTo("/console/audits");
    assertThat(findings(after)).filteredOn(f -> f.get("data-finding").equals(finding))
        .singleElement().satisfies(f -> assertThat(f).containsEntry("data-state", "UPHELD"));
    assertThat(after).contains("Upheld, reviewed by dpo-console on ")
        .contains("href=\"/console/entries/" + before + "\"");
    assertThat(findings(dpo.get(MARCH + "&state=UPHELD").body()))
        .extracting(f -> f.get("data-finding")).containsExactly(finding);
    assertThat(findings(dpo.get(MARCH + "&state=new").body()))
        .extracting(f -> f.get("data-finding")).doesNotContain(finding).isNotEmpty();
  }

  @Test
  void aReviewWithAProblemComesBackWithAnErrorSummaryAndWritesNoReview() {
    ConsoleClient dpo = signedIn();
    String page = untilDone(dpo, MARCH).body();
    String finding = "BREAK_GLASS-" + planted.seq.get("v-glass");
    long before = SERVER.treeSize();
    HttpResponse<String> back = dpo.post("/console/audits/reviews",
        review(page, finding, null, "  "));
    assertThat(back.statusCode()).isEqualTo(400);
    assertThat(back.body()).contains("govuk-error-summary")
        .contains("Select the outcome of your review").contains("href=\"#outcome-" + finding)
        .contains("Enter a note").contains("href=\"#note-" + finding)
        .startsWith("<!DOCTYPE html>").contains("<title>Error: ");
    HttpResponse<String> bad = dpo.post("/console/audits/reviews",
        review(page, finding, "GUILTY", "a note"));
    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(bad.body()).contains("Select the outcome");
    // The note as entered comes back, with the outcome chosen.
    HttpResponse<String> noNote = dpo.post("/console/audits/reviews",
        review(page, finding, "EXPLAINED", ""));
    assertThat(noNote.statusCode()).isEqualTo(400);
    assertThat(noNote.body()).contains("value=\"EXPLAINED\" checked");
    // A finding the run did not find: the service's own refusal, 404.
    HttpResponse<String> madeUp = dpo.post("/console/audits/reviews",
        review(page, "NOT_ALLOCATED-99999", "UPHELD", "a note"));
    assertThat(madeUp.statusCode()).isEqualTo(404);
    // No REVIEW: only the three pages shown back, each a read of the findings' states.
    assertThat(SERVER.treeSize()).isEqualTo(before + 3);
    for (long seq = before; seq < before + 3; seq++) {
      JsonNode event = SERVER.leaf(auditor, seq).path("event");
      assertThat(event.path("type").asText()).isEqualTo("AUDIT_QUERY");
      assertThat(event.path("query").path("parameters").path("review").asText())
          .isEqualTo("refused");
    }
  }

  @Test
  void aReviewWithoutTheFormsCsrfTokenIs403AndWritesNothing() {
    ConsoleClient dpo = signedIn();
    String page = untilDone(dpo, MARCH).body();
    long before = SERVER.treeSize();
    Map<String, String> form = review(page, "OUT_OF_HOURS-" + planted.seq.get("v-night"),
        "EXPLAINED", "On call that night.");
    form.remove("csrf");
    assertThat(dpo.post("/console/audits/reviews", form).statusCode()).isEqualTo(403);
    form.put("csrf", "not-the-token");
    assertThat(dpo.post("/console/audits/reviews", form).statusCode()).isEqualTo(403);
    assertThat(SERVER.treeSize()).isEqualTo(before);
  }

  @Test
  void theCsvHoldsTheRunsFindingsWithFormulaCellsNeutralisedEachDownloadRecorded() {
    ConsoleClient dpo = signedIn();
    long before0 = SERVER.treeSize();
    HttpResponse<String> none = dpo.get(CSV);
    assertThat(none.statusCode()).as("no run in this session yet").isEqualTo(404);
    assertThat(SERVER.treeSize()).isEqualTo(before0);
    String page = untilDone(dpo, MARCH).body();
    assertThat(page).contains("href=\"" + CSV.replace("=", "&#61;").replace("&to", "&amp;to"));
    long before = SERVER.treeSize();
    HttpResponse<String> csv = dpo.get(CSV);
    assertThat(csv.statusCode()).isEqualTo(200);
    assertThat(csv.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/csv");
    assertThat(csv.headers().firstValue("Content-Disposition").orElseThrow())
        .isEqualTo("attachment; filename=\"need-to-know-2026-03-01-to-2026-03-31.csv\"");
    List<String> lines = csv.body().lines().toList();
    assertThat(lines.get(0)).isEqualTo(
        "rule,finding,actor,team,subject,entries,state,reviewed_by,reviewed_at,explanation");
    long stranger = planted.seq.get("v-stranger");
    assertThat(lines).anySatisfy(line -> assertThat(line).startsWith("NOT_ALLOCATED,"
        + "NOT_ALLOCATED-" + stranger + ",sw-9,south-cin,child-1," + stranger + " "
        + planted.seq.get("al-1") + " " + planted.seq.get("al-2") + ","));
    long formula = planted.seq.get("v-formula");
    assertThat(lines).anySatisfy(line -> assertThat(line).startsWith("NOT_ALLOCATED,"
        + "NOT_ALLOCATED-" + formula + ",\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"x\"\")\","
        + "'@team,child-x,"));
    // No cell of any line starts with a formula character.
    assertThat(lines).allSatisfy(line -> assertThat(line).doesNotContain(",=", ",@", ",\"=",
        ",\"@").doesNotStartWith("="));
    assertThat(lines).hasSize(1 + 4);
    assertThat(dpo.get(CSV + "&rule=BREAK_GLASS").body().lines()).hasSize(2);
    assertThat(SERVER.treeSize()).as("each download a recorded read").isEqualTo(before + 2);
    JsonNode recorded = SERVER.leaf(auditor, before).path("event").path("query");
    assertThat(recorded.path("path").asText()).isEqualTo("/console/audits.csv");
    assertThat(recorded.path("parameters").path("to").asText()).isEqualTo("2026-03-31");
  }
}
