package io.accessledger.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.accessledger.auth.Role;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A server whose {@code ledger.zone} is Pacific/Auckland (UTC+13 in March): the audit's working
 * hours, the register's days and the report's local times all follow it. Each event is placed so
 * that London, the default, would judge it the other way (the default is held by
 * NeedToKnowApiTest, RegistersApiTest and AccessReportApiTest).
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class ZoneApiTest {
  static final ApiServer SERVER =
      new ApiServer(ConfigOverride.config("ledger.zone", "Pacific/Auckland"));
  static final DropwizardAppExtension<?> APP = SERVER.app;
  static String ingest;
  static String auditor;
  static long lunchInAuckland;
  static long nightInAuckland;
  static long orderOnTheDay;
  static long orderTheDayAfter;

  @BeforeAll
  static void fill() {
    ingest = SERVER.addClient("carefirst", Role.INGEST, "carefirst");
    auditor = SERVER.addClient("dpo", Role.AUDITOR, null);
    // Tuesday 23:30 in London (out of hours there) is Wednesday 12:30 in Auckland.
    lunchInAuckland = post(Json.view("z-lunch", "child-z", "sw-1", "2026-03-03T23:30:00Z"));
    // Wednesday 10:00 in London (in hours there) is Wednesday 23:00 in Auckland.
    nightInAuckland = post(Json.view("z-night", "child-z", "sw-1", "2026-03-04T10:00:00Z"));
    // Decided 12:00 UTC on 6 March, already 7 March in Auckland: an order of 7 March may ground it.
    orderOnTheDay = post(courtOrderShare("z-order-same-day", "2026-03-06T12:00:00Z"));
    // Decided 10:00 UTC on 6 March, 23:00 on the 6th in Auckland: an order of the 7th is later.
    orderTheDayAfter = post(courtOrderShare("z-order-later", "2026-03-06T10:00:00Z"));
  }

  private static long post(String json) {
    ApiServer.Answer answer = SERVER.post(ingest, "/v1/events", json);
    assertThat(answer.status).as(answer.body).isEqualTo(201);
    return answer.json().path("seq").asLong();
  }

  private static String courtOrderShare(String eventId, String occurredAt) {
    return """
        {"eventId":"%s","type":"SHARE_DECISION","occurredAt":"%s",
         "actor":{"id":"tm-1","role":"team-manager"},"purpose":"proceedings",
         "legalBasis":["UKGDPR-6-1-c","COURT-ORDER"],"subjects":[{"id":"child-z"}],
         "decision":"SHARE","grounds":"COURT_ORDER","consent":"NOT_SOUGHT",
         "consentReason":"ordered by the court","recipient":{"organisation":"Cafcass"},
         "dataShared":["chronology"],"decidedBy":{"id":"tm-1"},"approvedBy":{"id":"hos-1"},
         "rationale":"as ordered","courtOrder":{"court":"Family Court","reference":"NS26C002",
         "date":"2026-03-07"}}
        """.formatted(eventId, occurredAt);
  }

  @Test
  void workingHoursAreAucklandsHours() {
    ApiServer.Answer answer = SERVER.post(auditor, "/v1/audits/need-to-know",
        "{\"from\":\"2026-03-01T00:00:00Z\",\"to\":\"2026-04-01T00:00:00Z\"}");
    assertThat(answer.status).as(answer.body).isEqualTo(200);
    List<JsonNode> outOfHours = new ArrayList<>();
    answer.json().path("findings").forEach(finding -> {
      if (finding.path("rule").asText().equals("OUT_OF_HOURS")) {
        outOfHours.add(finding);
      }
    });
    assertThat(outOfHours).hasSize(1);
    assertThat(outOfHours.get(0).path("entries").get(0).path("seq").asLong())
        .isEqualTo(nightInAuckland);
    assertThat(outOfHours.get(0).path("explanation").asText())
        .contains("on Wednesday 2026-03-04 at 23:00 Pacific/Auckland, outside working hours");
  }

  @Test
  void theRegisterTakesTheDecisionsDayInAuckland() {
    ApiServer.Answer answer = SERVER.get(auditor, "/v1/registers/shares");
    assertThat(answer.status).as(answer.body).isEqualTo(200);
    List<Long> flagged = new ArrayList<>();
    for (JsonNode item : answer.json().path("items")) {
      for (JsonNode flag : item.path("flags")) {
        flagged.add(item.path("seq").asLong());
        assertThat(flag.path("code").asText()).isEqualTo("COURT_ORDER_DETAILS_MISSING");
        assertThat(flag.path("explanation").asText()).contains("the order is dated 2026-03-07,"
            + " after the decision was made on 2026-03-06 (Pacific/Auckland)");
      }
    }
    assertThat(answer.json().path("items")).hasSize(2);
    assertThat(flagged).containsExactly(orderTheDayAfter).doesNotContain(orderOnTheDay);
  }

  @Test
  void theFamilysReportShowsAucklandTimes() {
    ApiServer.Answer answer = new ApiServer.Answer(APP.client()
        .target("http://localhost:" + APP.getLocalPort() + "/v1/subjects/child-z/access-report")
        .request().header("Authorization", "Bearer " + auditor).header("Accept", "text/html")
        .get());
    assertThat(answer.status).as(answer.body).isEqualTo(200);
    assertThat(answer.body)
        .contains("Wednesday 4 March 2026, 12:30", "Wednesday 4 March 2026, 23:00")
        .contains("(Pacific/Auckland time)")
        .doesNotContain("UK time", "Tuesday 3 March 2026, 23:30");
  }
}
