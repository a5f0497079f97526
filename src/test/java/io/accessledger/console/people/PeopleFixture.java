package io.accessledger.console.people;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.accessledger.console.support.ConsoleClient;
import io.accessledger.console.support.ConsoleServer;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Events as a records system posts them, and the checks every people page's test makes. */
final class PeopleFixture {
  private static final Pattern AUDIT_SEQ =
      Pattern.compile("your view of this page is <a class=\"govuk-link\" href=\"/console/entries/(\\d+)\"");

  private PeopleFixture() {}

  static String view(String eventId, String subject, String actor, String team, String at,
      String record) {
    return """
        {"eventId":"%s","type":"VIEW","occurredAt":"%s",
         "actor":{"id":"%s","role":"social-worker","team":"%s","displayName":"Worker %s"},
         "subject":{"id":"%s"},"record":{"type":"case-note","id":"%s"},
         "purpose":"case work","legalBasis":["UKGDPR-6-1-e","UKGDPR-9-2-h","DPA2018-S1-P2"]}
        """.formatted(eventId, at, actor, team, actor, subject, record);
  }

  static String share(String eventId, String at, String... subjects) {
    return """
        {"eventId":"%s","type":"SHARE_DECISION","occurredAt":"%s",
         "actor":{"id":"tm-1","role":"team-manager","team":"north"},"purpose":"s47 strategy discussion",
         "legalBasis":["UKGDPR-6-1-e","UKGDPR-9-2-g","DPA2018-S1-P18","CA1989-S47"],
         "subjects":[%s],"decision":"SHARE","grounds":"SERIOUS_HARM_RISK","consent":"NOT_SOUGHT",
         "consentReason":"seeking consent would increase the risk","recipient":{"organisation":"Northshire Police"},
         "dataShared":["chronology"],"decidedBy":{"id":"tm-1"},"rationale":"risk of significant harm",
         "approvedBy":{"id":"hos-1"}}
        """.formatted(eventId, at, ids(subjects));
  }

  static String extract(String eventId, String at, String... subjects) {
    return """
        {"eventId":"%s","type":"EXTRACT_RELEASE","occurredAt":"%s",
         "actor":{"id":"ig-1","role":"information-governance"},"purpose":"evaluation",
         "legalBasis":["UKGDPR-6-1-e","UKGDPR-9-2-j","DPA2018-S1-P4"],
         "recipient":{"organisation":"What Works for Children's Social Care"},"agreement":"WWCSC-FAMILY-VALUED",
         "dataset":{"name":"cin-2025","sha256":"%s","rowCount":%d,"pseudonymised":true,
                    "categories":["referrals","assessments"],"periodFrom":"2020-01-01","periodTo":"2025-12-31"},
         "subjects":[%s]}
        """.formatted(eventId, at, "ab".repeat(32), subjects.length, ids(subjects));
  }

  private static String ids(String... subjects) {
    List<String> ids = new ArrayList<>();
    for (String s : subjects) {
      ids.add("{\"id\":\"" + s + "\"}");
    }
    return String.join(",", ids);
  }

  /** Posts {@code events} as one batch and checks they were taken; their seqs, in order. */
  static List<Long> post(ConsoleServer server, String ingest, List<String> events) {
    HttpResponse<String> answer = server.postEvent(ingest, "/v1/events/batch",
        "[" + String.join(",", events) + "]");
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(201);
    List<Long> seqs = new ArrayList<>();
    ConsoleServer.json(answer.body()).path("entries").forEach(e -> seqs.add(e.path("seq").asLong()));
    return seqs;
  }

  /** The entry a page says recorded its read. */
  static long auditSeq(String html) {
    Matcher m = AUDIT_SEQ.matcher(html);
    assertThat(m.find()).as("the page names its record").isTrue();
    return Long.parseLong(m.group(1));
  }

  /**
   * GETs {@code path}, checks it answers 200 and appended exactly one entry, the read's record,
   * naming {@code client} and {@code role} with {@code apiPath} and {@code parameters}; the page.
   */
  static String recordedPage(ConsoleServer server, ConsoleClient browser, String auditor,
      String path, String client, String role, String apiPath, Map<String, String> parameters) {
    return recorded(server, browser, auditor, path, client, role, apiPath, parameters).body();
  }

  /** As {@link #recordedPage}, for any answer: the record is named by the page or the header. */
  static HttpResponse<String> recorded(ConsoleServer server, ConsoleClient browser,
      String auditor, String path, String client, String role, String apiPath,
      Map<String, String> parameters) {
    long before = server.treeSize();
    HttpResponse<String> page = browser.get(path);
    assertThat(page.statusCode()).as(path + ": " + page.body()).isEqualTo(200);
    assertThat(server.treeSize()).as("one entry appended by " + path).isEqualTo(before + 1);
    long seq = page.headers().firstValue("Ledger-Audit-Seq").map(Long::parseLong)
        .orElseGet(() -> auditSeq(page.body()));
    assertThat(seq).isEqualTo(before);
    assertRead(server.leaf(auditor, seq), client, role, apiPath, parameters);
    return page;
  }

  static void assertRead(JsonNode leaf, String client, String role, String apiPath,
      Map<String, String> parameters) {
    JsonNode event = leaf.path("event");
    assertThat(event.path("type").asText()).isEqualTo("AUDIT_QUERY");
    assertThat(leaf.path("source").asText()).isEqualTo("ledger");
    assertThat(event.path("actor").path("id").asText()).isEqualTo(client);
    assertThat(event.path("actor").path("role").asText()).isEqualTo(role);
    assertThat(event.path("query").path("path").asText()).isEqualTo(apiPath);
    assertThat(ConsoleServer.json(event.path("query").path("parameters").toString()))
        .isEqualTo(ConsoleServer.json(new com.fasterxml.jackson.databind.ObjectMapper()
            .valueToTree(parameters).toString()));
  }

  /** GETs {@code path}, checks it is refused with {@code status} and {@code message}, writing nothing. */
  static void refused(ConsoleServer server, ConsoleClient browser, String path, int status,
      String message) {
    long before = server.treeSize();
    HttpResponse<String> page = browser.get(path);
    assertThat(page.statusCode()).as(path + ": " + page.body()).isEqualTo(status);
    assertThat(page.body()).as(path).contains(message);
    assertThat(server.treeSize()).as(path + " wrote nothing").isEqualTo(before);
  }

  /**
   * {@code html} with the two escapes links carry undone: Mustache writes {@code =} as
   * {@code &#61;} and {@code &} as {@code &amp;} in attributes, which a browser reads back.
   */
  static String links(String html) {
    return html.replace("&#61;", "=").replace("&amp;", "&");
  }

  /** How many times {@code part} occurs in {@code text}. */
  static int count(String text, String part) {
    int n = 0;
    for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + 1)) {
      n++;
    }
    return n;
  }
}
