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
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The need-to-know audit page over HTTP, as a browser without JavaScript uses it: the run in the
 * background and its progress, the findings and their attributes, the filters, the recorded read.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class AuditPagesConsoleTest {
  static final ConsoleServer SERVER = new ConsoleServer(
      ConfigOverride.config("needToKnow.teams.north-cin", "north-area"));
  static final DropwizardAppExtension<?> APP = SERVER.app;
  static final String MARCH = "/console/audits?from=2026-03-01&to=2026-03-31";

  static String auditor;
  static String investigator;
  static AuditConsoleFixture planted;

  @BeforeAll
  static void plant() {
    String ingest = SERVER.addClient("carefirst", Role.INGEST, "carefirst");
    auditor = SERVER.addClient("dpo-console", Role.AUDITOR, null);
    investigator = SERVER.addClient("ico", Role.INVESTIGATOR, null);
    planted = new AuditConsoleFixture(SERVER, ingest);
    planted.plant();
  }

  static ConsoleClient signedIn(String token) {
    ConsoleClient client = new ConsoleClient(SERVER.base());
    assertThat(client.signIn(token).statusCode()).isEqualTo(303);
    return client;
  }

  @Test
  void theRunIsRecordedOnceAndItsFindingsCarryTheirRuleStaffChildAndEntries() {
    ConsoleClient dpo = signedIn(auditor);
    long before = SERVER.treeSize();
    HttpResponse<String> page = untilDone(dpo, MARCH);
    String html = AuditConsoleFixture.unescape(page.body());
    // The run is one AUDIT_QUERY; polls of its progress record nothing; the finished page is a
    // read of its own (unless the run had finished by the first answer, which then showed it).
    long after = SERVER.treeSize();
    assertThat(after).isBetween(before + 1, before + 2);
    assertThat(AuditConsoleFixture.auditSeq(html)).isEqualTo(before);
    if (after == before + 2) {
      JsonNode shown = SERVER.leaf(auditor, before + 1).path("event").path("query");
      assertThat(shown.path("path").asText()).isEqualTo("/console/audits");
      assertThat(shown.path("parameters").path("run").asText()).isEqualTo(Long.toString(before));
    }
    List<Map<String, String>> found = findings(page.body());
    assertThat(found).extracting(f -> f.get("data-rule") + " " + f.get("data-actor") + " "
        + f.get("data-subject")).containsExactlyInAnyOrder(
            "NOT_ALLOCATED sw-9 child-1",
            "NOT_ALLOCATED " + AuditConsoleFixture.FORMULA_ACTOR + " child-x",
            "BREAK_GLASS sw-1 child-1",
            "OUT_OF_HOURS sw-1 child-1");
    long stranger = planted.seq.get("v-stranger");
    assertThat(found).filteredOn(f -> f.get("data-actor").equals("sw-9")).singleElement()
        .satisfies(f -> {
          assertThat(f).containsEntry("data-finding", "NOT_ALLOCATED-" + stranger)
              .containsEntry("data-state", "new");
        });
    // Grouped by rule, with the rule's explanation, links to the staff, the child, the entries.
    assertThat(html).contains("id=\"rule-NOT_ALLOCATED\"").contains("no allocation explains")
        .contains("href=\"/console/actors/sw-9\"").contains("href=\"/console/subjects/child-1\"")
        .contains("href=\"/console/entries/" + stranger + "\"")
        .contains("href=\"/console/entries/" + planted.seq.get("al-1") + "\"")
        .contains("sw-9 (social-worker, team south-cin) viewed case-note/n-v-stranger")
        .contains("href=\"/console/actors/%3DHYPERLINK%28%22http%3A%2F%2Fevil.example%22");
    // Each finding holds the review form the contract names.
    assertThat(html).contains("action=\"/console/audits/reviews\"").contains("name=\"outcome\"")
        .contains("value=\"NOT_UPHELD\"").contains("name=\"note\"")
        .contains("name=\"audit\" value=\"" + before + "\"");
    // Shown again in the same session: not run again, the view recorded as a read of its own.
    long again = SERVER.treeSize();
    assertThat(dpo.get(MARCH).body()).contains("data-audit=\"" + before + "\"");
    assertThat(SERVER.treeSize()).isEqualTo(again + 1);
    // The status the page's script polls says it is done, and is no read.
    HttpResponse<String> status = dpo.get("/console/audits/runs/" + before + "/status");
    assertThat(status.headers().firstValue("Content-Type")).hasValueSatisfying(
        type -> assertThat(type).startsWith("application/json"));
    JsonNode done = ConsoleServer.json(status.body());
    assertThat(done.path("state").asText()).isEqualTo("DONE");
    assertThat(done.path("finished").asBoolean()).isTrue();
    assertThat(done.path("read").asLong()).isEqualTo(done.path("of").asLong()).isEqualTo(before + 1);
    assertThat(SERVER.treeSize()).isEqualTo(again + 1);
    // Another session sees neither the run nor its status.
    ConsoleClient other = signedIn(auditor);
    assertThat(other.get("/console/audits/runs/" + before + "/status").statusCode()).isEqualTo(404);
  }

  @Test
  void theRunsRecordIsTheApisOwnRecordOfTheSameAudit() {
    ConsoleClient dpo = signedIn(auditor);
    long seq = AuditConsoleFixture.auditSeq(untilDone(dpo, MARCH).body());
    // The ledger's zone is Europe/London: April starts at midnight BST.
    HttpResponse<String> api = SERVER.postEvent(auditor, "/v1/audits/need-to-know",
        "{\"from\":\"2026-03-01T00:00:00Z\",\"to\":\"2026-04-01T00:00:00+01:00\"}");
    assertThat(api.statusCode()).as(api.body()).isEqualTo(200);
    long apiSeq = Long.parseLong(api.headers().firstValue("Ledger-Audit-Seq").orElseThrow());
    JsonNode console = SERVER.leaf(auditor, seq).path("event");
    JsonNode own = SERVER.leaf(auditor, apiSeq).path("event");
    assertThat(console.path("type").asText()).isEqualTo("AUDIT_QUERY");
    assertThat(console.path("query")).isEqualTo(own.path("query"));
    assertThat(console.path("query").path("path").asText()).isEqualTo("/v1/audits/need-to-know");
    assertThat(console.path("query").path("parameters").path("to").asText())
        .isEqualTo("2026-04-01T00:00:00+01:00");
    assertThat(console.path("actor")).isEqualTo(own.path("actor"));
    assertThat(console.path("actor").path("id").asText()).isEqualTo("dpo-console");
    assertThat(SERVER.leaf(auditor, seq).path("source").asText()).isEqualTo("ledger");
  }

  @Test
  void filtersChooseAmongTheRunsFindingsWithoutRunningAgainEachViewRecorded() {
    ConsoleClient dpo = signedIn(auditor);
    untilDone(dpo, MARCH);
    long before = SERVER.treeSize();
    assertThat(findings(dpo.get(MARCH + "&rule=BREAK_GLASS").body()))
        .extracting(f -> f.get("data-rule")).containsExactly("BREAK_GLASS");
    assertThat(findings(dpo.get(MARCH + "&team=south-cin").body()))
        .extracting(f -> f.get("data-actor")).containsExactly("sw-9");
    assertThat(findings(dpo.get(MARCH + "&team=%40team").body()))
        .extracting(f -> f.get("data-subject")).containsExactly("child-x");
    assertThat(findings(dpo.get(MARCH + "&state=UPHELD&rule=OUT_OF_HOURS").body())).isEmpty();
    assertThat(findings(dpo.get(MARCH + "&state=new&rule=OUT_OF_HOURS").body())).hasSize(1);
    assertThat(SERVER.treeSize()).as("each view a read, none a new run").isEqualTo(before + 5);
    JsonNode first = SERVER.leaf(auditor, before).path("event").path("query");
    assertThat(first.path("path").asText()).isEqualTo("/console/audits");
    assertThat(first.path("parameters").path("rule").asText()).isEqualTo("BREAK_GLASS");
    assertThat(first.path("parameters").path("from").asText()).isEqualTo("2026-03-01");
    assertThat(first.path("parameters").has("run")).isTrue();
  }

  @Test
  void aBadPeriodOrParameterIs400NamingItAndWritesNothing() {
    ConsoleClient dpo = signedIn(auditor);
    long before = SERVER.treeSize();
    Map<String, String> bad = Map.of(
        "/console/audits?from=2026-02-30&to=2026-03-31", "(from)",
        "/console/audits?from=2026-03-01&to=31/03/2026", "(to)",
        "/console/audits?from=2026-03-01", "(to)",
        "/console/audits?from=2026-04-01&to=2026-03-31", "on or before",
        MARCH + "&sort=actor", "\"sort\"",
        MARCH + "&from=2026-03-02", "more than once",
        MARCH + "&rule=NOSY", "(rule)",
        MARCH + "&state=closed", "(state)");
    bad.forEach((path, named) -> {
      HttpResponse<String> answer = dpo.get(path);
      assertThat(answer.statusCode()).as(path).isEqualTo(400);
      assertThat(AuditConsoleFixture.unescape(answer.body())).as(path).contains(named);
    });
    assertThat(SERVER.treeSize()).isEqualTo(before);
  }

  @Test
  void theFormOffersThePreviousMonthAndListsTheLatestRuns() {
    ConsoleClient dpo = signedIn(auditor);
    long seq = AuditConsoleFixture.auditSeq(untilDone(dpo, MARCH).body());
    long before = SERVER.treeSize();
    HttpResponse<String> form = dpo.get("/console/audits");
    assertThat(form.statusCode()).isEqualTo(200);
    java.time.LocalDate first = java.time.LocalDate.now(java.time.ZoneId.of("Europe/London"))
        .minusMonths(1).withDayOfMonth(1);
    assertThat(AuditConsoleFixture.unescape(form.body())).contains("name=\"from\"").contains("name=\"to\"")
        .contains("value=\"" + first + "\"")
        .contains("href=\"" + MARCH + "\"")
        .contains("href=\"/console/entries/" + seq + "\"");
    // The form shows who audited what: a read of its own, recorded as its console path.
    assertThat(SERVER.treeSize()).isEqualTo(before + 1);
    JsonNode read = SERVER.leaf(auditor, before).path("event");
    assertThat(read.path("query").path("path").asText()).isEqualTo("/console/audits");
  }

  @Test
  void runAgainIsANewRunAndANewRecord() {
    ConsoleClient dpo = signedIn(auditor);
    String first = untilDone(dpo, MARCH).body();
    long firstSeq = AuditConsoleFixture.auditSeq(first);
    long before = SERVER.treeSize();
    HttpResponse<String> again = dpo.post("/console/audits/runs", Map.of(
        "csrf", ConsoleClient.csrfOf(first), "from", "2026-03-01", "to", "2026-03-31"));
    assertThat(again.statusCode()).isEqualTo(303);
    assertThat(again.headers().firstValue("Location").orElseThrow()).endsWith(MARCH);
    assertThat(SERVER.treeSize()).isEqualTo(before + 1);
    long secondSeq = AuditConsoleFixture.auditSeq(untilDone(dpo, MARCH).body());
    assertThat(secondSeq).isEqualTo(before).isNotEqualTo(firstSeq);
  }

  @Test
  void anInvestigatorCannotOpenRunExportOrReview() {
    ConsoleClient ico = signedIn(investigator);
    long before = SERVER.treeSize();
    assertThat(ico.get("/console/audits").statusCode()).isEqualTo(403);
    assertThat(ico.get(MARCH).statusCode()).isEqualTo(403);
    assertThat(ico.get("/console/audits.csv?from=2026-03-01&to=2026-03-31").statusCode())
        .isEqualTo(403);
    String csrf = ConsoleClient.csrfOf(ico.get("/console/").body());
    long afterOverview = SERVER.treeSize();
    assertThat(ico.post("/console/audits/runs", Map.of("csrf", csrf, "from", "2026-03-01",
        "to", "2026-03-31")).statusCode()).isEqualTo(403);
    assertThat(ico.post("/console/audits/reviews", Map.of("csrf", csrf, "audit", "1",
        "finding", "NOT_ALLOCATED-1", "outcome", "UPHELD", "note", "no",
        "from", "2026-03-01", "to", "2026-03-31")).statusCode()).isEqualTo(403);
    assertThat(SERVER.treeSize()).isEqualTo(afterOverview).isEqualTo(before + 1);
  }
}
