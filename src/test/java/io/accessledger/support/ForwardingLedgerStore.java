package io.accessledger.support;

import io.accessledger.ledger.merkle.Digest;
import io.accessledger.ledger.merkle.NodeId;
import io.accessledger.store.AppendBatch;
import io.accessledger.store.CosignerId;
import io.accessledger.store.GuardFault;
import io.accessledger.store.LedgerSnapshot;
import io.accessledger.store.LedgerStore;
import io.accessledger.store.RecordedEvent;
import io.accessledger.store.StoredCheckpoint;
import io.accessledger.store.StoredCosignature;
import io.accessledger.store.StoredLeaf;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Delegates everything to a real store; tests override {@link #append} to inject faults or delays.
 * It asks for no write turn ({@link LedgerStore#awaitWriteTurn}'s default): a writer a test holds
 * inside {@code append} then holds up no other node's turn, and the store's fence alone keeps the
 * log whole, as it must.
 */
public class ForwardingLedgerStore implements LedgerStore {
  private final LedgerStore delegate;

  public ForwardingLedgerStore(LedgerStore delegate) {
    this.delegate = delegate;
  }

  @Override
  public Map<String, RecordedEvent> findEvents(String source, Collection<String> eventIds) {
    return delegate.findEvents(source, eventIds);
  }

  @Override
  public List<StoredLeaf> leaves(List<Long> seqs) {
    return delegate.leaves(seqs);
  }

  @Override
  public long size() {
    return delegate.size();
  }

  @Override
  public void append(AppendBatch batch) {
    delegate.append(batch);
  }

  @Override
  public long expectedGrowth(AppendBatch batch) {
    return delegate.expectedGrowth(batch);
  }

  @Override
  public long expectedGrowth(long payloadBytes) {
    return delegate.expectedGrowth(payloadBytes);
  }

  @Override
  public Optional<StoredCheckpoint> latestCheckpoint() {
    return delegate.latestCheckpoint();
  }

  @Override
  public List<StoredCheckpoint> checkpointsAfter(long afterSize, int limit) {
    return delegate.checkpointsAfter(afterSize, limit);
  }

  @Override
  public Optional<StoredLeaf> leaf(long seq) {
    return delegate.leaf(seq);
  }

  @Override
  public LedgerSnapshot snapshot() {
    return delegate.snapshot();
  }

  @Override
  public Map<String, Long> latestSeqs(Collection<String> linkKeys) {
    return delegate.latestSeqs(linkKeys);
  }

  @Override
  public List<Long> seqsFor(String linkKey, long afterSeq, int limit) {
    return delegate.seqsFor(linkKey, afterSeq, limit);
  }

  @Override
  public long latestSeqBelow(String linkKey, long treeSize) {
    return delegate.latestSeqBelow(linkKey, treeSize);
  }

  @Override
  public List<Digest> hashes(List<NodeId> ids) {
    return delegate.hashes(ids);
  }

  @Override
  public List<GuardFault> appendOnlyGuardFaults() {
    return delegate.appendOnlyGuardFaults();
  }

  @Override
  public List<GuardFault> restoreAppendOnlyGuards() {
    return delegate.restoreAppendOnlyGuards();
  }

  @Override
  public void close() {
    delegate.close();
  }

  @Override
  public boolean addCosignature(StoredCosignature cosignature) {
    return delegate.addCosignature(cosignature);
  }

  @Override
  public List<StoredCosignature> cosignatures(long treeSize) {
    return delegate.cosignatures(treeSize);
  }

  @Override
  public OptionalLong latestCosignedSize(Collection<CosignerId> cosigners, long atMostSize) {
    return delegate.latestCosignedSize(cosigners, atMostSize);
  }
}
