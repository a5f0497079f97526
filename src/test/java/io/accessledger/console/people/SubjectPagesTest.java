package io.accessledger.console.people;

import static io.accessledger.console.people.PeopleFixture.count;
import static io.accessledger.console.people.PeopleFixture.recordedPage;
import static io.accessledger.console.people.PeopleFixture.refused;
import static org.assertj.core.api.Assertions.assertThat;

import io.accessledger.auth.Role;
import io.accessledger.console.support.ConsoleClient;
import io.accessledger.console.support.ConsoleServer;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import io.accessledger.evidence.BundleVerifier;
import io.accessledger.evidence.VerifiedBundle;
import io.accessledger.ledger.notes.VerifierKey;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A child's page over the real server: the posted history as a table paged by entry number, the
 * timeline as an SVG chart with its table, each view recorded once as the API records the
 * child's history; bad requests refused with nothing written; an unknown child's empty history.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class SubjectPagesTest {
  static final ConsoleServer SERVER = new ConsoleServer();
  static final DropwizardAppExtension<?> APP = SERVER.app;
  static String auditor;
  static ConsoleClient dpo;

  @BeforeAll
  static void fill() {
    String ingest = SERVER.addClient("carefirst", Role.INGEST, "carefirst");
    auditor = SERVER.addClient("dpo", Role.AUDITOR, null);
    List<String> events = new ArrayList<>();
    for (int i = 0; i < 120; i++) { // over three weeks of November 2026, two teams
      events.add(PeopleFixture.view("v-" + i, "c-1", i % 3 == 0 ? "w-2" : "w-1",
          i % 3 == 0 ? "south" : "north",
          "2026-11-%02dT10:%02d:00Z".formatted(2 + i / 8, i % 60), "cn-" + (i % 4)));
    }
    events.add(PeopleFixture.share("s-1", "2026-11-05T15:00:00Z", "c-1", "c-2"));
    events.add(PeopleFixture.extract("x-1", "2026-11-12T12:00:00Z", "c-1", "c-3"));
    events.add(PeopleFixture.view("v-late", "c-1", "w-3", "east", "2026-11-20T09:00:00Z", "cn-9"));
    PeopleFixture.post(SERVER, ingest, events);
    dpo = new ConsoleClient(SERVER.base());
    assertThat(dpo.signIn(auditor).statusCode()).isEqualTo(303);
  }

  @Test
  void theChildsPageShowsTheirHistoryTimelineAndLinksAndRecordsOneRead() {
    String page = recordedPage(SERVER, dpo, auditor, "/console/subjects/c-1", "dpo", "auditor",
        "/v1/subjects/c-1/events", Map.of());

    assertThat(page).contains("<h1", "c-1").contains("id=\"entry-count\">123<");
    assertThat(count(page, "data-seq=")).as("a page of 100 rows").isEqualTo(100);
    // Newest first: the last view, then the release's entry for this child, then the share.
    assertThat(page.indexOf("cn-9")).isLessThan(page.indexOf("Included in an extract release"));
    assertThat(page).contains("Share decision: share with Northshire Police")
        .contains("href=\"/console/actors/w-3\"").contains("href=\"/console/records/case-note/cn-9\"")
        .contains("UKGDPR-6-1-e, UKGDPR-9-2-h, DPA2018-S1-P2").contains("/console/entries/");
    // The share decision names c-2 too; the child's page MUST NOT show the other child.
    assertThat(page).doesNotContain("c-2").doesNotContain("c-3");
    // The timeline: an accessible SVG, a bar per week, each team with its own pattern, marks.
    assertThat(page).contains("<svg class=\"app-chart\"", "role=\"img\"",
        "aria-labelledby=\"subject-timeline-title subject-timeline-desc\"",
        "fill=\"url(#subject-timeline-p0)\"", "fill=\"url(#subject-timeline-p1)\"",
        "<title>2 Nov, north: ", "class=\"mark-share\"", "class=\"mark-extract\"",
        "1 share decision, week of 2 November 2026", "1 extract, week of 9 November 2026");
    assertThat(page).contains("<th scope=\"col\" class=\"govuk-table__header govuk-table__header--numeric\">north</th>");
    assertThat(page).contains("href=\"/console/subjects/c-1/access-report\"")
        .contains("href=\"/console/subjects/c-1/evidence\"");
    assertThat(page).doesNotContain("style=").doesNotContain("<script>");
  }

  @Test
  void olderAndNewerPagesFollowByEntryNumberAndRecordTheirCursor() {
    String first = PeopleFixture.links(dpo.get("/console/subjects/c-1").body());
    Matcher older = Pattern.compile("href=\"(/console/subjects/c-1\\?before=(\\d+))\"").matcher(first);
    assertThat(older.find()).as("an older link").isTrue();
    String second = recordedPage(SERVER, dpo, auditor, older.group(1), "dpo", "auditor",
        "/v1/subjects/c-1/events", Map.of("before", older.group(2)));
    assertThat(count(second, "data-seq=")).isEqualTo(23);
    assertThat(PeopleFixture.links(second)).doesNotContain("?before=").contains("id=\"newest-link\"");
    Matcher newer = Pattern.compile("href=\"/console/subjects/c-1\\?after=(\\d+)\"")
        .matcher(PeopleFixture.links(second));
    assertThat(newer.find()).isTrue();
    String back = dpo.get("/console/subjects/c-1?after=" + newer.group(1)).body();
    assertThat(count(back, "data-seq=")).isEqualTo(100);
  }

  @Test
  void theAccessReportIsTheApisPageWithItsRulesLinkedUnderTheConsolesPolicy() {
    HttpResponse<String> report = PeopleFixture.recorded(SERVER, dpo, auditor,
        "/console/subjects/c-1/access-report", "dpo", "auditor", "/v1/subjects/c-1/access-report",
        Map.of());
    assertThat(report.headers().firstValue("Content-Type")).hasValueSatisfying(
        type -> assertThat(type.replace(" ", "")).isEqualToIgnoringCase("text/html;charset=utf-8"));
    assertThat(report.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(
        csp -> assertThat(csp).contains("style-src 'self'").doesNotContain("unsafe-inline"));
    assertThat(report.body()).contains("<h1>Who has seen your record</h1>", "c-1",
            "Northshire Police", "<link rel=\"stylesheet\" href=\"/console/assets/access-report.css\">")
        .doesNotContain("<style", "style=", "<script");
    HttpResponse<String> css = dpo.get("/console/assets/access-report.css");
    assertThat(css.statusCode()).isEqualTo(200);
    assertThat(css.headers().firstValue("Content-Type")).hasValueSatisfying(
        type -> assertThat(type).startsWith("text/css"));
    assertThat(css.body()).contains("@media print");
  }

  @Test
  void anInvestigatorDownloadsTheBundleTheApiWouldGiveAndItVerifies() throws Exception {
    String investigator = SERVER.addClient("ico", Role.INVESTIGATOR, null);
    ConsoleClient ico = new ConsoleClient(SERVER.base());
    assertThat(ico.signIn(investigator).statusCode()).isEqualTo(303);
    assertThat(ico.get("/console/subjects/c-1").body()).contains("/console/subjects/c-1/evidence");
    HttpResponse<String> download = PeopleFixture.recorded(SERVER, ico, auditor,
        "/console/subjects/c-1/evidence", "ico", "investigator", "/v1/evidence",
        Map.of("subject", "c-1"));
    assertThat(download.headers().firstValue("Content-Disposition")).hasValueSatisfying(
        value -> assertThat(value).startsWith("attachment; filename=\"evidence-"));
    VerifierKey key = VerifierKey.parse(ConsoleServer.json(
        SERVER.api(auditor, "/v1/log").body()).path("verifierKey").asText());
    VerifiedBundle bundle = BundleVerifier.verify(
        download.body().getBytes(StandardCharsets.UTF_8), key, null);
    assertThat(bundle.key()).isEqualTo("subject:c-1");
    assertThat(bundle.entries()).hasSize(123);
    assertThat(bundle.releases()).hasSize(1);
    assertThat(bundle.request().event()).containsEntry("actor",
        Map.of("id", "ico", "role", "investigator"));
  }

  @Test
  void anUnknownChildHasAnEmptyHistoryNotAnError() {
    String page = recordedPage(SERVER, dpo, auditor, "/console/subjects/nobody%20here", "dpo",
        "auditor", "/v1/subjects/nobody here/events", Map.of());
    assertThat(page).contains("id=\"empty-history\"").contains("<svg")
        .contains("id=\"entry-count\">0<");
  }

  @Test
  void badRequestsAreRefusedClearlyAndWriteNothing() {
    refused(SERVER, dpo, "/console/subjects/c-1?before=x", 400, "before must be an entry number");
    refused(SERVER, dpo, "/console/subjects/c-1?before=-1", 400, "before must be an entry number");
    refused(SERVER, dpo, "/console/subjects/c-1?before=1&after=2", 400, "before or after, not both");
    refused(SERVER, dpo, "/console/subjects/c-1?before=1&before=2", 400, "more than once");
    refused(SERVER, dpo, "/console/subjects/c-1?limit=5", 400, "unknown query parameter");
    refused(SERVER, dpo, "/console/subjects/" + "x".repeat(257), 400, "at most 256 characters");
    // A control character in the path is refused by the service before any page runs.
    refused(SERVER, dpo, "/console/subjects/a%09b", 400, "malformed");
    refused(SERVER, dpo, "/console/subjects/c-1/access-report?from=soon", 400, "RFC 3339");
    refused(SERVER, dpo, "/console/subjects/c-1/evidence?since=0", 400, "since must be tree sizes");
    refused(SERVER, dpo, "/console/subjects/c-1/evidence?since=99999", 404, "larger than the signed log");
    refused(SERVER, dpo, "/console/subjects/c-1/evidence?subject=c-2", 400, "unknown query parameter");
    refused(SERVER, dpo, "/console/subjects/c-1/nothing", 404, "no console page");
  }

  @Test
  void withoutASessionThePageRedirectsToSignInAndWritesNothing() {
    long before = SERVER.treeSize();
    HttpResponse<String> answer = new ConsoleClient(SERVER.base()).get("/console/subjects/c-1");
    assertThat(answer.statusCode()).isEqualTo(303);
    assertThat(answer.headers().firstValue("Location")).hasValueSatisfying(
        location -> assertThat(location).endsWith("/console/login"));
    assertThat(SERVER.treeSize()).isEqualTo(before);
  }
}
