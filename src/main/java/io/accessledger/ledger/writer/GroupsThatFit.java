package io.accessledger.ledger.writer;

import io.accessledger.store.AppendBatch;
import io.accessledger.store.DiskReserve;
import io.accessledger.store.LedgerDiskFullException;
import io.accessledger.store.LedgerStore;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Which groups of a built batch to refuse when the batch as a whole has no room on the disk, so
 * that one large group (an extract release) does not take down the small posts and
 * {@code AUDIT_QUERY} entries batched with it. The largest groups are refused first (of equal
 * sizes, the later-queued), until what is left is expected to fit; when even the smallest group
 * does not fit, every group is refused, as a batch of one would be. Keeping the smallest groups
 * keeps as many callers' writes as the room allows.
 *
 * <p>Runs only after the batch's free-space check failed: it costs one pass over the batch's
 * leaves and a sort of its groups, never anything on the path of a batch that fits. Sizes are
 * those of {@link LedgerStore#expectedGrowth(long)}, with a bound on the interior nodes (see
 * {@link Growth}), so each estimate errs high; the sequencer checks the batch it then builds of
 * the kept groups again before writing it.
 */
final class GroupsThatFit {
  private GroupsThatFit() {}

  /**
   * The groups to write and the groups refused, each in queue order.
   *
   * @param kept the groups expected to fit, to be built again as a batch of their own
   * @param refused each refused group with its refusal, naming the group's own size
   */
  record Split(List<PendingGroup> kept, List<Refusal> refused) {}

  /** A refused group and why. */
  record Refusal(PendingGroup group, LedgerDiskFullException reason) {}

  /**
   * Splits {@code tooLarge}, whose batch needs more than {@code room} bytes ({@link
   * DiskReserve#room}), into the groups kept and those refused.
   */
  static Split split(BatchBuilder.Built tooLarge, long room, LedgerStore store,
      DiskReserve reserve) {
    List<PendingGroup> groups = tooLarge.groups();
    AppendBatch batch = tooLarge.batch();
    long[] own = new long[groups.size()];
    long leavesTotal = 0;
    int from = 0;
    for (int i = 0; i < groups.size(); i++) {
      int to = from + groups.get(i).events().size();
      own[i] = batch.leafPayloadBytes(from, to);
      leavesTotal += own[i];
      from = to;
    }
    Growth growth = new Growth(store, batch.nodes().size(),
        batch.payloadBytes() - leavesTotal - AppendBatch.nodePayloadBytes(batch.nodes().size()));
    List<Integer> largestFirst = IntStream.range(0, groups.size()).boxed()
        .sorted(Comparator.<Integer>comparingLong(i -> own[i]).reversed()
            .thenComparing(Comparator.reverseOrder()))
        .toList();
    LedgerDiskFullException[] reasons = new LedgerDiskFullException[groups.size()];
    long keptBytes = leavesTotal;
    long keptEntries = batch.leaves().size();
    for (int i : largestFirst) {
      long needed = growth.of(keptBytes, keptEntries);
      if (needed <= room) {
        break;
      }
      int entries = groups.get(i).events().size();
      reasons[i] = reserve.refusal(room, growth.of(own[i], entries), needed);
      keptBytes -= own[i];
      keptEntries -= entries;
    }
    List<PendingGroup> kept = new ArrayList<>();
    List<Refusal> refusals = new ArrayList<>();
    for (int i = 0; i < groups.size(); i++) {
      if (reasons[i] != null) {
        refusals.add(new Refusal(groups.get(i), reasons[i]));
      } else {
        kept.add(groups.get(i));
      }
    }
    return new Split(List.copyOf(kept), List.copyOf(refusals));
  }

  /**
   * The expected growth of a batch of some of the groups, from their leaves' payload and entry
   * count. Appending k entries completes at most k interior nodes plus one per level of the tree
   * (under 64), so that bound, capped at the nodes of the whole batch, stands for the nodes; for
   * the whole batch this is exactly {@link LedgerStore#expectedGrowth(AppendBatch)}.
   */
  private record Growth(LedgerStore store, long batchNodes, long checkpointBytes) {
    private static final int TREE_LEVELS = 64;

    long of(long leafBytes, long entries) {
      long nodes = Math.min(batchNodes, entries + TREE_LEVELS);
      return store.expectedGrowth(
          leafBytes + checkpointBytes + AppendBatch.nodePayloadBytes(nodes));
    }
  }
}
