package io.accessledger.query;

import io.accessledger.api.KeyUse;
import io.accessledger.ledger.keys.KeyHistory;
import io.accessledger.ledger.keys.KeyRotation;
import io.accessledger.ledger.notes.CheckpointException;
import io.accessledger.ledger.notes.SignedCheckpoint;
import io.accessledger.ledger.notes.VerifierKey;
import io.accessledger.ledger.notes.VerifierKeys;
import io.accessledger.store.LedgerStore;
import io.accessledger.store.StoredCheckpoint;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The tree sizes each of the log's keys signed, for {@code GET /v1/log}: a key's first size is the
 * first checkpoint after the rotation that announced it (for the first key, the log's first
 * checkpoint); its last is null while it may still sign, and once its transition is over the
 * largest checkpoint that carries its signature. The checkpoints an old key signed after its
 * rotation are a prefix of those after it, so that size is found by a binary search over the
 * stored checkpoints: O(log n) reads, once per retired key (remembered; a retired key never signs
 * again). Thread-safe.
 */
final class KeyUses {
  private final LedgerStore store;
  private final Duration transition;
  private final Clock clock;
  private final Map<VerifierKey, Long> retiredLastSizes = new ConcurrentHashMap<>();

  KeyUses(LedgerStore store, Duration transition, Clock clock) {
    this.store = store;
    this.transition = transition;
    this.clock = clock;
  }

  /** Each key of {@code history}, oldest first, in a log whose latest checkpoint is {@code latest}. */
  List<KeyUse> of(KeyHistory history, StoredCheckpoint latest) {
    List<KeyUse> uses = new ArrayList<>();
    VerifierKey key = history.first();
    long first = firstCheckpointAfter(-1, latest);
    for (KeyRotation rotation : history.rotations()) {
      long next = firstCheckpointAfter(rotation.seq(), latest);
      uses.add(new KeyUse(key.toString(), first, lastSize(key, rotation, next, latest)));
      key = rotation.newKey();
      first = next;
    }
    uses.add(new KeyUse(key.toString(), first, null));
    return List.copyOf(uses);
  }

  private Long lastSize(
      VerifierKey key, KeyRotation retirement, long rotationCheckpoint, StoredCheckpoint latest) {
    if (clock.instant().isBefore(retirement.rotatedAt().plus(transition))) {
      return null; // it may still sign
    }
    return retiredLastSizes.computeIfAbsent(key,
        k -> lastSignedBy(k, rotationCheckpoint, latest.size()));
  }

  /** The largest checkpoint size in [{@code from}, {@code to}] that {@code key} signed. */
  private long lastSignedBy(VerifierKey key, long from, long to) {
    VerifierKeys keys = VerifierKeys.of(key);
    long lo = from;
    long hi = to;
    while (lo < hi) {
      long mid = lo + (hi - lo + 1) / 2;
      List<StoredCheckpoint> at = store.checkpointsAfter(mid - 1, 1);
      if (at.isEmpty()) {
        hi = mid - 1;
      } else if (signedBy(at.get(0), keys)) {
        lo = at.get(0).size();
      } else {
        hi = mid - 1;
      }
    }
    return lo;
  }

  private static boolean signedBy(StoredCheckpoint checkpoint, VerifierKeys keys) {
    try {
      SignedCheckpoint.open(checkpoint.note(), keys);
      return true;
    } catch (CheckpointException e) {
      return false;
    }
  }

  private long firstCheckpointAfter(long seq, StoredCheckpoint latest) {
    List<StoredCheckpoint> after = store.checkpointsAfter(seq, 1);
    return after.isEmpty() ? latest.size() : after.get(0).size();
  }
}
