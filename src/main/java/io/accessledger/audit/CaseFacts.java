package io.accessledger.audit;

import java.util.ArrayList;
import java.util.List;

/**
 * What the log's allocations and closures say about one view's subject, as the per-view rules
 * read it: every allocation of the subject, those in force at the view, the subject's closures,
 * and whether the view is <em>explained</em> (contract section 5): an allocation in force at its
 * {@code occurredAt} names its viewer as the worker, or names as the team the viewer's team or a
 * team below it in the hierarchy. With {@code allocationsRecordedFirst}, only an allocation on the
 * record before the view can explain it: one recorded afterwards, even backdated, could be made up
 * to cover it.
 */
final class CaseFacts {
  private final ViewEntry view;
  private final NeedToKnowPolicy policy;
  private final List<Allocation> allocations;
  private final List<Allocation> inForce;
  private final List<Closure> closures;
  private final boolean explained;

  /**
   * @param allocations every allocation of the view's subject, in the order first recorded
   * @param closures every closure of the view's subject, in log order
   */
  CaseFacts(ViewEntry view, List<Allocation> allocations, List<Closure> closures,
      NeedToKnowPolicy policy) {
    this.view = view;
    this.policy = policy;
    this.allocations = allocations;
    this.closures = closures;
    List<Allocation> active = allocations.isEmpty() ? List.of() : new ArrayList<>();
    boolean anyExplains = false;
    for (Allocation allocation : allocations) {
      if (allocation.activeAt(view.at())) {
        active.add(allocation);
        anyExplains = anyExplains || onRecord(allocation) && explains(allocation);
      }
    }
    this.inForce = active;
    this.explained = anyExplains;
  }

  /** Every allocation of the subject, whenever in force, in the order first recorded. */
  List<Allocation> allocations() {
    return allocations;
  }

  /** The subject's allocations in force at the view, in the order first recorded. */
  List<Allocation> inForce() {
    return inForce;
  }

  /** The subject's closures, in log order. */
  List<Closure> closures() {
    return closures;
  }

  /** Whether an allocation in force, and on the record in time, explains the view. */
  boolean explained() {
    return explained;
  }

  /** Whether {@code allocation} names the viewer, or their team or a team below it. */
  boolean explains(Allocation allocation) {
    if (allocation.worker() != null) {
      return allocation.worker().equals(view.actor());
    }
    return view.team() != null && policy.teamCovers(view.team(), allocation.team());
  }

  /**
   * Whether {@code allocation} may explain the view by when it was recorded: always, unless
   * {@code allocationsRecordedFirst}, and then only if its first entry precedes the view.
   */
  boolean onRecord(Allocation allocation) {
    return !policy.allocationsRecordedFirst() || allocation.seqs().get(0) < view.seq();
  }
}
