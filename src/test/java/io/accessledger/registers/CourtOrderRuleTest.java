package io.accessledger.registers;

import static io.accessledger.registers.RegisterEvents.LONDON;
import static io.accessledger.registers.RegisterEvents.courtOrderShare;
import static io.accessledger.registers.RegisterEvents.share;
import static io.accessledger.registers.RegisterEvents.shareOf;
import static io.accessledger.registers.RegisterEvents.with;
import static io.accessledger.registers.RegisterEvents.without;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneId;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CourtOrderRuleTest {
  private static Map<String, Object> orderDated(String date, String decidedAt) {
    return with(with(courtOrderShare(), "courtOrder.date", date), "occurredAt", decidedAt);
  }

  @Test
  void anOrderMadeBeforeOrOnTheDayOfTheDecisionPasses() {
    assertThat(CourtOrderRule.check(shareOf(courtOrderShare()), LONDON)).isEmpty();
    assertThat(CourtOrderRule.check(shareOf(orderDated("2026-11-23", "2026-11-23T00:00:00Z")),
        LONDON))
        .isEmpty();
  }

  @Test
  void anOrderDatedAfterTheDecisionIsFlaggedWithBothDates() {
    Flag flag = CourtOrderRule.check(shareOf(orderDated("2026-11-24", "2026-11-23T16:40:00Z")),
        LONDON)
        .orElseThrow();
    assertThat(flag.code()).isEqualTo("COURT_ORDER_DETAILS_MISSING");
    assertThat(flag.explanation()).contains("dated 2026-11-24")
        .contains("after the decision was made on 2026-11-23");
  }

  @Test
  void theDecisionsDayIsTakenInLondon() {
    // 23:30 UTC on 30 June is 00:30 on 1 July in British Summer Time.
    assertThat(CourtOrderRule.check(shareOf(orderDated("2026-07-01", "2026-06-30T23:30:00Z")),
        LONDON))
        .isEmpty();
    // In November London is on UTC: 23:30 is still the 30th.
    assertThat(CourtOrderRule.check(shareOf(orderDated("2026-12-01", "2026-11-30T23:30:00Z")),
        LONDON))
        .isPresent();
  }

  @Test
  void aMissingOrderIsFlagged() {
    Flag flag = CourtOrderRule.check(shareOf(without(courtOrderShare(), "courtOrder")), LONDON)
        .orElseThrow();
    assertThat(flag.explanation()).contains("courtOrder is absent");
  }

  @Test
  void blankOrMalformedDetailsAreFlaggedByName() {
    Map<String, Object> share = with(with(courtOrderShare(), "courtOrder.court", " "),
        "courtOrder.reference", "");
    assertThat(CourtOrderRule.check(shareOf(share), LONDON).orElseThrow().explanation())
        .contains("the order's court, reference are missing");
    assertThat(CourtOrderRule.check(shareOf(without(courtOrderShare(), "courtOrder.date")), LONDON)
        .orElseThrow().explanation()).contains("the order's date is missing");
    assertThat(CourtOrderRule.check(shareOf(with(courtOrderShare(), "courtOrder.date",
        "20 November 2026")), LONDON).orElseThrow().explanation())
        .contains("\"20 November 2026\" is not a date");
  }

  @Test
  void otherGroundsAreNotAskedForAnOrder() {
    assertThat(CourtOrderRule.check(shareOf(share()), LONDON)).isEmpty();
    Map<String, Object> lateOrder = with(orderDated("2027-01-01", "2026-11-23T16:40:00Z"),
        "grounds", "LEGAL_OBLIGATION");
    assertThat(CourtOrderRule.check(shareOf(lateOrder), LONDON)).isEmpty();
  }

  @Test
  void theDecisionsDayIsTakenInTheServicesZoneAndNamed() {
    ZoneId newYork = ZoneId.of("America/New_York");
    // 02:00 UTC on 24 November is still the 23rd in New York (UTC-5), and already the 24th in
    // London: an order of the 24th may ground the decision in London, not in New York.
    Map<String, Object> share = orderDated("2026-11-24", "2026-11-24T02:00:00Z");
    assertThat(CourtOrderRule.check(shareOf(share), LONDON)).isEmpty();
    assertThat(CourtOrderRule.check(shareOf(share), newYork).orElseThrow().explanation())
        .contains("after the decision was made on 2026-11-23 (America/New_York)");
  }
}
