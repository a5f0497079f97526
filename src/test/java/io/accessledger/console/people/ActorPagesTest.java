package io.accessledger.console.people;

import static io.accessledger.console.people.PeopleFixture.count;
import static io.accessledger.console.people.PeopleFixture.links;
import static io.accessledger.console.people.PeopleFixture.recordedPage;
import static io.accessledger.console.people.PeopleFixture.refused;
import static org.assertj.core.api.Assertions.assertThat;

import io.accessledger.auth.Role;
import io.accessledger.console.support.ConsoleClient;
import io.accessledger.console.support.ConsoleServer;
import io.accessledger.evidence.BundleVerifier;
import io.accessledger.evidence.VerifiedBundle;
import io.accessledger.ledger.notes.VerifierKey;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A member of staff's page over the real server: what they viewed, children per day and the
 * weekday-by-hour heat map against the working hours, links to each child and to the findings
 * about them of an audit run; each view recorded once as the API records their history.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class ActorPagesTest {
  static final ConsoleServer SERVER = new ConsoleServer();
  static final DropwizardAppExtension<?> APP = SERVER.app;
  static String auditor;
  static ConsoleClient dpo;
  /** The seq of w-1's one view out of hours (Saturday 7 November 2026, 23:10 UK time). */
  static long lateView;

  @BeforeAll
  static void fill() {
    String ingest = SERVER.addClient("carefirst", Role.INGEST, "carefirst");
    auditor = SERVER.addClient("dpo", Role.AUDITOR, null);
    List<String> events = new ArrayList<>();
    for (int i = 0; i < 30; i++) { // Monday 2 to Friday 6 November, 10:00 to 10:59, 4 children a day
      events.add(PeopleFixture.view("v-" + i, "c-" + (i % 4), "w-1", "north",
          "2026-11-0%dT10:%02d:00Z".formatted(2 + i % 5, i), "cn-" + i));
    }
    events.add(PeopleFixture.view("v-other", "c-1", "w-2", "south", "2026-11-03T11:00:00Z", "cn-x"));
    events.add(PeopleFixture.view("v-late", "c-9", "w-1", "north", "2026-11-07T23:10:00Z", "cn-late"));
    List<Long> seqs = PeopleFixture.post(SERVER, ingest, events);
    lateView = seqs.get(seqs.size() - 1);
    dpo = new ConsoleClient(SERVER.base());
    assertThat(dpo.signIn(auditor).statusCode()).isEqualTo(303);
  }

  @Test
  void theStaffPageShowsWhatTheyViewedAsChartsAndATableAndLinksToEachChild() {
    String page = recordedPage(SERVER, dpo, auditor, "/console/actors/w-1", "dpo", "auditor",
        "/v1/actors/w-1/events", Map.of());
    assertThat(page).contains("id=\"entry-count\">31<").contains("Worker w-1")
        .contains("31, 1 of them outside working hours")
        .contains("08:00 to 18:00 on Monday, Tuesday, Wednesday, Thursday, Friday");
    assertThat(count(page, "data-seq=")).isEqualTo(31);
    assertThat(page).contains("href=\"/console/subjects/c-9\"", "href=\"/console/subjects/c-3\"",
        "href=\"/console/records/case-note/cn-late\"").doesNotContain("w-2");
    // Children per day: a bar chart and its table.
    assertThat(page).contains("aria-labelledby=\"children-per-day-title children-per-day-desc\"",
        "<title>7 Nov: 1</title>", "<title>2 Nov: 4</title>",
        "<th scope=\"row\" class=\"govuk-table__header\">Saturday 7 November 2026</th>");
    // The heat map: counts in the cells and their titles, out-of-hours cells outlined.
    assertThat(page).contains("aria-labelledby=\"views-by-hour-title views-by-hour-desc\"",
        "<title>Saturday 23:00 to 00:00: 1 view (outside working hours)</title>",
        "<title>Monday 10:00 to 11:00: 6 views</title>",
        "<title>Monday 09:00 to 10:00: 0 views</title>", "class=\"out-of-hours\"");
    assertThat(count(page, "<rect class=\"out-of-hours\"")).as("out-of-hours cells, 7 x 24"
        + " less 5 days of 08:00 to 18:00, and the legend's").isEqualTo(7 * 24 - 5 * 10 + 1);
    assertThat(page).contains("<th scope=\"row\" class=\"govuk-table__header\">Saturday</th>");
    assertThat(page).doesNotContain("style=");
  }

  @Test
  void findingsOfARememberedAuditRunLinkToTheAuditPageAtTheFinding() {
    String before = dpo.get("/console/actors/w-1").body();
    assertThat(before).contains("id=\"run-audit-link\"", "href=\"/console/audits\"");
    HttpResponse<String> audit = SERVER.postEvent(auditor, "/v1/audits/need-to-know",
        "{\"from\":\"2026-11-01T00:00:00Z\",\"to\":\"2026-12-01T00:00:00Z\"}");
    assertThat(audit.statusCode()).as(audit.body()).isEqualTo(200);

    String page = links(recordedPage(SERVER, dpo, auditor, "/console/actors/w-1", "dpo",
        "auditor", "/v1/actors/w-1/events", Map.of()));
    assertThat(page).contains("href=\"/console/audits?from=2026-11-01&to=2026-11-30&at=OUT_OF_HOURS-"
        + lateView + "#finding-OUT_OF_HOURS-" + lateView + "\"").contains("data-finding=\"OUT_OF_HOURS-" + lateView + "\"")
        .contains("State: <strong>new</strong>").doesNotContain("id=\"run-audit-link\"");
    // w-2's findings are not w-1's.
    assertThat(page).doesNotContain("data-finding=\"NOT_ALLOCATED-" + (lateView - 1) + "\"");
  }

  @Test
  void aConsoleUsersOwnPageHoldsTheRecordOfThatVeryRead() {
    String page = recordedPage(SERVER, dpo, auditor, "/console/actors/dpo", "dpo", "auditor",
        "/v1/actors/dpo/events", Map.of());
    long own = PeopleFixture.auditSeq(page);
    assertThat(page).contains("data-seq=\"" + own + "\"")
        .contains("Read of the ledger: /v1/actors/dpo/events");
  }

  @Test
  void anInvestigatorSeesTheHistoryAndDownloadsItsBundleButNoFindings() throws Exception {
    String investigator = SERVER.addClient("ico", Role.INVESTIGATOR, null);
    ConsoleClient ico = new ConsoleClient(SERVER.base());
    assertThat(ico.signIn(investigator).statusCode()).isEqualTo(303);
    String page = recordedPage(SERVER, ico, auditor, "/console/actors/w-1", "ico",
        "investigator", "/v1/actors/w-1/events", Map.of());
    assertThat(page).contains("<svg").contains("id=\"history-table\"")
        .doesNotContain("id=\"findings\"");
    HttpResponse<String> download = PeopleFixture.recorded(SERVER, ico, auditor,
        "/console/actors/w-1/evidence", "ico", "investigator", "/v1/evidence",
        Map.of("actor", "w-1"));
    VerifierKey key = VerifierKey.parse(ConsoleServer.json(
        SERVER.api(auditor, "/v1/log").body()).path("verifierKey").asText());
    VerifiedBundle bundle = BundleVerifier.verify(
        download.body().getBytes(StandardCharsets.UTF_8), key, null);
    assertThat(bundle.key()).isEqualTo("actor:w-1");
    assertThat(bundle.entries()).hasSize(31);
  }

  @Test
  void anUnknownMemberOfStaffHasAnEmptyHistoryAndBadRequestsWriteNothing() {
    String page = recordedPage(SERVER, dpo, auditor, "/console/actors/nobody", "dpo", "auditor",
        "/v1/actors/nobody/events", Map.of());
    assertThat(page).contains("id=\"empty-history\"").contains("<svg");
    refused(SERVER, dpo, "/console/actors/w-1?after=z", 400, "after must be an entry number");
    refused(SERVER, dpo, "/console/actors/w-1?type=VIEW", 400, "unknown query parameter");
    refused(SERVER, dpo, "/console/actors/" + "y".repeat(300), 400, "at most 256 characters");
    refused(SERVER, dpo, "/console/actors/w-1/evidence?since=1,1", 400, "twice");
  }
}
