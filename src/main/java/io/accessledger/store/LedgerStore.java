package io.accessledger.store;

import io.accessledger.ledger.merkle.NodeSource;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Durable storage of the ledger: leaves, Merkle node hashes, the per-key link index and signed
 * checkpoints. SQLite is the embedded default; PostgreSQL is the store several nodes share; both
 * implement the same contract, and {@code LedgerStoreContract} tests every implementation alike.
 *
 * <p>Contract:
 * <ul>
 *   <li>Append-only. Implementations MUST NOT offer any way to update or delete ledger rows, and
 *       SHOULD make the database itself refuse it (triggers). Those guards MUST be reported by
 *       {@link #appendOnlyGuardFaults} when missing or altered, as MUST any other trigger on a
 *       ledger table, and put back (the others dropped) only by {@link #restoreAppendOnlyGuards}.
 *   <li>{@link #append} MUST be atomic (all of the batch or none of it) and MUST return only once the
 *       batch is durable against process death and power loss.
 *   <li>{@link #append} MUST refuse a batch whose first {@code seq} is not the current
 *       {@link #size()}, or whose checkpoint does not cover exactly the stored leaves and the
 *       batch's, with {@link StaleTailException}, so a stale or second writer can never leave a
 *       gap or a fork. The check and the write MUST be one atomic step even when several
 *       processes append to one store at once: of two batches extending the same tail, at most
 *       one is written.
 *   <li>{@link #append} MUST refuse a batch holding an {@link io.accessledger.ledger.leaf.EventKey}
 *       whose source and {@code eventId} are already recorded, or recorded twice in the batch.
 *   <li>Reads see only committed batches.
 * </ul>
 */
public interface LedgerStore extends NodeSource, AutoCloseable {

  /** The number of leaves: the next {@code seq} to assign. */
  long size();

  /**
   * Writes the batch atomically and durably.
   *
   * @throws io.accessledger.store.LedgerDiskFullException if the disk has no room for it; nothing
   *     is written then
   * @throws StaleTailException if the batch does not extend the stored log (another writer
   *     appended first); nothing is written then
   * @throws StoreException if it cannot for any other reason; nothing is written then
   */
  void append(AppendBatch batch);

  /**
   * Waits for this process's turn to append, on a store several processes share, and returns it;
   * the caller builds and appends its batch, then closes the turn. This default hands out {@link
   * WriteTurn#NONE} at once. A turn only saves wasted builds: {@link #append}'s refusal of a stale
   * batch is what keeps the log free of gaps and forks, with or without one.
   *
   * @throws StoreException if the store cannot be reached; nothing is held then
   */
  default WriteTurn awaitWriteTurn() {
    return WriteTurn.NONE;
  }

  /**
   * About how many bytes appending {@code batch} may add to the disk, erring high: what the
   * sequencer's free-space reserve checks before each batch. Must be cheap (it runs once per
   * group commit) and must not touch storage. It is {@link #expectedGrowth(long)} of the batch's
   * {@link AppendBatch#payloadBytes}.
   */
  default long expectedGrowth(AppendBatch batch) {
    return expectedGrowth(batch.payloadBytes());
  }

  /**
   * About how many bytes a batch of {@code payloadBytes} may add to the disk, erring high and
   * never less for a larger payload: lets the sequencer size part of a batch without building it.
   * This default doubles the payload, for indexes and page slack; a store that knows its layout
   * says better.
   */
  default long expectedGrowth(long payloadBytes) {
    return 2 * payloadBytes;
  }

  /** The checkpoint with the largest tree size, if any was ever stored. */
  Optional<StoredCheckpoint> latestCheckpoint();

  /** Up to {@code limit} checkpoints with size greater than {@code afterSize}, smallest first. */
  List<StoredCheckpoint> checkpointsAfter(long afterSize, int limit);

  /** The leaf stored at {@code seq}. */
  Optional<StoredLeaf> leaf(long seq);

  /**
   * The stored leaves among {@code seqs}, in ascending {@code seq} order; seqs not stored are
   * skipped. One round trip, for answers that carry many entries.
   */
  List<StoredLeaf> leaves(List<Long> seqs);

  /** Opens a consistent read-only view for long reads; see {@link LedgerSnapshot}. */
  LedgerSnapshot snapshot();

  /** For each key that has any entry, the largest {@code seq} naming it; absent keys are omitted. */
  Map<String, Long> latestSeqs(Collection<String> linkKeys);

  /** Up to {@code limit} seqs of entries naming {@code linkKey}, greater than {@code afterSeq}, ascending. */
  List<Long> seqsFor(String linkKey, long afterSeq, int limit);

  /**
   * The largest {@code seq} below {@code treeSize} of an entry naming {@code linkKey}, or -1 if
   * none does: the head of that key's history in the tree of {@code treeSize} leaves.
   */
  long latestSeqBelow(String linkKey, long treeSize);

  /**
   * The entry that recorded the event {@code eventId} from {@code source}, if any: appends of
   * leaves carrying an {@link io.accessledger.ledger.leaf.EventKey} record it atomically with the entry.
   */
  default Optional<RecordedEvent> findEvent(String source, String eventId) {
    return Optional.ofNullable(findEvents(source, List.of(eventId)).get(eventId));
  }

  /** As {@link #findEvent}, for many ids of one source in one round trip: the recorded ones, by id. */
  Map<String, RecordedEvent> findEvents(String source, Collection<String> eventIds);

  /**
   * Stores a witness's cosignature of the checkpoint of {@code cosignature.treeSize()}, unless
   * one from the same {@link CosignerId} for that size is already stored: then nothing changes,
   * whether the stored line is the same or another (a witness asked twice for one checkpoint signs
   * again with a later timestamp; either line proves the same). Several nodes may store at once;
   * no call fails because another stored first. The caller MUST have verified the line.
   *
   * @return whether this call stored it
   * @throws StoreException if the store cannot be written
   */
  boolean addCosignature(StoredCosignature cosignature);

  /** The cosignatures stored for the checkpoint of {@code treeSize}, ordered by cosigner. */
  List<StoredCosignature> cosignatures(long treeSize);

  /**
   * The largest tree size, at most {@code atMostSize}, that every one of {@code cosigners} has a
   * stored cosignature of, or empty if there is none (or {@code cosigners} is empty).
   */
  OptionalLong latestCosignedSize(Collection<CosignerId> cosigners, long atMostSize);

  /**
   * The append-only guards (the database's own refusal of UPDATE and DELETE on ledger tables)
   * that are missing, or differ from those the schema's migrations create, then every trigger on
   * a table the migrations create that they do not create themselves ({@link
   * GuardFault.Kind#UNEXPECTED}: it runs on the store's own writes), in a stable order; empty when
   * every guard is in place and there is no other. One small read, cheap enough for a polled
   * health check.
   *
   * @throws StoreException if the database cannot be read
   */
  List<GuardFault> appendOnlyGuardFaults();

  /**
   * Puts back, in one transaction, exactly the guards the schema's migrations create that are
   * missing or altered (an altered one is replaced), drops every unexpected trigger on a ledger
   * table, and changes nothing else: no row, no table, no trigger on any other table.
   *
   * @return the faults repaired, as {@link #appendOnlyGuardFaults} reported them just before;
   *     empty when every guard was in place
   * @throws StoreException if it cannot, or a guard is still not in place afterwards; nothing is
   *     changed then
   */
  List<GuardFault> restoreAppendOnlyGuards();

  @Override
  void close();
}
