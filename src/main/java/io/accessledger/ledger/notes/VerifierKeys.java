package io.accessledger.ledger.notes;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * A set of trusted {@link VerifierKey}s, in the order given: the keys a verifier accepts
 * signatures from. As C2SP signed-note requires, a verifier picks the key for a signature line by
 * its name and key ID and ignores lines from keys it does not know (witnesses' cosignatures, keys
 * of other logs, keys it was not told about); a line that names a known key MUST verify.
 *
 * <p>Immutable; never empty.
 */
public final class VerifierKeys {
  private final List<VerifierKey> keys;

  private VerifierKeys(List<VerifierKey> keys) {
    this.keys = keys;
  }

  /** The set of {@code first} and {@code more}; a key given twice counts once. */
  public static VerifierKeys of(VerifierKey first, VerifierKey... more) {
    List<VerifierKey> all = new ArrayList<>();
    all.add(Objects.requireNonNull(first, "key"));
    for (VerifierKey key : more) {
      all.add(Objects.requireNonNull(key, "key"));
    }
    return of(all);
  }

  /**
   * The set of {@code keys}, in their order; a key given twice counts once.
   *
   * @throws IllegalArgumentException if {@code keys} is empty
   */
  public static VerifierKeys of(Collection<VerifierKey> keys) {
    LinkedHashSet<VerifierKey> distinct = new LinkedHashSet<>(keys);
    if (distinct.isEmpty()) {
      throw new IllegalArgumentException("a key set needs at least one key");
    }
    return new VerifierKeys(List.copyOf(distinct));
  }

  /** The keys, in the order given. */
  public List<VerifierKey> keys() {
    return keys;
  }

  /** Whether {@code key} is one of these. */
  public boolean contains(VerifierKey key) {
    return keys.contains(key);
  }

  /** This set with {@code key} added at the end (this set itself if it holds it already). */
  public VerifierKeys with(VerifierKey key) {
    if (contains(key)) {
      return this;
    }
    List<VerifierKey> all = new ArrayList<>(keys);
    all.add(key);
    return new VerifierKeys(List.copyOf(all));
  }

  /** The key a signature line names by {@code name} and {@code keyId}, or null if none here. */
  VerifierKey find(String name, int keyId) {
    for (VerifierKey key : keys) {
      if (key.keyId() == keyId && key.name().equals(name)) {
        return key;
      }
    }
    return null;
  }

  /** {@code name+keyid} of each key, for messages: the single key's label when there is one. */
  String labels() {
    return keys.stream().map(VerifierKey::label).collect(Collectors.joining(", "));
  }

  /** The published form of each key, comma separated, for messages. */
  @Override
  public String toString() {
    return keys.stream().map(VerifierKey::toString).collect(Collectors.joining(", "));
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof VerifierKeys k && keys.equals(k.keys);
  }

  @Override
  public int hashCode() {
    return keys.hashCode();
  }
}
