package io.accessledger.health;

import com.codahale.metrics.health.HealthCheck;
import io.accessledger.ledger.notes.CheckpointException;
import io.accessledger.ledger.notes.CheckpointSigner;
import io.accessledger.ledger.writer.LedgerStateException;
import io.accessledger.ledger.writer.LogSigning;
import io.accessledger.ledger.notes.SignedCheckpoint;
import io.accessledger.store.LedgerStore;
import io.accessledger.store.StoredCheckpoint;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * Healthy when the signing key is loaded, its file is still private (mode 0600), and it verifies the
 * latest stored checkpoint: i.e. the key in use is the key this ledger has been signing with.
 */
public final class SigningKeyHealthCheck extends HealthCheck {
  private final LogSigning signing;
  private final LedgerStore store;
  private final Path keyFile;

  public SigningKeyHealthCheck(LogSigning signing, LedgerStore store, Path keyFile) {
    this.signing = signing;
    this.store = store;
    this.keyFile = keyFile;
  }

  @Override
  protected Result check() throws Exception {
    if (!Files.exists(keyFile)) {
      return Result.unhealthy("the signing key file " + keyFile + " has gone");
    }
    Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(keyFile);
    if (!EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE)
        .containsAll(permissions)) {
      return Result.unhealthy(
          "the signing key file " + keyFile + " is readable by others: " + permissions);
    }
    Optional<StoredCheckpoint> latest = store.latestCheckpoint();
    if (latest.isEmpty()) {
      return Result.unhealthy("the ledger has no signed checkpoint");
    }
    CheckpointSigner signer;
    try {
      signer = signing.current();
    } catch (LedgerStateException e) {
      return Result.unhealthy(e.getMessage());
    }
    try {
      SignedCheckpoint.open(latest.get().note(), signer.verifierKey());
    } catch (CheckpointException e) {
      return Result.unhealthy(
          "the loaded key does not verify the latest checkpoint (size " + latest.get().size()
              + "): " + e.getMessage());
    }
    return Result.healthy("key " + signer.verifierKey() + " signed the latest checkpoint");
  }
}
