package io.accessledger.audit;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * One finding of a need-to-know audit: the rule, a plain-English explanation, the member of staff
 * and the subject concerned (null where the rule is about many), and the {@code seq}s of the ledger
 * entries that support it, the view(s) first.
 *
 * @param id stable for the same ledger and period: the rule and the first supporting entry, so a
 *     DPO's review can name it
 */
public record Finding(
    String id, Rule rule, String explanation, String actor, String subject, List<Long> seqs) {
  public Finding {
    seqs = List.copyOf(seqs);
  }

  /**
   * The finding of {@code rule} about one view, by its viewer about its subject: supported by the
   * view, then every entry that stated one of {@code allocations}, each once, in their order.
   */
  static Finding aboutView(Rule rule, ViewEntry view, String explanation,
      List<Allocation> allocations) {
    List<Long> seqs = new ArrayList<>();
    seqs.add(view.seq());
    Set<Long> seen = new HashSet<>(seqs);
    for (Allocation allocation : allocations) {
      for (long seq : allocation.seqs()) {
        if (seen.add(seq)) {
          seqs.add(seq);
        }
      }
    }
    return new Finding(rule + "-" + view.seq(), rule, explanation, view.actor(), view.subject(),
        seqs);
  }
}
