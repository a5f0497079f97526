package io.accessledger.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.accessledger.auth.Role;
import io.accessledger.events.LegalBasisVocabulary;
import io.accessledger.evidence.BundleVerifier;
import io.accessledger.ledger.notes.Checkpoint;
import io.accessledger.ledger.notes.VerifierKey;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * GET /v1/subjects/{id}/access-report: what a family is shown about one child, as JSON and as
 * HTML, checked against a ledger built through the API. The server is configured with
 * {@code accessReport.staffNames: PSEUDONYM}, so the tests also show the configured policy is the
 * one reports are made under (each policy's output is tested in {@code report/}, and the shipped
 * default in {@code AccessReportSettingsTest}).
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class AccessReportApiTest {
  static final ApiServer SERVER =
      new ApiServer(ConfigOverride.config("accessReport.staffNames", "PSEUDONYM"));
  static final DropwizardAppExtension<?> APP = SERVER.app;
  static final String CHILD = "child-7788";
  static final String PATH = "/v1/subjects/" + CHILD + "/access-report";
  /** Names, staff ids and other children that a pseudonymised report's content must not hold. */
  static final List<String> HIDDEN = List.of("sw-0042", "Sam Worker", "sw-0099", "Pat Other",
      "tm-0007", "Terry Manager", "hos-0001", "Harriet Head", "ig-0003", "dpo-jane", "ico-case-7",
      "child-7789", "other-child-9001");

  static String ingest;
  static String auditor;
  static String investigator;
  static String verifierKey;
  static long firstViewSeq;

  @BeforeAll
  static void fill() {
    ingest = SERVER.addClient("carefirst", Role.INGEST, "carefirst");
    auditor = SERVER.addClient("dpo-jane", Role.AUDITOR, null);
    investigator = SERVER.addClient("ico-case-7", Role.INVESTIGATOR, null);
    firstViewSeq = post(view("sar-v1", "2025-06-23T09:15:00Z", "sw-0042", "Sam Worker", "north-cin",
        "case-note", "cn-1", "Preparing the child in need review", ""));
    post(view("sar-v2", "2025-06-24T23:40:00Z", "sw-0099", "Pat Other", "south-cp",
        "assessment", "as-9", "Emergency placement",
        ",\"breakGlass\":true,\"reason\":\"Out of hours emergency\""));
    post(view("sar-v3", "2025-06-25T10:00:00Z", "sw-0042", "Sam Worker", "north-cin",
        "case-note", "cn-2", "<script>alert('x')</script> & more", ""));
    post(view("sar-old", "2024-01-10T12:00:00Z", "sw-0042", "Sam Worker", "north-cin",
        "case-note", "cn-0", "Referral screening", ""));
    post("""
        {"eventId":"sar-share","type":"SHARE_DECISION","occurredAt":"2025-06-23T16:40:00Z",
         "actor":{"id":"tm-0007","role":"team-manager","team":"north-cin","displayName":"Terry Manager"},
         "purpose":"Strategy discussion under s47",
         "legalBasis":["UKGDPR-6-1-e","UKGDPR-9-2-g","DPA2018-S1-P18","CA1989-S47"],
         "subjects":[{"id":"child-7788"},{"id":"child-7789"}],"decision":"SHARE",
         "grounds":"SERIOUS_HARM_RISK","consent":"NOT_SOUGHT",
         "consentReason":"Seeking consent would increase the risk of harm",
         "recipient":{"organisation":"Northshire Police","role":"Public protection unit"},
         "dataShared":["chronology","case-notes"],"decidedBy":{"id":"tm-0007"},
         "approvedBy":{"id":"hos-0001","role":"head-of-service","displayName":"Harriet Head"},
         "rationale":"Reasonable cause to suspect significant harm","subjectInformed":false,
         "notInformedReason":"Telling the family could put the child at risk"}
        """);
    post("""
        {"eventId":"sar-extract","type":"EXTRACT_RELEASE","occurredAt":"2025-06-23T17:00:00Z",
         "actor":{"id":"ig-0003","role":"information-governance"},"purpose":"Evaluation of Family Valued",
         "legalBasis":["UKGDPR-6-1-e","UKGDPR-9-2-j","DPA2018-S1-P4"],
         "recipient":{"organisation":"What Works for Children's Social Care"},"agreement":"WWCSC-FAMILY-VALUED",
         "dataset":{"name":"cin-2025","sha256":"%s","rowCount":2,"pseudonymised":true,
                    "categories":["referrals","assessments"],"periodFrom":"2020-01-01","periodTo":"2025-12-31"},
         "subjects":[{"id":"other-child-9001"},{"id":"child-7788"}]}
        """.formatted("ab".repeat(32)));
    post(Json.view("sar-elsewhere", "child-0001", "sw-0042"));
    verifierKey = SERVER.get(auditor, "/v1/log").json().path("verifierKey").asText();
    // Checks of the child's record by auditors; and one of another child's, not theirs.
    assertThat(SERVER.get(auditor, "/v1/subjects/" + CHILD + "/events").status).isEqualTo(200);
    assertThat(SERVER.get(investigator, "/v1/entries/" + firstViewSeq).status).isEqualTo(200);
    assertThat(SERVER.get(auditor, "/v1/subjects/child-0001/events").status).isEqualTo(200);
  }

  static String view(String eventId, String occurredAt, String actor, String name, String team,
      String recordType, String recordId, String purpose, String extra) {
    return """
        {"eventId":"%s","type":"VIEW","occurredAt":"%s",
         "actor":{"id":"%s","role":"social-worker","team":"%s","displayName":"%s"},
         "subject":{"id":"child-7788"},"record":{"type":"%s","id":"%s"},"purpose":"%s",
         "legalBasis":["UKGDPR-6-1-e","UKGDPR-9-2-h","DPA2018-S1-P2","CA1989-S17"]%s}
        """.formatted(eventId, occurredAt, actor, team, name, recordType, recordId, purpose, extra);
  }

  static long post(String event) {
    ApiServer.Answer answer = SERVER.post(ingest, "/v1/events", event);
    assertThat(answer.status).as(answer.body).isEqualTo(201);
    return answer.json().path("seq").asLong();
  }

  /** A GET with the {@code Accept} header given (the harness's client sends its own otherwise). */
  static ApiServer.Answer get(String token, String path, String accept) {
    return new ApiServer.Answer(APP.client()
        .target("http://localhost:" + APP.getLocalPort() + path).request()
        .header("Authorization", "Bearer " + token).header("Accept", accept).get());
  }

  /** The report without its evidence: what is shown to the family. */
  static String content(JsonNode report) {
    ObjectNode copy = report.deepCopy();
    copy.remove("evidence");
    return copy.toString();
  }

  static String label(String code) {
    return LegalBasisVocabulary.shipped().find(code).orElseThrow().label();
  }

  @Test
  void theJsonReportSaysWhoLookedAndWhereTheInformationWentWithStaffPseudonymised() {
    ApiServer.Answer answer = get(auditor, PATH, "application/json");
    assertThat(answer.status).as(answer.body).isEqualTo(200);
    assertThat(answer.header("Content-Type")).startsWith("application/json");
    assertThat(answer.header("Cache-Control")).isEqualTo("no-store");
    assertThat(answer.header("Vary")).isEqualTo("Accept");
    JsonNode report = answer.json();
    long requestSeq = Long.parseLong(answer.header("Ledger-Audit-Seq"));
    assertThat(report.path("format").asText()).isEqualTo("access-ledger/access-report/v1");
    assertThat(report.path("subject").asText()).isEqualTo(CHILD);
    assertThat(report.path("staffNames").asText()).isEqualTo("PSEUDONYM");
    assertThat(report.path("request").path("seq").asLong()).isEqualTo(requestSeq);
    assertThat(report.path("requestedBy").toString())
        .isEqualTo("{\"role\":\"auditor\",\"team\":null,\"id\":null,\"name\":null,"
            + "\"pseudonym\":\"Auditor A\"}");

    JsonNode views = report.path("views");
    assertThat(views).extracting(v -> v.path("occurredAt").asText()).containsExactly(
        "2024-01-10T12:00:00Z", "2025-06-23T09:15:00Z", "2025-06-24T23:40:00Z",
        "2025-06-25T10:00:00Z");
    JsonNode first = views.get(1);
    assertThat(first.path("viewer").toString()).isEqualTo("{\"role\":\"social-worker\","
        + "\"team\":\"north-cin\",\"id\":null,\"name\":null,\"pseudonym\":\"Social worker A\"}");
    // One label per person: three of the views were by the same social worker.
    assertThat(views).extracting(v -> v.path("viewer").path("pseudonym").asText()).containsExactly(
        "Social worker A", "Social worker A", "Social worker B", "Social worker A");
    assertThat(first.path("recordType").asText()).isEqualTo("case-note");
    assertThat(first.path("recordId").asText()).isEqualTo("cn-1");
    assertThat(first.path("purpose").asText()).isEqualTo("Preparing the child in need review");
    assertThat(first.path("breakGlass").asBoolean()).isFalse();
    assertThat(first.path("entry").path("seq").asLong()).isEqualTo(firstViewSeq);
    // Legal grounds carry the vocabulary's labels (and legislation links), not only codes.
    assertThat(first.path("legalBasis")).extracting(g -> g.path("code").asText())
        .containsExactly("UKGDPR-6-1-e", "UKGDPR-9-2-h", "DPA2018-S1-P2", "CA1989-S17");
    assertThat(first.path("legalBasis")).extracting(g -> g.path("label").asText())
        .containsExactly(label("UKGDPR-6-1-e"), label("UKGDPR-9-2-h"), label("DPA2018-S1-P2"),
            label("CA1989-S17"));
    assertThat(first.path("legalBasis").get(0).path("uri").asText())
        .isEqualTo("https://www.legislation.gov.uk/id/eur/2016/679/article/6/1/e");
    JsonNode breakGlass = views.get(2);
    assertThat(breakGlass.path("breakGlass").asBoolean()).isTrue();
    assertThat(breakGlass.path("reason").asText()).isEqualTo("Out of hours emergency");
    assertThat(breakGlass.path("viewer").path("team").asText()).isEqualTo("south-cp");

    assertThat(report.path("shares")).hasSize(1);
    JsonNode share = report.path("shares").get(0);
    assertThat(share.path("decision").toString())
        .isEqualTo("{\"code\":\"SHARE\",\"label\":\"to share\"}");
    assertThat(share.path("recipient").toString())
        .isEqualTo("{\"organisation\":\"Northshire Police\",\"role\":\"Public protection unit\"}");
    assertThat(share.path("grounds").path("label").asText()).isEqualTo("a risk of serious harm");
    assertThat(share.path("consent").path("label").asText()).isEqualTo("consent was not asked for");
    assertThat(share.path("consentReason").asText())
        .isEqualTo("Seeking consent would increase the risk of harm");
    assertThat(share.path("dataShared")).extracting(JsonNode::asText)
        .containsExactly("chronology", "case-notes");
    assertThat(share.path("rationale").asText())
        .isEqualTo("Reasonable cause to suspect significant harm");
    // decidedBy gave only an id: it is the actor, so the actor's role, team and label are shown.
    assertThat(share.path("decidedBy").path("role").asText()).isEqualTo("team-manager");
    assertThat(share.path("decidedBy").path("team").asText()).isEqualTo("north-cin");
    assertThat(share.path("decidedBy").path("pseudonym").asText()).isEqualTo("Team manager A");
    assertThat(share.path("recordedBy").path("pseudonym").asText()).isEqualTo("Team manager A");
    assertThat(share.path("approvedBy").path("role").asText()).isEqualTo("head-of-service");
    assertThat(share.path("approvedBy").path("pseudonym").asText()).isEqualTo("Head of service A");
    assertThat(share.path("subjectInformed").asBoolean()).isFalse();
    assertThat(share.path("notInformedReason").asText())
        .isEqualTo("Telling the family could put the child at risk");
    assertThat(share.path("legalBasis").get(3).path("label").asText())
        .isEqualTo(label("CA1989-S47"));

    assertThat(report.path("extracts")).hasSize(1);
    JsonNode extract = report.path("extracts").get(0);
    assertThat(extract.path("recipient").path("organisation").asText())
        .isEqualTo("What Works for Children's Social Care");
    assertThat(extract.path("agreement").asText()).isEqualTo("WWCSC-FAMILY-VALUED");
    assertThat(extract.path("dataset").asText()).isEqualTo("cin-2025");
    assertThat(extract.path("categories")).extracting(JsonNode::asText)
        .containsExactly("referrals", "assessments");
    assertThat(extract.path("pseudonymised").asBoolean()).isTrue();
    assertThat(extract.path("releasedBy").path("role").asText())
        .isEqualTo("information-governance");
    assertThat(extract.path("legalBasis").get(1).path("label").asText())
        .isEqualTo(label("UKGDPR-9-2-j"));
    assertThat(extract.path("release").path("seq").asLong())
        .isLessThan(extract.path("entry").path("seq").asLong());

    // The auditors' checks of this child's record, not of the other child's, not this request;
    // then any reports and bundles the other tests asked for before this one.
    List<String> checks = new ArrayList<>();
    report.path("auditorChecks").forEach(c -> checks.add(
        c.path("by").path("pseudonym").asText() + ": " + c.path("asked").asText()));
    assertThat(checks.subList(0, 2)).containsExactly("Auditor A: read the history of your record",
        "Investigator A: read ledger entry " + firstViewSeq + " about you");
    assertThat(checks.subList(2, checks.size())).allMatch(c ->
        c.equals("Auditor A: produced an access report like this one")
            || c.equals("Auditor A: made an evidence bundle of your record"));
    assertThat(report.path("auditorChecks")).extracting(c -> c.path("entry").path("seq").asLong())
        .isSorted().doesNotContain(requestSeq);
    assertThat(report.path("otherEntries")).isEmpty();

    assertThat(content(report)).doesNotContain(HIDDEN);
    // The other child in the extract is not even in the evidence: the release names no child.
    assertThat(answer.body).doesNotContain("other-child-9001");
  }

  @Test
  void theJsonEvidenceVerifiesAsAWholeHistoryWithTheCoreVerifierOnly() throws Exception {
    ApiServer.Answer answer = get(auditor, PATH, "application/json");
    JsonNode report = answer.json();
    JsonNode evidence = report.path("evidence");
    assertThat(evidence.path("verifierKey").asText()).isEqualTo(verifierKey);
    assertThat(evidence.path("key").asText()).isEqualTo("subject:" + CHILD);
    assertThat(evidence.path("complete").asBoolean()).isTrue();
    // views, share and extract entry: the whole chain, up to the signed head.
    assertThat(ClientSideChecks.checkCompleteHistory(List.of(evidence), verifierKey)).isEqualTo(6);
    Checkpoint checkpoint =
        ClientSideChecks.openCheckpoint(evidence.path("checkpoint").asText(), verifierKey);
    List<JsonNode> others = new ArrayList<>();
    evidence.path("releases").forEach(others::add);
    evidence.path("checks").forEach(others::add);
    others.add(evidence.path("request"));
    for (JsonNode entry : others) {
      ClientSideChecks.checkEntry(entry, checkpoint);
    }
    assertThat(evidence.path("request").path("seq").asLong())
        .isEqualTo(Long.parseLong(answer.header("Ledger-Audit-Seq")));
    // Every reference in the report's content is an entry the evidence proves, hash and all.
    List<String> proven = new ArrayList<>();
    for (JsonNode entry : List.of(evidence.path("entries"), evidence.path("releases"),
        evidence.path("checks"))) {
      entry.forEach(e -> proven.add(e.path("seq").asLong() + "/" + e.path("leafHash").asText()));
    }
    List<String> referenced = new ArrayList<>();
    report.findValues("entry").forEach(r -> referenced.add(
        r.path("seq").asLong() + "/" + r.path("leafHash").asText()));
    report.findValues("release").forEach(r -> referenced.add(
        r.path("seq").asLong() + "/" + r.path("leafHash").asText()));
    assertThat(referenced).hasSize(proven.size()).containsExactlyInAnyOrderElementsOf(proven);
  }

  @Test
  void theHtmlReportIsPlainEnglishSelfContainedAndEscapesWhatRecordsSystemsSent() {
    ApiServer.Answer answer = get(auditor, PATH, "text/html");
    assertThat(answer.status).as(answer.body).isEqualTo(200);
    assertThat(answer.header("Content-Type")).isEqualTo("text/html;charset=utf-8");
    assertThat(answer.header("Content-Security-Policy")).startsWith("default-src 'none'");
    String html = answer.body;
    assertThat(html).startsWith("<!DOCTYPE html>").contains("<h1>Who has seen your record</h1>",
        "<h2>Who looked at your record</h2>", "<h2>When your information was shared</h2>",
        "<h2>Data extracts that included you</h2>", "<h2>Checks of this record by auditors</h2>",
        "<h2>How to check this report</h2>");
    // The purpose a records system sent is text, not markup: no script element anywhere.
    assertThat(html).contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; more");
    assertThat(html.toLowerCase(Locale.ROOT)).doesNotContain("<script");
    // Self-contained: nothing to fetch, no links out.
    assertThat(html.toLowerCase(Locale.ROOT))
        .doesNotContain("src=", "href=", "url(", "@import", "<link", "<img", "<iframe");
    assertThat(html).doesNotContain(HIDDEN);
    assertThat(html).contains("<td><bdi>Social worker A</bdi>, team <bdi>north-cin</bdi></td>",
        "<td><bdi>Social worker B</bdi>, team <bdi>south-cp</bdi></td>",
        "Emergency access (\"break glass\")", "Northshire Police",
        "a decision <bdi>to share</bdi> information with", "No. Reason given: ",
        "Public task (the usual basis for a local authority&#39;s social care work)",
        "<code>UKGDPR-6-1-e</code>", "What Works for Children&#39;s Social Care",
        "Yes: it was pseudonymised",
        "Read the history of your record", "\"Social worker A\" is the same person everywhere");
    // The references: every entry the report draws on, with its leaf hash; the signed checkpoint,
    // the completeness statement and the verifier key; how to check it with a bundle.
    JsonNode evidence = get(auditor, PATH, "application/json").json().path("evidence");
    for (JsonNode entry : evidence.path("entries")) {
      assertThat(html).contains("<tr><td>" + entry.path("seq").asLong()
          + "</td><td class=\"ref\">" + entry.path("leafHash").asText() + "</td>");
    }
    String checkpoint = answer.body.substring(answer.body.indexOf("<h3>Signed checkpoint</h3>"));
    assertThat(checkpoint).contains("<pre>access-ledger.local/log\n", verifierKey);
    assertThat(html).contains("<pre>access-ledger/completeness/v1\naccess-ledger.local/log\n",
        "key subject:" + CHILD + "\n", "verify-bundle bundle.json");
  }

  @Test
  void aCheckerVerifiesTheFamilysHtmlReportWithAnEvidenceBundleAsItSaysTo() throws Exception {
    String html = get(auditor, PATH, "text/html").body;
    // Step 2: save the checkpoint printed under "Signed checkpoint" (it holds nothing to unescape).
    int start = html.indexOf("<pre>", html.indexOf("<h3>Signed checkpoint</h3>")) + 5;
    String saved = html.substring(start, html.indexOf("</pre>", start));
    long size = Long.parseLong(saved.split("\n")[1]);
    assertThat(html).contains("<code>since=" + size + "</code>");
    // Step 3: the bundle made since then (the log has grown: the reads were recorded) verifies
    // against the key and the saved checkpoint.
    ApiServer.Answer bundle =
        SERVER.get(auditor, "/v1/evidence?subject=" + CHILD + "&since=" + size);
    assertThat(bundle.status).as(bundle.body).isEqualTo(200);
    BundleVerifier.verify(bundle.body.getBytes(StandardCharsets.UTF_8),
        VerifierKey.parse(verifierKey), saved);
    // Step 4: every entry and leaf hash the report lists is in the bundle.
    List<String> inBundle = new ArrayList<>();
    for (String part : List.of("entries", "releases")) {
      bundle.json().path(part).forEach(e ->
          inBundle.add(e.path("seq").asLong() + "</td><td class=\"ref\">"
              + e.path("leafHash").asText()));
    }
    JsonNode evidence = get(auditor, PATH, "application/json").json().path("evidence");
    int listed = 0;
    for (String part : List.of("entries", "releases")) {
      for (JsonNode entry : evidence.path(part)) {
        String row = entry.path("seq").asLong() + "</td><td class=\"ref\">"
            + entry.path("leafHash").asText();
        if (html.contains("<tr><td>" + row)) {
          listed++;
          assertThat(inBundle).contains(row);
        }
      }
    }
    assertThat(listed).as("the report's history entries and releases").isEqualTo(7);
  }

  @Test
  void aWindowOnOccurredAtKeepsOnlyItsEntriesAndSaysTheEvidenceIsNotTheWholeHistory() {
    ApiServer.Answer answer = get(auditor,
        PATH + "?from=2025-06-23T12:00:00Z&to=2025-06-25T00:00:00Z", "application/json");
    assertThat(answer.status).as(answer.body).isEqualTo(200);
    JsonNode report = answer.json();
    assertThat(report.path("from").asText()).isEqualTo("2025-06-23T12:00:00Z");
    assertThat(report.path("to").asText()).isEqualTo("2025-06-25T00:00:00Z");
    assertThat(report.path("views")).extracting(v -> v.path("occurredAt").asText())
        .containsExactly("2025-06-24T23:40:00Z");
    assertThat(report.path("shares")).hasSize(1);
    assertThat(report.path("extracts")).hasSize(1);
    assertThat(report.path("auditorChecks")).isEmpty();
    assertThat(report.path("evidence").path("complete").asBoolean()).isFalse();
    assertThat(report.path("evidence").path("entries")).hasSize(3);
    String html = get(auditor, PATH + "?from=2025-06-23T12:00:00Z", "text/html").body;
    assertThat(html).contains("It covers what happened from Monday 23 June 2025, 13:00",
        "This report covers part of the time only");
  }

  @Test
  void aChildTheLedgerHasNothingAboutGetsAnEmptyReportWithTheSignedStatementThatNothingNamesThem()
      throws Exception {
    JsonNode report = get(auditor, "/v1/subjects/nobody/access-report", "*/*").json();
    assertThat(report.path("views")).isEmpty();
    assertThat(report.path("shares")).isEmpty();
    assertThat(report.path("extracts")).isEmpty();
    assertThat(report.path("evidence").path("head").asLong()).isEqualTo(-1);
    assertThat(ClientSideChecks.checkCompleteHistory(List.of(report.path("evidence")), verifierKey))
        .isZero();
  }

  @Test
  void jsonIsTheDefaultAndHtmlIsGivenWhenTheClientPrefersIt() {
    assertThat(get(auditor, PATH, "*/*").header("Content-Type")).startsWith("application/json");
    assertThat(get(auditor, PATH, "text/html;q=0.5, application/json").header("Content-Type"))
        .startsWith("application/json");
    assertThat(get(auditor, PATH, "text/html;q=0, application/json").header("Content-Type"))
        .startsWith("application/json");
    assertThat(get(auditor, PATH, "application/json;q=0, text/html").header("Content-Type"))
        .startsWith("text/html");
    assertThat(get(auditor, PATH, "application/json;q=0, */*").header("Content-Type"))
        .startsWith("text/html");
    // What a browser sends.
    assertThat(get(auditor, PATH, "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8")
        .header("Content-Type")).startsWith("text/html");
  }

  @Test
  void badRequestsAndOtherRolesAreRefusedAndWriteNothing() {
    long size = SERVER.treeSize();
    refused(auditor, PATH + "?format=pdf", "application/json", 400, "unknown query parameter");
    refused(auditor, PATH + "?from=2026-01-01T00:00:00Z&from=2026-02-01T00:00:00Z",
        "application/json", 400, "given more than once");
    refused(auditor, PATH + "?from=yesterday", "text/html", 400, "RFC 3339");
    refused(auditor, PATH + "?from=2026-02-01T00:00:00Z&to=2026-01-01T00:00:00Z",
        "application/json", 400, "must be before to");
    refused(auditor, PATH, "image/png", 406, "Accept");
    // q=0 means "not acceptable" (RFC 9110 section 12.4.2), whatever the order.
    refused(auditor, PATH, "text/html;q=0, application/json;q=0", 406, "Accept");
    refused(auditor, PATH, "application/json;q=0, text/html;q=0", 406, "Accept");
    refused(auditor, PATH, "text/html;q=0, */*;q=0", 406, "Accept");
    refused(auditor, "/v1/log", "application/json;q=0", 406, "Accept");
    refused(investigator, PATH, "application/json", 403, "may not use");
    String feeder = SERVER.addClient("feeder", Role.INGEST, "feeder");
    refused(feeder, PATH, "text/html", 403, "may not use");
    assertThat(SERVER.treeSize()).as("nothing was appended").isEqualTo(size);
  }

  private static void refused(String token, String path, String accept, int status, String why) {
    ApiServer.Answer answer = get(token, path, accept);
    assertThat(answer.status).as(answer.body).isEqualTo(status);
    assertThat(answer.json().path("message").asText()).contains(why);
  }
}
