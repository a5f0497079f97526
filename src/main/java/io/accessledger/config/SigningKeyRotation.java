package io.accessledger.config;

import com.codahale.metrics.MetricRegistry;
import io.accessledger.crypto.bc.Ed25519Signer;
import io.accessledger.crypto.bc.SigningKeyFile;
import io.accessledger.ledger.keys.KeyRotationEntries;
import io.accessledger.ledger.notes.CheckpointSigner;
import io.accessledger.ledger.notes.VerifierKey;
import io.accessledger.ledger.writer.AppendResult;
import io.accessledger.ledger.writer.Appends;
import io.accessledger.ledger.writer.LedgerStateException;
import io.accessledger.ledger.writer.LogSigning;
import io.accessledger.ledger.writer.Sequencer;
import io.accessledger.store.LedgerStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

/**
 * {@code rotate-key}'s work (contract section 8): makes a new signing key and has the log announce
 * it, with the server running or not.
 *
 * <ol>
 *   <li>The new key is created in the data directory as {@code signing-<key ID>.key} (mode 0600,
 *       sealed when a passphrase is set), before the log names it, so that every process of this
 *       directory can sign with it the moment the announcement lands.
 *   <li>A {@code KEY_ROTATION} entry naming the old and the new key is appended through a writer
 *       of this process. It is a writer like any other node's: with a server running on the same
 *       ledger, the store's fence orders the two and neither can fork the log. The checkpoint
 *       that covers the entry is signed by the old key and the new.
 *   <li>The new key becomes {@code signing.key}, the old one {@code signing-<key ID>.key}, kept
 *       only for the transition ({@code ledger.keyTransition}) and then destroyed.
 * </ol>
 *
 * <p>If the entry is not written, the new key file is destroyed again and nothing has changed. A
 * crash after the entry landed is finished by the next start (the renames); a crash before leaves
 * an unannounced key file that no process signs with.
 */
public final class SigningKeyRotation {
  /** What a rotation did. */
  public record Rotated(long seq, long treeSize, VerifierKey oldKey, VerifierKey newKey,
      Instant transitionEnds) {}

  private SigningKeyRotation() {}

  /**
   * Rotates the key of the ledger {@code factory} describes.
   *
   * @throws LedgerStateException if the ledger has never signed a checkpoint, or this node does
   *     not hold its current key; nothing is written then
   */
  public static Rotated rotate(LedgerFactory factory, MetricRegistry metrics, Clock clock) {
    Path dataDir = factory.prepareDataDir();
    try (LedgerStore store = factory.openStore(metrics)) {
      if (store.latestCheckpoint().isEmpty()) {
        throw new LedgerStateException("the ledger " + factory.ledgerLocation() + " has never"
            + " signed a checkpoint: there is no key to rotate yet (start the server once)");
      }
      LogSigning signing = factory.openSigning(store, clock);
      CheckpointSigner old = signing.current();
      CheckpointSigner fresh = createKey(factory, dataDir);
      AppendResult announced;
      try (Sequencer sequencer = Sequencer.start(
          store, signing, clock, factory.sequencerSettings(), factory.diskReserve())) {
        announced = Appends.await(sequencer.append(KeyRotationEntries.announce(
            old.verifierKey(), fresh.verifierKey(), clock.instant())));
      } catch (RuntimeException e) {
        if (!signing.history().contains(fresh.verifierKey())) {
          SigningKeyFile.destroy(DataDirSigningKeys.otherKeyFile(dataDir, fresh.verifierKey()));
        }
        throw e;
      }
      signing.refresh(); // makes the new key signing.key, and ends a zero transition at once
      Instant rotatedAt = signing.history().announcementOf(fresh.verifierKey()).orElseThrow()
          .rotatedAt();
      return new Rotated(announced.seq(), announced.checkpointSize(), old.verifierKey(),
          fresh.verifierKey(), rotatedAt.plus(signing.transition()));
    }
  }

  /** A fresh key, written under a temporary name and then renamed to its key ID's file. */
  private static CheckpointSigner createKey(LedgerFactory factory, Path dataDir) {
    Path pending = dataDir.resolve("signing-pending-" + UUID.randomUUID() + ".key");
    Ed25519Signer key = SigningKeyFile.createNew(pending, factory.keyPassphrase());
    CheckpointSigner signer = new CheckpointSigner(factory.getOrigin(), key, key.publicKey());
    Path target = DataDirSigningKeys.otherKeyFile(dataDir, signer.verifierKey());
    try {
      Files.move(pending, target, StandardCopyOption.ATOMIC_MOVE);
      DataDirSigningKeys.syncDirectory(dataDir);
    } catch (IOException e) {
      SigningKeyFile.destroy(pending);
      throw new UncheckedIOException("cannot publish the new signing key as " + target, e);
    }
    return signer;
  }
}
