package io.accessledger.registers;

import io.accessledger.entries.ShareDecision;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/** Every flag of a share decision, in a fixed order: approval, legal bases, court order. */
public final class ShareFlags {
  private ShareFlags() {}

  /** @param zone the service's zone ({@code ledger.zone}): the decision's day is taken there */
  public static List<Flag> of(ShareDecision share, ZoneId zone) {
    return Stream.of(
            ShareApprovalRule.check(share),
            ShareBasisRule.check(share),
            CourtOrderRule.check(share, zone))
        .flatMap(Optional::stream)
        .toList();
  }
}
