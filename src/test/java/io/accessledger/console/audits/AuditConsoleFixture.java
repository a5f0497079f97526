package io.accessledger.console.audits;

import static org.assertj.core.api.Assertions.assertThat;

import io.accessledger.console.support.ConsoleClient;
import io.accessledger.console.support.ConsoleServer;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Planted data for the audit page's tests, posted through the API as a records system would, and
 * the page read as a browser without JavaScript reads it (following "Check again" until done).
 */
final class AuditConsoleFixture {
  static final String WEEKDAY = "2026-03-03T10:00:00Z";
  /** An actor id a spreadsheet would take for a formula. */
  static final String FORMULA_ACTOR = "=HYPERLINK(\"http://evil.example\",\"x\")";
  private static final Pattern FINDING = Pattern.compile("<article class=\"app-finding\"([^>]*)>");
  private static final Pattern ATTRIBUTE = Pattern.compile("(data-[a-z]+)=\"([^\"]*)\"");
  private static final Pattern AUDIT = Pattern.compile("data-audit=\"(\\d+)\"");

  /** Event id to seq. */
  final Map<String, Long> seq = new HashMap<>();
  private final ConsoleServer server;
  private final String ingest;

  AuditConsoleFixture(ConsoleServer server, String ingest) {
    this.server = server;
    this.ingest = ingest;
  }

  void plant() {
    post(allocation("al-1", "child-1", "{\"worker\":\"sw-1\"}"));
    post(allocation("al-2", "child-1", "{\"team\":\"north-cin\"}"));
    post(view("v-ok-worker", "sw-1", null, "child-1", WEEKDAY, ""));
    post(view("v-ok-team", "sw-5", "north-cin", "child-1", WEEKDAY, ""));
    post(view("v-stranger", "sw-9", "south-cin", "child-1", WEEKDAY, ""));
    post(view("v-glass", "sw-1", null, "child-1", WEEKDAY,
        ",\"breakGlass\":true,\"reason\":\"police at the door\""));
    post(view("v-night", "sw-1", null, "child-1", "2026-03-03T23:30:00Z", ""));
    post(view("v-formula", FORMULA_ACTOR.replace("\"", "\\\""), "@team", "child-x", WEEKDAY, ""));
    post(view("v-before", "sw-9", null, "child-1", "2026-02-27T10:00:00Z", ""));
  }

  private void post(String json) {
    HttpResponse<String> answer = server.postEvent(ingest, "/v1/events", json);
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(201);
    seq.put(ConsoleServer.json(answer.body()).path("eventId").asText(),
        ConsoleServer.json(answer.body()).path("seq").asLong());
  }

  static String view(String id, String actor, String team, String subject, String at,
      String extra) {
    return """
        {"eventId":"%s","type":"VIEW","occurredAt":"%s",
         "actor":{"id":"%s","role":"social-worker"%s},"subject":{"id":"%s"},
         "record":{"type":"case-note","id":"n-%s"},"purpose":"case work",
         "legalBasis":["UKGDPR-6-1-e"]%s}
        """.formatted(id, at, actor, team == null ? "" : ",\"team\":\"" + team + "\"", subject,
        id, extra);
  }

  static String allocation(String id, String subject, String assignee) {
    return """
        {"eventId":"%s","type":"ALLOCATION","occurredAt":"2026-02-01T00:00:00Z",
         "actor":{"id":"tm-1"},"purpose":"allocation","legalBasis":["UKGDPR-6-1-e"],
         "subject":{"id":"%s"},"allocationId":"%s","assignee":%s,"from":"2026-02-01T00:00:00Z"}
        """.formatted(id, subject, id, assignee);
  }

  /** Opens {@code path}, then follows its "Check again" link until the findings show. */
  static HttpResponse<String> untilDone(ConsoleClient client, String path) {
    HttpResponse<String> page = client.get(path);
    for (int i = 0; i < 300 && page.body().contains("data-audit-status"); i++) {
      assertThat(page.statusCode()).isEqualTo(200);
      assertThat(page.body()).contains("Check again").contains("aria-live=\"polite\"");
      sleep(100);
      page = client.get(path);
    }
    assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
    assertThat(page.body()).contains("app-filters");
    return page;
  }

  /** Each finding's data attributes, in page order. */
  static List<Map<String, String>> findings(String html) {
    List<Map<String, String>> found = new ArrayList<>();
    Matcher article = FINDING.matcher(html);
    while (article.find()) {
      Map<String, String> attributes = new LinkedHashMap<>();
      Matcher attribute = ATTRIBUTE.matcher(article.group(1));
      while (attribute.find()) {
        attributes.put(attribute.group(1), unescape(attribute.group(2)));
      }
      found.add(attributes);
    }
    return found;
  }

  /** The seq of the run's AUDIT_QUERY entry, as the results page names it. */
  static long auditSeq(String html) {
    Matcher m = AUDIT.matcher(html);
    assertThat(m.find()).as("the page names its run's entry").isTrue();
    return Long.parseLong(m.group(1));
  }

  /** {@code html} with the character references Mustache writes turned back into text. */
  static String unescape(String html) {
    return html.replace("&#61;", "=").replace("&quot;", "\"").replace("&#39;", "'")
        .replace("&lt;", "<").replace("&gt;", ">").replace("&#96;", "`").replace("&amp;", "&");
  }

  static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
