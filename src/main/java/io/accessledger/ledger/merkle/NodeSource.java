package io.accessledger.ledger.merkle;

import java.util.List;

/**
 * Where proof code reads the hashes of perfect subtrees; storage implements it.
 *
 * <p>One call fetches every node a proof or root needs, so a database answers it with one query
 * rather than one round trip per node.
 *
 * <p>Implementations MUST return exactly one hash per requested id, in the order requested, and
 * MUST throw (an unchecked exception of their choosing) rather than return {@code null} or a
 * shorter list when a node is absent. Callers only ask for nodes of subtrees that are complete
 * in a tree size the caller knows to exist.
 */
@FunctionalInterface
public interface NodeSource {
  /**
   * The stored hashes of {@code ids}, in the same order.
   *
   * @param ids the subtrees wanted; may be empty (then the answer is empty)
   */
  List<Digest> hashes(List<NodeId> ids);
}
