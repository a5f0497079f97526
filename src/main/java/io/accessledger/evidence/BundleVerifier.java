package io.accessledger.evidence;

import static io.accessledger.evidence.BundleProblem.CHECKPOINT;
import static io.accessledger.evidence.BundleProblem.COMPLETENESS;

import io.accessledger.ledger.leaf.LedgerEntry;
import io.accessledger.ledger.notes.Checkpoint;
import io.accessledger.ledger.notes.CheckpointException;
import io.accessledger.ledger.notes.CompletenessStatement;
import io.accessledger.ledger.notes.SignedCheckpoint;
import io.accessledger.ledger.notes.SignedCompleteness;
import io.accessledger.ledger.notes.VerifierKey;
import io.accessledger.ledger.notes.VerifierKeys;
import io.accessledger.ledger.notes.WitnessKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Checks an evidence bundle ({@link BundleFormat}) offline, trusting nothing but the verifier key
 * it is given: no database, no network, nothing the bundle says about itself.
 *
 * <p>In order, failing on the first problem with a {@link BundleException} that names it: the
 * bundle is well-formed and closed, no unknown fields ({@link BundleReader}, before anything
 * else); it names the given key, or its key rotations lead from the given key to the one it
 * names, each signed by its old key and proven in the log ({@link KeyChainCheck}); the
 * checkpoint is signed by the key; the completeness statement
 * is signed by the key, about this history and this tree; the request entry, every history entry
 * and every release hash to their {@code leafHash} and are included in the signed tree; the
 * entries are in ascending order and form an unbroken chain of their links ending at the
 * statement's head; every {@code EXTRACT_SUBJECT} entry's release is present and matches it; each
 * consistency proof shows the signed tree extends the checkpoint the log signed at the earlier
 * size; the request entry is the {@code AUDIT_QUERY} that asked for exactly this bundle; and,
 * given a checkpoint the verifier saved earlier, that the log extends it; and last the cosigned
 * checkpoints, and the cosignatures of the witnesses the verifier names ({@link CosignedCheck}).
 *
 * <p>A bundle MUST NOT be trusted in any part unless {@code verify} returns: what it returns
 * holds only what was checked.
 */
public final class BundleVerifier {
  private BundleVerifier() {}

  /**
   * Reads {@code bundle} ({@link BundleReader#read}) and verifies it against {@code key}, and with
   * {@code saved} (a checkpoint note the verifier kept from earlier, or null) that the log only
   * grew since.
   *
   * @throws BundleException naming the first problem found
   */
  public static VerifiedBundle verify(byte[] bundle, VerifierKey key, String saved)
      throws BundleException {
    return verify(bundle, key, saved, List.of());
  }

  /**
   * As {@link #verify(byte[], VerifierKey, String)}, and checks that each of {@code witnesses}
   * cosigned a checkpoint the bundle's tree extends ({@link CosignedCheck}).
   *
   * @throws BundleException naming the first problem found
   */
  public static VerifiedBundle verify(byte[] bundle, VerifierKey key, String saved,
      List<WitnessKey> witnesses) throws BundleException {
    Objects.requireNonNull(bundle, "bundle");
    Objects.requireNonNull(key, "key");
    return verify(bundle, VerifierKeys.of(key), saved, witnesses);
  }

  /**
   * Verifies a bundle already read against {@code key}, and with {@code saved} (a checkpoint note
   * the verifier kept from earlier, or null) that the log only grew since.
   *
   * @throws BundleException naming the first problem found
   */
  public static VerifiedBundle verify(EvidenceBundle bundle, VerifierKey key, String saved)
      throws BundleException {
    Objects.requireNonNull(key, "key");
    return verify(bundle, VerifierKeys.of(key), saved, List.of());
  }

  /**
   * Reads {@code bundle} and verifies it trusting any key of {@code trusted}: the bundle's own
   * key, or one its key rotations lead from ({@link KeyChainCheck}).
   *
   * @throws BundleException naming the first problem found
   */
  public static VerifiedBundle verify(byte[] bundle, VerifierKeys trusted, String saved)
      throws BundleException {
    return verify(bundle, trusted, saved, List.of());
  }

  /**
   * As {@link #verify(byte[], VerifierKeys, String)}, and checks that each of {@code witnesses}
   * cosigned a checkpoint the bundle's tree extends ({@link CosignedCheck}).
   *
   * @throws BundleException naming the first problem found
   */
  public static VerifiedBundle verify(byte[] bundle, VerifierKeys trusted, String saved,
      List<WitnessKey> witnesses) throws BundleException {
    Objects.requireNonNull(bundle, "bundle");
    Objects.requireNonNull(trusted, "trusted");
    return verify(BundleReader.read(bundle), trusted, saved, witnesses);
  }

  /**
   * Verifies a bundle already read, trusting any key of {@code trusted}: the bundle's own key, or
   * one its key rotations lead from; earlier checkpoints (consistency proofs, {@code saved}) are
   * checked with the key of the chain that signed them; and that each of {@code witnesses} (none:
   * the cosigned checkpoints are still checked, their cosignatures are not) cosigned a checkpoint
   * the bundle's tree extends.
   *
   * @throws BundleException naming the first problem found
   */
  public static VerifiedBundle verify(EvidenceBundle bundle, VerifierKeys trusted, String saved,
      List<WitnessKey> witnesses) throws BundleException {
    Objects.requireNonNull(bundle, "bundle");
    Objects.requireNonNull(trusted, "trusted");
    Objects.requireNonNull(witnesses, "witnesses");
    KeyChainCheck.KeyChain chain = KeyChainCheck.chain(bundle, trusted);
    VerifierKey key = chain.bundleKey();
    Checkpoint checkpoint = checkpoint(bundle, key);
    KeyChainCheck.prove(bundle, checkpoint);
    CompletenessStatement statement = completeness(bundle, key, checkpoint);
    LedgerEntry request =
        EntryChecks.provenLeaf(bundle.request(), "the request entry", checkpoint);
    List<LedgerEntry> entries =
        EntryChecks.history(bundle.entries(), bundle.key(), statement.head(), checkpoint);
    Map<Long, LedgerEntry> releases =
        ReleaseCheck.releases(bundle.releases(), entries, checkpoint);
    List<Long> from = new ArrayList<>();
    Map<Long, Checkpoint> earlier =
        ConsistencyCheck.earlier(bundle.consistency(), checkpoint, chain.history(), from);
    RequestCheck.check(bundle, request, from);
    Checkpoint savedCheckpoint = saved == null ? null
        : ConsistencyCheck.saved(saved, chain.history().keys(), checkpoint, earlier);
    List<WitnessVouch> witnessed =
        CosignedCheck.check(bundle.cosigned(), checkpoint, chain.history(), witnesses);
    return new VerifiedBundle(bundle.key(), checkpoint, statement, request, entries, releases,
        from, savedCheckpoint, chain.through(), witnessed);
  }

  /** The signed tree, which MUST be of the bundle's stated size. */
  private static Checkpoint checkpoint(EvidenceBundle bundle, VerifierKey key)
      throws BundleException {
    Checkpoint checkpoint;
    try {
      checkpoint = SignedCheckpoint.open(bundle.checkpoint(), key);
    } catch (CheckpointException e) {
      throw new BundleException(CHECKPOINT, "checkpoint: " + e.getMessage(), e);
    }
    if (bundle.treeSize() != checkpoint.size()) {
      throw new BundleException(CHECKPOINT, "treeSize " + bundle.treeSize()
          + " is not the signed tree size " + checkpoint.size());
    }
    return checkpoint;
  }

  /** The signed statement, which MUST be about the bundle's key in exactly that tree. */
  private static CompletenessStatement completeness(
      EvidenceBundle bundle, VerifierKey key, Checkpoint checkpoint) throws BundleException {
    CompletenessStatement statement;
    try {
      statement = SignedCompleteness.open(bundle.completeness(), key);
    } catch (CheckpointException e) {
      throw new BundleException(COMPLETENESS, "completeness statement: " + e.getMessage(), e);
    }
    if (!statement.linkKey().equals(bundle.key())
        || !statement.checkpoint().equals(checkpoint)) {
      throw new BundleException(COMPLETENESS, "the statement is about " + statement.linkKey()
          + " at tree size " + statement.treeSize() + ", the bundle about " + bundle.key()
          + " at tree size " + checkpoint.size());
    }
    return statement;
  }
}
