package io.accessledger.registers;

import static io.accessledger.registers.RegisterEvents.share;
import static io.accessledger.registers.RegisterEvents.shareOf;
import static io.accessledger.registers.RegisterEvents.with;
import static io.accessledger.registers.RegisterEvents.without;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ShareApprovalRuleTest {
  @Test
  void anApprovedDecisionIsNotFlagged() {
    assertThat(ShareApprovalRule.check(shareOf(share()))).isEmpty();
  }

  @Test
  void aDecisionWithoutApproverIsFlaggedNamingWhoDecided() {
    Flag flag = ShareApprovalRule.check(shareOf(without(share(), "approvedBy"))).orElseThrow();
    assertThat(flag.code()).isEqualTo("SHARE_NOT_APPROVED");
    assertThat(flag.explanation()).contains("approvedBy is absent").contains("tm-7");
  }

  @Test
  void aDecisionNotToShareNeedsAnApproverToo() {
    var share = with(without(share(), "approvedBy"), "decision", "DO_NOT_SHARE");
    assertThat(ShareApprovalRule.check(shareOf(share))).isPresent();
  }

  @Test
  void anApproverWithABlankIdCountsAsNone() {
    var share = with(share(), "approvedBy", java.util.Map.of("id", " "));
    assertThat(ShareApprovalRule.check(shareOf(share))).isPresent();
  }

  @Test
  void aDecisionApprovedByWhoeverMadeItIsNotApproved() {
    var share = with(share(), "approvedBy", java.util.Map.of("id", "tm-7"));
    Flag flag = ShareApprovalRule.check(shareOf(share)).orElseThrow();
    assertThat(flag.explanation()).contains("approved by tm-7, who also made it");
  }
}
