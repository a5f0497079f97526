package io.accessledger.registers;

import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/** Every flag of a share decision, in a fixed order: approval, legal bases, court order. */
public final class ShareFlags {
  private ShareFlags() {}

  public static List<Flag> of(ShareDecision share) {
    return Stream.of(
            ShareApprovalRule.check(share),
            ShareBasisRule.check(share),
            CourtOrderRule.check(share))
        .flatMap(Optional::stream)
        .toList();
  }
}
