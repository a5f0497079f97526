package io.accessledger.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.accessledger.auth.Role;
import io.accessledger.ledger.leaf.LeafCodec;
import io.accessledger.ledger.leaf.LedgerEntry;
import io.accessledger.ledger.notes.Checkpoint;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The need-to-know audit through the HTTP API: a ledger built by posting events, the exact
 * findings, each entry proven as a client would check it, the DPO's review on the record.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class NeedToKnowApiTest {
  static final ApiServer SERVER = new ApiServer(
      ConfigOverride.config("needToKnow.teams.north-cin", "north-area"),
      ConfigOverride.config("needToKnow.outOfHoursRota", "edt-1"),
      ConfigOverride.config("needToKnow.restrictedSubjects", "child-vip"),
      ConfigOverride.config("needToKnow.staffRelationships.sw-2.child-own", "the child"));
  static final DropwizardAppExtension<?> APP = SERVER.app;

  static String ingest;
  static String auditor;
  static String verifierKey;
  /** Event id to seq. */
  static final Map<String, Long> SEQ = new HashMap<>();

  static void post(String json) {
    ApiServer.Answer answer = SERVER.post(ingest, "/v1/events", json);
    assertThat(answer.status).as(answer.body).isEqualTo(201);
    SEQ.put(answer.json().path("eventId").asText(), answer.json().path("seq").asLong());
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

  static String allocation(String id, String subject, String assignee, String from) {
    return """
        {"eventId":"%s","type":"ALLOCATION","occurredAt":"%s","actor":{"id":"tm-1"},
         "purpose":"allocation","legalBasis":["UKGDPR-6-1-e"],"subject":{"id":"%s"},
         "allocationId":"%s","assignee":%s,"from":"%s"}
        """.formatted(id, from, subject, id, assignee, from);
  }

  @BeforeAll
  static void fill() {
    ingest = SERVER.addClient("carefirst", Role.INGEST, "carefirst");
    auditor = SERVER.addClient("dpo", Role.AUDITOR, null);
    verifierKey = SERVER.get(auditor, "/v1/log").json().path("verifierKey").asText();
    String weekday = "2026-03-03T10:00:00Z";
    post(allocation("al-1", "child-1", "{\"worker\":\"sw-1\"}", "2026-02-01T00:00:00Z"));
    post(allocation("al-2", "child-1", "{\"team\":\"north-cin\"}", "2026-02-01T00:00:00Z"));
    post(view("v-ok-worker", "sw-1", null, "child-1", weekday, ""));
    post(view("v-ok-team", "sw-5", "north-cin", "child-1", weekday, ""));
    post(view("v-ok-manager", "tm-1", "north-area", "child-1", weekday, ""));
    post(view("v-stranger", "sw-9", "south-cin", "child-1", weekday, ""));
    post(view("v-glass", "sw-1", null, "child-1", weekday,
        ",\"breakGlass\":true,\"reason\":\"police at the door\""));
    post(view("v-night", "sw-1", null, "child-1", "2026-03-03T23:30:00Z", ""));
    post(view("v-rota", "edt-1", null, "child-1", "2026-03-07T23:30:00Z", ""));
    post("""
        {"eventId":"close-3","type":"CASE_CLOSURE","occurredAt":"2026-01-10T12:00:00Z",
         "actor":{"id":"tm-1"},"purpose":"closure","legalBasis":["UKGDPR-6-1-e"],
         "subject":{"id":"child-3"},"reason":"no further action"}
        """);
    post(allocation("al-3", "child-3", "{\"worker\":\"sw-1\"}", "2025-06-01T00:00:00Z"));
    post(view("v-closed", "sw-1", null, "child-3", weekday, ""));
    post(view("v-vip", "sw-5", "north-cin", "child-vip", weekday, ""));
    post(allocation("al-own", "child-own", "{\"worker\":\"sw-2\"}", "2026-02-01T00:00:00Z"));
    post(view("v-own", "sw-2", null, "child-own", weekday, ""));
    post(view("v-before", "sw-9", null, "child-1", "2026-02-27T10:00:00Z", ""));
    // sw-7 of team east opens 3 records an hour on two days, then 22 in one hour.
    List<String> events = new ArrayList<>();
    for (int c = 0; c < 22; c++) {
      events.add(allocation("al-east-" + c, "east-" + c, "{\"team\":\"east\"}",
          "2026-02-01T00:00:00Z"));
    }
    for (int day = 4; day <= 5; day++) {
      for (int c = 0; c < 3; c++) {
        events.add(view("v-east-" + day + "-" + c, "sw-7", "east", "east-" + c,
            "2026-03-0" + day + "T09:1" + c + ":00Z", ""));
      }
    }
    for (int c = 0; c < 22; c++) {
      events.add(view("v-spike-" + c, "sw-7", "east", "east-" + c,
          String.format("2026-03-06T14:%02d:00Z", c * 2), ""));
    }
    ApiServer.Answer batch = SERVER.post(ingest, "/v1/events/batch", Json.batch(
        events.toArray(String[]::new)));
    assertThat(batch.status).as(batch.body).isEqualTo(201);
    for (JsonNode entry : batch.json().path("entries")) {
      SEQ.put(entry.path("eventId").asText(), entry.path("seq").asLong());
    }
  }

  private static JsonNode audit() {
    ApiServer.Answer answer = SERVER.post(auditor, "/v1/audits/need-to-know",
        "{\"from\":\"2026-03-01T00:00:00Z\",\"to\":\"2026-04-01T00:00:00Z\"}");
    assertThat(answer.status).as(answer.body).isEqualTo(200);
    assertThat(answer.header("Ledger-Audit-Seq")).isNotNull();
    return answer.json();
  }

  @Test
  void theAuditFindsExactlyThePlantedCasesEachProven() throws Exception {
    JsonNode answer = audit();
    Checkpoint checkpoint = ClientSideChecks.openCheckpoint(answer.path("checkpoint").asText(),
        verifierKey);
    List<String> found = new ArrayList<>();
    for (JsonNode finding : answer.path("findings")) {
      long first = finding.path("entries").get(0).path("seq").asLong();
      String event = SEQ.entrySet().stream().filter(e -> e.getValue() == first)
          .map(Map.Entry::getKey).findFirst().orElseThrow();
      found.add(finding.path("rule").asText() + " " + event);
      assertThat(finding.path("id").asText())
          .isEqualTo(finding.path("rule").asText() + "-" + first);
      assertThat(finding.path("explanation").asText()).isNotBlank();
      for (JsonNode entry : finding.path("entries")) {
        ClientSideChecks.checkEntry(entry, checkpoint);
      }
    }
    assertThat(found).containsExactly(
        "NOT_ALLOCATED v-stranger",
        "BREAK_GLASS v-glass",
        "OUT_OF_HOURS v-night",
        "NOT_ALLOCATED v-rota", // the rota excuses the hour, not the missing allocation
        "AFTER_CLOSURE v-closed", // allocated before the closure, so explained but closed
        "NOT_ALLOCATED v-vip",
        "RESTRICTED_SUBJECT v-vip",
        "SELF_OR_FAMILY v-own",
        "VOLUME_SPIKE v-spike-0");
    JsonNode stranger = answer.path("findings").get(0);
    assertThat(stranger.path("actor").asText()).isEqualTo("sw-9");
    assertThat(stranger.path("subject").asText()).isEqualTo("child-1");
    assertThat(stranger.path("explanation").asText())
        .contains("sw-9 (social-worker, team south-cin) viewed case-note/n-v-stranger")
        .contains("allocated to worker sw-1").contains("team north-cin");
    // The supporting entries are the view, then the allocations that were in force.
    assertThat(stranger.path("entries")).extracting(e -> e.path("seq").asLong())
        .containsExactly(SEQ.get("v-stranger"), SEQ.get("al-1"), SEQ.get("al-2"));
    assertThat(answer.path("rules")).hasSize(7);
    JsonNode spike = answer.path("findings").get(answer.path("findings").size() - 1);
    assertThat(spike.path("actor").asText()).isEqualTo("sw-7");
    assertThat(spike.path("subject").isNull()).isTrue();
    assertThat(spike.path("entries")).hasSize(22);
    assertThat(spike.path("explanation").asText()).contains("opened 22 different subjects'")
        .contains("their own median for an active hour is 3");
  }

  @Test
  void theDposReviewOfAFindingIsRecordedInTheLedgerAndTheirOwnHistory() throws Exception {
    ApiServer.Answer audit = SERVER.post(auditor, "/v1/audits/need-to-know",
        "{\"from\":\"2026-03-01T00:00:00Z\",\"to\":\"2026-04-01T00:00:00Z\"}");
    long auditSeq = Long.parseLong(audit.header("Ledger-Audit-Seq"));
    String finding = "NOT_ALLOCATED-" + SEQ.get("v-stranger");
    ApiServer.Answer answer = SERVER.post(auditor, "/v1/audits/reviews", """
        {"audit":%d,"finding":"%s","outcome":"UPHELD",
         "note":"No work reason; referred to the manager."}
        """.formatted(auditSeq, finding));
    assertThat(answer.status).as(answer.body).isEqualTo(201);
    long seq = answer.json().path("seq").asLong();
    JsonNode entry = SERVER.get(auditor, "/v1/entries/" + seq).json();
    LedgerEntry review =
        LeafCodec.decode(entry.path("leaf").asText().getBytes(StandardCharsets.UTF_8));
    assertThat(review.source()).isEqualTo("ledger");
    assertThat(review.event()).containsEntry("type", "REVIEW")
        .containsEntry("audit", Map.of("seq", auditSeq))
        .containsEntry("finding", finding).containsEntry("outcome", "UPHELD")
        .containsEntry("rule", "NOT_ALLOCATED")
        .containsEntry("actor", Map.of("id", "dpo", "role", "auditor"))
        .containsEntry("concerning", Map.of("staff", "sw-9", "subject", "child-1"))
        .containsEntry("reviewed", Map.of("seq", SEQ.get("v-stranger")))
        .doesNotContainKey("subject");
    // On the DPO's record, not in the child's history (a family may be given that).
    ApiServer.Answer mine = SERVER.get(auditor, "/v1/actors/dpo/events?type=REVIEW");
    assertThat(mine.json().path("entries")).extracting(e -> e.path("seq").asLong()).contains(seq);
    ApiServer.Answer childs = SERVER.get(auditor, "/v1/subjects/child-1/events?type=REVIEW");
    assertThat(childs.status).as(childs.body).isEqualTo(200);
    assertThat(childs.json().path("entries")).isEmpty();

    // After 32 later audits (or a restart) the server no longer remembers that run's findings:
    // it finds them again from the period its record names.
    for (int i = 0; i < 32; i++) {
      SERVER.post(auditor, "/v1/audits/need-to-know",
          "{\"from\":\"2026-01-01T00:00:00Z\",\"to\":\"2026-01-02T00:00:00Z\"}");
    }
    ApiServer.Answer again = SERVER.post(auditor, "/v1/audits/reviews", """
        {"audit":%d,"finding":"BREAK_GLASS-%d","outcome":"EXPLAINED","note":"police request"}
        """.formatted(auditSeq, SEQ.get("v-glass")));
    assertThat(again.status).as(again.body).isEqualTo(201);

    // A finding that audit did not produce cannot be reviewed, nor can a non-audit entry be cited.
    long size = SERVER.treeSize();
    refused(auditor, "/v1/audits/reviews", """
        {"audit":%d,"finding":"SELF_OR_FAMILY-%d","outcome":"UPHELD","note":"n"}
        """.formatted(auditSeq, SEQ.get("v-stranger")), 404, "is not one of the findings");
    refused(auditor, "/v1/audits/reviews", """
        {"audit":%d,"finding":"%s","outcome":"UPHELD","note":"n"}
        """.formatted(SEQ.get("v-stranger"), finding), 404,
        "is not the record of a need-to-know audit");
    assertThat(SERVER.treeSize()).isEqualTo(size);
  }

  @Test
  void badRequestsAreRefusedAndWriteNothing() {
    String investigator = SERVER.addClient("ico", Role.INVESTIGATOR, null);
    long size = SERVER.treeSize();
    refused(auditor, "/v1/audits/need-to-know", "{\"from\":\"2026-03-01T00:00:00Z\"}", 400,
        "to is required");
    refused(auditor, "/v1/audits/need-to-know",
        "{\"from\":\"2026-04-01T00:00:00Z\",\"to\":\"2026-03-01T00:00:00Z\"}", 400,
        "from must be before to");
    refused(auditor, "/v1/audits/need-to-know",
        "{\"from\":\"2026-03-01\",\"to\":\"2026-04-01T00:00:00Z\"}", 400, "RFC 3339");
    refused(auditor, "/v1/audits/need-to-know", "{\"from\":\"2026-03-01T00:00:00Z\","
        + "\"to\":\"2026-04-01T00:00:00Z\",\"rules\":[]}", 400, "unknown field \"rules\"");
    refused(auditor, "/v1/audits/need-to-know", "[1]", 400, "must be a JSON object");
    refused(investigator, "/v1/audits/need-to-know",
        "{\"from\":\"2026-03-01T00:00:00Z\",\"to\":\"2026-04-01T00:00:00Z\"}", 403, "");
    refused(auditor, "/v1/audits/reviews",
        "{\"finding\":\"NOT_ALLOCATED-1\",\"outcome\":\"UPHELD\",\"note\":\"n\"}", 400,
        "audit is required");
    refused(auditor, "/v1/audits/reviews", "{\"audit\":999999,\"finding\":\"NOT_ALLOCATED-1\","
        + "\"outcome\":\"UPHELD\",\"note\":\"n\"}", 404, "the signed log holds");
    refused(auditor, "/v1/audits/reviews", "{\"audit\":1,\"finding\":\"NOT_ALLOCATED-1\","
        + "\"outcome\":\"MAYBE\",\"note\":\"n\"}", 400, "outcome must be one of");
    refused(auditor, "/v1/audits/reviews", "{\"audit\":1,\"finding\":\"NOT_ALLOCATED-1\","
        + "\"outcome\":\"UPHELD\",\"note\":\" \"}", 400, "note must be");
    refused(ingest, "/v1/audits/reviews", "{\"audit\":1,\"finding\":\"NOT_ALLOCATED-1\","
        + "\"outcome\":\"UPHELD\",\"note\":\"n\"}", 403, "");
    ApiServer.Answer posted = SERVER.post(ingest, "/v1/events", """
        {"eventId":"fake-review","type":"REVIEW","occurredAt":"2026-03-03T10:00:00Z",
         "actor":{"id":"x"},"purpose":"p","legalBasis":["UKGDPR-6-1-e"]}
        """);
    assertThat(posted.status).isEqualTo(422);
    assertThat(posted.body).contains("REVIEW events are written by the ledger itself");
    assertThat(SERVER.treeSize()).isEqualTo(size);
  }

  private static void refused(String token, String path, String body, int status,
      String message) {
    ApiServer.Answer answer = SERVER.post(token, path, body);
    assertThat(answer.status).as(path + " " + body + ": " + answer.body).isEqualTo(status);
    assertThat(answer.json().path("message").asText()).contains(message);
  }
}
