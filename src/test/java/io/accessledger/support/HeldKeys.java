package io.accessledger.support;

import io.accessledger.ledger.notes.CheckpointSigner;
import io.accessledger.ledger.notes.VerifierKey;
import io.accessledger.ledger.writer.SigningKeySource;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The keys a test node holds, in memory: a real {@link SigningKeySource} for a {@code LogSigning}
 * whose keys a test adds (as {@code rotate-key} adds a file) and whose destroyed keys it can see.
 * Thread-safe.
 */
public final class HeldKeys implements SigningKeySource {
  private final List<CheckpointSigner> held = new ArrayList<>();
  private final List<VerifierKey> destroyed = new ArrayList<>();
  private CheckpointSigner primary;

  public HeldKeys(CheckpointSigner primary) {
    this.primary = primary;
    held.add(primary);
  }

  /** Holds {@code signer} too, as a new key file would. */
  public synchronized HeldKeys add(CheckpointSigner signer) {
    held.add(signer);
    return this;
  }

  /** The keys destroyed so far, in order. */
  public synchronized List<VerifierKey> destroyed() {
    return List.copyOf(destroyed);
  }

  @Override
  public synchronized Optional<CheckpointSigner> primary() {
    return Optional.ofNullable(primary);
  }

  @Override
  public synchronized List<CheckpointSigner> held() {
    return List.copyOf(held);
  }

  @Override
  public synchronized void destroy(VerifierKey key) {
    if (held.removeIf(signer -> signer.verifierKey().equals(key))) {
      destroyed.add(key);
    }
    if (primary != null && primary.verifierKey().equals(key)) {
      primary = null;
    }
  }

  @Override
  public synchronized void promote(VerifierKey key) {
    held.stream().filter(signer -> signer.verifierKey().equals(key)).findFirst()
        .ifPresent(signer -> primary = signer);
  }

  @Override
  public String describe() {
    return "the test's keys";
  }
}
