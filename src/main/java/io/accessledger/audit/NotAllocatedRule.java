package io.accessledger.audit;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code NOT_ALLOCATED}: a view no allocation explains ({@link CaseFacts#explained}). The finding
 * names the allocations in force and why none covers the viewer, or, with {@code
 * allocationsRecordedFirst}, that the only ones that would were recorded after the view. Its
 * entries: the view, then the allocations in force.
 */
final class NotAllocatedRule implements NeedToKnowRule {
  @Override
  public Rule rule() {
    return Rule.NOT_ALLOCATED;
  }

  @Override
  public Optional<Finding> check(ViewEntry view, CaseFacts facts) {
    if (facts.explained()) {
      return Optional.empty();
    }
    List<String> recordedAfter = new ArrayList<>();
    for (Allocation allocation : facts.inForce()) {
      if (facts.explains(allocation)) {
        recordedAfter.add(String.valueOf(allocation.seqs().get(0)));
      }
    }
    String when = recordedAfter.isEmpty() ? allocated(view, facts.inForce())
        : "the only allocations that explain it were recorded after the view (entries "
            + recordedAfter + ")";
    return Optional.of(Finding.aboutView(Rule.NOT_ALLOCATED, view,
        view.describe() + " at " + view.at() + ", when " + when, facts.inForce()));
  }

  private static String allocated(ViewEntry view, List<Allocation> inForce) {
    if (inForce.isEmpty()) {
      return "no one was allocated to " + view.subject() + "'s case";
    }
    List<String> parts = inForce.stream().map(Allocation::describe).toList();
    return view.subject() + "'s case was allocated to " + String.join(" and ", parts)
        + (view.team() == null ? ", and the view names no team"
            : ", and team " + view.team() + " is none of those teams or above them");
  }
}
