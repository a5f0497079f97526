package io.accessledger.ledger.writer;

import io.accessledger.ledger.keys.KeyHistory;
import io.accessledger.ledger.keys.KeyHistoryException;
import io.accessledger.ledger.keys.KeyRotation;
import io.accessledger.ledger.notes.Checkpoint;
import io.accessledger.ledger.notes.CheckpointException;
import io.accessledger.ledger.notes.CheckpointSigner;
import io.accessledger.ledger.notes.VerifierKey;
import io.accessledger.store.LedgerStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which of a node's keys sign the log's checkpoints, decided by the log's own {@code
 * KEY_ROTATION} entries (contract section 8), never by which key files happen to be present.
 *
 * <p>Guarantees: a checkpoint is signed by the key the log's rotations lead to ({@link
 * KeyHistory#keyFor}), and the checkpoint that first covers a rotation also by the rotation's old
 * key; for {@code transition} after a rotation the old key signs too, if this node holds it; after
 * that the old key is never used again and this node destroys its copy ({@link
 * SigningKeySource#destroy}). A node MUST NOT sign with a retired key or a key the log never
 * announced: {@link #refresh} refuses to go on without the current key, naming what to do.
 *
 * <p>Read by any thread; refreshed by the writer thread (and at start) whenever the stored log
 * may have changed under it (another node or a {@code rotate-key} run appended).
 */
public final class LogSigning {
  /** How long both keys sign after a rotation, unless configured otherwise. */
  public static final Duration DEFAULT_TRANSITION = Duration.ofHours(24);

  private static final Logger LOG = LoggerFactory.getLogger(LogSigning.class);

  private final LedgerStore store;
  private final SigningKeySource keys;
  private final Duration transition;
  private final Clock clock;
  private volatile State state;

  /**
   * What signs now: the history, the current key's signer (null when this node does not hold
   * it: it then reads, but writes nothing), the old keys still in transition.
   */
  private record State(
      KeyHistory history, CheckpointSigner current, List<Retiring> retiring) {}

  /** An old key that still signs until {@code until}. */
  private record Retiring(CheckpointSigner signer, Instant until) {}

  private LogSigning(
      LedgerStore store, SigningKeySource keys, Duration transition, Clock clock) {
    this.store = Objects.requireNonNull(store, "store");
    this.keys = Objects.requireNonNull(keys, "keys");
    this.transition = Objects.requireNonNull(transition, "transition");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /**
   * The signing of {@code store}'s log with {@code keys}, loaded now.
   *
   * @throws LedgerStateException if this node does not hold the log's current key
   */
  public static LogSigning open(
      LedgerStore store, SigningKeySource keys, Duration transition, Clock clock) {
    LogSigning signing = new LogSigning(store, keys, transition, clock);
    signing.refresh();
    return signing;
  }

  /** As {@link #open}, with {@code signer} as the only key, the default transition, real time. */
  public static LogSigning fixed(LedgerStore store, CheckpointSigner signer) {
    return open(store, SigningKeySource.of(signer), DEFAULT_TRANSITION, Clock.systemUTC());
  }

  /** The log's keys as its rotations in the store describe them, as last refreshed. */
  public KeyHistory history() {
    return state.history();
  }

  /**
   * The signer of the current key: it signs completeness statements and every checkpoint.
   *
   * @throws LedgerStateException if this node does not hold the current key
   */
  public CheckpointSigner current() {
    State now = state;
    if (now.current() == null) {
      throw missingCurrent(now.history(), keys.primary().map(CheckpointSigner::verifierKey)
          .orElse(now.history().first()));
    }
    return now.current();
  }

  /** The log's origin, the name of all its keys. */
  public String origin() {
    return state.history().first().name();
  }

  /**
   * {@link #refresh} for a reader that saw a checkpoint signed by a key it does not know: the
   * history is brought up to date even when this node does not hold the new key (its writes then
   * fail, naming the key to copy; its reads go on).
   */
  public void refreshForReading() {
    try {
      refresh();
    } catch (LedgerStateException e) {
      LOG.warn("this node cannot sign for the log as it stands: {}", e.getMessage());
    }
  }

  /** How long both keys sign after a rotation. */
  public Duration transition() {
    return transition;
  }

  /**
   * Reads the log's rotations again and picks the signers: the current key, and the old keys
   * still in their transition; destroys this node's copies of keys whose transition is over.
   *
   * @throws LedgerStateException if the rotations do not form a chain, or this node does not
   *     hold the current key; the previous state is kept then
   */
  public synchronized void refresh() {
    List<CheckpointSigner> held = keys.held();
    CheckpointSigner configured = keys.primary().orElse(held.isEmpty() ? null : held.get(0));
    if (configured == null) {
      throw new LedgerStateException("no signing key in " + keys.describe());
    }
    List<KeyRotation> rotations =
        StoredRotations.read(store, configured.origin(), Long.MAX_VALUE);
    KeyHistory history;
    try {
      history = KeyHistory.fromLog(configured.verifierKey(), rotations);
    } catch (KeyHistoryException e) {
      throw new LedgerStateException("the log's key rotations do not form a chain: "
          + e.getMessage() + "; run `verify`", e);
    }
    CheckpointSigner current = find(held, history.current());
    if (current == null) {
      State before = state;
      // Readers learn of the new key at once; this node writes nothing until it holds it.
      state = new State(history, null, before == null ? List.of() : before.retiring());
      throw missingCurrent(history, configured.verifierKey());
    }
    if (!configured.verifierKey().equals(current.verifierKey())) {
      keys.promote(current.verifierKey()); // finishes a rotation that stopped before its renames
    }
    List<Retiring> retiring = new ArrayList<>();
    Instant now = clock.instant();
    for (KeyRotation rotation : rotations) {
      CheckpointSigner old = find(held, rotation.oldKey());
      if (old == null) {
        continue;
      }
      Instant until = rotation.rotatedAt().plus(transition);
      if (now.isBefore(until)) {
        retiring.add(new Retiring(old, until));
      } else {
        destroy(rotation);
      }
    }
    state = new State(history, current, List.copyOf(retiring));
  }

  /**
   * The signed note of {@code checkpoint}, the tree after a batch that follows a checkpoint of
   * {@code previousSize} and holds the rotations {@code inBatch} (in log order, usually none).
   *
   * @throws LedgerStateException if a rotation in the batch does not continue the log's chain, or
   *     a key that must sign is not held here; nothing is signed then
   */
  String sign(Checkpoint checkpoint, long previousSize, List<KeyRotation> inBatch) {
    State now = state;
    CheckpointSigner current = current();
    KeyHistory history = now.history();
    for (KeyRotation rotation : inBatch) {
      try {
        history = history.with(rotation);
      } catch (KeyHistoryException e) {
        throw new LedgerStateException("refusing the key rotation: " + e.getMessage(), e);
      }
    }
    List<CheckpointSigner> signers = new ArrayList<>();
    List<CheckpointSigner> held = inBatch.isEmpty() ? List.of() : keys.held();
    VerifierKey key = history.keyFor(checkpoint.size());
    signers.add(key.equals(current.verifierKey()) ? current : require(held, key));
    for (VerifierKey old : history.requiredSigners(previousSize, checkpoint.size())) {
      if (!contains(signers, old)) {
        signers.add(old.equals(current.verifierKey()) ? current : require(held, old));
      }
    }
    Instant time = clock.instant();
    for (Retiring retiring : now.retiring()) {
      if (time.isBefore(retiring.until()) && !contains(signers, retiring.signer().verifierKey())) {
        signers.add(retiring.signer());
      }
    }
    String note = signers.get(0).sign(checkpoint);
    try {
      for (CheckpointSigner other : signers.subList(1, signers.size())) {
        note = other.addSignature(note);
      }
    } catch (CheckpointException e) {
      throw new IllegalStateException("a note this node signed does not parse", e);
    }
    return note;
  }

  /** Whether an old key's transition has ended since the last refresh: refresh to retire it. */
  boolean transitionEnded() {
    Instant time = clock.instant();
    return state.retiring().stream().anyMatch(retiring -> !time.isBefore(retiring.until()));
  }

  private void destroy(KeyRotation rotation) {
    keys.destroy(rotation.oldKey());
    LOG.info("the transition after the key rotation at entry {} is over: this node no longer"
        + " holds the retired key {} (destroyed)", rotation.seq(), rotation.oldKey());
  }

  private LedgerStateException missingCurrent(KeyHistory history, VerifierKey configured) {
    if (history.contains(configured)) {
      KeyRotation retired = history.retirementOf(configured).orElseThrow();
      return new LedgerStateException("the signing key in " + keys.describe() + " ("
          + configured + ") was retired by the key rotation at entry " + retired.seq() + " ("
          + retired.rotatedAt() + "); a retired key never signs again. This node does not hold"
          + " the log's current key " + history.current() + ": copy the signing.key of the"
          + " node that rotated");
    }
    return new LedgerStateException("the signing key in " + keys.describe() + " ("
        + configured + ") is not one this log has announced (its keys: " + history.keys()
        + "). Start with the key file this ledger was created with or rotated to");
  }

  private static CheckpointSigner require(List<CheckpointSigner> held, VerifierKey key) {
    CheckpointSigner signer = find(held, key);
    if (signer == null) {
      throw new LedgerStateException("cannot sign: this node does not hold the key " + key
          + " that must sign this checkpoint");
    }
    return signer;
  }

  private static boolean contains(List<CheckpointSigner> signers, VerifierKey key) {
    return find(signers, key) != null;
  }

  private static CheckpointSigner find(List<CheckpointSigner> signers, VerifierKey key) {
    for (CheckpointSigner signer : signers) {
      if (signer.verifierKey().equals(key)) {
        return signer;
      }
    }
    return null;
  }
}
