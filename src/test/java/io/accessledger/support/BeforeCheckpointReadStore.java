package io.accessledger.support;

import io.accessledger.ledger.merkle.Digest;
import io.accessledger.ledger.merkle.NodeId;
import io.accessledger.ledger.merkle.StoredNode;
import io.accessledger.store.GuardFault;
import io.accessledger.store.LedgerSnapshot;
import io.accessledger.store.LedgerStore;
import io.accessledger.store.LinkKeySummary;
import io.accessledger.store.RecordedEventId;
import io.accessledger.store.StoredCheckpoint;
import io.accessledger.store.StoredLeaf;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

/**
 * A store that runs a hook once, just before the latest checkpoint is first read (from the store
 * or from one of its snapshots): for making another node append in the middle of a read that
 * must see one consistent log.
 */
public final class BeforeCheckpointReadStore extends ForwardingLedgerStore {
  private final AtomicReference<Runnable> hook;

  public BeforeCheckpointReadStore(LedgerStore delegate, Runnable hook) {
    super(delegate);
    this.hook = new AtomicReference<>(hook);
  }

  private void runHookOnce() {
    Runnable once = hook.getAndSet(null);
    if (once != null) {
      once.run();
    }
  }

  @Override
  public Optional<StoredCheckpoint> latestCheckpoint() {
    runHookOnce();
    return super.latestCheckpoint();
  }

  @Override
  public LedgerSnapshot snapshot() {
    LedgerSnapshot real = super.snapshot();
    return new LedgerSnapshot() {
      @Override
      public long size() {
        return real.size();
      }

      @Override
      public Optional<StoredCheckpoint> latestCheckpoint() {
        runHookOnce();
        return real.latestCheckpoint();
      }

      @Override
      public List<StoredCheckpoint> checkpointsAfter(long afterSize, int limit) {
        return real.checkpointsAfter(afterSize, limit);
      }

      @Override
      public Stream<StoredLeaf> leaves(long from, long to) {
        return real.leaves(from, to);
      }

      @Override
      public Stream<StoredNode> nodesAtLevel(int level) {
        return real.nodesAtLevel(level);
      }

      @Override
      public Stream<LinkKeySummary> linkIndexSummary() {
        return real.linkIndexSummary();
      }

      @Override
      public Stream<RecordedEventId> eventIds() {
        return real.eventIds();
      }

      @Override
      public List<GuardFault> appendOnlyGuardFaults() {
        return real.appendOnlyGuardFaults();
      }

      @Override
      public List<Digest> hashes(List<NodeId> ids) {
        return real.hashes(ids);
      }

      @Override
      public void close() {
        real.close();
      }
    };
  }
}
