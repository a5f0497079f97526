package io.accessledger.console.entries;

import static org.assertj.core.api.Assertions.assertThat;

import io.accessledger.console.support.ConsoleServer;
import java.net.http.HttpResponse;

/** Events of each posted type for the entry page's tests, as a records system posts them. */
final class EntryEvents {
  private EntryEvents() {}

  /** Posts {@code json} as the ingest client; the seq of its (first) entry. */
  static long post(ConsoleServer server, String ingest, String json) {
    HttpResponse<String> answer = server.postEvent(ingest, "/v1/events", json);
    assertThat(answer.statusCode()).as(answer.body()).isIn(200, 201);
    return ConsoleServer.json(answer.body()).path("seq").asLong();
  }

  static String view(String eventId, String occurredAt) {
    return """
        {"eventId":"%s","type":"VIEW","occurredAt":"%s",
         "actor":{"id":"sw-1","role":"social-worker","team":"north-cin","displayName":"Jo Bloggs"},
         "subject":{"id":"child-17"},"record":{"type":"case-note","id":"CN-1"},
         "purpose":"case work","legalBasis":["UKGDPR-6-1-e"]}
        """.formatted(eventId, occurredAt);
  }

  static String share() {
    return """
        {"eventId":"s-1","type":"SHARE_DECISION","occurredAt":"2026-03-05T10:00:00Z",
         "actor":{"id":"tm-1","role":"team-manager"},"purpose":"safeguarding",
         "legalBasis":["UKGDPR-6-1-e","UKGDPR-9-2-g","DPA2018-S1-P18","CA1989-S47"],
         "subjects":[{"id":"child-17"},{"id":"child-18"}],"decision":"SHARE",
         "grounds":"SERIOUS_HARM_RISK","consent":"NOT_SOUGHT",
         "consentReason":"would increase the risk","recipient":{"organisation":"Northshire Police"},
         "dataShared":["chronology"],"decidedBy":{"id":"tm-1"},"approvedBy":{"id":"hos-1"},
         "rationale":"risk of significant harm"}
        """;
  }

  static String extract() {
    return """
        {"eventId":"x-1","type":"EXTRACT_RELEASE","occurredAt":"2025-06-02T10:00:00Z",
         "actor":{"id":"ig-1","role":"information-governance"},"purpose":"evaluation",
         "legalBasis":["UKGDPR-6-1-e","UKGDPR-9-2-j","DPA2018-S1-P4"],
         "recipient":{"organisation":"Evaluator Ltd"},"agreement":"WWCSC-FAMILY-VALUED",
         "dataset":{"name":"cin-2024","sha256":"%s","rowCount":2,"pseudonymised":true,
                    "categories":["referrals"],"periodFrom":"2020-01-01","periodTo":"2024-12-31"},
         "subjects":[{"id":"child-17"},{"id":"child-19"}]}
        """.formatted("ab".repeat(32));
  }

  static String allocation() {
    return """
        {"eventId":"al-1","type":"ALLOCATION","occurredAt":"2026-02-01T09:00:00Z",
         "actor":{"id":"tm-1"},"purpose":"allocation","legalBasis":["UKGDPR-6-1-e"],
         "subject":{"id":"child-17"},"allocationId":"al-1","assignee":{"worker":"sw-2"},
         "from":"2026-02-01T09:00:00Z"}
        """;
  }

  static String closure() {
    return """
        {"eventId":"close-1","type":"CASE_CLOSURE","occurredAt":"2026-03-20T12:00:00Z",
         "actor":{"id":"tm-1"},"purpose":"closure","legalBasis":["UKGDPR-6-1-e"],
         "subject":{"id":"child-17"},"reason":"no further action"}
        """;
  }
}
