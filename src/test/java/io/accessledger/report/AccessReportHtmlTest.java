package io.accessledger.report;

import static io.accessledger.report.ReportFixtures.extractSubject;
import static io.accessledger.report.ReportFixtures.person;
import static io.accessledger.report.ReportFixtures.release;
import static io.accessledger.report.ReportFixtures.report;
import static io.accessledger.report.ReportFixtures.share;
import static io.accessledger.report.ReportFixtures.view;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AccessReportHtmlTest {
  private static final AccessReportHtml HTML =
      new AccessReportHtml(ZoneId.of("Europe/London"), "UK time");

  /** Markup a hostile records system might send in any text field. */
  private static final String EVIL = "\"><img src=x onerror=alert(1)>";
  private static final String ESCAPED = "&quot;&gt;&lt;img src=x onerror=alert(1)&gt;";

  @Test
  void htmlTextEscapesTheCharactersHtmlGivesMeaningToAndReplacesControlCharacters() {
    assertThat(Html.text("<a href='x'>&\"</a>"))
        .isEqualTo("&lt;a href=&#39;x&#39;&gt;&amp;&quot;&lt;/a&gt;");
    assertThat(Html.text("a\u0000b\u001b[31mc\nd\te")).isEqualTo("a\uFFFDb\uFFFD[31mc\nd\te");
    assertThat(Html.text(null)).isEmpty();
    // A right-to-left override is kept, but inside <bdi>, where it cannot reorder the page.
    assertThat(Html.untrusted("abc\u202Edef")).isEqualTo("<bdi>abc\u202Edef</bdi>");
  }

  @Test
  void everyStringFromTheLedgerComesOutAsTextNeverAsMarkup() {
    Map<String, Object> person = person("sw-" + EVIL, "role" + EVIL, "team" + EVIL, "name" + EVIL);
    Map<String, Object> view = new LinkedHashMap<>(view("2026-03-01T09:00:00Z", person, EVIL));
    view.put("record", Map.of("type", "type" + EVIL, "id", "id" + EVIL));
    view.put("breakGlass", true);
    view.put("reason", "reason" + EVIL);
    view.put("legalBasis", List.of("UKGDPR-6-1-e", "CODE" + EVIL));
    Map<String, Object> share = new LinkedHashMap<>(share(person, person, person));
    share.put("recipient", Map.of("organisation", "org" + EVIL, "role", "unit" + EVIL));
    share.put("dataShared", List.of("data" + EVIL));
    share.put("rationale", "rationale" + EVIL);
    share.put("consentReason", "consent" + EVIL);
    share.put("grounds", "GROUNDS" + EVIL);
    share.put("subjectInformed", false);
    share.put("notInformedReason", "told" + EVIL);
    share.put("courtOrder", Map.of("court", "court" + EVIL, "reference", "ref" + EVIL,
        "date", "date" + EVIL));
    Map<String, Object> release = new LinkedHashMap<>(release(person));
    release.put("agreement", "agreement" + EVIL);
    release.put("dataset", Map.of("name", "dataset" + EVIL, "categories", List.of("cat" + EVIL),
        "pseudonymised", true, "periodFrom", "from" + EVIL, "periodTo", "to" + EVIL));
    String html = HTML.render(report(StaffNames.SHOW,
        List.of(view, share, release, extractSubject(2)), List.of()));

    assertThat(html).doesNotContain("<img", "\"><");
    for (String field : List.of("sw-", "name", "role", "team", "Type", "id", "reason", "CODE",
        "org", "unit", "data", "rationale", "consent", "GROUNDS", "told", "court", "ref", "date",
        "agreement", "dataset", "cat", "from", "to")) {
      assertThat(html).as(field).contains(field + ESCAPED);
    }
    assertThat(html).contains("<bdi>" + ESCAPED + "</bdi>");
  }

  @Test
  void staffAreWrittenAsThePolicySaysWithRoleAndTeamAlways() {
    List<Map<String, Object>> events = List.of(
        view("2026-03-01T09:00:00Z", person("sw-1", "social-worker", "north", "Sam Worker"), "a"),
        view("2026-03-01T10:00:00Z", person("sw-2", "social-worker", "south", null), "b"));
    assertThat(HTML.render(report(StaffNames.SHOW, events, List.of()))).contains(
        "<td><bdi>Sam Worker</bdi> <span class=\"muted\">(staff id <bdi>sw-1</bdi>)</span>,"
            + " <bdi>social worker</bdi>, team <bdi>north</bdi></td>",
        "<td>Staff id <bdi>sw-2</bdi>, <bdi>social worker</bdi>, team <bdi>south</bdi></td>",
        "Staff are named as the council's systems recorded them");
    assertThat(HTML.render(report(StaffNames.PSEUDONYM, events, List.of())))
        .contains("<td><bdi>Social worker A</bdi>, team <bdi>north</bdi></td>",
            "<td><bdi>Social worker B</bdi>, team <bdi>south</bdi></td>",
            "\"Social worker A\" is the same person everywhere in this report")
        .doesNotContain("sw-1", "Sam Worker");
    assertThat(HTML.render(report(StaffNames.ROLE_ONLY, events, List.of())))
        .contains("<td><bdi>Social worker</bdi>, team <bdi>north</bdi></td>",
            "<td><bdi>Social worker</bdi>, team <bdi>south</bdi></td>",
            "Staff are shown by their job and team, not by name")
        .doesNotContain("sw-1", "Sam Worker", "Social worker A");
  }

  @Test
  void whatTheFamilyMustNoticeIsSaidPlainly() {
    Map<String, Object> view = new LinkedHashMap<>(
        view("2026-03-01T09:00:00Z", person("sw-1", "social-worker", null, null), "a"));
    view.put("legalBasis", List.of("UKGDPR-6-1-e", "LOCAL-GONE"));
    view.put("breakGlass", true);
    view.put("reason", "emergency");
    String html = HTML.render(report(StaffNames.ROLE_ONLY, List.of(view,
        share(person("tm-1", "team-manager", null, null), person("tm-1", null, null, null), null),
        release(person("ig-1", null, null, null)), extractSubject(2)), List.of()));
    assertThat(html).contains(
        "<p class=\"alert\">Emergency access (\"break glass\")",
        "Reason given: <bdi>emergency</bdi>",
        "<span class=\"alert\">a code the council's list does not explain</span>"
            + " <code>LOCAL-GONE</code>",
        "a decision <bdi>not to share</bdi> information with <bdi>Police</bdi>",
        "<dt>Your agreement</dt><dd><bdi>Consent was asked for and refused</bdi>: <bdi>the family"
            + " said no</bdi></dd>",
        "<dt>Approved by</dt><dd>No second person's approval was recorded.</dd>",
        "No: the data was not pseudonymised, so it could identify you directly.",
        "<li><strong>1</strong> time someone looked at your record</li>",
        "No one checked your record in the ledger.",
        "It covers everything the ledger held about you at that moment.");
  }

  @Test
  void anEmptyReportSaysSoInEverySection() {
    String html = HTML.render(report(StaffNames.ROLE_ONLY, List.of(), List.of()));
    assertThat(html).contains("No one looked at your record.",
        "No decision about sharing your information without your agreement was recorded.",
        "No data extract that included you was released.",
        "a <em>completeness statement</em> that no entry names you");
  }

  @Test
  void timesAreShownInTheServicesZoneAndNamedAsTold() {
    List<Map<String, Object>> events = List.of(
        view("2026-03-01T09:00:00Z", person("sw-1", "social-worker", "north", null), "a"));
    String html = new AccessReportHtml(ZoneId.of("America/New_York"), "America/New_York time")
        .render(report(StaffNames.ROLE_ONLY, events, List.of()));
    // 09:00 UTC on Sunday 1 March is 04:00 in New York (UTC-5).
    assertThat(html).contains("Sunday 1 March 2026, 04:00", "(America/New_York time)")
        .doesNotContain("Sunday 1 March 2026, 09:00", "UK time");
    assertThat(HTML.render(report(StaffNames.ROLE_ONLY, events, List.of())))
        .contains("Sunday 1 March 2026, 09:00", "(UK time)");
  }

  /** The console's form: the same page, its rules in a file of the host, no inline style at all. */
  @Test
  void theLinkedFormIsTheSamePageWithItsStylesheetLinkedAndNoInlineStyle() {
    AccessReport report = report(StaffNames.SHOW, List.of(view("2026-03-01T09:00:00Z",
        person("sw-1", "social-worker", "north", "A. Worker"), "case work")), List.of());
    String inline = HTML.render(report);
    String linked = HTML.renderLinked(report, "/console/assets/access-report.css");

    assertThat(linked).doesNotContain("<style", "style=", "unsafe-inline", "<script")
        .contains("<link rel=\"stylesheet\" href=\"/console/assets/access-report.css\">")
        .contains("content=\"" + Html.text(AccessReportHtml.LINKED_CONTENT_SECURITY_POLICY) + "\"");
    assertThat(linked.substring(linked.indexOf("<body>")))
        .isEqualTo(inline.substring(inline.indexOf("<body>")));
    assertThat(inline).contains("<style>\n" + AccessReportHtml.stylesheet() + "</style>");
    assertThat(AccessReportHtml.stylesheet()).contains("@media print");
  }
}
