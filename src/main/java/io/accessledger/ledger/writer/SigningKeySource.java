package io.accessledger.ledger.writer;

import io.accessledger.ledger.notes.CheckpointSigner;
import io.accessledger.ledger.notes.VerifierKey;
import java.util.List;
import java.util.Optional;

/**
 * The private signing keys one node holds (its data directory's key files), as {@link
 * CheckpointSigner}s of its log. {@link LogSigning} decides, from the log's own rotations, which
 * of them may sign.
 *
 * <p>Implementations MUST re-read their keys on every call to {@link #held} (another process, a
 * {@code rotate-key} run, may have added one), MUST NOT reveal key material in messages or logs,
 * and MUST make {@link #destroy} overwrite the key's bytes before removing it.
 */
public interface SigningKeySource {
  /** The key this node is configured with ({@code signing.key}), if it holds one. */
  Optional<CheckpointSigner> primary();

  /** Every key this node holds now, the primary first. */
  List<CheckpointSigner> held();

  /** Overwrites and removes the private key of {@code key}, if this node holds it. */
  void destroy(VerifierKey key);

  /**
   * Makes {@code key}, which this node holds, the one it starts with ({@code signing.key}), so
   * that a copy of that one file is all another node needs. Crash-safe: every key stays held
   * under some name throughout.
   */
  void promote(VerifierKey key);

  /** Where the keys are kept, for messages (never their contents). */
  String describe();

  /** A source holding {@code signer} alone, which it never destroys (tests, fixed keys). */
  static SigningKeySource of(CheckpointSigner signer) {
    return new SigningKeySource() {
      @Override
      public Optional<CheckpointSigner> primary() {
        return Optional.of(signer);
      }

      @Override
      public List<CheckpointSigner> held() {
        return List.of(signer);
      }

      @Override
      public void destroy(VerifierKey key) {
        // A fixed key is not this node's to destroy.
      }

      @Override
      public void promote(VerifierKey key) {
        // One key only: it is the primary.
      }

      @Override
      public String describe() {
        return "the key given";
      }
    };
  }
}
