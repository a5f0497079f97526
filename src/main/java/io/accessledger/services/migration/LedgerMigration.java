package io.accessledger.services.migration;

import io.accessledger.auth.ClientStore;
import io.accessledger.auth.ExportedClient;
import io.accessledger.ledger.notes.VerifierKey;
import io.accessledger.ledger.verify.LedgerVerifier;
import io.accessledger.ledger.verify.VerificationResult;
import io.accessledger.store.AppendBatch;
import io.accessledger.store.GuardFault;
import io.accessledger.store.LedgerSnapshot;
import io.accessledger.store.LedgerStore;
import io.accessledger.store.StoredCheckpoint;
import io.accessledger.store.StoredCosignature;
import java.util.List;
import java.util.Optional;

/**
 * Copies a whole ledger and its API clients from one store into another, empty one: how a
 * deployment moves from SQLite to PostgreSQL ({@code migrate-ledger}). It knows only the storage
 * contracts, so it copies between any two backends.
 *
 * <p>Guarantees:
 * <ul>
 *   <li>It MUST NOT write anything unless the source verifies with {@code key} (entries,
 *       checkpoints, indexes and append-only guards, as {@code verify} checks them) and the
 *       target holds no entry, no checkpoint and no client: {@link #prepare} checks all of it
 *       first.
 *   <li>The target gets every leaf byte for byte, every interior node, every link-index row and
 *       event id, and every signed checkpoint with its note unchanged: one append per stored
 *       checkpoint, in order ({@link CheckpointBatches}). No checkpoint is signed anew; the key is
 *       needed only to verify.
 *   <li>The clients keep their names, roles, sources, token hashes, creation and revocation
 *       times, so every token issued keeps working and every revoked one stays refused.
 *   <li>It succeeds only once the target verifies with the same key and holds the source's latest
 *       checkpoint (the same size and root).
 * </ul>
 * The copy is not one transaction: if it fails half way the target holds a prefix of the log (every
 * batch being atomic), which a second run refuses as not empty. The source MUST NOT be written
 * while it runs (the command holds the source's writer lock); a source that changes anyway is
 * caught by the final comparison.
 */
public final class LedgerMigration {
  private final LedgerStore source;
  private final ClientStore sourceClients;
  private final LedgerStore target;
  private final ClientStore targetClients;
  private final VerifierKey key;

  /** What {@link #execute} reports after each checkpoint it copies. */
  @FunctionalInterface
  public interface Progress {
    void copied(long entries, long checkpoints);
  }

  private LedgerMigration(LedgerStore source, ClientStore sourceClients, LedgerStore target,
      ClientStore targetClients, VerifierKey key) {
    this.source = source;
    this.sourceClients = sourceClients;
    this.target = target;
    this.targetClients = targetClients;
    this.key = key;
  }

  /**
   * Checks that the copy may start, writing nothing: the target is empty and the source verifies.
   *
   * @param sourceClients the source's clients, or null when it has none to copy
   * @throws MigrationRefused naming what the target holds, or the source's first bad seq or the
   *     guards it lacks
   */
  public static LedgerMigration prepare(LedgerStore source, ClientStore sourceClients,
      LedgerStore target, ClientStore targetClients, VerifierKey key) {
    refuseUnlessEmpty(target, targetClients);
    VerificationResult verified = new LedgerVerifier(source, key).verify();
    if (!verified.isIntact()) {
      throw new MigrationRefused("the source ledger does not verify, so it is not copied: "
          + failure(verified));
    }
    return new LedgerMigration(source, sourceClients, target, targetClients, key);
  }

  /**
   * Copies the ledger, then the clients, then verifies the target.
   *
   * @throws MigrationRefused if the target is no longer empty, or the copy does not verify as the
   *     source did
   */
  public MigrationResult execute(Progress progress) {
    refuseUnlessEmpty(target, targetClients);
    long entries = 0;
    long checkpoints = 0;
    StoredCheckpoint last = null;
    try (LedgerSnapshot snapshot = source.snapshot();
        CheckpointBatches batches = new CheckpointBatches(snapshot)) {
      for (AppendBatch batch = batches.next(); batch != null; batch = batches.next()) {
        target.append(batch);
        for (StoredCosignature cosignature : source.cosignatures(batch.checkpoint().size())) {
          target.addCosignature(cosignature); // witnesses' words go with their checkpoints
        }
        entries += batch.leaves().size();
        checkpoints++;
        last = batch.checkpoint();
        progress.copied(entries, checkpoints);
      }
      if (entries != snapshot.size()) {
        throw new MigrationRefused("the source holds " + snapshot.size() + " entries but its"
            + " checkpoints cover " + entries + "; verify the source");
      }
    }
    List<ExportedClient> clients = sourceClients == null ? List.of() : sourceClients.exportForCopy();
    if (!clients.isEmpty()) {
      targetClients.importCopy(clients);
    }
    VerificationResult copy = new LedgerVerifier(target, key).verify();
    if (!copy.isIntact()) {
      throw new MigrationRefused("the copy does not verify: " + failure(copy));
    }
    Optional<StoredCheckpoint> sourceLatest = source.latestCheckpoint();
    Optional<StoredCheckpoint> targetLatest = target.latestCheckpoint();
    if (!targetLatest.equals(sourceLatest) || !targetLatest.equals(Optional.ofNullable(last))
        || copy.entries() != entries) {
      throw new MigrationRefused("the copy's latest checkpoint differs from the source's (size "
          + targetLatest.map(StoredCheckpoint::size).orElse(-1L) + " against "
          + sourceLatest.map(StoredCheckpoint::size).orElse(-1L)
          + "): was the source written while it was copied?");
    }
    return new MigrationResult(entries, checkpoints, clients.size(), last);
  }

  private static void refuseUnlessEmpty(LedgerStore target, ClientStore targetClients) {
    long size = target.size();
    Optional<StoredCheckpoint> latest = target.latestCheckpoint();
    int clients = targetClients.list().size();
    if (size > 0 || latest.isPresent() || clients > 0) {
      throw new MigrationRefused("the target is not empty: it holds " + size + " entries, "
          + (latest.isPresent() ? "checkpoints up to size " + latest.get().size() : "no checkpoint")
          + " and " + clients + " API clients; a ledger is copied only into an empty database,"
          + " and nothing was written");
    }
  }

  /** As {@code verify} words it: the first bad seq, then the guards not in place. */
  private static String failure(VerificationResult result) {
    StringBuilder failure = new StringBuilder();
    if (!result.entriesIntact()) {
      failure.append("first bad seq ").append(result.firstBadSeq().getAsLong()).append(": ")
          .append(result.problem());
    }
    if (!result.guardFaults().isEmpty()) {
      failure.append(failure.isEmpty() ? "" : "; ").append("append-only triggers not in place: ")
          .append(GuardFault.describe(result.guardFaults()));
    }
    return failure.toString();
  }
}
