package io.accessledger.audit;

import java.util.List;

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
}
