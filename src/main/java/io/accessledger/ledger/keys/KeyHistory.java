package io.accessledger.ledger.keys;

import io.accessledger.ledger.notes.VerifierKey;
import io.accessledger.ledger.notes.VerifierKeys;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The keys a log has signed with, in order: the first key, and each {@link KeyRotation} the log
 * recorded. Immutable.
 *
 * <p>A history is a chain: each rotation MUST name as its old key the key in use before it (the
 * first key, or the previous rotation's new key), MUST announce a key of the same name (the log's
 * origin) that the log never used before (a retired key never comes back), and rotations MUST be
 * in ascending {@code seq}. {@link #of} refuses anything else, naming the entry.
 *
 * <p>The rule for checkpoints ({@link #requiredSigners}): a checkpoint of tree size {@code s} MUST
 * be signed by {@link #keyFor keyFor(s)}, the key announced by the last rotation inside that tree;
 * the checkpoint that first covers a rotation MUST also be signed by the rotation's old key, so
 * that trust in the new key comes from a checkpoint the old key signed. Other signatures (the old
 * key during the transition, witnesses) are allowed and ignored by this rule.
 */
public final class KeyHistory {
  private final VerifierKey first;
  private final List<KeyRotation> rotations;

  private KeyHistory(VerifierKey first, List<KeyRotation> rotations) {
    this.first = first;
    this.rotations = rotations;
  }

  /**
   * The history that starts with {@code first} and goes through {@code rotations}.
   *
   * @throws KeyHistoryException naming the first rotation that breaks the chain
   */
  public static KeyHistory of(VerifierKey first, List<KeyRotation> rotations)
      throws KeyHistoryException {
    Objects.requireNonNull(first, "first");
    VerifierKey current = first;
    Set<VerifierKey> used = new HashSet<>(Set.of(first));
    long lastSeq = -1;
    for (KeyRotation rotation : rotations) {
      checkNext(rotation, current, used, lastSeq);
      used.add(rotation.newKey());
      current = rotation.newKey();
      lastSeq = rotation.seq();
    }
    return new KeyHistory(first, List.copyOf(rotations));
  }

  /**
   * The history the log's own {@code rotations} describe: it starts with the first rotation's old
   * key, or is {@code onlyKey} alone when there is no rotation.
   *
   * @throws KeyHistoryException naming the first rotation that breaks the chain
   */
  public static KeyHistory fromLog(VerifierKey onlyKey, List<KeyRotation> rotations)
      throws KeyHistoryException {
    return of(rotations.isEmpty() ? onlyKey : rotations.get(0).oldKey(), rotations);
  }

  /**
   * This history with {@code rotation} recorded after the last one.
   *
   * @throws KeyHistoryException if it does not continue the chain
   */
  public KeyHistory with(KeyRotation rotation) throws KeyHistoryException {
    checkNext(rotation, current(), new HashSet<>(keys().keys()),
        rotations.isEmpty() ? -1 : rotations.get(rotations.size() - 1).seq());
    List<KeyRotation> all = new ArrayList<>(rotations);
    all.add(rotation);
    return new KeyHistory(first, List.copyOf(all));
  }

  /** The key the log signed with first. */
  public VerifierKey first() {
    return first;
  }

  /** The key the latest rotation announced (the first key if none): the one that signs now. */
  public VerifierKey current() {
    return rotations.isEmpty() ? first : rotations.get(rotations.size() - 1).newKey();
  }

  /** The rotations, in log order. */
  public List<KeyRotation> rotations() {
    return rotations;
  }

  /** Every key of the history, oldest first. */
  public VerifierKeys keys() {
    List<VerifierKey> keys = new ArrayList<>();
    keys.add(first);
    rotations.forEach(rotation -> keys.add(rotation.newKey()));
    return VerifierKeys.of(keys);
  }

  /** Whether the log ever signed with {@code key}. */
  public boolean contains(VerifierKey key) {
    return keys().contains(key);
  }

  /** The key that MUST sign a checkpoint of {@code treeSize}: the last one announced inside it. */
  public VerifierKey keyFor(long treeSize) {
    VerifierKey key = first;
    for (KeyRotation rotation : rotations) {
      if (rotation.seq() >= treeSize) {
        break;
      }
      key = rotation.newKey();
    }
    return key;
  }

  /**
   * The keys whose signatures a checkpoint of {@code treeSize} MUST carry when the checkpoint
   * before it in the log was of {@code previousSize}: {@link #keyFor keyFor(treeSize)}, and the
   * old key of each rotation this checkpoint is the first to cover. Oldest first.
   */
  public List<VerifierKey> requiredSigners(long previousSize, long treeSize) {
    List<VerifierKey> required = new ArrayList<>();
    for (KeyRotation rotation : rotations) {
      if (rotation.seq() >= previousSize && rotation.seq() < treeSize
          && !required.contains(rotation.oldKey())) {
        required.add(rotation.oldKey());
      }
    }
    VerifierKey key = keyFor(treeSize);
    if (!required.contains(key)) {
      required.add(key);
    }
    return List.copyOf(required);
  }

  /** The rotation that retired {@code key}, if one did. */
  public Optional<KeyRotation> retirementOf(VerifierKey key) {
    return rotations.stream().filter(rotation -> rotation.oldKey().equals(key)).findFirst();
  }

  /** The rotation that announced {@code key}, if one did (not for the first key). */
  public Optional<KeyRotation> announcementOf(VerifierKey key) {
    return rotations.stream().filter(rotation -> rotation.newKey().equals(key)).findFirst();
  }

  private static void checkNext(
      KeyRotation rotation, VerifierKey current, Set<VerifierKey> used, long lastSeq)
      throws KeyHistoryException {
    long seq = rotation.seq();
    String entry = "the " + KeyRotationEntries.TYPE + " entry " + seq;
    if (seq <= lastSeq) {
      throw new KeyHistoryException(seq, entry + " comes after the rotation at " + lastSeq
          + " in the history but not in the log");
    }
    if (!rotation.oldKey().equals(current)) {
      throw new KeyHistoryException(seq, entry + " names old key " + rotation.oldKey()
          + ", but the key in use before it is " + current
          + " (a rotation that no earlier key announced)");
    }
    if (!rotation.newKey().name().equals(current.name())) {
      throw new KeyHistoryException(seq, entry + " announces a key named "
          + rotation.newKey().name() + ", not the log's origin " + current.name());
    }
    if (used.contains(rotation.newKey())) {
      throw new KeyHistoryException(seq, entry + " announces " + rotation.newKey()
          + ", a key the log used before (a retired key never comes back)");
    }
  }

  @Override
  public String toString() {
    StringBuilder chain = new StringBuilder(first.toString());
    rotations.forEach(rotation -> chain.append(" -> ").append(rotation.newKey()));
    return chain.toString();
  }
}
